#include "layers/block.hpp"

#include <algorithm>

#include "layers/attention.hpp"
#include "layers/layer_norm.hpp"
#include "layers/linear.hpp"
#include "simd/rows.hpp"

namespace tf {
namespace {

void grow(std::vector<float>& v, std::size_t n) {
  if (v.size() < n) v.resize(n);
}

void reserve_sublayer(SublayerActs& a, std::size_t N, std::size_t C) {
  grow(a.ln, N * C), grow(a.ln_mean, N), grow(a.ln_rstd, N), grow(a.residual, N * C);
}

void reserve_attention(AttentionActs& a, const BlockSpec& s, std::size_t B, std::size_t T, std::size_t S, bool cross) {
  const std::size_t C = s.C, H = s.H, N = B * T;
  reserve_sublayer(a, N, C);
  grow(a.qkv, N * (cross ? C : 3 * C));
  if (cross) grow(a.kv, B * S * 2 * C);
  grow(a.q, N * C), grow(a.k, B * S * C), grow(a.v, B * S * C);
  grow(a.probs, B * H * T * S), grow(a.head_out, N * C), grow(a.concat, N * C), grow(a.proj, N * C);
}

AttentionShape self_shape(const BlockSpec& s, const BlockInputs& in) { return {in.B, in.T, in.T, s.C, s.H}; }
AttentionShape cross_shape(const BlockSpec& s, const BlockInputs& in) { return {in.B, in.T, in.S, s.C, s.H}; }

AttentionCache cache_of(const AttentionActs& a, float* preatt) {
  auto p = [](const std::vector<float>& v) { return const_cast<float*>(v.data()); };
  return {p(a.q), p(a.k), p(a.v), p(a.probs), p(a.head_out), preatt};
}

// f(inp) for the attention sublayer, into a.proj (N, C).
void attention_sublayer(AttentionActs& a, const AttentionWeights& w, const BlockSpec& s, const BlockInputs& in,
                        const float* inp, bool cross, float* preatt) {
  const int C = s.C, N = in.B * in.T;
  if (!cross) {
    linear_forward(a.qkv.data(), inp, w.in_w, w.in_b, N, C, 3 * C);
    const float* qkv = a.qkv.data();
    attention_forward(a.concat.data(), cache_of(a, preatt), {qkv, 3 * C, qkv + C, 3 * C, qkv + 2 * C, 3 * C},
                      self_shape(s, in), {s.causal, in.self_pad});
  } else {
    linear_forward(a.qkv.data(), inp, w.in_w, w.in_b, N, C, C);
    linear_forward(a.kv.data(), in.memory, w.in_w + static_cast<std::size_t>(C) * C, w.in_b ? w.in_b + C : nullptr,
                   in.B * in.S, C, 2 * C);
    const float* kv = a.kv.data();
    attention_forward(a.concat.data(), cache_of(a, preatt), {a.qkv.data(), C, kv, 2 * C, kv + C, 2 * C},
                      cross_shape(s, in), {false, in.memory_pad});
  }
  linear_forward(a.proj.data(), a.concat.data(), w.out_w, w.out_b, N, C, C);
}

void ffn_sublayer(FfnActs& a, const FfnWeights& w, const BlockSpec& s, int N, const float* inp) {
  linear_forward(a.pre.data(), inp, w.fc_w, w.fc_b, N, s.C, s.F);
  activation_forward(s.activation, a.act.data(), a.pre.data(), N * s.F, a.slope.data());
  linear_forward(a.out.data(), a.act.data(), w.proj_w, w.proj_b, N, s.F, s.C);
}

// Residual and LayerNorm around f: pre-LN  residual = x + f(LN(x));  post-LN  residual = x + f(x), ln = LN(residual).
template <class F>
void sublayer_forward(SublayerActs& a, const NormWeights& n, const BlockSpec& s, int N, const float* x,
                      const float* f_out, F&& f) {
  const std::size_t NC = static_cast<std::size_t>(N) * s.C;
  if (s.norm == NormPlacement::Pre) {
    layer_norm_forward(a.ln.data(), a.ln_mean.data(), a.ln_rstd.data(), x, n.w, n.b, N, s.C, s.eps);
    f(a.ln.data());
    simd::sum_rows(a.residual.data(), x, f_out, NC);
  } else {
    f(x);
    simd::sum_rows(a.residual.data(), x, f_out, NC);
    layer_norm_forward(a.ln.data(), a.ln_mean.data(), a.ln_rstd.data(), a.residual.data(), n.w, n.b, N, s.C, s.eps);
  }
}

const float* output_of(const SublayerActs& a, const BlockSpec& s) {
  return s.norm == NormPlacement::Pre ? a.residual.data() : a.ln.data();
}

}  // namespace

void block_reserve(BlockActs& a, const BlockSpec& s, int B, int T, int S) {
  const std::size_t Bz = B, Tz = T, Sz = s.cross ? S : T, N = Bz * Tz;
  reserve_attention(a.self, s, Bz, Tz, Tz, false);
  if (s.cross) reserve_attention(a.cross, s, Bz, Tz, Sz, true);
  reserve_sublayer(a.ffn, N, s.C);
  grow(a.ffn.pre, N * s.F), grow(a.ffn.act, N * s.F), grow(a.ffn.slope, N * s.F), grow(a.ffn.out, N * s.C);
}

void block_scratch_reserve(BlockScratch& d, const BlockSpec& s, int B, int T, int S) {
  const std::size_t C = s.C, N = static_cast<std::size_t>(B) * T, M = static_cast<std::size_t>(B) * (s.cross ? S : 0);
  grow(d.d_ln, N * C), grow(d.d_res, N * C), grow(d.d_ping, N * C), grow(d.d_pong, N * C);
  grow(d.d_qkv, N * 3 * C), grow(d.d_kv, M * 2 * C), grow(d.d_concat, N * C);
  grow(d.d_hidden, N * s.F);
  std::size_t scratch = attention_scratch_size({B, T, T, s.C, s.H});
  if (s.cross) scratch = std::max<std::size_t>(scratch, attention_scratch_size({B, T, S, s.C, s.H}));
  grow(d.attention, scratch);
}

namespace {

// Floats of reserve_sublayer and reserve_attention (keep in step with them).
double sublayer_floats(double N, double C) { return 2 * N * C + 2 * N; }

double attention_floats(const BlockSpec& s, double B, double T, double S, bool cross) {
  const double C = s.C, H = s.H, N = B * T;
  double n = sublayer_floats(N, C) + N * (cross ? C : 3 * C);
  if (cross) n += B * S * 2 * C;
  return n + N * C + 2 * B * S * C + B * H * T * S + 3 * N * C;
}

double attention_scratch_floats(const BlockSpec& s, double B, double Tq, double Tk) {
  (void)B;
  const double D = static_cast<double>(s.C / s.H);
  return Tq * D + 2 * Tk * D + Tq * Tk;  // attention_scratch_size
}

}  // namespace

double block_floats(const BlockSpec& s, double B, double T, double S) {
  const double N = B * T, Sz = s.cross ? S : T;
  double n = attention_floats(s, B, T, T, false);
  if (s.cross) n += attention_floats(s, B, T, Sz, true);
  return n + sublayer_floats(N, s.C) + 3 * N * s.F + N * s.C;
}

double block_scratch_floats(const BlockSpec& s, double B, double T, double S) {
  const double C = s.C, N = B * T, M = B * (s.cross ? S : 0);
  double scratch = attention_scratch_floats(s, B, T, T);
  if (s.cross) scratch = std::max(scratch, attention_scratch_floats(s, B, T, S));
  return 4 * N * C + 3 * N * C + 2 * M * C + N * C + N * s.F + scratch;
}

const float* sublayer_output(const BlockActs& a, const BlockSpec& s, int i) {
  if (i == 0) return output_of(a.self, s);
  if (i == 1 && s.cross) return output_of(a.cross, s);
  return output_of(a.ffn, s);
}

const float* block_output(const BlockActs& a, const BlockSpec& s) { return output_of(a.ffn, s); }

void block_forward(BlockActs& a, const BlockWeights& w, const BlockSpec& s, const BlockInputs& in, float* preatt_self,
                   float* preatt_cross) {
  const int N = in.B * in.T;
  sublayer_forward(a.self, w.norm[0], s, N, in.x, a.self.proj.data(),
                   [&](const float* inp) { attention_sublayer(a.self, w.self, s, in, inp, false, preatt_self); });
  const float* x = output_of(a.self, s);
  if (s.cross) {
    sublayer_forward(a.cross, w.norm[1], s, N, x, a.cross.proj.data(),
                     [&](const float* inp) { attention_sublayer(a.cross, w.cross, s, in, inp, true, preatt_cross); });
    x = output_of(a.cross, s);
  }
  sublayer_forward(a.ffn, w.norm[s.sublayers() - 1], s, N, x, a.ffn.out.data(),
                   [&](const float* inp) { ffn_sublayer(a.ffn, w.ffn, s, N, inp); });
}

namespace {

// Backward through one sublayer: dx (N, C) = ∂loss/∂x given dout = ∂loss/∂(sublayer output).
//   pre-LN:  residual = x + f(LN(x))      dx = dout + LN'ᵀ · f'ᵀ · dout
//   post-LN: out = LN(x + f(x))           dres = LN'ᵀ · dout;  dx = dres + f'ᵀ · dres
// f_backward(dres, dinp, overwrite) writes (overwrite) or adds f's input gradient into dinp.
template <class FBackward>
void sublayer_backward(float* dx, const float* dout, const SublayerActs& a, const NormWeights& n, NormWeights& gn,
                       const BlockSpec& s, int N, const float* x, BlockScratch& d, FBackward&& f_backward) {
  const std::size_t NC = static_cast<std::size_t>(N) * s.C;
  if (s.norm == NormPlacement::Pre) {
    f_backward(dout, d.d_ln.data(), /*overwrite=*/true);
    std::copy(dout, dout + NC, dx);  // the residual branch
    layer_norm_backward(dx, gn.w, gn.b, d.d_ln.data(), x, n.w, a.ln_mean.data(), a.ln_rstd.data(), N, s.C);
  } else {
    float* dres = d.d_res.data();
    std::fill(dres, dres + NC, 0.0f);
    layer_norm_backward(dres, gn.w, gn.b, dout, a.residual.data(), n.w, a.ln_mean.data(), a.ln_rstd.data(), N, s.C);
    std::copy(dres, dres + NC, dx);  // the residual branch
    f_backward(dres, dx, /*overwrite=*/false);
  }
}

const float* f_input(const SublayerActs& a, const BlockSpec& s, const float* x) {
  return s.norm == NormPlacement::Pre ? a.ln.data() : x;
}

}  // namespace

void block_backward(float* dx, BlockWeights& g, BlockScratch& d, const float* dout, const BlockActs& a,
                    const BlockWeights& w, const BlockSpec& s, const BlockInputs& in, float* dmemory) {
  const int C = s.C, F = s.F, N = in.B * in.T;
  const int last = s.sublayers() - 1;
  // Inputs of the sublayers, and where each one's input gradient goes (the last sublayer's input gradient
  // is the middle one's output gradient, and so on; the first writes dx).
  const float* x_ffn = sublayer_output(a, s, last - 1);
  float* d_into_ffn = d.d_ping.data();

  sublayer_backward(
      d_into_ffn, dout, a.ffn, w.norm[last], g.norm[last], s, N, x_ffn, d,
      [&](const float* dres, float* dinp, bool overwrite) {
        const FfnActs& f = a.ffn;
        // d_hidden is ∂/∂act, then (in place, times the slope the forward kept) ∂/∂pre
        float* d_hidden = d.d_hidden.data();
        linear_backward(d_hidden, g.ffn.proj_w, g.ffn.proj_b, dres, f.act.data(), w.ffn.proj_w, N, F, C, true);
        activation_backward(d_hidden, f.slope.data(), d_hidden, N * F, true);
        linear_backward(dinp, g.ffn.fc_w, g.ffn.fc_b, d_hidden, f_input(f, s, x_ffn), w.ffn.fc_w, N, C, F, overwrite);
      });
  const float* dnext = d_into_ffn;
  if (s.cross) {
    const float* x_cross = output_of(a.self, s);
    float* d_into_cross = d.d_pong.data();
    const AttentionActs& c = a.cross;
    sublayer_backward(d_into_cross, dnext, c, w.norm[1], g.norm[1], s, N, x_cross, d,
                      [&](const float* dres, float* dinp, bool overwrite) {
                        linear_backward(d.d_concat.data(), g.cross.out_w, g.cross.out_b, dres, c.concat.data(),
                                        w.cross.out_w, N, C, C, true);
                        float* dq = d.d_qkv.data();
                        float* dkv = d.d_kv.data();
                        attention_backward({dq, C, dkv, 2 * C, dkv + C, 2 * C}, d.d_concat.data(), cache_of(c, nullptr),
                                           d.attention.data(), cross_shape(s, in), {false, in.memory_pad}, true);
                        linear_backward(dinp, g.cross.in_w, g.cross.in_b, dq, f_input(c, s, x_cross), w.cross.in_w, N,
                                        C, C, overwrite);
                        const std::size_t CC = static_cast<std::size_t>(C) * C;
                        linear_backward(dmemory, g.cross.in_w + CC, g.cross.in_b ? g.cross.in_b + C : nullptr, dkv,
                                        in.memory, w.cross.in_w + CC, in.B * in.S, C, 2 * C);
                      });
    dnext = d_into_cross;
  }
  const AttentionActs& sa = a.self;
  sublayer_backward(
      dx, dnext, sa, w.norm[0], g.norm[0], s, N, in.x, d, [&](const float* dres, float* dinp, bool overwrite) {
        linear_backward(d.d_concat.data(), g.self.out_w, g.self.out_b, dres, sa.concat.data(), w.self.out_w, N, C, C,
                        true);
        float* dqkv = d.d_qkv.data();
        attention_backward({dqkv, 3 * C, dqkv + C, 3 * C, dqkv + 2 * C, 3 * C}, d.d_concat.data(),
                           cache_of(sa, nullptr), d.attention.data(), self_shape(s, in), {s.causal, in.self_pad}, true);
        linear_backward(dinp, g.self.in_w, g.self.in_b, dqkv, f_input(sa, s, in.x), w.self.in_w, N, C, 3 * C,
                        overwrite);
      });
}

}  // namespace tf
