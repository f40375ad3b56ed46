#include "model/generate.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.hpp"

namespace tf {

namespace {
constexpr int kSpecialTokens = 4;  // Tokenizer::PAD, BOS, EOS, UNK
constexpr int kEos = 2;
}  // namespace

void SamplingConfig::validate() const {
  if (!(temperature >= 0.0f && temperature <= 100.0f)) throw Error("bad_sampling", "temperature must be in [0, 100]");
  if (top_k < 0) throw Error("bad_sampling", "top_k must be >= 0");
  if (!(top_p > 0.0f && top_p <= 1.0f)) throw Error("bad_sampling", "top_p must be in (0, 1]");
  if (valid_ids < 0) throw Error("bad_sampling", "valid_ids must be >= 0");
}

std::vector<float> sampling_distribution(const float* logits, int V, const SamplingConfig& sampling, bool allow_eos) {
  sampling.validate();
  std::vector<float> probs(V, 0.0f);
  // <pad>, <bos> and <unk> (and <eos> for a GPT, whose text never holds one) are never sampled.
  // Rows past the tokenizer's pieces (valid_ids) are never sampled either.
  const int n = sampling.valid_ids > 0 ? std::min(sampling.valid_ids, V) : V;
  auto allowed = [&](int v) {
    return v < n && (v >= kSpecialTokens || n <= kSpecialTokens || (allow_eos && v == kEos));
  };
  int best = -1;
  for (int v = 0; v < V; ++v)
    if (allowed(v) && (best < 0 || logits[v] > logits[best])) best = v;
  if (sampling.temperature == 0.0f) {
    probs[best] = 1.0f;
    return probs;
  }
  const float maxval = logits[best];
  double sum = 0;
  for (int v = 0; v < V; ++v) {
    if (!allowed(v)) continue;
    probs[v] = std::exp((logits[v] - maxval) / sampling.temperature);
    sum += probs[v];
  }
  for (float& p : probs) p = static_cast<float>(p / sum);
  if (sampling.top_k > 0 || sampling.top_p < 1.0f) {
    std::vector<int> order(V);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return probs[a] > probs[b]; });
    int keep = sampling.top_k > 0 ? std::min(sampling.top_k, V) : V;
    double mass = 0;
    for (int i = 0; i < keep; ++i) {
      mass += probs[order[i]];
      if (mass >= sampling.top_p) {
        keep = i + 1;
        break;
      }
    }
    double kept = 0;
    for (int i = 0; i < keep; ++i) kept += probs[order[i]];
    for (int i = keep; i < V; ++i) probs[order[i]] = 0.0f;
    for (int i = 0; i < keep; ++i) probs[order[i]] = static_cast<float>(probs[order[i]] / kept);
  }
  return probs;
}

std::vector<float> next_token_probs(Model& model, const std::vector<int>& context, const SamplingConfig& sampling) {
  sampling.validate();
  if (context.empty()) throw Error("empty_context", "generation needs at least one token of context");
  const int V = model.config().vocab_size;
  const int T = std::min<int>(static_cast<int>(context.size()), model.config().block_size);
  model.forward(context.data() + context.size() - T, nullptr, 1, T);
  return sampling_distribution(model.logits() + static_cast<std::size_t>(T - 1) * V, V, sampling, false);
}

int sample_token(const std::vector<float>& probs, Rng& rng) {
  const float u = rng.uniform();
  float cdf = 0.0f;
  int last_nonzero = 0;
  for (int v = 0; v < static_cast<int>(probs.size()); ++v) {
    if (probs[v] <= 0.0f) continue;
    cdf += probs[v];
    last_nonzero = v;
    if (u < cdf) return v;
  }
  return last_nonzero;  // rounding left u above the total
}

std::vector<int> generate(Model& model, std::vector<int> context, int max_tokens, const SamplingConfig& sampling,
                          Rng& rng, int stop_id) {
  std::vector<int> out;
  for (int i = 0; i < max_tokens; ++i) {
    const int next = sample_token(next_token_probs(model, context, sampling), rng);
    context.push_back(next);
    out.push_back(next);
    if (next == stop_id) break;
  }
  return out;
}

}  // namespace tf
