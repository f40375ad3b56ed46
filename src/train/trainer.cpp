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
  if (shards != 1 && shards != 2 && shards != 4 && shards != 8)
    throw Error("bad_train_config", "shards must be 1, 2, 4 or 8", shards);
  if (batch_size % shards != 0)
    throw Error("bad_train_config", "batch_size must be a multiple of shards", batch_size, shards);
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
  mixed_ = batch;
  return flip_coins(batch, 0, batch.B, &mixed_);
}

int Trainer::flip_coins(const Batch& batch, int b0, int b1, Batch* rows) {
  const int T = batch.T, V = model_->vocab_size();
  const float* logits = nullptr;
  if (rows) {
    probe_.B = rows->B, probe_.T = rows->T, probe_.S = rows->S;
    probe_.inputs = rows->inputs, probe_.source = rows->source;
    probe_.targets.clear();  // logits only: the teacher-forced pass's guess for every next token
    model_->forward(probe_);
    logits = model_->logits();
  }
  int replaced = 0;
  for (int b = b0; b < b1; ++b) {
    for (int t = 1; t < T; ++t) {
      if (coin_.uniform() >= train_config_.sampling_prob) continue;
      if (!rows || batch.targets[b * T + t] == Network::kIgnore) continue;
      const float* z = logits + (static_cast<std::size_t>(b - b0) * T + t - 1) * V;
      rows->inputs[(b - b0) * T + t] = static_cast<int>(std::max_element(z, z + V) - z);
      ++replaced;
    }
  }
  return replaced;
}

StepResult Trainer::step(const Batch& batch) {
  if (train_config_.shards > 1) {
    const int S = train_config_.shards;
    shard_losses_.resize(S);
    step_part(batch, 0, S, model_->grads().data(), shard_losses_.data());
    whole_.assign(1, model_->grads().data());
    return finish_step(whole_, shard_losses_);
  }
  int replaced = 0;
  const Batch* x = &batch;
  if (train_config_.sampling_prob > 0.0f) {
    replaced = apply_scheduled_sampling(batch);
    x = &mixed_;
  }
  const float loss = model_->forward(*x);
  if (std::isfinite(loss)) {
    model_->zero_grad();
    model_->backward();
  }
  int tokens = 0;
  for (int t : batch.targets) tokens += t != Network::kIgnore;
  return update(loss, tokens, replaced);
}

StepResult Trainer::update(float loss, int tokens, int replaced) {
  const int step_index = optimizer_->steps_taken();
  if (!std::isfinite(loss)) {
    throw Error("loss_not_finite",
                "the loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") + " at step " +
                    std::to_string(step_index + 1) + "; lower the learning rate",
                step_index + 1);
  }
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
  StepResult r;
  r.step = optimizer_->steps_taken();
  r.loss = loss;
  r.grad_norm = stats.grad_norm;
  r.lr = stats.lr;
  r.tokens = tokens;
  r.replaced = replaced;
  return r;
}

namespace {

bool power_of_two(int n) { return n > 0 && (n & (n - 1)) == 0; }

// out[i] = the pairwise tree sum of parts[0][i] .. parts[k-1][i] (k = 1, 2, 4 or 8), e.g. for k = 4
// (p0 + p1) + (p2 + p3). out may be one of the parts. One loop per k, written out, so it vectorizes.
void tree_sum(const std::vector<const float*>& parts, float* out, std::size_t n) {
  const float* const* p = parts.data();
  switch (parts.size()) {
    case 1:
      if (out != p[0]) std::copy_n(p[0], n, out);
      return;
    case 2:
      for (std::size_t i = 0; i < n; ++i) out[i] = p[0][i] + p[1][i];
      return;
    case 4:
      for (std::size_t i = 0; i < n; ++i) out[i] = (p[0][i] + p[1][i]) + (p[2][i] + p[3][i]);
      return;
    case 8:
      for (std::size_t i = 0; i < n; ++i)
        out[i] = ((p[0][i] + p[1][i]) + (p[2][i] + p[3][i])) + ((p[4][i] + p[5][i]) + (p[6][i] + p[7][i]));
      return;
    default:
      throw Error("bad_train_config", "a tree sum adds 1, 2, 4 or 8 parts", static_cast<int>(parts.size()));
  }
}

// Rows [b0, b0 + rows) of `batch` as a batch of their own.
void copy_rows(const Batch& batch, int b0, int rows, Batch& out) {
  out.resize(rows, batch.T, batch.S);
  const auto T = static_cast<std::ptrdiff_t>(batch.T), S = static_cast<std::ptrdiff_t>(batch.S);
  std::copy_n(batch.inputs.begin() + b0 * T, rows * T, out.inputs.begin());
  std::copy_n(batch.targets.begin() + b0 * T, rows * T, out.targets.begin());
  std::copy_n(batch.source.begin() + b0 * S, rows * S, out.source.begin());
}

int counted(const std::vector<int>& targets, std::size_t from, std::size_t n) {
  int c = 0;
  for (std::size_t i = from; i < from + n; ++i) c += targets[i] != Network::kIgnore;
  return c;
}

}  // namespace

void Trainer::check_part(int first, int count) const {
  const int S = train_config_.shards;
  if (S < 2 || !power_of_two(count) || count > S || first < 0 || first % count != 0 || first + count > S)
    throw Error("bad_train_config", "a split step's part must be an aligned block of the batch's shards", first, count);
}

void Trainer::step_part(const Batch& batch, int first, int count, float* part, ShardLoss* losses) {
  check_part(first, count);
  const int S = train_config_.shards;
  if (batch.B % S != 0) throw Error("bad_train_config", "batch_size must be a multiple of shards", batch.B, S);
  const int rows = batch.B / S;
  const std::size_t P = model_->num_parameters(), per_shard = static_cast<std::size_t>(rows) * batch.T;
  const int N = counted(batch.targets, 0, batch.targets.size());
  if (count > 1 && shard_grads_.size() < count * P) shard_grads_.resize(count * P);
  blocks_.resize(static_cast<std::size_t>(count));
  for (int s = 0; s < S; ++s) {
    const bool mine = s >= first && s < first + count;
    if (!mine) {  // the coins of the other workers' shards: drawn, not used
      if (train_config_.sampling_prob > 0.0f) flip_coins(batch, s * rows, (s + 1) * rows, nullptr);
      continue;
    }
    ShardLoss& out = losses[s - first];
    copy_rows(batch, s * rows, rows, shard_);
    out.replaced = train_config_.sampling_prob > 0.0f ? flip_coins(batch, s * rows, (s + 1) * rows, &shard_) : 0;
    out.counted = counted(batch.targets, s * per_shard, per_shard);
    float* g = count == 1 ? part : shard_grads_.data() + (s - first) * P;  // one shard: its sum is itself
    blocks_[s - first] = g;
    if (out.counted == 0) {  // nothing to learn from: weight 0 (its mean loss is NaN)
      out.loss = std::numeric_limits<float>::quiet_NaN();
      std::fill_n(g, P, 0.0f);
      continue;
    }
    out.loss = model_->forward(shard_);
    model_->zero_grad();
    if (std::isfinite(out.loss)) model_->backward();  // else finish_step refuses the step
    const float w = static_cast<float>(out.counted) / static_cast<float>(N);
    const float* grad = model_->grads().data();
    for (std::size_t i = 0; i < P; ++i) g[i] = w * grad[i];
  }
  tree_sum(blocks_, part, P);
}

StepResult Trainer::finish_step(const std::vector<const float*>& parts, const std::vector<ShardLoss>& losses) {
  const int S = train_config_.shards;
  const int W = static_cast<int>(parts.size());
  if (S < 2 || static_cast<int>(losses.size()) != S || !power_of_two(W) || W > S) {
    throw Error("bad_train_config", "a split step needs one part per worker and one loss per shard", W,
                static_cast<int>(losses.size()));
  }
  // The loss of the whole batch: the shards' means weighted by their counted targets, in shard order.
  int tokens = 0, replaced = 0;
  for (const ShardLoss& l : losses) tokens += l.counted, replaced += l.replaced;
  double loss = tokens > 0 ? 0.0 : std::numeric_limits<double>::quiet_NaN();
  for (const ShardLoss& l : losses)
    if (l.counted > 0) loss += static_cast<double>(l.loss) * l.counted / tokens;
  if (std::isfinite(loss)) tree_sum(parts, model_->grads().data(), model_->num_parameters());
  return update(static_cast<float>(loss), tokens, replaced);
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
