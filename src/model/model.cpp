#include "model/model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "core/rng.hpp"
#include "layers/cross_entropy.hpp"
#include "layers/embedding.hpp"
#include "layers/layer_norm.hpp"
#include "layers/linear.hpp"
#include "layers/positional.hpp"

namespace tf {
namespace {

std::string layer_name(int l, const char* rest) { return "transformer.h." + std::to_string(l) + "." + rest; }

void grow(std::vector<float>& v, std::size_t n) {
  if (v.size() < n) v.resize(n);
}

void check_ids(const int* ids, const int* targets, std::size_t n, int V) {
  for (std::size_t i = 0; i < n; ++i) {
    if (ids[i] < 0 || ids[i] >= V) {
      throw Error("bad_token_id", "token id " + std::to_string(ids[i]) + " is outside [0, " + std::to_string(V) + ")",
                  ids[i], V);
    }
    if (targets && targets[i] != Network::kIgnore && (targets[i] < 0 || targets[i] >= V)) {
      throw Error("bad_token_id",
                  "target id " + std::to_string(targets[i]) + " is outside [0, " + std::to_string(V) + ")", targets[i],
                  V);
    }
  }
}

}  // namespace

Model::Model(const ModelConfig& config, std::uint64_t seed) : config_(config) {
  config_.validate();
  add_params();
  init_weights(seed);
}

Model::Model(const Model& other) : Network(), config_(other.config_) {
  add_params();
  weights() = other.weights();
}

std::vector<ParamSpec> Model::expected_params(const ModelConfig& config) {
  const int C = config.n_embd, V = config.vocab_size, F = config.hidden(), L = config.n_layer;
  const bool b = config.bias;
  std::vector<ParamSpec> out;
  auto add = [&](std::string name, std::vector<int> shape, bool decay) {
    out.push_back({std::move(name), std::move(shape), decay});
  };
  add("transformer.wte.weight", {V, C}, true);
  if (config.positional == PositionalKind::Learned) add("transformer.wpe.weight", {config.block_size, C}, true);
  for (int l = 0; l < L; ++l) {
    add(layer_name(l, "ln_1.weight"), {C}, false);
    if (b) add(layer_name(l, "ln_1.bias"), {C}, false);
    add(layer_name(l, "attn.c_attn.weight"), {3 * C, C}, true);
    if (b) add(layer_name(l, "attn.c_attn.bias"), {3 * C}, false);
    add(layer_name(l, "attn.c_proj.weight"), {C, C}, true);
    if (b) add(layer_name(l, "attn.c_proj.bias"), {C}, false);
    add(layer_name(l, "ln_2.weight"), {C}, false);
    if (b) add(layer_name(l, "ln_2.bias"), {C}, false);
    add(layer_name(l, "mlp.c_fc.weight"), {F, C}, true);
    if (b) add(layer_name(l, "mlp.c_fc.bias"), {F}, false);
    add(layer_name(l, "mlp.c_proj.weight"), {C, F}, true);
    if (b) add(layer_name(l, "mlp.c_proj.bias"), {C}, false);
  }
  add("transformer.ln_f.weight", {C}, false);
  if (b) add("transformer.ln_f.bias", {C}, false);
  if (!config.tied) add("lm_head.weight", {V, C}, true);
  return out;
}

void Model::add_params() {
  const int C = config_.n_embd, F = config_.hidden(), L = config_.n_layer;
  for (const ParamSpec& p : expected_params(config_)) params_.add(p);
  params_.allocate();
  if (config_.positional == PositionalKind::Sinusoidal) {
    sinusoid_.resize(static_cast<std::size_t>(config_.block_size) * C);
    sinusoidal_encoding(sinusoid_.data(), config_.block_size, C);
  } else if (config_.positional == PositionalKind::None) {
    sinusoid_.assign(static_cast<std::size_t>(config_.block_size) * C, 0.0f);
  }
  spec_.C = C, spec_.H = config_.n_head, spec_.F = F;
  spec_.norm = config_.norm, spec_.activation = config_.activation, spec_.eps = config_.ln_eps;
  spec_.causal = true, spec_.cross = false;
  acts_.resize(L);
  bind_layers();
}

void Model::bind_layers() {
  const int L = config_.n_layer;
  w_.assign(L, {});
  g_.assign(L, {});
  for (int l = 0; l < L; ++l) {
    for (int pass = 0; pass < 2; ++pass) {
      BlockWeights& bw = pass == 0 ? w_[l] : g_[l];
      auto at = [&](const char* rest) {
        const std::string name = layer_name(l, rest);
        return pass == 0 ? params_.value_or_null(name) : params_.grad_or_null(name);
      };
      bw.norm[0] = {at("ln_1.weight"), at("ln_1.bias")};
      bw.norm[1] = {at("ln_2.weight"), at("ln_2.bias")};
      bw.self = {at("attn.c_attn.weight"), at("attn.c_attn.bias"), at("attn.c_proj.weight"), at("attn.c_proj.bias")};
      bw.ffn = {at("mlp.c_fc.weight"), at("mlp.c_fc.bias"), at("mlp.c_proj.weight"), at("mlp.c_proj.bias")};
    }
  }
}

// nanoGPT's _init_weights: N(0, 0.02) for Linear and Embedding weights, N(0, 0.02/√(2L)) for the
// projections into the residual stream (c_proj), zeros for biases, ones for LayerNorm weights.
void Model::init_weights(std::uint64_t seed) {
  Rng rng(seed);
  const float proj_std = 0.02f / std::sqrt(2.0f * config_.n_layer);
  for (const auto& p : params()) {
    float* w = weights().data() + p.offset;
    const bool is_ln = p.name.find(".ln_") != std::string::npos;
    const bool is_bias = p.name.size() > 5 && p.name.compare(p.name.size() - 5, 5, ".bias") == 0;
    if (is_bias) {
      std::fill(w, w + p.size, 0.0f);
    } else if (is_ln) {
      std::fill(w, w + p.size, 1.0f);
    } else {
      const float stddev = p.name.find("c_proj.weight") != std::string::npos ? proj_std : 0.02f;
      for (std::size_t i = 0; i < p.size; ++i) w[i] = rng.normal(0.0f, stddev);
    }
  }
}

const float* Model::positional_table() const {
  if (config_.positional == PositionalKind::Learned) return params_.value("transformer.wpe.weight");
  return sinusoid_.data();
}

double Model::activation_floats(double B, double T, bool record) const {
  const double C = config_.n_embd, V = config_.vocab_size, H = config_.n_head, L = config_.n_layer, N = B * T;
  double n = 2 * N + N * C;                                                      // ids, targets, x0
  n += L * block_floats(spec_, B, T, T) + block_scratch_floats(spec_, B, T, T);  // the blocks
  n += N * C + 2 * N + 2 * N * V;                                                // lnf, logits, probs
  n += (L + 1) * N * C + N * V + N * C;                                          // dres, dlogits, dlnf
  if (record) n += L * H * T * T;                                                // preatt (B = 1)
  return n;
}

void Model::release_buffers() {
  ids_ = std::vector<int>(), targets_ = std::vector<int>();
  x0_ = std::vector<float>(), preatt_ = std::vector<float>();
  for (auto& a : acts_) a = BlockActs();
  scratch_ = BlockScratch();
  lnf_ = std::vector<float>(), lnf_mean_ = std::vector<float>(), lnf_rstd_ = std::vector<float>();
  logits_ = std::vector<float>(), probs_ = std::vector<float>();
  dres_ = std::vector<float>(), dlogits_ = std::vector<float>(), dlnf_ = std::vector<float>();
  cap_BT_ = cap_T_ = 0;
  B_ = T_ = 0;
}

void Model::ensure_buffers(int B, int T, bool record) {
  const int C = config_.n_embd, V = config_.vocab_size;
  // Buffers for cap_B sequences of cap_T positions hold any batch seen so far: B·T <= cap_BT <= cap_B·cap_T
  // rows, and B·H·T·T <= H·cap_BT·cap_T attention weights (e.g. a batch of 16×32, then one of 1×64).
  // Every size is checked in double first: std::size_t has 32 bits in WebAssembly.
  const double BT = static_cast<double>(B) * T;
  double want_BT = std::max<double>(cap_BT_, BT), want_T = std::max(cap_T_, T);
  if (activation_floats(std::ceil(want_BT / want_T), want_T, record) * 4.0 > kMaxActivationBytes) {
    // Together with the batches seen before it is too much; alone it may fit (then the old buffers go).
    check_activation_memory(activation_floats(B, T, record),
                            "a batch of " + std::to_string(B) + " sequences of " + std::to_string(T) + " tokens");
    release_buffers();
    want_BT = BT, want_T = T;
  }
  if (record) {
    const std::size_t htt = static_cast<std::size_t>(config_.n_head) * T * T;
    grow(preatt_, config_.n_layer * htt);
  }
  if (want_BT <= cap_BT_ && want_T <= cap_T_) return;
  cap_BT_ = static_cast<int>(want_BT);
  cap_T_ = static_cast<int>(want_T);
  const int cap_B = (cap_BT_ + cap_T_ - 1) / cap_T_;
  const std::size_t n = cap_BT_;
  ids_.resize(n);
  targets_.resize(n);
  grow(x0_, n * C);
  for (auto& a : acts_) block_reserve(a, spec_, cap_B, cap_T_, cap_T_);
  block_scratch_reserve(scratch_, spec_, cap_B, cap_T_, cap_T_);
  grow(lnf_, n * C), grow(lnf_mean_, n), grow(lnf_rstd_, n), grow(logits_, n * V), grow(probs_, n * V);
  grow(dres_, (config_.n_layer + 1) * n * C);
  grow(dlogits_, n * V), grow(dlnf_, n * C);
}

const float* Model::layer_output(int l) const { return l < 0 ? x0_.data() : block_output(acts_[l], spec_); }

BlockInputs Model::layer_inputs(int l) const {
  BlockInputs in;
  in.x = layer_output(l - 1);
  in.B = B_, in.T = T_;
  return in;
}

float Model::forward(const Batch& batch) {
  return forward(batch.inputs.data(), batch.targets.empty() ? nullptr : batch.targets.data(), batch.B, batch.T);
}

float Model::forward(const int* ids, const int* targets, int B, int T, Inspection* record) {
  const int C = config_.n_embd, V = config_.vocab_size, H = config_.n_head, L = config_.n_layer;
  if (B < 1 || T < 1) throw Error("bad_shape", "forward needs B >= 1 and T >= 1", B, T);
  if (T > config_.block_size) {
    throw Error(
        "too_long",
        "sequence of " + std::to_string(T) + " tokens is longer than block_size " + std::to_string(config_.block_size),
        T, config_.block_size);
  }
  if (record && B != 1) throw Error("bad_shape", "inspection records one sequence (B = 1)", B);
  ensure_buffers(B, T, record != nullptr);  // checks the activation memory first; B·T then fits any size type
  const std::size_t BT = static_cast<std::size_t>(B) * T;
  check_ids(ids, targets, BT, V);
  B_ = B, T_ = T;
  std::copy(ids, ids + BT, ids_.begin());
  if (targets)
    std::copy(targets, targets + BT, targets_.begin());
  else
    std::fill(targets_.begin(), targets_.begin() + BT, kIgnore);

  embedding_forward(x0_.data(), ids, params_.value("transformer.wte.weight"), positional_table(), B, T, C);
  recorded_ = record != nullptr;
  const std::size_t htt = static_cast<std::size_t>(H) * T * T;
  for (int l = 0; l < L; ++l)
    block_forward(acts_[l], w_[l], spec_, layer_inputs(l), recorded_ ? preatt_.data() + l * htt : nullptr);

  // final LayerNorm, logits, softmax, cross-entropy
  const int N = static_cast<int>(BT);
  layer_norm_forward(lnf_.data(), lnf_mean_.data(), lnf_rstd_.data(), layer_output(L - 1),
                     params_.value("transformer.ln_f.weight"), params_.value_or_null("transformer.ln_f.bias"), N, C,
                     config_.ln_eps);
  const float* head = params_.value(config_.tied ? "transformer.wte.weight" : "lm_head.weight");
  linear_forward(logits_.data(), lnf_.data(), head, nullptr, N, C, V);
  const CrossEntropySum ce = cross_entropy_forward(probs_.data(), logits_.data(), targets_.data(), N, V, kIgnore);
  counted_ = ce.counted;
  if (record) this->record(*record);
  return counted_ > 0 ? static_cast<float>(ce.loss / counted_) : std::numeric_limits<float>::quiet_NaN();
}

void Model::backward() {
  if (B_ == 0) throw Error("no_forward", "backward needs a forward pass first");
  if (counted_ == 0) throw Error("no_targets", "backward needs a forward pass with targets");
  const int B = B_, T = T_, C = config_.n_embd, V = config_.vocab_size, L = config_.n_layer, N = B * T;
  const std::size_t BTC = static_cast<std::size_t>(N) * C;

  // loss = mean_i −log p_i[target_i]  →  dlogits_i = (p_i − onehot(target_i)) / count, 0 for ignored rows
  cross_entropy_backward(dlogits_.data(), probs_.data(), targets_.data(), N, V, kIgnore,
                         1.0f / static_cast<float>(counted_));
  // logits = lnf·headᵀ
  const char* head_name = config_.tied ? "transformer.wte.weight" : "lm_head.weight";
  linear_backward(dlnf_.data(), params_.grad(head_name), nullptr, dlogits_.data(), lnf_.data(),
                  params_.value(head_name), N, C, V, /*overwrite_dinp=*/true);
  // lnf = LN(out_{L-1})
  float* dout_last = dres_.data() + L * BTC;  // the layers' slots dres[0..L) are written by the loop
  std::fill(dout_last, dout_last + BTC, 0.0f);
  layer_norm_backward(dout_last, params_.grad("transformer.ln_f.weight"), params_.grad_or_null("transformer.ln_f.bias"),
                      dlnf_.data(), layer_output(L - 1), params_.value("transformer.ln_f.weight"), lnf_mean_.data(),
                      lnf_rstd_.data(), N, C);
  for (int l = L - 1; l >= 0; --l)
    block_backward(dres_.data() + l * BTC, g_[l], scratch_, dres_.data() + (l + 1) * BTC, acts_[l], w_[l], spec_,
                   layer_inputs(l));
  // x0 = wte[id] + wpe[t]
  embedding_backward(params_.grad("transformer.wte.weight"), params_.grad_or_null("transformer.wpe.weight"),
                     dres_.data(), ids_.data(), B, T, C);
}

}  // namespace tf
