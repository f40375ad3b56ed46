#pragma once
// Cbow: word vectors by guessing a word from its neighbours (word2vec, Mikolov et al. 2013), on the Network
// seam so the existing optimizers and Trainer train it.
//
// Worked example, window 2, the sentence 나 는 밥 을 먹었다 and the blank at 밥:
//   context  나 는 _ 을 먹었다  → ids (2W) = [나, 는, 을, 먹었다]   (PAD where the sentence ends early)
//   h        (C)    = mean of the context words' input vectors  in_embed[나], in_embed[는], ...
//   scores   (V)    = out_embed · h                              one score per vocabulary word
//   probs    (V)    = softmax(scores)                            the model's guess for the blank
//   loss            = −log probs[밥]
// Skip-gram is the mirror: one input word (the centre) and one of its context words as the target, so the
// same forward with a context of one word; the sampler (train/cbow_data.hpp) makes the pairs.
//
// Negative sampling (loss "negative"): instead of a softmax over all V words, the target's score is pushed up
// and the scores of K noise words (drawn by the sampler from the unigram distribution to the power 0.75)
// pushed down:  loss = −log σ(s_target) − Σ_k log σ(−s_noise_k).
//
// Batch layout (model/network.hpp), B rows:
//   inputs  (B, T)  context ids (T = 2·window for CBOW, 1 for skip-gram); Tokenizer::PAD (0) = no word there
//   targets (B)     the word to guess (kIgnore = row not counted); empty: scores only
//   source  (B, K)  negative sampling only: the noise ids (batch.S = K)
// A row whose inputs are all PAD has h = 0.
//
// Parameters: in_embed.weight (V, C) the input vectors (what "word vectors" usually means),
//             out_embed.weight (V, C) the output vectors. Dimension letters: B rows, T context slots,
//             C = dim, V = vocab_size, K = negatives.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/inspection.hpp"
#include "model/network.hpp"

namespace tf {

enum class CbowMode { Cbow, SkipGram };
enum class CbowLoss { Softmax, Negative };

std::string to_string(CbowMode m);  // "cbow", "skipgram"
std::string to_string(CbowLoss l);  // "softmax", "negative"
CbowMode cbow_mode_from_string(const std::string& s);
CbowLoss cbow_loss_from_string(const std::string& s);

struct CbowConfig {
  int vocab_size = 64;  // V: rows of both tables (the word vocabulary with the four specials)
  int dim = 16;         // C: length of each word vector
  int window = 2;       // W: words on each side of the centre
  CbowMode mode = CbowMode::Cbow;
  CbowLoss loss = CbowLoss::Softmax;
  int negatives = 5;            // K, with loss "negative"
  int min_count = 1;            // words seen fewer times are left out of the vocabulary (data setup)
  bool split_particles = true;  // the vocabulary was built from text with particles split off (text/particles)

  int context_slots() const { return mode == CbowMode::Cbow ? 2 * window : 1; }  // T
  void validate() const;  // tf::Error("bad_config") naming the field and its range
  // {"arch": "cbow", "vocab_size": .., "dim": .., "window": .., "mode": "cbow", "loss": "softmax", "negatives": ..,
  //  "min_count": .., "split_particles": true}; from_json rejects unknown keys, absent keys keep the defaults.
  nlohmann::json to_json() const;
  static CbowConfig from_json(const nlohmann::json& j);
};

class Cbow : public Network {
 public:
  explicit Cbow(const CbowConfig& config, std::uint64_t seed = 1337);
  Cbow(const Cbow& other);  // same configuration and weights, fresh activations
  Cbow& operator=(const Cbow&) = delete;

  const CbowConfig& config() const { return config_; }
  static std::vector<ParamSpec> expected_params(const CbowConfig& config);
  std::string arch() const override { return "cbow"; }
  nlohmann::json config_json() const override { return config_.to_json(); }
  std::unique_ptr<Network> clone() const override { return std::make_unique<Cbow>(*this); }

  float forward(const Batch& batch) override;
  void backward() override;
  // (B, V) scores of the last forward. With loss "negative" and targets only the K+1 scores the loss needs are
  // computed and this is not filled; a forward without targets always fills it.
  const float* logits() const override { return logits_.data(); }
  int vocab_size() const override { return config_.vocab_size; }
  int max_positions() const override { return config_.context_slots(); }

  const float* input_vectors() const { return params_.value("in_embed.weight"); }    // (V, C)
  const float* output_vectors() const { return params_.value("out_embed.weight"); }  // (V, C)
  const float* hidden() const { return h_.data(); }                                  // (B, C) context means
  const float* probs() const { return probs_.data(); }  // (B, V) softmax of logits (when logits are filled)

  // One row (B = 1): context ids (PAD allowed, at most T of them; fewer are padded), the target or kIgnore.
  // Records  context.ids (n) as floats, context.vectors (n, C) each context word's input vector,
  //          context.mean (C) = h, scores (V), probs (V) (always the full softmax), and with a target
  //          loss (1) under the configured loss and, for "negative", noise.ids (K) and noise.scores (K).
  // `noise` is used only with loss "negative" (K ids); returns the loss (NaN without a target).
  float inspect(const std::vector<int>& context, int target, const std::vector<int>& noise, Inspection& rec);

 private:
  void init_weights(std::uint64_t seed);
  void check_batch(const Batch& batch) const;

  CbowConfig config_;
  int B_ = 0, T_ = 0, K_ = 0;
  bool full_ = false;          // the last forward filled logits_ / probs_
  std::vector<int> inputs_;    // (B, T)
  std::vector<int> targets_;   // (B)
  std::vector<int> noise_;     // (B, K)
  std::vector<float> count_;   // (B) real context words per row
  std::vector<float> h_;       // (B, C)
  std::vector<float> logits_;  // (B, V)
  std::vector<float> probs_;   // (B, V)
  std::vector<float> ns_;      // (B, 1 + K) scores of target and noise words (negative sampling)
  int counted_ = 0;
  // backward scratch
  std::vector<float> dlogits_;  // (B, V)
  std::vector<float> dh_;       // (B, C)
};

// ---- the pieces, as plain functions (forward / backward pairs) -------------------------------------------

// h (B, C) = mean over the non-PAD ids of each row of inputs (B, T) of table rows (V, C); count (B) = how many.
void context_mean_forward(float* h, float* count, const int* inputs, const float* table, int B, int T, int C);
// dtable (V, C) += dh (B, C) / count for every non-PAD id of the row.  (h = Σ table[id] / n)
void context_mean_backward(float* dtable, const float* dh, const int* inputs, const float* count, int B, int T, int C);

// Negative sampling for one row: scores s (1 + K) = out[ids]·h with ids = target then noise; returns
//   −log σ(s_0) − Σ_k log σ(−s_k), computed as softplus(−s_0) + Σ softplus(s_k) (no overflow).
double negative_sampling_forward(float* s, const float* h, const float* out, int target, const int* noise, int K,
                                 int C);
// ds_j = (σ(s_j) − y_j)·scale with y_0 = 1, y_k = 0;  dh += Σ ds_j out[id_j];  dout[id_j] += ds_j h.
void negative_sampling_backward(float* dh, float* dout, const float* s, const float* h, const float* out, int target,
                                const int* noise, int K, int C, float scale);

}  // namespace tf
