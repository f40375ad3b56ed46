#pragma once
// Samplers: where training batches come from. Each kind of model reads its own kind of example; the
// trainer only asks a sampler for the next Batch (model/network.hpp).
//
//   BatchSampler  next-token windows of a token stream (GPT): inputs = tokens[o, o+T), targets shifted by one
//   PairSampler   source → target pairs (encoder–decoder):  source = <bos> ko… <eos>,  inputs = <bos> en…,
//                 targets = en… <eos>; every sequence padded to the longest in the data set
//
// Both draw examples uniformly with their own seeded stream, so a seed gives the same batches natively and in
// WebAssembly, and fill the same Batch buffers every time (no allocation after the first batch).
#include <cstdint>
#include <vector>

#include "core/rng.hpp"
#include "model/network.hpp"

namespace tf {

class Sampler {
 public:
  virtual ~Sampler() = default;
  virtual void next(Batch& batch) = 0;
  virtual int batch_size() const = 0;
  // Advances the stream as `n` calls of next() would, without building batches (resuming a run).
  virtual void skip(int n) = 0;
};

// Random windows of T+1 consecutive tokens from a token stream.
class BatchSampler : public Sampler {
 public:
  BatchSampler(std::vector<int> tokens, int B, int T, std::uint64_t seed);  // tf::Error("corpus_too_short")
  void next(Batch& batch) override;
  void next(int* inputs, int* targets);  // (B, T) each
  void skip(int n) override;
  int batch_size() const override { return B_; }
  int seq_len() const { return T_; }
  const std::vector<int>& tokens() const { return tokens_; }

 private:
  std::vector<int> tokens_;
  int B_, T_;
  Rng rng_;
};

// Consecutive windows of T+1 tokens covering `tokens`, B per batch, at most max_batches batches: the
// held-out evaluation of a next-token model.
std::vector<Batch> window_batches(const std::vector<int>& tokens, int B, int T, int max_batches);

// One source → target example as token ids, without specials.
struct TokenPair {
  std::vector<int> source, target;
};

// Fixed shapes for pairs: S = 2 + longest source, T = 1 + longest target.
struct PairShape {
  int S = 0, T = 0;
};
PairShape pair_shape(const std::vector<TokenPair>& pairs);

// Writes pair `p` as row b of `batch` (shape batch.S, batch.T): source <bos> … <eos> <pad>…,
// inputs <bos> … <pad>…, targets … <eos> kIgnore….
void fill_pair(Batch& batch, int b, const TokenPair& p);

class PairSampler : public Sampler {
 public:
  // tf::Error("corpus_too_short") without pairs; each pair must fit `shape`.
  PairSampler(std::vector<TokenPair> pairs, int B, PairShape shape, std::uint64_t seed);
  void next(Batch& batch) override;
  void skip(int n) override;
  int batch_size() const override { return B_; }
  PairShape shape() const { return shape_; }
  const std::vector<TokenPair>& pairs() const { return pairs_; }

 private:
  std::vector<TokenPair> pairs_;
  int B_;
  PairShape shape_;
  Rng rng_;
};

// The pairs in order, B per batch (the last may be smaller), at most max_batches batches (0 = all).
std::vector<Batch> pair_batches(const std::vector<TokenPair>& pairs, int B, PairShape shape, int max_batches = 0);

}  // namespace tf
