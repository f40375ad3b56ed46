#pragma once
// Autoregressive generation: predict a distribution over the next token, pick one, append, repeat.
//
//   SamplingConfig s;  s.temperature = 0.8f;  s.top_k = 5;
//   auto probs = next_token_probs(model, ids, s);       // what the page's bar chart shows
//   int next = sample_token(probs, rng);                 // greedy when s.temperature == 0
//
// temperature divides the logits (→ 0: always the most likely token; 1: the model's own distribution;
// > 1: flatter); top_k keeps the k most likely tokens; top_p keeps the smallest set whose probability
// reaches p (nucleus sampling). Both renormalise. The context is cropped to the last block_size tokens.
// The special tokens (ids 0..3: <pad> <bos> <eos> <unk>) get probability 0: they never occur in the
// training text, so the model has nothing meaningful to say about them.
#include <vector>

#include "core/rng.hpp"
#include "model/model.hpp"

namespace tf {

struct SamplingConfig {
  float temperature = 1.0f;  // 0 = greedy (argmax)
  int top_k = 0;             // 0 = off
  float top_p = 1.0f;        // 1 = off
  // Ids >= valid_ids are never proposed (0 = every row of the embedding). Set to the tokenizer's size: a
  // checkpoint's embedding may have more rows than the tokenizer has pieces (nanoGPT pads vocab_size to 50304),
  // and an id without a piece cannot be decoded.
  int valid_ids = 0;
  void validate() const;  // tf::Error("bad_sampling")
};

// The distribution to sample from, given one row of logits (V): temperature, top-k, top-p applied; the
// special tokens get 0 (except <eos> with allow_eos: an encoder-decoder ends its output with it).
std::vector<float> sampling_distribution(const float* logits, int V, const SamplingConfig& sampling, bool allow_eos);

// Probabilities (V) for the token after `context` (non-empty), after temperature / top-k / top-p.
std::vector<float> next_token_probs(Model& model, const std::vector<int>& context, const SamplingConfig& sampling);

// Draws an index from `probs` (which sum to 1); the argmax when exactly one entry is non-zero.
int sample_token(const std::vector<float>& probs, Rng& rng);

// Appends up to max_tokens tokens to context (stops after `stop_id` if >= 0); returns only the new tokens.
std::vector<int> generate(Model& model, std::vector<int> context, int max_tokens, const SamplingConfig& sampling,
                          Rng& rng, int stop_id = -1);

}  // namespace tf
