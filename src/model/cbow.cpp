#include "model/cbow.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "core/rng.hpp"
#include "layers/cross_entropy.hpp"
#include "model/config.hpp"
#include "simd/matmul.hpp"
#include "text/tokenizer.hpp"

namespace tf {

std::string to_string(CbowMode m) { return m == CbowMode::Cbow ? "cbow" : "skipgram"; }
std::string to_string(CbowLoss l) { return l == CbowLoss::Softmax ? "softmax" : "negative"; }

CbowMode cbow_mode_from_string(const std::string& s) {
  if (s == "cbow") return CbowMode::Cbow;
  if (s == "skipgram") return CbowMode::SkipGram;
  throw Error("bad_config", "mode must be cbow or skipgram, got '" + s + "'");
}

CbowLoss cbow_loss_from_string(const std::string& s) {
  if (s == "softmax") return CbowLoss::Softmax;
  if (s == "negative") return CbowLoss::Negative;
  throw Error("bad_config", "loss must be softmax or negative, got '" + s + "'");
}

void CbowConfig::validate() const {
  check_config_range("vocab_size", vocab_size, Tokenizer::kNumSpecials + 1, 1 << 20);
  check_config_range("dim", dim, 1, 1024);
  check_config_range("window", window, 1, 16);
  check_config_range("negatives", negatives, 1, 64);
  check_config_range("min_count", min_count, 1, 1000000);
  if (static_cast<long long>(vocab_size) * dim * 2 > (64LL << 20))
    throw Error("bad_config", "model too large: " + std::to_string(2LL * vocab_size * dim) + " parameters");
}

nlohmann::json CbowConfig::to_json() const {
  return {{"arch", "cbow"},         {"vocab_size", vocab_size}, {"dim", dim},
          {"window", window},       {"mode", to_string(mode)},  {"loss", to_string(loss)},
          {"negatives", negatives}, {"min_count", min_count},   {"split_particles", split_particles}};
}

CbowConfig CbowConfig::from_json(const nlohmann::json& j) {
  if (!j.is_object()) throw Error("bad_config", "config must be a JSON object");
  static const char* const kKeys[] = {"arch", "vocab_size", "dim",       "window",         "mode",
                                      "loss", "negatives",  "min_count", "split_particles"};
  for (const auto& item : j.items()) {
    bool known = false;
    for (const char* k : kKeys) known = known || item.key() == k;
    if (!known) throw Error("bad_config", "unknown cbow config key '" + item.key() + "'");
  }
  CbowConfig c;
  if (j.contains("arch") && read_config_string(j, "arch") != "cbow")
    throw Error("bad_config", "arch must be \"cbow\" for a word-vector config");
  read_config_int(j, "vocab_size", c.vocab_size);
  read_config_int(j, "dim", c.dim);
  read_config_int(j, "window", c.window);
  read_config_int(j, "negatives", c.negatives);
  read_config_int(j, "min_count", c.min_count);
  if (j.contains("mode")) c.mode = cbow_mode_from_string(read_config_string(j, "mode"));
  if (j.contains("loss")) c.loss = cbow_loss_from_string(read_config_string(j, "loss"));
  if (j.contains("split_particles")) {
    if (!j["split_particles"].is_boolean()) throw Error("bad_config", "split_particles must be true or false");
    c.split_particles = j["split_particles"].get<bool>();
  }
  c.validate();
  return c;
}

// ---- the pieces ----------------------------------------------------------------------------------------

void context_mean_forward(float* h, float* count, const int* inputs, const float* table, int B, int T, int C) {
  for (int b = 0; b < B; ++b) {
    float* hb = h + static_cast<std::size_t>(b) * C;
    std::fill(hb, hb + C, 0.0f);
    int n = 0;
    for (int t = 0; t < T; ++t) {
      const int id = inputs[b * T + t];
      if (id == Tokenizer::PAD) continue;
      const float* row = table + static_cast<std::size_t>(id) * C;
      for (int c = 0; c < C; ++c) hb[c] += row[c];
      ++n;
    }
    count[b] = static_cast<float>(n);
    if (n > 1) {
      const float inv = 1.0f / static_cast<float>(n);
      for (int c = 0; c < C; ++c) hb[c] *= inv;
    }
  }
}

void context_mean_backward(float* dtable, const float* dh, const int* inputs, const float* count, int B, int T, int C) {
  for (int b = 0; b < B; ++b) {
    if (count[b] == 0.0f) continue;
    const float inv = 1.0f / count[b];  // h = Σ table[id] / n  →  dtable[id] += dh / n
    const float* dhb = dh + static_cast<std::size_t>(b) * C;
    for (int t = 0; t < T; ++t) {
      const int id = inputs[b * T + t];
      if (id == Tokenizer::PAD) continue;
      float* row = dtable + static_cast<std::size_t>(id) * C;
      for (int c = 0; c < C; ++c) row[c] += dhb[c] * inv;
    }
  }
}

namespace {

float dot(const float* a, const float* b, int C) {
  float s = 0;
  for (int c = 0; c < C; ++c) s += a[c] * b[c];
  return s;
}

// log(1 + e^x) without overflow.
double softplus(double x) { return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }

float sigmoid(float x) {
  if (x >= 0) return 1.0f / (1.0f + std::exp(-x));
  const float e = std::exp(x);
  return e / (1.0f + e);
}

}  // namespace

double negative_sampling_forward(float* s, const float* h, const float* out, int target, const int* noise, int K,
                                 int C) {
  s[0] = dot(out + static_cast<std::size_t>(target) * C, h, C);
  double loss = softplus(-s[0]);  // −log σ(s) = log(1 + e^−s)
  for (int k = 0; k < K; ++k) {
    s[1 + k] = dot(out + static_cast<std::size_t>(noise[k]) * C, h, C);
    loss += softplus(s[1 + k]);  // −log σ(−s) = log(1 + e^s)
  }
  return loss;
}

void negative_sampling_backward(float* dh, float* dout, const float* s, const float* h, const float* out, int target,
                                const int* noise, int K, int C, float scale) {
  for (int j = 0; j <= K; ++j) {
    const int id = j == 0 ? target : noise[j - 1];
    const float ds = (sigmoid(s[j]) - (j == 0 ? 1.0f : 0.0f)) * scale;  // ∂/∂s of softplus(∓s)
    const float* o = out + static_cast<std::size_t>(id) * C;
    float* dob = dout + static_cast<std::size_t>(id) * C;
    for (int c = 0; c < C; ++c) {
      dh[c] += ds * o[c];  // s = o·h
      dob[c] += ds * h[c];
    }
  }
}

// ---- the model -------------------------------------------------------------------------------------------

Cbow::Cbow(const CbowConfig& config, std::uint64_t seed) : config_(config) {
  config_.validate();
  for (const ParamSpec& p : expected_params(config_)) params_.add(p);
  params_.allocate();
  init_weights(seed);
}

Cbow::Cbow(const Cbow& other) : Network(), config_(other.config_) {
  for (const ParamSpec& p : expected_params(config_)) params_.add(p);
  params_.allocate();
  weights() = other.weights();
}

std::vector<ParamSpec> Cbow::expected_params(const CbowConfig& config) {
  return {{"in_embed.weight", {config.vocab_size, config.dim}, false},
          {"out_embed.weight", {config.vocab_size, config.dim}, false}};
}

// word2vec's start: input vectors uniform in ±0.5/C, output vectors zero (so every score starts at 0 and every
// word at probability 1/V).
void Cbow::init_weights(std::uint64_t seed) {
  Rng rng(seed, 0xcb0);
  float* in = params_.value("in_embed.weight");
  const std::size_t n = static_cast<std::size_t>(config_.vocab_size) * config_.dim;
  const float bound = 0.5f / static_cast<float>(config_.dim);
  for (std::size_t i = 0; i < n; ++i) in[i] = (2.0f * rng.uniform() - 1.0f) * bound;
}

void Cbow::check_batch(const Batch& batch) const {
  const int V = config_.vocab_size;
  if (batch.B < 1 || batch.T < 1) throw Error("bad_shape", "forward needs B and T >= 1", batch.B, batch.T);
  if (batch.T > config_.context_slots()) {
    throw Error("too_long",
                "a row has " + std::to_string(batch.T) + " context slots; this model reads " +
                    std::to_string(config_.context_slots()),
                batch.T, config_.context_slots());
  }
  const std::size_t n = static_cast<std::size_t>(batch.B) * batch.T;
  if (batch.inputs.size() < n) throw Error("bad_shape", "context ids do not fill the batch");
  auto check = [&](int id, const char* what) {
    if (id < 0 || id >= V)
      throw Error("bad_token_id",
                  std::string(what) + " id " + std::to_string(id) + " is outside [0, " + std::to_string(V) + ")", id,
                  V);
  };
  for (std::size_t i = 0; i < n; ++i) check(batch.inputs[i], "context");
  if (batch.targets.empty()) return;
  if (batch.targets.size() < static_cast<std::size_t>(batch.B))
    throw Error("bad_shape", "targets do not fill the batch");
  for (int b = 0; b < batch.B; ++b)
    if (batch.targets[b] != kIgnore) check(batch.targets[b], "target");
  if (config_.loss == CbowLoss::Negative) {
    const std::size_t k = static_cast<std::size_t>(batch.B) * batch.S;
    if (batch.S != config_.negatives || batch.source.size() < k)
      throw Error("bad_shape", "negative sampling needs K = negatives noise ids per row in source (B, K)", batch.S,
                  config_.negatives);
    for (std::size_t i = 0; i < k; ++i) check(batch.source[i], "noise");
  }
}

float Cbow::forward(const Batch& batch) {
  check_batch(batch);
  const int B = batch.B, T = batch.T, C = config_.dim, V = config_.vocab_size;
  const bool has_targets = !batch.targets.empty();
  const bool negative = has_targets && config_.loss == CbowLoss::Negative;
  const int K = negative ? config_.negatives : 0;
  check_activation_memory(static_cast<double>(B) * (T + 2 + 2.0 * C + (negative ? 2.0 * (K + 1) : 3.0 * V)),
                          "a batch of " + std::to_string(B) + " rows");
  const std::size_t Bz = B, Cz = C, Vz = V;
  B_ = B, T_ = T, K_ = K;
  inputs_.assign(batch.inputs.begin(), batch.inputs.begin() + static_cast<std::ptrdiff_t>(Bz * T));
  targets_.assign(Bz, kIgnore);
  if (has_targets) std::copy_n(batch.targets.begin(), B, targets_.begin());
  noise_.assign(batch.source.begin(), batch.source.begin() + static_cast<std::ptrdiff_t>(Bz * K));
  count_.resize(Bz);
  h_.resize(Bz * Cz);

  // h (B, C) = mean of the context words' input vectors
  context_mean_forward(h_.data(), count_.data(), inputs_.data(), input_vectors(), B, T, C);
  counted_ = 0;
  double loss = 0;
  full_ = !negative;
  if (negative) {
    ns_.resize(Bz * (K + 1));
    for (int b = 0; b < B; ++b) {
      if (targets_[b] == kIgnore) continue;
      loss += negative_sampling_forward(ns_.data() + b * (K + 1), h_.data() + b * Cz, output_vectors(), targets_[b],
                                        noise_.data() + b * K, K, C);
      ++counted_;
    }
  } else {
    logits_.resize(Bz * Vz), probs_.resize(Bz * Vz);
    // scores (B, V) = h (B, C) · out_embedᵀ (V, C)
    matmul_nt(logits_.data(), h_.data(), output_vectors(), B, C, V);
    // probs (B, V) = softmax(scores); loss = Σ −log probs[target]
    const CrossEntropySum ce = cross_entropy_forward(probs_.data(), logits_.data(), targets_.data(), B, V, kIgnore);
    loss = ce.loss;
    counted_ = ce.counted;
  }
  return counted_ > 0 ? static_cast<float>(loss / counted_) : std::numeric_limits<float>::quiet_NaN();
}

void Cbow::backward() {
  if (B_ == 0) throw Error("no_forward", "backward needs a forward pass first");
  if (counted_ == 0) throw Error("no_targets", "backward needs a forward pass with targets");
  const int B = B_, T = T_, C = config_.dim, V = config_.vocab_size, K = K_;
  const std::size_t Bz = B, Cz = C;
  const float scale = 1.0f / static_cast<float>(counted_);
  float* din = params_.grad("in_embed.weight");
  float* dout = params_.grad("out_embed.weight");
  dh_.assign(Bz * Cz, 0.0f);
  if (config_.loss == CbowLoss::Negative) {
    for (int b = 0; b < B; ++b) {
      if (targets_[b] == kIgnore) continue;
      negative_sampling_backward(dh_.data() + b * Cz, dout, ns_.data() + b * (K + 1), h_.data() + b * Cz,
                                 output_vectors(), targets_[b], noise_.data() + b * K, K, C, scale);
    }
  } else {
    dlogits_.resize(Bz * V);
    // dscores = (probs − onehot(target)) / counted
    cross_entropy_backward(dlogits_.data(), probs_.data(), targets_.data(), B, V, kIgnore, scale);
    // scores = h · outᵀ:  dh (B, C) = dscores (B, V) · out (V, C);  dout (V, C) += dscoresᵀ · h (B, C)
    matmul_nn(dh_.data(), dlogits_.data(), output_vectors(), B, V, C);
    matmul_tn(dout, dlogits_.data(), h_.data(), V, B, C, /*accumulate=*/true);
  }
  // h = mean of input vectors:  din[id] += dh / n
  context_mean_backward(din, dh_.data(), inputs_.data(), count_.data(), B, T, C);
}

float Cbow::inspect(const std::vector<int>& context, int target, const std::vector<int>& noise, Inspection& rec) {
  const int T = config_.context_slots(), C = config_.dim, V = config_.vocab_size;
  if (context.empty() || static_cast<int>(context.size()) > T)
    throw Error("bad_shape", "give 1 to " + std::to_string(T) + " context ids", context.size(), T);
  Batch b;
  b.resize(1, T);
  std::fill(b.inputs.begin(), b.inputs.end(), static_cast<int>(Tokenizer::PAD));
  std::copy(context.begin(), context.end(), b.inputs.begin());
  b.targets.clear();
  forward(b);  // scores and probs over the whole vocabulary
  std::vector<float> ids, vectors;
  for (int id : context) {
    if (id == Tokenizer::PAD) continue;
    ids.push_back(static_cast<float>(id));
    vectors.insert(vectors.end(), input_vectors() + static_cast<std::size_t>(id) * C,
                   input_vectors() + static_cast<std::size_t>(id + 1) * C);
  }
  const std::size_t n = ids.size(), Cz = C, Vz = V;
  rec.clear();
  rec.add("context.ids", ids.data(), {n});
  rec.add("context.vectors", vectors.data(), {n, Cz});
  rec.add("context.mean", h_.data(), {Cz});
  rec.add("scores", logits_.data(), {Vz});
  rec.add("probs", probs_.data(), {Vz});
  if (target == kIgnore) return std::numeric_limits<float>::quiet_NaN();
  if (target < 0 || target >= V) throw Error("bad_token_id", "target id is outside the vocabulary", target, V);
  float loss = -std::log(std::max(probs_[target], std::numeric_limits<float>::min()));
  if (config_.loss == CbowLoss::Negative) {
    const int K = config_.negatives;
    if (static_cast<int>(noise.size()) != K)
      throw Error("bad_shape", "negative sampling needs " + std::to_string(K) + " noise ids", noise.size(), K);
    for (int id : noise)
      if (id < 0 || id >= V) throw Error("bad_token_id", "noise id is outside the vocabulary", id, V);
    std::vector<float> s(K + 1);
    loss = static_cast<float>(
        negative_sampling_forward(s.data(), h_.data(), output_vectors(), target, noise.data(), K, C));
    std::vector<float> nid(noise.begin(), noise.end());
    rec.add("noise.ids", nid.data(), {static_cast<std::size_t>(K)});
    rec.add("noise.scores", s.data() + 1, {static_cast<std::size_t>(K)});
  }
  rec.add("loss", &loss, {1});
  return loss;
}

}  // namespace tf
