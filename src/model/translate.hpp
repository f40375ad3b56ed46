#pragma once
// Translation with an encoder-decoder: encode the source once per step's pass, then write the target one token
// at a time, each chosen from the decoder's distribution for the next position, until <eos> or a length limit.
//
//   Translation t = translate(model, source_ids, /*max_tokens=*/30, greedy, rng);
//   t.output     the target ids written, ending with <eos> when the model stopped by itself
//   t.step_probs the probability the model gave each chosen token
//
// Every position's decoder state depends only on the positions before it (causal self-attention), so one
// recorded pass over the finished output (Seq2Seq::inspect) shows what each step looked at.
#include <vector>

#include "core/rng.hpp"
#include "model/generate.hpp"
#include "model/seq2seq.hpp"
#include "train/samplers.hpp"

namespace tf {

struct Translation {
  std::vector<int> source;        // <bos> source… <eos>: what the encoder read
  std::vector<int> output;        // target ids written (with the final <eos> if the model wrote one)
  std::vector<float> step_probs;  // probability of each written token under the sampling distribution
  bool finished = false;          // the model wrote <eos> within the limit
};

// source_ids without specials, at most block_size − 2 of them (tf::Error "too_long"); max_tokens >= 1 is
// capped at block_size − 1 (the decoder's inputs are <bos> + what it wrote).
Translation translate(Seq2Seq& model, const std::vector<int>& source_ids, int max_tokens,
                      const SamplingConfig& sampling, Rng& rng);

struct TranslationScore {
  int pairs = 0;
  double exact_match = 0;     // share of pairs whose greedy translation is the target exactly (then <eos>)
  double token_accuracy = 0;  // share of target tokens (and the final <eos>) that the teacher-forced decoder's
                              // argmax gets right
};
// Greedy translation of each pair's source, compared with its target; at most max_pairs pairs (0 = all).
TranslationScore score_translations(Seq2Seq& model, const std::vector<TokenPair>& pairs, int max_pairs = 0);

}  // namespace tf
