#include "train/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace tf {

void TrainConfig::validate(int max_positions) const {
  if (batch_size < 1 || batch_size > 512) throw Error("bad_train_config", "batch_size must be in [1, 512]", batch_size);
  if (seq_len < 0 || seq_len > max_positions) {
    throw Error("bad_train_config", "seq_len must be in [1, block_size] (0 = block_size)", seq_len, max_positions);
  }
  if (!(sampling_prob >= 0.0f && sampling_prob <= 1.0f)) {
    throw Error("bad_train_config", "sampling_prob must be in [0, 1]");
  }
}

Trainer::Trainer(const ModelConfig& model_config, const OptimizerConfig& optimizer_config,
                 const TrainConfig& train_config)
    : Trainer(std::make_unique<Model>(model_config, train_config.seed), optimizer_config, train_config) {}

Trainer::Trainer(std::unique_ptr<Network> model, const OptimizerConfig& optimizer_config,
                 const TrainConfig& train_config)
    : model_(std::move(model)), train_config_(train_config), coin_(train_config.seed, 0xc01) {
  train_config_.validate(model_->max_positions());
  optimizer_config.validate();
  optimizer_ = std::make_unique<Optimizer>(optimizer_config, model_->param_refs());
}

Model& Trainer::model() {
  auto* gpt = dynamic_cast<Model*>(model_.get());
  if (!gpt) throw Error("wrong_arch", "this trainer's model is a " + model_->arch() + ", not a GPT");
  return *gpt;
}

const Model& Trainer::model() const { return const_cast<Trainer*>(this)->model(); }

int Trainer::window() const { return train_config_.seq_len > 0 ? train_config_.seq_len : model_->max_positions(); }

void Trainer::set_sampling_prob(float p) {
  TrainConfig c = train_config_;
  c.sampling_prob = p;
  c.validate(model_->max_positions());
  train_config_ = c;
}

// Replaces input t (t >= 1, target counted) with the argmax of the teacher-forced prediction at t − 1. One coin
// per position, drawn for every position, so the stream does not depend on the padding.
int Trainer::apply_scheduled_sampling(const Batch& batch) {
  const int B = batch.B, T = batch.T, V = model_->vocab_size();
  mixed_ = batch;
  probe_.B = batch.B, probe_.T = batch.T, probe_.S = batch.S;
  probe_.inputs = batch.inputs, probe_.source = batch.source;
  probe_.targets.clear();  // logits only: the teacher-forced pass's guess for every next token
  model_->forward(probe_);
  const float* logits = model_->logits();
  int replaced = 0;
  for (int b = 0; b < B; ++b) {
    for (int t = 1; t < T; ++t) {
      if (coin_.uniform() >= train_config_.sampling_prob) continue;
      if (batch.targets[b * T + t] == Network::kIgnore) continue;
      const float* z = logits + (static_cast<std::size_t>(b) * T + t - 1) * V;
      mixed_.inputs[b * T + t] = static_cast<int>(std::max_element(z, z + V) - z);
      ++replaced;
    }
  }
  return replaced;
}

StepResult Trainer::step(const Batch& batch) {
  StepResult r;
  const Batch* x = &batch;
  if (train_config_.sampling_prob > 0.0f) {
    r.replaced = apply_scheduled_sampling(batch);
    x = &mixed_;
  }
  r.loss = model_->forward(*x);
  const int step_index = optimizer_->steps_taken();
  if (!std::isfinite(r.loss)) {
    throw Error("loss_not_finite",
                "the loss became " + std::string(std::isnan(r.loss) ? "NaN" : "infinite") + " at step " +
                    std::to_string(step_index + 1) + "; lower the learning rate",
                step_index + 1);
  }
  model_->zero_grad();
  model_->backward();
  StepStats stats;
  try {
    stats = optimizer_->step();
  } catch (const Error& e) {
    if (e.code() != "nonfinite_gradient") throw;
    throw Error(
        "loss_not_finite",
        "a gradient became NaN or infinite at step " + std::to_string(step_index + 1) + "; lower the learning rate",
        step_index + 1);
  }
  r.step = optimizer_->steps_taken();
  r.grad_norm = stats.grad_norm;
  r.lr = stats.lr;
  for (int t : batch.targets) r.tokens += t != Network::kIgnore;
  return r;
}

StepResult Trainer::step(const int* inputs, const int* targets) {
  const int B = train_config_.batch_size, T = window();
  window_.resize(B, T);
  std::copy_n(inputs, window_.inputs.size(), window_.inputs.begin());
  std::copy_n(targets, window_.targets.size(), window_.targets.begin());
  return step(window_);
}

float Trainer::evaluate(const std::vector<Batch>& batches) {
  double sum = 0;
  long long count = 0;
  for (const Batch& b : batches) {
    const long long counted =
        std::count_if(b.targets.begin(), b.targets.end(), [](int t) { return t != Network::kIgnore; });
    if (counted == 0) continue;
    sum += static_cast<double>(model_->forward(b)) * counted;
    count += counted;
  }
  return count > 0 ? static_cast<float>(sum / count) : std::numeric_limits<float>::quiet_NaN();
}

float Trainer::evaluate(const std::vector<int>& tokens, int max_batches) {
  return evaluate(window_batches(tokens, train_config_.batch_size, window(), max_batches));
}

std::vector<StepResult> lockstep(std::vector<Trainer*>& trainers, Sampler& batches) {
  Batch batch;
  return lockstep(trainers, batches, batch);
}

std::vector<StepResult> lockstep(std::vector<Trainer*>& trainers, Sampler& batches, Batch& batch) {
  for (const Trainer* t : trainers) {
    if (t->config().batch_size != batches.batch_size())
      throw Error("bad_train_config", "every racer must use the batch size and sequence length of the batches");
    const auto* windows = dynamic_cast<const BatchSampler*>(&batches);
    if (windows && t->window() != windows->seq_len())
      throw Error("bad_train_config", "every racer must use the batch size and sequence length of the batches");
  }
  batches.next(batch);
  std::vector<StepResult> results;
  for (Trainer* t : trainers) {
    try {
      results.push_back(t->step(batch));
    } catch (const Error& e) {
      if (e.code() != "loss_not_finite") throw;
      StepResult r;
      r.step = t->steps() + 1;  // the number of the step that failed (not taken: the weights stay)
      r.loss = std::numeric_limits<float>::quiet_NaN();
      results.push_back(r);
    }
  }
  return results;
}

}  // namespace tf
