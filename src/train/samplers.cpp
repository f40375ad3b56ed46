#include "train/samplers.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "text/tokenizer.hpp"

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

void BatchSampler::next(Batch& batch) {
  batch.resize(B_, T_);
  next(batch.inputs.data(), batch.targets.data());
}

void BatchSampler::skip(int n) {
  const auto starts = static_cast<std::uint32_t>(tokens_.size() - T_);
  for (long long i = 0; i < static_cast<long long>(n) * B_; ++i) rng_.below(starts);
}

std::vector<Batch> window_batches(const std::vector<int>& tokens, int B, int T, int max_batches) {
  const long long windows = (static_cast<long long>(tokens.size()) - 1) / T;
  if (windows < 1) throw Error("corpus_too_short", "held-out text is shorter than one window", tokens.size(), T + 1);
  std::vector<Batch> out;
  for (long long w0 = 0; w0 < windows && w0 / B < max_batches; w0 += B) {
    const int nb = static_cast<int>(std::min<long long>(B, windows - w0));
    Batch b;
    b.resize(nb, T);
    for (int i = 0; i < nb; ++i) {
      const std::size_t o = static_cast<std::size_t>(w0 + i) * T;
      std::copy_n(tokens.begin() + o, T, b.inputs.begin() + i * T);
      std::copy_n(tokens.begin() + o + 1, T, b.targets.begin() + i * T);
    }
    out.push_back(std::move(b));
  }
  return out;
}

PairShape pair_shape(const std::vector<TokenPair>& pairs) {
  PairShape s;
  for (const auto& p : pairs) {
    s.S = std::max(s.S, static_cast<int>(p.source.size()) + 2);
    s.T = std::max(s.T, static_cast<int>(p.target.size()) + 1);
  }
  return s;
}

void fill_pair(Batch& batch, int b, const TokenPair& p) {
  const int S = batch.S, T = batch.T;
  const int ns = static_cast<int>(p.source.size()), nt = static_cast<int>(p.target.size());
  if (ns + 2 > S || nt + 1 > T) throw Error("too_long", "a pair is longer than the batch shape", ns + 2, S);
  int* src = batch.source.data() + static_cast<std::size_t>(b) * S;
  int* in = batch.inputs.data() + static_cast<std::size_t>(b) * T;
  int* tg = batch.targets.data() + static_cast<std::size_t>(b) * T;
  src[0] = Tokenizer::BOS;
  std::copy(p.source.begin(), p.source.end(), src + 1);
  src[ns + 1] = Tokenizer::EOS;
  std::fill(src + ns + 2, src + S, Tokenizer::PAD);
  in[0] = Tokenizer::BOS;
  std::copy(p.target.begin(), p.target.end(), in + 1);
  std::fill(in + nt + 1, in + T, Tokenizer::PAD);
  std::copy(p.target.begin(), p.target.end(), tg);
  tg[nt] = Tokenizer::EOS;
  std::fill(tg + nt + 1, tg + T, Network::kIgnore);
}

PairSampler::PairSampler(std::vector<TokenPair> pairs, int B, PairShape shape, std::uint64_t seed)
    : pairs_(std::move(pairs)), B_(B), shape_(shape), rng_(seed, 0x9a125) {
  if (B < 1) throw Error("bad_train_config", "batch size must be >= 1", B);
  if (pairs_.empty()) throw Error("corpus_too_short", "there are no sentence pairs to train on", 0, 1);
  const PairShape need = pair_shape(pairs_);
  if (need.S > shape.S || need.T > shape.T) throw Error("too_long", "a pair is longer than the model accepts");
}

void PairSampler::next(Batch& batch) {
  batch.resize(B_, shape_.T, shape_.S);
  const auto n = static_cast<std::uint32_t>(pairs_.size());
  for (int b = 0; b < B_; ++b) fill_pair(batch, b, pairs_[rng_.below(n)]);
}

void PairSampler::skip(int n) {
  const auto count = static_cast<std::uint32_t>(pairs_.size());
  for (long long i = 0; i < static_cast<long long>(n) * B_; ++i) rng_.below(count);
}

std::vector<Batch> pair_batches(const std::vector<TokenPair>& pairs, int B, PairShape shape, int max_batches) {
  std::vector<Batch> out;
  for (std::size_t i = 0; i < pairs.size() && (max_batches <= 0 || static_cast<int>(out.size()) < max_batches);
       i += B) {
    const int nb = static_cast<int>(std::min<std::size_t>(B, pairs.size() - i));
    Batch b;
    b.resize(nb, shape.T, shape.S);
    for (int j = 0; j < nb; ++j) fill_pair(b, j, pairs[i + j]);
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace tf
