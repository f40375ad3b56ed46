#pragma once
// Training: one optimizer step at a time on batches from a sampler, for any model behind the Network seam,
// and several models in lockstep for the optimizer race. Knows nothing of who displays it.
//
//   BatchSampler batches(train_ids, /*B=*/16, /*T=*/32, /*seed=*/1);     // or a PairSampler (train/samplers.hpp)
//   Trainer trainer(std::make_unique<Model>(model_config, seed), optimizer_config, train_config);
//   Batch batch;
//   for (int i = 0; i < 1000; ++i) {
//     batches.next(batch);                    // inputs (B, T), targets (B, T) [, source (B, S)]
//     StepResult r = trainer.step(batch);     // forward, backward, optimizer update
//   }
//
// Teacher forcing vs free-running: with sampling_prob p > 0 (scheduled sampling, Bengio et al. 2015)
// each input token after the first is replaced, with probability p, by the model's own greedy
// prediction of it from a first, teacher-forced pass over the same batch (the GPT's window, or the
// decoder's side of a pair). p = 0 is teacher forcing; p = 1 feeds the model only its own predictions.
// Targets always stay the true text; padded positions are never replaced.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/rng.hpp"
#include "model/model.hpp"
#include "model/network.hpp"
#include "train/optimizer.hpp"
#include "train/samplers.hpp"

namespace tf {

struct TrainConfig {
  int batch_size = 16;
  int seq_len = 0;                         // GPT windows; 0 = the model's block_size
  float sampling_prob = 0.0f;              // scheduled sampling p: 0 teacher forcing .. 1 free-running
  std::uint64_t seed = 1337;               // weights, and the scheduled-sampling coin flips
  int shards = 1;                          // split steps: 1, 2, 4 or 8 equal row blocks (see "Split steps")
  void validate(int max_positions) const;  // tf::Error("bad_train_config")
  void validate(const ModelConfig& model) const { validate(model.block_size); }
};

// Split steps: one model's batch over several workers.
//
// With shards S > 1 a step cuts the batch's B rows into S equal consecutive shards. Each shard gets its own
// forward and backward (the rows of a batch never mix), and its gradient is weighted by its share of the
// batch's counted targets, n_s / N, so that the weighted sum is the gradient of the whole batch's mean loss.
// The S weighted gradients are added pairwise in one fixed tree, for S = 4:  g = (g0 + g1) + (g2 + g3).
// A worker that owns an aligned block of 2^k shards (a subtree) adds its block with step_part(); every worker
// then adds all blocks with finish_step() in the same tree and takes the same update on its own copy of the
// weights. The additions happen in the same order whether one trainer runs all S shards (step()) or W workers
// run S / W each, so the weights stay bit-identical for W = 1, 2, 4, ... S. (They differ from S = 1 in the last
// bits: a shard's weight gradient sums fewer rows at a time.)
//
//   worker w of W (every worker has the same batch, from its own copy of the seeded sampler):
//     std::vector<ShardLoss> mine(S / W);
//     trainer.step_part(batch, w * S / W, S / W, part.data(), mine.data());      // part: num_parameters floats
//     ... send part and mine to the other workers, receive theirs ...
//     StepResult r = trainer.finish_step(parts /* W, in shard order */, losses /* S, in shard order */);
struct ShardLoss {
  float loss = 0;    // the shard's mean loss (NaN when none of its targets count)
  int counted = 0;   // its targets that count
  int replaced = 0;  // its inputs replaced by scheduled sampling
};

struct StepResult {
  int step = 0;         // the 1-based number of this step (== optimizer steps taken after it, unless it failed)
  float loss = 0;       // mean cross-entropy of the batch, before the update
  float grad_norm = 0;  // before clipping
  float lr = 0;
  int tokens = 0;    // tokens that counted toward the loss
  int replaced = 0;  // inputs replaced by the model's predictions (scheduled sampling)
};

class Trainer {
 public:
  Trainer(std::unique_ptr<Network> model, const OptimizerConfig& optimizer_config, const TrainConfig& train_config);
  // A new GPT from its configuration, seeded with train_config.seed.
  Trainer(const ModelConfig& model_config, const OptimizerConfig& optimizer_config, const TrainConfig& train_config);

  // One update on `batch`. When the loss or a gradient is NaN/Inf the weights are left as they were and
  // tf::Error("loss_not_finite", step) is thrown: lower the learning rate.
  StepResult step(const Batch& batch);
  // GPT windows: (B, T) inputs and targets with B = batch_size, T = seq_len (or block_size).
  StepResult step(const int* inputs, const int* targets);
  // Split steps (shards > 1; see above). step_part: shards [first, first + count) of `batch`, count a power of
  // two and first a multiple of it; writes their block's weighted gradient sum to `part` (num_parameters floats)
  // and one ShardLoss per shard to `losses`. Draws the scheduled-sampling coins of every shard of the batch, so
  // each worker's coin stream stays where a single trainer's would be.
  void step_part(const Batch& batch, int first, int count, float* part, ShardLoss* losses);
  // tf::Error("bad_train_config") unless [first, first + count) is such a block of this trainer's shards.
  void check_part(int first, int count) const;
  // Adds the W = parts.size() blocks (each S / W shards, in shard order) in the tree, checks the loss, and
  // updates as step() does. `losses`: all S shards' ShardLoss, in shard order. Every worker calls it with the
  // same parts and losses. A part may be grads() itself.
  StepResult finish_step(const std::vector<const float*>& parts, const std::vector<ShardLoss>& losses);
  // Mean loss over the counted targets of `batches`, no update.
  float evaluate(const std::vector<Batch>& batches);
  // GPT: mean loss over consecutive windows of `tokens` (at most max_batches batches).
  float evaluate(const std::vector<int>& tokens, int max_batches = 8);

  Network& network() { return *model_; }
  const Network& network() const { return *model_; }
  Model& model();  // the GPT; tf::Error("wrong_arch") for another model
  const Model& model() const;
  Optimizer& optimizer() { return *optimizer_; }
  const TrainConfig& config() const { return train_config_; }
  int window() const;  // GPT window length: seq_len, or block_size when 0
  void set_sampling_prob(float p);
  int steps() const { return optimizer_->steps_taken(); }
  // The scheduled-sampling coin stream's position: saved with a checkpoint so --resume flips the same coins.
  std::uint64_t sampling_rng_state() const { return coin_.state(); }
  void set_sampling_rng_state(std::uint64_t state) { coin_.set_state(state); }

 private:
  int apply_scheduled_sampling(const Batch& batch);
  // Coins of rows [b0, b1) of `batch` (all drawn; applied to `rows` when `apply`, rows b0.. being its rows 0..).
  int flip_coins(const Batch& batch, int b0, int b1, Batch* rows);
  StepResult update(float loss, int tokens, int replaced);  // the optimizer step after the gradient is in grads()

  std::unique_ptr<Network> model_;
  std::unique_ptr<Optimizer> optimizer_;
  TrainConfig train_config_;
  Rng coin_;
  Batch mixed_, probe_, window_;    // reused: a step allocates nothing after the first
  Batch shard_;                     // split steps: one shard's rows
  std::vector<float> shard_grads_;  // split steps: (S, num_parameters) weighted shard gradients
  std::vector<ShardLoss> shard_losses_;
  std::vector<const float*> blocks_, whole_;  // split steps: the shard gradients to add; step()'s one part
};

// The optimizer race: every trainer takes one step on the same batch. Returns one result per trainer;
// a trainer whose loss blew up reports loss NaN and stays where it was (the others go on).
std::vector<StepResult> lockstep(std::vector<Trainer*>& trainers, Sampler& batches);
std::vector<StepResult> lockstep(std::vector<Trainer*>& trainers, Sampler& batches, Batch& scratch);

}  // namespace tf
