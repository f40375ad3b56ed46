#include "train/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace tf {

BatchSampler::BatchSampler(std::vector<int> tokens, int B, int T, std::uint64_t seed)
    : tokens_(std::move(tokens)), B_(B), T_(T), rng_(seed, 0xba7c4) {
  if (B < 1 || T < 1) throw Error("bad_train_config", "batch size and sequence length must be >= 1", B, T);
  if (static_cast<long long>(tokens_.size()) < T + 1LL) {
    throw Error("corpus_too_short",
                "the text has " + std::to_string(tokens_.size()) + " tokens; training windows need at least " +
                    std::to_string(T + 1),
                static_cast<long long>(tokens_.size()), T + 1);
  }
}

void BatchSampler::next(int* inputs, int* targets) {
  const auto starts = static_cast<std::uint32_t>(tokens_.size() - T_);  // windows [o, o+T] fit
  for (int b = 0; b < B_; ++b) {
    const std::size_t o = rng_.below(starts);
    std::copy_n(tokens_.begin() + o, T_, inputs + b * T_);
    std::copy_n(tokens_.begin() + o + 1, T_, targets + b * T_);
  }
}

void TrainConfig::validate(const ModelConfig& model) const {
  if (batch_size < 1 || batch_size > 512) throw Error("bad_train_config", "batch_size must be in [1, 512]", batch_size);
  if (seq_len < 0 || seq_len > model.block_size) {
    throw Error("bad_train_config", "seq_len must be in [1, block_size] (0 = block_size)", seq_len, model.block_size);
  }
  if (!(sampling_prob >= 0.0f && sampling_prob <= 1.0f)) {
    throw Error("bad_train_config", "sampling_prob must be in [0, 1]");
  }
}

Trainer::Trainer(const ModelConfig& model_config, const OptimizerConfig& optimizer_config,
                 const TrainConfig& train_config)
    : Trainer(std::make_unique<Model>(model_config, train_config.seed), optimizer_config, train_config) {}

Trainer::Trainer(std::unique_ptr<Model> model, const OptimizerConfig& optimizer_config, const TrainConfig& train_config)
    : model_(std::move(model)), train_config_(train_config), coin_(train_config.seed, 0xc01) {
  train_config_.validate(model_->config());
  optimizer_config.validate();
  optimizer_ = std::make_unique<Optimizer>(optimizer_config, model_->param_refs());
}

void Trainer::set_sampling_prob(float p) {
  TrainConfig c = train_config_;
  c.sampling_prob = p;
  c.validate(model_->config());
  train_config_ = c;
}

int Trainer::apply_scheduled_sampling(const int* inputs, int B, int T) {
  const int V = model_->config().vocab_size;
  mixed_.assign(inputs, inputs + static_cast<std::size_t>(B) * T);
  model_->forward(inputs, nullptr, B, T);  // teacher-forced pass: the model's guess for every next token
  const float* logits = model_->logits();
  int replaced = 0;
  for (int b = 0; b < B; ++b) {
    for (int t = 1; t < T; ++t) {
      if (coin_.uniform() >= train_config_.sampling_prob) continue;
      const float* z = logits + (static_cast<std::size_t>(b) * T + t - 1) * V;
      mixed_[b * T + t] = static_cast<int>(std::max_element(z, z + V) - z);
      ++replaced;
    }
  }
  return replaced;
}

StepResult Trainer::step(const int* inputs, const int* targets) {
  const int B = train_config_.batch_size;
  const int T = train_config_.seq_len > 0 ? train_config_.seq_len : model_->config().block_size;
  StepResult r;
  const int* x = inputs;
  if (train_config_.sampling_prob > 0.0f) {
    r.replaced = apply_scheduled_sampling(inputs, B, T);
    x = mixed_.data();
  }
  r.loss = model_->forward(x, targets, B, T);
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
  for (int i = 0; i < B * T; ++i) r.tokens += targets[i] != Model::kIgnore;
  return r;
}

float Trainer::evaluate(const std::vector<int>& tokens, int max_batches) {
  const int T = train_config_.seq_len > 0 ? train_config_.seq_len : model_->config().block_size;
  const int B = train_config_.batch_size;
  const long long windows = (static_cast<long long>(tokens.size()) - 1) / T;
  if (windows < 1) throw Error("corpus_too_short", "held-out text is shorter than one window", tokens.size(), T + 1);
  std::vector<int> x(static_cast<std::size_t>(B) * T), y(x.size());
  double sum = 0;
  long long count = 0;
  for (long long w0 = 0; w0 < windows && w0 / B < max_batches; w0 += B) {
    const int nb = static_cast<int>(std::min<long long>(B, windows - w0));
    for (int b = 0; b < nb; ++b) {
      const std::size_t o = static_cast<std::size_t>(w0 + b) * T;
      std::copy_n(tokens.begin() + o, T, x.begin() + b * T);
      std::copy_n(tokens.begin() + o + 1, T, y.begin() + b * T);
    }
    sum += static_cast<double>(model_->forward(x.data(), y.data(), nb, T)) * nb * T;
    count += static_cast<long long>(nb) * T;
  }
  return static_cast<float>(sum / count);
}

std::vector<StepResult> lockstep(std::vector<Trainer*>& trainers, BatchSampler& batches) {
  const std::size_t n = static_cast<std::size_t>(batches.batch_size()) * batches.seq_len();
  for (const Trainer* t : trainers) {
    const int T = t->config().seq_len > 0 ? t->config().seq_len : t->model().config().block_size;
    if (t->config().batch_size != batches.batch_size() || T != batches.seq_len())
      throw Error("bad_train_config", "every racer must use the batch size and sequence length of the batches");
  }
  std::vector<int> x(n), y(n);
  batches.next(x.data(), y.data());
  std::vector<StepResult> results;
  for (Trainer* t : trainers) {
    try {
      results.push_back(t->step(x.data(), y.data()));
    } catch (const Error& e) {
      if (e.code() != "loss_not_finite") throw;
      StepResult r;
      r.step = t->steps();
      r.loss = std::numeric_limits<float>::quiet_NaN();
      results.push_back(r);
    }
  }
  return results;
}

}  // namespace tf
