#pragma once
// Training: batches of next-token windows, one optimizer step at a time, and several models in
// lockstep for the optimizer race. Knows nothing of who displays it.
//
//   BatchSampler batches(train_ids, /*B=*/16, /*T=*/32, /*seed=*/1);
//   Trainer trainer(model_config, optimizer_config, train_config);
//   for (int i = 0; i < 1000; ++i) {
//     batches.next(inputs, targets);                // (B, T) each; targets are inputs shifted by one
//     StepResult r = trainer.step(inputs, targets);  // forward, backward, optimizer update
//   }
//
// Teacher forcing vs free-running: with sampling_prob p > 0 (scheduled sampling, Bengio et al. 2015)
// each input token after the first is replaced, with probability p, by the model's own greedy
// prediction of it from a first, teacher-forced pass over the same window. p = 0 is teacher
// forcing; p = 1 feeds the model only its own predictions. Targets always stay the true text.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/rng.hpp"
#include "model/model.hpp"
#include "train/optimizer.hpp"

namespace tf {

// Random windows of T+1 consecutive tokens from a token stream.
class BatchSampler {
 public:
  BatchSampler(std::vector<int> tokens, int B, int T, std::uint64_t seed);
  void next(int* inputs, int* targets);  // (B, T) each
  int batch_size() const { return B_; }
  int seq_len() const { return T_; }
  const std::vector<int>& tokens() const { return tokens_; }

 private:
  std::vector<int> tokens_;
  int B_, T_;
  Rng rng_;
};

struct TrainConfig {
  int batch_size = 16;
  int seq_len = 0;                                // 0 = the model's block_size
  float sampling_prob = 0.0f;                     // scheduled sampling p: 0 teacher forcing .. 1 free-running
  std::uint64_t seed = 1337;                      // weights, and the scheduled-sampling coin flips
  void validate(const ModelConfig& model) const;  // tf::Error("bad_train_config")
};

struct StepResult {
  int step = 0;         // 1-based count of optimizer steps taken
  float loss = 0;       // mean cross-entropy of the batch, before the update
  float grad_norm = 0;  // before clipping
  float lr = 0;
  int tokens = 0;    // tokens that counted toward the loss
  int replaced = 0;  // inputs replaced by the model's predictions (scheduled sampling)
};

class Trainer {
 public:
  Trainer(const ModelConfig& model_config, const OptimizerConfig& optimizer_config, const TrainConfig& train_config);
  // Adopts an existing model (e.g. a loaded checkpoint).
  Trainer(std::unique_ptr<Model> model, const OptimizerConfig& optimizer_config, const TrainConfig& train_config);

  // One update on (B, T) inputs and targets. When the loss or a gradient is NaN/Inf the weights are
  // left as they were and tf::Error("loss_not_finite", step) is thrown: lower the learning rate.
  StepResult step(const int* inputs, const int* targets);
  // Mean loss over consecutive windows of `tokens` (at most max_batches batches), no update.
  float evaluate(const std::vector<int>& tokens, int max_batches = 8);

  Model& model() { return *model_; }
  const Model& model() const { return *model_; }
  Optimizer& optimizer() { return *optimizer_; }
  const TrainConfig& config() const { return train_config_; }
  void set_sampling_prob(float p);
  int steps() const { return optimizer_->steps_taken(); }

 private:
  int apply_scheduled_sampling(const int* inputs, int B, int T);

  std::unique_ptr<Model> model_;
  std::unique_ptr<Optimizer> optimizer_;
  TrainConfig train_config_;
  Rng coin_;
  std::vector<int> mixed_;
};

// The optimizer race: every trainer takes one step on the same batch. Returns one result per trainer;
// a trainer whose loss blew up reports loss NaN and stays where it was (the others go on).
std::vector<StepResult> lockstep(std::vector<Trainer*>& trainers, BatchSampler& batches);

}  // namespace tf
