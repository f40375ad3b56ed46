#include "model/model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/error.hpp"
#include "core/rng.hpp"
#include "layers/attention.hpp"
#include "layers/layer_norm.hpp"
#include "layers/linear.hpp"
#include "layers/positional.hpp"
#include "layers/softmax.hpp"
#include "simd/rows.hpp"

namespace tf {
namespace {

std::string layer_name(int l, const char* rest) { return "transformer.h." + std::to_string(l) + "." + rest; }

void resize(std::vector<float>& v, std::size_t n) {
  if (v.size() < n) v.resize(n);
}

}  // namespace

Model::Model(const ModelConfig& config, std::uint64_t seed) : config_(config) {
  config_.validate();
  const int C = config_.n_embd, V = config_.vocab_size, F = config_.hidden(), L = config_.n_layer;
  const bool b = config_.bias;
  add_param("transformer.wte.weight", {V, C}, true);
  if (config_.positional == PositionalKind::Learned) add_param("transformer.wpe.weight", {config_.block_size, C}, true);
  for (int l = 0; l < L; ++l) {
    add_param(layer_name(l, "ln_1.weight"), {C}, false);
    if (b) add_param(layer_name(l, "ln_1.bias"), {C}, false);
    add_param(layer_name(l, "attn.c_attn.weight"), {3 * C, C}, true);
    if (b) add_param(layer_name(l, "attn.c_attn.bias"), {3 * C}, false);
    add_param(layer_name(l, "attn.c_proj.weight"), {C, C}, true);
    if (b) add_param(layer_name(l, "attn.c_proj.bias"), {C}, false);
    add_param(layer_name(l, "ln_2.weight"), {C}, false);
    if (b) add_param(layer_name(l, "ln_2.bias"), {C}, false);
    add_param(layer_name(l, "mlp.c_fc.weight"), {F, C}, true);
    if (b) add_param(layer_name(l, "mlp.c_fc.bias"), {F}, false);
    add_param(layer_name(l, "mlp.c_proj.weight"), {C, F}, true);
    if (b) add_param(layer_name(l, "mlp.c_proj.bias"), {C}, false);
  }
  add_param("transformer.ln_f.weight", {C}, false);
  if (b) add_param("transformer.ln_f.bias", {C}, false);
  if (!config_.tied) add_param("lm_head.weight", {V, C}, true);
  weights_.assign(params_.back().offset + params_.back().size, 0.0f);
  grads_.assign(weights_.size(), 0.0f);
  if (config_.positional == PositionalKind::Sinusoidal) {
    sinusoid_.resize(static_cast<std::size_t>(config_.block_size) * C);
    sinusoidal_encoding(sinusoid_.data(), config_.block_size, C);
  } else if (config_.positional == PositionalKind::None) {
    sinusoid_.assign(static_cast<std::size_t>(config_.block_size) * C, 0.0f);
  }
  acts_.resize(L);
  static const char* const kLayerTensors[12] = {
      "ln_1.weight", "ln_1.bias", "attn.c_attn.weight", "attn.c_attn.bias", "attn.c_proj.weight", "attn.c_proj.bias",
      "ln_2.weight", "ln_2.bias", "mlp.c_fc.weight",    "mlp.c_fc.bias",    "mlp.c_proj.weight",  "mlp.c_proj.bias"};
  layer_offsets_.resize(L);
  for (int l = 0; l < L; ++l) {
    for (int i = 0; i < 12; ++i) {
      const std::string name = layer_name(l, kLayerTensors[i]);
      layer_offsets_[l][i] = -1;
      for (const auto& p : params_)
        if (p.name == name) layer_offsets_[l][i] = static_cast<long>(p.offset);
    }
  }
  init_weights(seed);
}

void Model::add_param(const std::string& name, std::vector<int> shape, bool decay) {
  ParamInfo p;
  p.name = name;
  p.size = 1;
  for (int d : shape) p.size *= static_cast<std::size_t>(d);
  p.shape = std::move(shape);
  p.offset = params_.empty() ? 0 : params_.back().offset + params_.back().size;
  p.decay = decay;
  params_.push_back(std::move(p));
}

const ParamInfo& Model::param_info(std::string_view name) const {
  for (const auto& p : params_)
    if (p.name == name) return p;
  throw Error("bad_param_name", "the model has no parameter named '" + std::string(name) + "'");
}

std::vector<ParamRef> Model::param_refs() {
  std::vector<ParamRef> refs;
  refs.reserve(params_.size());
  for (const auto& p : params_)
    refs.push_back({p.name, weights_.data() + p.offset, grads_.data() + p.offset, p.size, p.decay});
  return refs;
}

Model::LayerPtrs Model::layer_ptrs(std::vector<float>& buffer, int l) {
  const auto& o = layer_offsets_[l];
  auto at = [&](int i) { return o[i] < 0 ? nullptr : buffer.data() + o[i]; };
  return {at(0), at(1), at(2), at(3), at(4), at(5), at(6), at(7), at(8), at(9), at(10), at(11)};
}

// nanoGPT's _init_weights: N(0, 0.02) for Linear and Embedding weights, N(0, 0.02/√(2L)) for the
// projections into the residual stream (c_proj), zeros for biases, ones for LayerNorm weights.
void Model::init_weights(std::uint64_t seed) {
  Rng rng(seed);
  const float proj_std = 0.02f / std::sqrt(2.0f * config_.n_layer);
  for (const auto& p : params_) {
    float* w = weights_.data() + p.offset;
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
  if (config_.positional == PositionalKind::Learned)
    return weights_.data() + param_info("transformer.wpe.weight").offset;
  return sinusoid_.data();
}

void Model::ensure_buffers(int B, int T) {
  const int C = config_.n_embd, F = config_.hidden(), V = config_.vocab_size, H = config_.n_head;
  const std::size_t BT = static_cast<std::size_t>(B) * T;
  if (static_cast<int>(BT) <= cap_BT_ && T <= cap_T_) return;
  cap_BT_ = std::max<int>(cap_BT_, static_cast<int>(BT));
  cap_T_ = std::max(cap_T_, T);
  const std::size_t n = cap_BT_, tt = static_cast<std::size_t>(cap_T_);
  const std::size_t bhtt = n * H * tt;  // (B·T)·H·T >= B·H·T·T
  ids_.resize(n);
  targets_.resize(n);
  resize(x0_, n * C);
  auto size_layer = [&](LayerActs& a) {
    resize(a.ln1, n * C), resize(a.ln1_mean, n), resize(a.ln1_rstd, n), resize(a.qkv, n * 3 * C);
    resize(a.q, n * C), resize(a.k, n * C), resize(a.v, n * C), resize(a.att, bhtt), resize(a.y, n * C);
    resize(a.atty, n * C), resize(a.attproj, n * C), resize(a.r1, n * C), resize(a.ln2, n * C);
    resize(a.ln2_mean, n), resize(a.ln2_rstd, n), resize(a.fch, n * F), resize(a.fch_act, n * F);
    resize(a.fcproj, n * C), resize(a.r2, n * C);
  };
  for (auto& a : acts_) size_layer(a);
  size_layer(dacts_);
  resize(lnf_, n * C), resize(lnf_mean_, n), resize(lnf_rstd_, n), resize(logits_, n * V), resize(probs_, n * V);
  resize(dres_, (config_.n_layer + 1) * n * C);
  resize(dlogits_, n * V), resize(dlnf_, n * C);
  resize(att_scratch_, static_cast<std::size_t>(attention_scratch_size(cap_T_, C, H)));
}

const float* Model::layer_output(int l) const {
  if (l < 0) return x0_.data();
  return config_.norm == NormPlacement::Pre ? acts_[l].r2.data() : acts_[l].ln2.data();
}

float Model::forward(const int* ids, const int* targets, int B, int T, Inspection* record) {
  const int C = config_.n_embd, F = config_.hidden(), V = config_.vocab_size, H = config_.n_head;
  if (B < 1 || T < 1) throw Error("bad_shape", "forward needs B >= 1 and T >= 1", B, T);
  if (T > config_.block_size) {
    throw Error(
        "too_long",
        "sequence of " + std::to_string(T) + " tokens is longer than block_size " + std::to_string(config_.block_size),
        T, config_.block_size);
  }
  if (record && B != 1) throw Error("bad_shape", "inspection records one sequence (B = 1)", B);
  const std::size_t BT = static_cast<std::size_t>(B) * T;
  for (std::size_t i = 0; i < BT; ++i) {
    if (ids[i] < 0 || ids[i] >= V) {
      throw Error("bad_token_id", "token id " + std::to_string(ids[i]) + " is outside [0, " + std::to_string(V) + ")",
                  ids[i], V);
    }
    if (targets && targets[i] != kIgnore && (targets[i] < 0 || targets[i] >= V)) {
      throw Error("bad_token_id",
                  "target id " + std::to_string(targets[i]) + " is outside [0, " + std::to_string(V) + ")", targets[i],
                  V);
    }
  }
  ensure_buffers(B, T);
  B_ = B, T_ = T;
  std::copy(ids, ids + BT, ids_.begin());
  if (targets)
    std::copy(targets, targets + BT, targets_.begin());
  else
    std::fill(targets_.begin(), targets_.begin() + BT, kIgnore);

  // embedding: x0 = wte[id] + pos[t]
  const float* wte = weights_.data() + params_[0].offset;
  const float* pos = positional_table();
  for (std::size_t i = 0; i < BT; ++i) {
    const int t = static_cast<int>(i % T);
    simd::sum_rows(x0_.data() + i * C, wte + static_cast<std::size_t>(ids[i]) * C,
                   pos + static_cast<std::size_t>(t) * C, C);
  }

  const int N = static_cast<int>(BT);
  const bool pre = config_.norm == NormPlacement::Pre;
  if (record) {
    record->clear();
    resize(preatt_, static_cast<std::size_t>(H) * T * T);
    const std::size_t Tz = T, Cz = C;
    std::vector<float> tok(Tz * Cz);
    for (std::size_t t = 0; t < Tz; ++t)
      std::copy_n(wte + static_cast<std::size_t>(ids[t]) * C, C, tok.begin() + t * C);
    record->add("embed.token", tok.data(), {Tz, Cz});
    record->add("embed.position", pos, {Tz, Cz});
    record->add("embed.sum", x0_.data(), {Tz, Cz});
  }
  for (int l = 0; l < config_.n_layer; ++l) {
    const LayerPtrs p = layer_ptrs(weights_, l);
    LayerActs& a = acts_[l];
    const float* x = layer_output(l - 1);
    const AttentionCache cache{a.q.data(),   a.k.data(), a.v.data(),
                               a.att.data(), a.y.data(), record ? preatt_.data() : nullptr};
    if (pre) {
      layer_norm_forward(a.ln1.data(), a.ln1_mean.data(), a.ln1_rstd.data(), x, p.ln1_w, p.ln1_b, N, C, config_.ln_eps);
      linear_forward(a.qkv.data(), a.ln1.data(), p.qkv_w, p.qkv_b, N, C, 3 * C);
    } else {
      linear_forward(a.qkv.data(), x, p.qkv_w, p.qkv_b, N, C, 3 * C);
    }
    attention_forward(a.atty.data(), cache, a.qkv.data(), B, T, C, H);
    linear_forward(a.attproj.data(), a.atty.data(), p.proj_w, p.proj_b, N, C, C);
    simd::sum_rows(a.r1.data(), x, a.attproj.data(), BT * C);
    const float* mlp_in;
    if (pre) {
      layer_norm_forward(a.ln2.data(), a.ln2_mean.data(), a.ln2_rstd.data(), a.r1.data(), p.ln2_w, p.ln2_b, N, C,
                         config_.ln_eps);
      mlp_in = a.ln2.data();
    } else {
      layer_norm_forward(a.ln1.data(), a.ln1_mean.data(), a.ln1_rstd.data(), a.r1.data(), p.ln1_w, p.ln1_b, N, C,
                         config_.ln_eps);
      mlp_in = a.ln1.data();
    }
    linear_forward(a.fch.data(), mlp_in, p.fc_w, p.fc_b, N, C, F);
    activation_forward(config_.activation, a.fch_act.data(), a.fch.data(), N * F);
    linear_forward(a.fcproj.data(), a.fch_act.data(), p.fcproj_w, p.fcproj_b, N, F, C);
    // second residual: pre-LN adds to the stream r1; post-LN adds to the normalised ln1
    simd::sum_rows(a.r2.data(), pre ? a.r1.data() : mlp_in, a.fcproj.data(), BT * C);
    if (!pre) {
      layer_norm_forward(a.ln2.data(), a.ln2_mean.data(), a.ln2_rstd.data(), a.r2.data(), p.ln2_w, p.ln2_b, N, C,
                         config_.ln_eps);
    }
    if (record) {
      const std::string h = "h" + std::to_string(l) + ".";
      const std::size_t D = C / H, Tz = T, Cz = C, Hz = H, Fz = F;
      if (pre) record->add(h + "ln_1", a.ln1.data(), {Tz, Cz});  // post-LN: attention reads the block input
      record->add(h + "attn.q", a.q.data(), {Hz, Tz, D});
      record->add(h + "attn.k", a.k.data(), {Hz, Tz, D});
      record->add(h + "attn.v", a.v.data(), {Hz, Tz, D});
      // the forward pass keeps the scaled scores; the raw ones are shown as scaled·√D
      const std::size_t n = Hz * Tz * Tz;
      std::vector<float> tmp(n);
      const float sqrt_d = std::sqrt(static_cast<float>(D));
      for (std::size_t i = 0; i < n; ++i) tmp[i] = preatt_[i] * sqrt_d;
      record->add(h + "attn.scores", tmp.data(), {Hz, Tz, Tz});
      record->add(h + "attn.scaled", preatt_.data(), {Hz, Tz, Tz});
      for (std::size_t i = 0; i < n; ++i) {
        const std::size_t t = (i / Tz) % Tz, s2 = i % Tz;
        tmp[i] = s2 > t ? -std::numeric_limits<float>::infinity() : preatt_[i];
      }
      record->add(h + "attn.masked", tmp.data(), {Hz, Tz, Tz});
      record->add(h + "attn.probs", a.att.data(), {Hz, Tz, Tz});
      record->add(h + "attn.head_out", a.y.data(), {Hz, Tz, D});
      record->add(h + "attn.concat", a.atty.data(), {Tz, Cz});
      record->add(h + "attn.proj", a.attproj.data(), {Tz, Cz});
      record->add(h + "residual_1", a.r1.data(), {Tz, Cz});
      record->add(h + (pre ? "ln_2" : "ln_1"), mlp_in, {Tz, Cz});
      record->add(h + "mlp.pre", a.fch.data(), {Tz, Fz});
      record->add(h + "mlp.act", a.fch_act.data(), {Tz, Fz});
      record->add(h + "mlp.out", a.fcproj.data(), {Tz, Cz});
      record->add(h + "residual_2", a.r2.data(), {Tz, Cz});
      if (!pre) record->add(h + "ln_2", a.ln2.data(), {Tz, Cz});
      record->add(h + "out", layer_output(l), {Tz, Cz});
    }
  }

  // final LayerNorm, logits, softmax, cross-entropy
  const float* lnf_w = weights_.data() + param_info("transformer.ln_f.weight").offset;
  const float* lnf_b = config_.bias ? weights_.data() + param_info("transformer.ln_f.bias").offset : nullptr;
  layer_norm_forward(lnf_.data(), lnf_mean_.data(), lnf_rstd_.data(), layer_output(config_.n_layer - 1), lnf_w, lnf_b,
                     N, C, config_.ln_eps);
  const float* head = config_.tied ? wte : weights_.data() + param_info("lm_head.weight").offset;
  linear_forward(logits_.data(), lnf_.data(), head, nullptr, N, C, V);
  double loss_sum = 0.0;
  counted_ = 0;
  for (std::size_t i = 0; i < BT; ++i) {
    const float* z = logits_.data() + i * V;
    const SoftmaxStats st = softmax(probs_.data() + i * V, z, V);
    if (targets_[i] != kIgnore) {
      // −log p[target], computed from the logits for accuracy when p is tiny
      loss_sum += -(z[targets_[i]] - st.max - std::log(st.sum));
      ++counted_;
    }
  }
  if (record) {
    const std::size_t Tz = T, Cz = C, Vz = V;
    record->add("ln_f", lnf_.data(), {Tz, Cz});
    record->add("logits", logits_.data(), {Tz, Vz});
    record->add("probs", probs_.data(), {Tz, Vz});
  }
  return counted_ > 0 ? static_cast<float>(loss_sum / counted_) : std::numeric_limits<float>::quiet_NaN();
}

void Model::zero_grad() { std::fill(grads_.begin(), grads_.end(), 0.0f); }

void Model::backward() {
  if (B_ == 0) throw Error("no_forward", "backward needs a forward pass first");
  if (counted_ == 0) throw Error("no_targets", "backward needs a forward pass with targets");
  const int B = B_, T = T_, C = config_.n_embd, F = config_.hidden(), V = config_.vocab_size, H = config_.n_head;
  const int L = config_.n_layer, N = B * T;
  const std::size_t BT = static_cast<std::size_t>(N), BTC = BT * C;
  const bool pre = config_.norm == NormPlacement::Pre;

  // loss = mean_i −log p_i[target_i]  →  dlogits_i = (p_i − onehot(target_i)) / count, 0 for ignored rows
  const float inv = 1.0f / static_cast<float>(counted_);
  for (std::size_t i = 0; i < BT; ++i) {
    float* dz = dlogits_.data() + i * V;
    if (targets_[i] == kIgnore) {
      std::fill(dz, dz + V, 0.0f);
      continue;
    }
    const float* prob = probs_.data() + i * V;
    for (int v = 0; v < V; ++v) dz[v] = prob[v] * inv;
    dz[targets_[i]] -= inv;
  }
  // logits = lnf·headᵀ
  float* dwte = grads_.data() + params_[0].offset;
  const float* wte = weights_.data() + params_[0].offset;
  float* dhead = config_.tied ? dwte : grads_.data() + param_info("lm_head.weight").offset;
  const float* head = config_.tied ? wte : weights_.data() + param_info("lm_head.weight").offset;
  linear_backward(dlnf_.data(), dhead, nullptr, dlogits_.data(), lnf_.data(), head, N, C, V, /*overwrite_dinp=*/true);
  // lnf = LN(out_{L-1})
  float* dout_last = dres_.data() + L * BTC;  // the layers' slots dres[0..L) are written by the loop
  std::fill(dout_last, dout_last + BTC, 0.0f);
  layer_norm_backward(dout_last, grads_.data() + param_info("transformer.ln_f.weight").offset,
                      config_.bias ? grads_.data() + param_info("transformer.ln_f.bias").offset : nullptr, dlnf_.data(),
                      layer_output(L - 1), weights_.data() + param_info("transformer.ln_f.weight").offset,
                      lnf_mean_.data(), lnf_rstd_.data(), N, C);

  LayerActs& d = dacts_;
  for (int l = L - 1; l >= 0; --l) {
    const LayerPtrs p = layer_ptrs(weights_, l);
    const LayerPtrs g = layer_ptrs(grads_, l);
    const LayerActs& a = acts_[l];
    const float* x = layer_output(l - 1);
    float* dx = dres_.data() + l * BTC;  // ∂/∂(layer input)
    const float* dout = dres_.data() + (l + 1) * BTC;
    float* dr1 = d.r1.data();
    float* dmlp_in = pre ? d.ln2.data() : d.ln1.data();
    const float* mlp_in = pre ? a.ln2.data() : a.ln1.data();
    // r2 (pre: r1 + fcproj; post: ln1 + fcproj), post-LN adds out = LN2(r2)
    const float* dr2;
    if (pre) {
      dr2 = dout;
    } else {
      std::fill(d.r2.begin(), d.r2.begin() + BTC, 0.0f);
      layer_norm_backward(d.r2.data(), g.ln2_w, g.ln2_b, dout, a.r2.data(), p.ln2_w, a.ln2_mean.data(),
                          a.ln2_rstd.data(), N, C);
      dr2 = d.r2.data();
    }
    // Gradient buffers are not zeroed: the first contribution to each is written (copied, or a layer's
    // backward with overwrite), the later ones add.
    std::copy(dr2, dr2 + BTC, pre ? dr1 : dmlp_in);  // residual branch of r2 (pre: r1, post: ln1)
    if (!pre) std::fill(dr1, dr1 + BTC, 0.0f);       // post-LN: dr1's only contribution, LN backward, adds
    // fcproj = c_proj(fch_act);  fch_act = act(fch);  fch = c_fc(mlp_in)
    linear_backward(d.fch_act.data(), g.fcproj_w, g.fcproj_b, dr2, a.fch_act.data(), p.fcproj_w, N, F, C, true);
    activation_backward(config_.activation, d.fch.data(), a.fch.data(), d.fch_act.data(), N * F, true);
    linear_backward(dmlp_in, g.fc_w, g.fc_b, d.fch.data(), mlp_in, p.fc_w, N, C, F, /*overwrite_dinp=*/pre);
    // mlp_in = LN(r1) (pre: ln_2, post: ln_1)
    if (pre) {
      layer_norm_backward(dr1, g.ln2_w, g.ln2_b, dmlp_in, a.r1.data(), p.ln2_w, a.ln2_mean.data(), a.ln2_rstd.data(), N,
                          C);
    } else {
      layer_norm_backward(dr1, g.ln1_w, g.ln1_b, dmlp_in, a.r1.data(), p.ln1_w, a.ln1_mean.data(), a.ln1_rstd.data(), N,
                          C);
    }
    // r1 = x + attproj;  attproj = c_proj(atty);  atty = attention(qkv);  qkv = c_attn(pre ? ln1 : x)
    std::copy(dr1, dr1 + BTC, dx);  // residual branch of r1 = x + attproj
    linear_backward(d.atty.data(), g.proj_w, g.proj_b, dr1, a.atty.data(), p.proj_w, N, C, C, true);
    const AttentionCache cache{const_cast<float*>(a.q.data()), const_cast<float*>(a.k.data()),
                               const_cast<float*>(a.v.data()), const_cast<float*>(a.att.data()),
                               const_cast<float*>(a.y.data()), nullptr};
    attention_backward(d.qkv.data(), d.atty.data(), cache, att_scratch_.data(), B, T, C, H, /*overwrite=*/true);
    if (pre) {
      linear_backward(d.ln1.data(), g.qkv_w, g.qkv_b, d.qkv.data(), a.ln1.data(), p.qkv_w, N, C, 3 * C, true);
      layer_norm_backward(dx, g.ln1_w, g.ln1_b, d.ln1.data(), x, p.ln1_w, a.ln1_mean.data(), a.ln1_rstd.data(), N, C);
    } else {
      linear_backward(dx, g.qkv_w, g.qkv_b, d.qkv.data(), x, p.qkv_w, N, C, 3 * C);
    }
  }
  // x0 = wte[id] + wpe[t]
  const float* dx0 = dres_.data();
  float* dwpe = config_.positional == PositionalKind::Learned
                    ? grads_.data() + param_info("transformer.wpe.weight").offset
                    : nullptr;
  for (std::size_t i = 0; i < BT; ++i) {
    simd::add_row(dwte + static_cast<std::size_t>(ids_[i]) * C, dx0 + i * C, C);
    if (dwpe) simd::add_row(dwpe + (i % T) * C, dx0 + i * C, C);
  }
}

}  // namespace tf
