#include "model/seq2seq.hpp"

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
#include "model/record.hpp"
#include "text/tokenizer.hpp"

namespace tf {
namespace {

std::string enc_name(int l, const char* rest) { return "transformer.encoder.layers." + std::to_string(l) + "." + rest; }
std::string dec_name(int l, const char* rest) { return "transformer.decoder.layers." + std::to_string(l) + "." + rest; }

void grow(std::vector<float>& v, std::size_t n) {
  if (v.size() < n) v.resize(n);
}

void check_side(const std::vector<int>& ids, std::size_t n, int V, const char* side) {
  if (ids.size() < n) throw Error("bad_shape", std::string(side) + " ids do not fill the batch");
  for (std::size_t i = 0; i < n; ++i) {
    if (ids[i] < 0 || ids[i] >= V) {
      throw Error(
          "bad_token_id",
          std::string(side) + " token id " + std::to_string(ids[i]) + " is outside [0, " + std::to_string(V) + ")",
          ids[i], V);
    }
  }
}

}  // namespace

Seq2Seq::Seq2Seq(const Seq2SeqConfig& config, std::uint64_t seed) : config_(config) {
  config_.validate();
  add_params();
  init_weights(seed);
}

Seq2Seq::Seq2Seq(const Seq2Seq& other) : Network(), config_(other.config_) {
  add_params();
  weights() = other.weights();
}

// In the order of the PyTorch class's state_dict.
std::vector<ParamSpec> Seq2Seq::expected_params(const Seq2SeqConfig& config) {
  const int C = config.n_embd, F = config.hidden();
  std::vector<ParamSpec> out;
  auto add = [&](std::string name, std::vector<int> shape, bool decay) {
    out.push_back({std::move(name), std::move(shape), decay});
  };
  auto attention = [&](const std::string& p) {
    add(p + ".in_proj_weight", {3 * C, C}, true);
    add(p + ".in_proj_bias", {3 * C}, false);
    add(p + ".out_proj.weight", {C, C}, true);
    add(p + ".out_proj.bias", {C}, false);
  };
  auto layer = [&](const std::string& p, bool cross) {
    attention(p + "self_attn");
    if (cross) attention(p + "multihead_attn");
    add(p + "linear1.weight", {F, C}, true);
    add(p + "linear1.bias", {F}, false);
    add(p + "linear2.weight", {C, F}, true);
    add(p + "linear2.bias", {C}, false);
    for (int i = 1; i <= (cross ? 3 : 2); ++i) {
      add(p + "norm" + std::to_string(i) + ".weight", {C}, false);
      add(p + "norm" + std::to_string(i) + ".bias", {C}, false);
    }
  };
  for (int l = 0; l < config.n_encoder_layer; ++l) layer(enc_name(l, ""), false);
  add("transformer.encoder.norm.weight", {C}, false);
  add("transformer.encoder.norm.bias", {C}, false);
  for (int l = 0; l < config.n_decoder_layer; ++l) layer(dec_name(l, ""), true);
  add("transformer.decoder.norm.weight", {C}, false);
  add("transformer.decoder.norm.bias", {C}, false);
  add("generator.weight", {config.tgt_vocab_size, C}, true);
  add("generator.bias", {config.tgt_vocab_size}, false);
  add("src_tok_emb.embedding.weight", {config.src_vocab_size, C}, true);
  add("tgt_tok_emb.embedding.weight", {config.tgt_vocab_size, C}, true);
  return out;
}

void Seq2Seq::add_params() {
  const int C = config_.n_embd, F = config_.hidden();
  for (const ParamSpec& p : expected_params(config_)) params_.add(p);
  params_.allocate();
  sinusoid_.resize(static_cast<std::size_t>(config_.block_size) * C);
  sinusoidal_encoding(sinusoid_.data(), config_.block_size, C);

  enc_spec_.C = dec_spec_.C = C;
  enc_spec_.H = dec_spec_.H = config_.n_head;
  enc_spec_.F = dec_spec_.F = F;
  enc_spec_.norm = dec_spec_.norm = config_.norm;
  enc_spec_.activation = dec_spec_.activation = config_.activation;
  enc_spec_.eps = dec_spec_.eps = config_.ln_eps;
  enc_spec_.causal = false, enc_spec_.cross = false;
  dec_spec_.causal = true, dec_spec_.cross = true;
  enc_acts_.resize(config_.n_encoder_layer);
  dec_acts_.resize(config_.n_decoder_layer);
  bind_layers();
}

void Seq2Seq::bind_layers() {
  auto bind = [&](std::vector<BlockWeights>& w, std::vector<BlockWeights>& g, int L, bool decoder) {
    w.assign(L, {});
    g.assign(L, {});
    for (int l = 0; l < L; ++l) {
      for (int pass = 0; pass < 2; ++pass) {
        BlockWeights& bw = pass == 0 ? w[l] : g[l];
        auto at = [&](const std::string& rest) {
          const std::string name = decoder ? dec_name(l, rest.c_str()) : enc_name(l, rest.c_str());
          return pass == 0 ? params_.value_or_null(name) : params_.grad_or_null(name);
        };
        auto attention = [&](const std::string& p) -> AttentionWeights {
          return {at(p + ".in_proj_weight"), at(p + ".in_proj_bias"), at(p + ".out_proj.weight"),
                  at(p + ".out_proj.bias")};
        };
        bw.self = attention("self_attn");
        if (decoder) bw.cross = attention("multihead_attn");
        bw.ffn = {at("linear1.weight"), at("linear1.bias"), at("linear2.weight"), at("linear2.bias")};
        for (int i = 0; i < (decoder ? 3 : 2); ++i) {
          const std::string n = "norm" + std::to_string(i + 1);
          bw.norm[i] = {at(n + ".weight"), at(n + ".bias")};
        }
      }
    }
  };
  bind(enc_w_, enc_g_, config_.n_encoder_layer, false);
  bind(dec_w_, dec_g_, config_.n_decoder_layer, true);
}

// The tutorial's init: Xavier-uniform for every matrix (bound √(6 / (fan_in + fan_out))); biases 0,
// LayerNorm weights 1.
void Seq2Seq::init_weights(std::uint64_t seed) {
  Rng rng(seed, 0x5e2);
  for (const auto& p : params()) {
    float* w = weights().data() + p.offset;
    if (p.shape.size() == 2) {
      const float bound = std::sqrt(6.0f / static_cast<float>(p.shape[0] + p.shape[1]));
      for (std::size_t i = 0; i < p.size; ++i) w[i] = (2.0f * rng.uniform() - 1.0f) * bound;
    } else {
      const bool ln_weight = p.name.find("norm") != std::string::npos && p.name.find(".weight") != std::string::npos;
      std::fill(w, w + p.size, ln_weight ? 1.0f : 0.0f);
    }
  }
}

double Seq2Seq::activation_floats(double B, double S, double T, bool scores) const {
  const double C = config_.n_embd, V = config_.tgt_vocab_size, H = config_.n_head;
  const double Le = config_.n_encoder_layer, Ld = config_.n_decoder_layer, ns = B * S, nt = B * T;
  double n = 2 * ns + 3 * nt + ns * C + nt * C;  // ids, pads, embeddings
  n += Le * block_floats(enc_spec_, B, S, S) + Ld * block_floats(dec_spec_, B, T, S);
  n += block_scratch_floats(enc_spec_, B, S, S) + block_scratch_floats(dec_spec_, B, T, S);
  n += ns * C + 2 * ns + nt * C + 2 * nt + 2 * nt * V;                    // memory, dec_out, logits, probs
  n += (Le + 1) * ns * C + (Ld + 1) * nt * C + ns * C + nt * V + nt * C;  // backward
  if (scores) n += Le * H * S * S + Ld * H * T * T + Ld * H * T * S;
  return n;
}

void Seq2Seq::release_buffers() {
  source_ = std::vector<int>(), inputs_ = std::vector<int>(), targets_ = std::vector<int>();
  src_pad_ = std::vector<unsigned char>(), tgt_pad_ = std::vector<unsigned char>();
  for (auto* v : {&xe_, &xd_, &memory_, &mem_mean_, &mem_rstd_, &dec_out_, &dec_mean_, &dec_rstd_, &logits_, &probs_,
                  &enc_preatt_, &dec_preatt_, &x_preatt_, &denc_, &ddec_, &dmemory_, &dlogits_, &ddec_out_})
    *v = std::vector<float>();
  for (auto& a : enc_acts_) a = BlockActs();
  for (auto& a : dec_acts_) a = BlockActs();
  scratch_ = BlockScratch();
  cap_B_ = cap_S_ = cap_T_ = 0;
  B_ = S_ = T_ = 0;
}

void Seq2Seq::ensure_buffers(int B, int S, int T, bool scores) {
  // Checked in double before anything grows: std::size_t has 32 bits in WebAssembly.
  int want_B = std::max(cap_B_, B), want_S = std::max(cap_S_, S), want_T = std::max(cap_T_, T);
  if (activation_floats(want_B, want_S, want_T, scores) * 4.0 > kMaxActivationBytes) {
    // With the batches seen before it is too much; alone it may fit (then the old buffers go).
    check_activation_memory(
        activation_floats(B, S, T, scores),
        "a batch of " + std::to_string(B) + " pairs of " + std::to_string(S) + " and " + std::to_string(T) + " tokens");
    release_buffers();
    want_B = B, want_S = S, want_T = T;
  }
  if (scores) {
    const std::size_t H = config_.n_head, Sz = S, Tz = T;
    grow(enc_preatt_, config_.n_encoder_layer * H * Sz * Sz);
    grow(dec_preatt_, config_.n_decoder_layer * H * Tz * Tz);
    grow(x_preatt_, config_.n_decoder_layer * H * Tz * Sz);
  }
  if (want_B <= cap_B_ && want_S <= cap_S_ && want_T <= cap_T_) return;
  cap_B_ = want_B, cap_S_ = want_S, cap_T_ = want_T;
  const std::size_t C = config_.n_embd, V = config_.tgt_vocab_size;
  const std::size_t ns = static_cast<std::size_t>(cap_B_) * cap_S_, nt = static_cast<std::size_t>(cap_B_) * cap_T_;
  source_.resize(ns), src_pad_.resize(ns);
  inputs_.resize(nt), targets_.resize(nt), tgt_pad_.resize(nt);
  grow(xe_, ns * C), grow(xd_, nt * C);
  for (auto& a : enc_acts_) block_reserve(a, enc_spec_, cap_B_, cap_S_, cap_S_);
  for (auto& a : dec_acts_) block_reserve(a, dec_spec_, cap_B_, cap_T_, cap_S_);
  grow(memory_, ns * C), grow(mem_mean_, ns), grow(mem_rstd_, ns);
  grow(dec_out_, nt * C), grow(dec_mean_, nt), grow(dec_rstd_, nt);
  grow(logits_, nt * V), grow(probs_, nt * V);
  grow(denc_, (config_.n_encoder_layer + 1) * ns * C), grow(ddec_, (config_.n_decoder_layer + 1) * nt * C);
  grow(dmemory_, ns * C), grow(dlogits_, nt * V), grow(ddec_out_, nt * C);
  block_scratch_reserve(scratch_, enc_spec_, cap_B_, cap_S_, cap_S_);
  block_scratch_reserve(scratch_, dec_spec_, cap_B_, cap_T_, cap_S_);
}

const float* Seq2Seq::encoder_output(int l) const { return l < 0 ? xe_.data() : block_output(enc_acts_[l], enc_spec_); }
const float* Seq2Seq::decoder_output(int l) const { return l < 0 ? xd_.data() : block_output(dec_acts_[l], dec_spec_); }

BlockInputs Seq2Seq::encoder_inputs(int l) const {
  BlockInputs in;
  in.x = encoder_output(l - 1);
  in.B = B_, in.T = S_;
  in.self_pad = src_pad_.data();
  return in;
}

BlockInputs Seq2Seq::decoder_inputs(int l) const {
  BlockInputs in;
  in.x = decoder_output(l - 1);
  in.B = B_, in.T = T_;
  in.self_pad = tgt_pad_.data();
  in.memory = memory_.data();
  in.S = S_;
  in.memory_pad = src_pad_.data();
  return in;
}

float Seq2Seq::forward(const Batch& batch) { return run(batch, false); }

float Seq2Seq::run(const Batch& batch, bool keep_scores) {
  const int B = batch.B, S = batch.S, T = batch.T, C = config_.n_embd, V = config_.tgt_vocab_size;
  const int H = config_.n_head, Le = config_.n_encoder_layer, Ld = config_.n_decoder_layer;
  if (B < 1 || S < 1 || T < 1) throw Error("bad_shape", "forward needs B, S and T >= 1", B, std::min(S, T));
  if (S > config_.block_size || T > config_.block_size) {
    const int n = std::max(S, T);
    throw Error(
        "too_long",
        "sequence of " + std::to_string(n) + " tokens is longer than block_size " + std::to_string(config_.block_size),
        n, config_.block_size);
  }
  ensure_buffers(B, S, T, keep_scores);  // checks the activation memory first; B·S and B·T then fit any size type
  const std::size_t ns = static_cast<std::size_t>(B) * S, nt = static_cast<std::size_t>(B) * T;
  check_side(batch.source, ns, config_.src_vocab_size, "source");
  check_side(batch.inputs, nt, V, "target");
  const bool has_targets = !batch.targets.empty();
  if (has_targets) {
    if (batch.targets.size() < nt) throw Error("bad_shape", "target ids do not fill the batch");
    for (std::size_t i = 0; i < nt; ++i) {
      const int t = batch.targets[i];
      if (t != kIgnore && (t < 0 || t >= V))
        throw Error("bad_token_id", "target id " + std::to_string(t) + " is outside [0, " + std::to_string(V) + ")", t,
                    V);
    }
  }
  B_ = B, S_ = S, T_ = T;
  std::copy_n(batch.source.begin(), ns, source_.begin());
  std::copy_n(batch.inputs.begin(), nt, inputs_.begin());
  if (has_targets)
    std::copy_n(batch.targets.begin(), nt, targets_.begin());
  else
    std::fill_n(targets_.begin(), nt, kIgnore);
  for (std::size_t i = 0; i < ns; ++i) src_pad_[i] = source_[i] == Tokenizer::PAD;
  for (std::size_t i = 0; i < nt; ++i) tgt_pad_[i] = inputs_[i] == Tokenizer::PAD;

  recorded_ = keep_scores;
  const float scale = std::sqrt(static_cast<float>(C));
  embedding_forward(xe_.data(), source_.data(), params_.value("src_tok_emb.embedding.weight"), sinusoid_.data(), B, S,
                    C, scale);
  for (int l = 0; l < Le; ++l) {
    float* pre = keep_scores ? enc_preatt_.data() + static_cast<std::size_t>(l) * H * S * S : nullptr;
    block_forward(enc_acts_[l], enc_w_[l], enc_spec_, encoder_inputs(l), pre);
  }
  layer_norm_forward(memory_.data(), mem_mean_.data(), mem_rstd_.data(), encoder_output(Le - 1),
                     params_.value("transformer.encoder.norm.weight"), params_.value("transformer.encoder.norm.bias"),
                     static_cast<int>(ns), C, config_.ln_eps);
  embedding_forward(xd_.data(), inputs_.data(), params_.value("tgt_tok_emb.embedding.weight"), sinusoid_.data(), B, T,
                    C, scale);
  for (int l = 0; l < Ld; ++l) {
    float* pre = keep_scores ? dec_preatt_.data() + static_cast<std::size_t>(l) * H * T * T : nullptr;
    float* xpre = keep_scores ? x_preatt_.data() + static_cast<std::size_t>(l) * H * T * S : nullptr;
    block_forward(dec_acts_[l], dec_w_[l], dec_spec_, decoder_inputs(l), pre, xpre);
  }
  const int N = static_cast<int>(nt);
  layer_norm_forward(dec_out_.data(), dec_mean_.data(), dec_rstd_.data(), decoder_output(Ld - 1),
                     params_.value("transformer.decoder.norm.weight"), params_.value("transformer.decoder.norm.bias"),
                     N, C, config_.ln_eps);
  linear_forward(logits_.data(), dec_out_.data(), params_.value("generator.weight"), params_.value("generator.bias"), N,
                 C, V);
  const CrossEntropySum ce = cross_entropy_forward(probs_.data(), logits_.data(), targets_.data(), N, V, kIgnore);
  counted_ = ce.counted;
  return counted_ > 0 ? static_cast<float>(ce.loss / counted_) : std::numeric_limits<float>::quiet_NaN();
}

void Seq2Seq::backward() {
  if (B_ == 0) throw Error("no_forward", "backward needs a forward pass first");
  if (counted_ == 0) throw Error("no_targets", "backward needs a forward pass with targets");
  const int B = B_, S = S_, T = T_, C = config_.n_embd, V = config_.tgt_vocab_size;
  const int Le = config_.n_encoder_layer, Ld = config_.n_decoder_layer;
  const std::size_t ns = static_cast<std::size_t>(B) * S, nt = static_cast<std::size_t>(B) * T;
  const std::size_t NSC = ns * C, NTC = nt * C;
  const int N = static_cast<int>(nt);

  cross_entropy_backward(dlogits_.data(), probs_.data(), targets_.data(), N, V, kIgnore,
                         1.0f / static_cast<float>(counted_));
  // logits = dec_out·generatorᵀ + b
  linear_backward(ddec_out_.data(), params_.grad("generator.weight"), params_.grad("generator.bias"), dlogits_.data(),
                  dec_out_.data(), params_.value("generator.weight"), N, C, V, /*overwrite_dinp=*/true);
  // dec_out = decoder.norm(decoder output)
  float* dlast = ddec_.data() + Ld * NTC;
  std::fill(dlast, dlast + NTC, 0.0f);
  layer_norm_backward(dlast, params_.grad("transformer.decoder.norm.weight"),
                      params_.grad("transformer.decoder.norm.bias"), ddec_out_.data(), decoder_output(Ld - 1),
                      params_.value("transformer.decoder.norm.weight"), dec_mean_.data(), dec_rstd_.data(), N, C);
  std::fill(dmemory_.begin(), dmemory_.begin() + NSC, 0.0f);  // every decoder layer's cross-attention adds to it
  for (int l = Ld - 1; l >= 0; --l)
    block_backward(ddec_.data() + l * NTC, dec_g_[l], scratch_, ddec_.data() + (l + 1) * NTC, dec_acts_[l], dec_w_[l],
                   dec_spec_, decoder_inputs(l), dmemory_.data());
  const float scale = std::sqrt(static_cast<float>(C));
  embedding_backward(params_.grad("tgt_tok_emb.embedding.weight"), nullptr, ddec_.data(), inputs_.data(), B, T, C,
                     scale);
  // memory = encoder.norm(encoder output)
  float* elast = denc_.data() + Le * NSC;
  std::fill(elast, elast + NSC, 0.0f);
  layer_norm_backward(elast, params_.grad("transformer.encoder.norm.weight"),
                      params_.grad("transformer.encoder.norm.bias"), dmemory_.data(), encoder_output(Le - 1),
                      params_.value("transformer.encoder.norm.weight"), mem_mean_.data(), mem_rstd_.data(),
                      static_cast<int>(ns), C);
  for (int l = Le - 1; l >= 0; --l)
    block_backward(denc_.data() + l * NSC, enc_g_[l], scratch_, denc_.data() + (l + 1) * NSC, enc_acts_[l], enc_w_[l],
                   enc_spec_, encoder_inputs(l));
  embedding_backward(params_.grad("src_tok_emb.embedding.weight"), nullptr, denc_.data(), source_.data(), B, S, C,
                     scale);
}

float Seq2Seq::inspect(const std::vector<int>& source, const std::vector<int>& inputs, const std::vector<int>& targets,
                       Inspection& rec) {
  Batch b;
  b.B = 1, b.S = static_cast<int>(source.size()), b.T = static_cast<int>(inputs.size());
  b.source = source, b.inputs = inputs, b.targets = targets;
  if (!targets.empty() && targets.size() != inputs.size())
    throw Error("bad_shape", "targets must be as long as the decoder inputs", targets.size(), inputs.size());
  const float loss = run(b, true);
  record(rec);
  return loss;
}

void Seq2Seq::record(Inspection& rec) const {
  const int S = S_, T = T_, C = config_.n_embd, H = config_.n_head, F = config_.hidden(), V = config_.tgt_vocab_size;
  const std::size_t Sz = S, Tz = T, Cz = C, Fz = F, Vz = V;
  const bool pre = config_.norm == NormPlacement::Pre;
  rec.clear();
  auto embed = [&](const std::string& p, const std::vector<int>& ids, const char* table, const float* sum, int n) {
    const float* w = params_.value(table);
    const float scale = std::sqrt(static_cast<float>(C));
    std::vector<float> tok(static_cast<std::size_t>(n) * C);
    for (int t = 0; t < n; ++t)
      for (int c = 0; c < C; ++c) tok[static_cast<std::size_t>(t) * C + c] = w[ids[t] * C + c] * scale;
    rec.add(p + "embed.token", tok.data(), {static_cast<std::size_t>(n), Cz});
    rec.add(p + "embed.position", sinusoid_.data(), {static_cast<std::size_t>(n), Cz});
    rec.add(p + "embed.sum", sum, {static_cast<std::size_t>(n), Cz});
  };
  // One block: for each sublayer i its input norm (pre-LN), the sublayer, its residual sum, its norm (post-LN).
  auto block = [&](const std::string& h, const BlockActs& a, const BlockSpec& spec, std::size_t n, const float* preatt,
                   const float* xpreatt, const unsigned char* self_pad) {
    const std::size_t rows = n;
    for (int i = 0; i < spec.sublayers(); ++i) {
      const std::string k = std::to_string(i + 1);
      const bool is_ffn = i == spec.sublayers() - 1;
      const SublayerActs& sub = is_ffn   ? static_cast<const SublayerActs&>(a.ffn)
                                : i == 0 ? static_cast<const SublayerActs&>(a.self)
                                         : static_cast<const SublayerActs&>(a.cross);
      if (pre) rec.add(h + "norm" + k, sub.ln.data(), {rows, Cz});
      if (is_ffn) {
        rec.add(h + "mlp.pre", a.ffn.pre.data(), {rows, Fz});
        rec.add(h + "mlp.act", a.ffn.act.data(), {rows, Fz});
        rec.add(h + "mlp.out", a.ffn.out.data(), {rows, Cz});
      } else if (i == 0) {
        record_attention(rec, h + "attn.", a.self, preatt, H, static_cast<int>(n), static_cast<int>(n), C, spec.causal,
                         self_pad);
      } else {
        record_attention(rec, h + "xattn.", a.cross, xpreatt, H, T, S, C, false, src_pad_.data());
      }
      rec.add(h + "residual_" + k, sub.residual.data(), {rows, Cz});
      if (!pre) rec.add(h + "norm" + k, sub.ln.data(), {rows, Cz});
    }
    rec.add(h + "out", block_output(a, spec), {rows, Cz});
  };
  embed("enc.", source_, "src_tok_emb.embedding.weight", xe_.data(), S);
  for (int l = 0; l < config_.n_encoder_layer; ++l)
    block("enc.h" + std::to_string(l) + ".", enc_acts_[l], enc_spec_, Sz,
          enc_preatt_.data() + static_cast<std::size_t>(l) * H * S * S, nullptr, src_pad_.data());
  rec.add("enc.out", memory_.data(), {Sz, Cz});
  embed("dec.", inputs_, "tgt_tok_emb.embedding.weight", xd_.data(), T);
  for (int l = 0; l < config_.n_decoder_layer; ++l)
    block("dec.h" + std::to_string(l) + ".", dec_acts_[l], dec_spec_, Tz,
          dec_preatt_.data() + static_cast<std::size_t>(l) * H * T * T,
          x_preatt_.data() + static_cast<std::size_t>(l) * H * T * S, tgt_pad_.data());
  rec.add("dec.out", dec_out_.data(), {Tz, Cz});
  rec.add("logits", logits_.data(), {Tz, Vz});
  rec.add("probs", probs_.data(), {Tz, Vz});
}

}  // namespace tf
