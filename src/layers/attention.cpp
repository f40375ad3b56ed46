#include "layers/attention.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>

#include "core/error.hpp"
#include "layers/softmax.hpp"
#include "simd/arch.hpp"
#include "simd/matmul.hpp"
#include "simd/rows.hpp"

namespace tf {
namespace {

using simd::FloatBatch;
constexpr int W = simd::kWidth;
using Index = std::ptrdiff_t;

using simd::add_row;
using simd::copy_row;  // one head's rows are D floats: copied inline, never through a memcpy call

void check_shape(const AttentionShape& s, const AttentionMask& mask) {
  if (s.B < 0 || s.Tq < 0 || s.Tk < 0 || s.H <= 0 || s.C <= 0 || s.C % s.H != 0)
    throw Error("attention_shape", "attention: C (" + std::to_string(s.C) + ") must be a positive multiple of H (" +
                                       std::to_string(s.H) + "), and B, Tq, Tk non-negative");
  if (mask.causal && s.Tq != s.Tk)
    throw Error("attention_shape",
                "attention: a causal mask needs as many queries as keys (Tq " + std::to_string(s.Tq) + ", Tk " +
                    std::to_string(s.Tk) + ")",
                s.Tq, s.Tk);
}

// The padding flags of batch entry b's keys, or null when nothing is padded.
inline const unsigned char* key_pad_of(const AttentionMask& mask, int b, int Tk) {
  return mask.key_pad ? mask.key_pad + static_cast<Index>(b) * Tk : nullptr;
}

// Query t's keys that can be unmasked are [0, n): the causal prefix t+1 (check_shape made Tq = Tk), or all
// Tk without the causal mask, less any padding keys at its end. n = 0 when every key of the row is masked.
// Padding keys inside [0, n) are masked separately.
inline int row_keys(int t, int Tk, bool causal, const unsigned char* pad) {
  int n = causal ? t + 1 : Tk;
  if (pad)
    while (n > 0 && pad[n - 1]) --n;
  return n;
}

// Index of the first padding key, Tk when there is none.
inline int first_pad(const unsigned char* pad, int Tk) {
  if (!pad) return Tk;
  int s = 0;
  while (s < Tk && !pad[s]) ++s;
  return s;
}

// Softmax backward over one row of n probabilities a and their gradients d, in place:
//   d[s] = a[s] · (d[s] − Σ_r a[r]·d[r]) · scale
inline void softmax_backward_row(float* d, const float* a, int n, float scale) {
  FloatBatch acc(0.0f);
  int s = 0;
  for (; s + W <= n; s += W) acc += FloatBatch::load_unaligned(a + s) * FloatBatch::load_unaligned(d + s);
  float dot = xsimd::hadd(acc);
  for (int r = s; r < n; ++r) dot += a[r] * d[r];
  const FloatBatch dotv(dot), scalev(scale);
  for (s = 0; s + W <= n; s += W) {
    const FloatBatch av = FloatBatch::load_unaligned(a + s);
    (av * (FloatBatch::load_unaligned(d + s) - dotv) * scalev).store_unaligned(d + s);
  }
  for (; s < n; ++s) d[s] = a[s] * (d[s] - dot) * scale;
}

// Scale one head's scores (Tq, Tk) in place, copy them to preatt (if not null), and turn each row into
// probabilities: softmax over the row's first n keys (causal: s <= t); padding keys among them get −∞,
// whose exp is exactly 0; masked entries become exactly 0. kPad: pad is not null. Without preatt only the
// first n scores of a row are read (the causal path leaves the masked ones uncomputed).
template <bool kPad>
void scores_to_probs(float* att, float* preatt, int Tq, int Tk, float scale, bool causal, const unsigned char* pad) {
  const int pad0 = kPad ? first_pad(pad, Tk) : Tk;
  for (int t = 0; t < Tq; ++t) {
    float* row = att + static_cast<Index>(t) * Tk;
    const int n = row_keys(t, Tk, causal, kPad ? pad : nullptr);
    if (preatt) {
      for (int j = 0; j < Tk; ++j) row[j] *= scale;
      copy_row(preatt + static_cast<Index>(t) * Tk, row, Tk);
    } else {
      for (int j = 0; j < n; ++j) row[j] *= scale;
    }
    if (n > 0) {
      if (kPad)
        for (int j = pad0; j < n; ++j)
          if (pad[j]) row[j] = -std::numeric_limits<float>::infinity();
      softmax(row, row, n);
    }
    for (int j = n; j < Tk; ++j) row[j] = 0.0f;
  }
}

// datt (Tq, Tk) → dpre in place, row by row over the same n keys as scores_to_probs; the rest become 0.
// Masked keys inside [0, n) have att = 0, so their dpre is 0 as well.
template <bool kPad>
void probs_backward(float* datt, const float* att, int Tq, int Tk, float scale, bool causal, const unsigned char* pad) {
  for (int t = 0; t < Tq; ++t) {
    float* drow = datt + static_cast<Index>(t) * Tk;
    const int n = row_keys(t, Tk, causal, kPad ? pad : nullptr);
    softmax_backward_row(drow, att + static_cast<Index>(t) * Tk, n, scale);
    for (int j = n; j < Tk; ++j) drow[j] = 0.0f;
  }
}

// Row r of an (rows, C) tensor laid out with `stride` floats per row, at head h's columns.
template <class T>
inline T* head_row(T* base, int stride, Index r, int h, int D) {
  return base + r * stride + static_cast<Index>(h) * D;
}

// One head's dQ (Tq, D), dK and dV (Tk, D), contiguous, into the gradient rows gq, gk, gv (strides apart):
// = (kOverwrite) or +=. The first min(Tq, Tk) rows in one loop, as the forward pass gathers them.
template <bool kOverwrite>
void scatter_grads(float* gq, float* gk, float* gv, const AttentionGrads& g, const float* dq, const float* dk,
                   const float* dv, int Tq, int Tk, int D) {
  auto put = [D](float* dst, const float* src) {
    if (kOverwrite) {
      copy_row(dst, src, D);
    } else {
      add_row(dst, src, D);
    }
  };
  const int common = std::min(Tq, Tk);
  for (int t = 0; t < common; ++t, gq += g.dq_stride, gk += g.dk_stride, gv += g.dv_stride) {
    put(gq, dq + t * D);
    put(gk, dk + t * D);
    put(gv, dv + t * D);
  }
  for (int t = common; t < Tq; ++t, gq += g.dq_stride) put(gq, dq + t * D);
  for (int t = common; t < Tk; ++t, gk += g.dk_stride, gv += g.dv_stride) {
    put(gk, dk + t * D);
    put(gv, dv + t * D);
  }
}

// Causal attention skips the masked (future) half: the (T, T) products are done in row blocks of kCausalBlock
// queries, block [r0, r1) against keys [0, r1) only, so about half the multiply-adds of the full square
// remain (T = 32: 62.5% with blocks of 8). Entries above the diagonal inside a block are computed and then
// zeroed by the softmax, so every product below reads exact zeros there, as the full square did.
constexpr int kCausalBlock = 8;

// att[r0:r1, 0:r1] = Q[r0:r1]·K[0:r1]ᵀ per row block (the rest of att is left as it was).
void causal_scores(float* att, const float* q, const float* k, int T, int D) {
  for (int r0 = 0; r0 < T; r0 += kCausalBlock) {
    const int r1 = std::min(T, r0 + kCausalBlock);
    matmul_nt_ld(att + static_cast<Index>(r0) * T, T, q + static_cast<Index>(r0) * D, D, k, D, r1 - r0, D, r1);
  }
}

// out[r0:r1] = P[r0:r1, 0:r1]·X[0:r1] for a lower-triangular P (T, T): att·V, and dpre·K.
void causal_rows_times(float* out, const float* p, const float* x, int T, int D) {
  for (int r0 = 0; r0 < T; r0 += kCausalBlock) {
    const int r1 = std::min(T, r0 + kCausalBlock);
    matmul_nn_ld(out + static_cast<Index>(r0) * D, D, p + static_cast<Index>(r0) * T, T, x, D, r1 - r0, r1, D);
  }
}

// out[c0:c1] = P[c0:T, c0:c1]ᵀ·X[c0:T] for a lower-triangular P (T, T): attᵀ·dy, and dpreᵀ·Q.
void causal_cols_times(float* out, const float* p, const float* x, int T, int D) {
  for (int c0 = 0; c0 < T; c0 += kCausalBlock) {
    const int c1 = std::min(T, c0 + kCausalBlock);
    const Index c = c0;
    matmul_tn_ld(out + c * D, D, p + c * T + c, T, x + c * D, D, c1 - c0, T - c0, D);
  }
}

// datt[r0:r1, 0:r1] = dy[r0:r1]·V[0:r1]ᵀ per row block: the gradient of the probabilities below the diagonal.
void causal_prob_grads(float* datt, const float* dy, const float* v, int T, int D) { causal_scores(datt, dy, v, T, D); }

}  // namespace

int attention_scratch_size(const AttentionShape& s) {
  const int D = s.C / s.H;
  return s.Tq * D + 2 * s.Tk * D + s.Tq * s.Tk;
}

// ---- SIMD core ----------------------------------------------------------------------------------------

void attention_forward(float* out, const AttentionCache& cache, const AttentionInput& in, const AttentionShape& s,
                       const AttentionMask& mask) {
  check_shape(s, mask);
  const int Tq = s.Tq, Tk = s.Tk, C = s.C, H = s.H, D = C / H;
  const float scale = 1.0f / std::sqrt(static_cast<float>(D));
  for (int b = 0; b < s.B; ++b) {
    const unsigned char* pad = key_pad_of(mask, b, Tk);
    for (int h = 0; h < H; ++h) {
      const Index bh = static_cast<Index>(b) * H + h, hD = static_cast<Index>(h) * D;
      float* q = cache.q + bh * Tq * D;
      float* k = cache.k + bh * Tk * D;
      float* v = cache.v + bh * Tk * D;
      float* att = cache.att + bh * Tq * Tk;
      float* y = cache.y + bh * Tq * D;
      // gather this head's Q (Tq, D), K and V (Tk, D) into contiguous blocks; the first min(Tq, Tk) rows in
      // one loop, so packed self-attention reads each qkv row once
      const float* qs = in.q + static_cast<Index>(b) * Tq * in.q_stride + hD;
      const float* ks = in.k + static_cast<Index>(b) * Tk * in.k_stride + hD;
      const float* vs = in.v + static_cast<Index>(b) * Tk * in.v_stride + hD;
      const int common = std::min(Tq, Tk);
      for (int t = 0; t < common; ++t, qs += in.q_stride, ks += in.k_stride, vs += in.v_stride) {
        copy_row(q + t * D, qs, D);
        copy_row(k + t * D, ks, D);
        copy_row(v + t * D, vs, D);
      }
      for (int t = common; t < Tq; ++t, qs += in.q_stride) copy_row(q + t * D, qs, D);
      for (int t = common; t < Tk; ++t, ks += in.k_stride, vs += in.v_stride) {
        copy_row(k + t * D, ks, D);
        copy_row(v + t * D, vs, D);
      }
      float* preatt = cache.preatt ? cache.preatt + bh * Tq * Tk : nullptr;
      // causal and no scores kept for display: only the lower-triangle blocks (see kCausalBlock)
      const bool lower = mask.causal && !preatt;
      if (lower) {
        causal_scores(att, q, k, Tq, D);
      } else {
        matmul_nt(att, q, k, Tq, D, Tk);  // (Tq, Tk) = Q·Kᵀ
      }
      if (pad) {
        scores_to_probs<true>(att, preatt, Tq, Tk, scale, mask.causal, pad);
      } else {
        scores_to_probs<false>(att, preatt, Tq, Tk, scale, mask.causal, nullptr);
      }
      if (lower) {
        causal_rows_times(y, att, v, Tq, D);
      } else {
        matmul_nn(y, att, v, Tq, Tk, D);  // (Tq, D) = att·V
      }
      float* o = out + static_cast<Index>(b) * Tq * C + hD;
      for (int t = 0; t < Tq; ++t) copy_row(o + static_cast<Index>(t) * C, y + t * D, D);
    }
  }
}

void attention_backward(const AttentionGrads& g, const float* dout, const AttentionCache& cache, float* scratch,
                        const AttentionShape& s, const AttentionMask& mask, bool overwrite) {
  check_shape(s, mask);
  const int Tq = s.Tq, Tk = s.Tk, C = s.C, H = s.H, D = C / H;
  const float scale = 1.0f / std::sqrt(static_cast<float>(D));
  float* dy = scratch;        // (Tq, D), then reused as dQ
  float* dk = dy + Tq * D;    // (Tk, D)
  float* dv = dk + Tk * D;    // (Tk, D)
  float* datt = dv + Tk * D;  // (Tq, Tk)
  for (int b = 0; b < s.B; ++b) {
    const unsigned char* pad = key_pad_of(mask, b, Tk);
    for (int h = 0; h < H; ++h) {
      const Index bh = static_cast<Index>(b) * H + h, hD = static_cast<Index>(h) * D;
      const float* q = cache.q + bh * Tq * D;
      const float* k = cache.k + bh * Tk * D;
      const float* v = cache.v + bh * Tk * D;
      const float* att = cache.att + bh * Tq * Tk;
      const float* dys = dout + static_cast<Index>(b) * Tq * C + hD;
      for (int t = 0; t < Tq; ++t) copy_row(dy + t * D, dys + static_cast<Index>(t) * C, D);
      // y = att·V  →  datt = dy·Vᵀ,  dV = attᵀ·dy (causal: the lower-triangle blocks only, see kCausalBlock)
      if (mask.causal) {
        causal_prob_grads(datt, dy, v, Tq, D);
        causal_cols_times(dv, att, dy, Tq, D);
      } else {
        matmul_nt(datt, dy, v, Tq, D, Tk);
        matmul_tn(dv, att, dy, Tk, Tq, D);
      }
      // att = softmax(pre)  →  dpre[t,s] = att[t,s]·(datt[t,s] − Σ_r att[t,r]·datt[t,r]); then ·scale
      if (pad) {
        probs_backward<true>(datt, att, Tq, Tk, scale, mask.causal, pad);
      } else {
        probs_backward<false>(datt, att, Tq, Tk, scale, mask.causal, nullptr);
      }
      // pre = Q·Kᵀ  →  dQ = dpre·K,  dK = dpreᵀ·Q
      float* dq = dy;
      if (mask.causal) {
        causal_rows_times(dq, datt, k, Tq, D);
        causal_cols_times(dk, datt, q, Tq, D);
      } else {
        matmul_nn(dq, datt, k, Tq, Tk, D);
        matmul_tn(dk, datt, q, Tk, Tq, D);
      }
      float* gq = g.dq + static_cast<Index>(b) * Tq * g.dq_stride + hD;
      float* gk = g.dk + static_cast<Index>(b) * Tk * g.dk_stride + hD;
      float* gv = g.dv + static_cast<Index>(b) * Tk * g.dv_stride + hD;
      if (overwrite) {
        scatter_grads<true>(gq, gk, gv, g, dq, dk, dv, Tq, Tk, D);
      } else {
        scatter_grads<false>(gq, gk, gv, g, dq, dk, dv, Tq, Tk, D);
      }
    }
  }
}

// ---- scalar reference ---------------------------------------------------------------------------------

void attention_forward_ref(float* out, const AttentionCache& cache, const AttentionInput& in, const AttentionShape& s,
                           const AttentionMask& mask) {
  check_shape(s, mask);
  const int Tq = s.Tq, Tk = s.Tk, C = s.C, H = s.H, D = C / H;
  const float scale = 1.0f / std::sqrt(static_cast<float>(D));
  for (int b = 0; b < s.B; ++b) {
    for (int h = 0; h < H; ++h) {
      const Index bh = static_cast<Index>(b) * H + h;
      for (int t = 0; t < Tq; ++t) {
        const float* src = head_row(in.q, in.q_stride, Index{b} * Tq + t, h, D);
        std::copy(src, src + D, cache.q + (bh * Tq + t) * D);
      }
      for (int t = 0; t < Tk; ++t) {
        const float* ks = head_row(in.k, in.k_stride, Index{b} * Tk + t, h, D);
        const float* vs = head_row(in.v, in.v_stride, Index{b} * Tk + t, h, D);
        std::copy(ks, ks + D, cache.k + (bh * Tk + t) * D);
        std::copy(vs, vs + D, cache.v + (bh * Tk + t) * D);
      }
    }
  }
  for (int b = 0; b < s.B; ++b) {
    for (int t = 0; t < Tq; ++t) {
      for (int h = 0; h < H; ++h) {
        const Index bh = static_cast<Index>(b) * H + h;
        const float* q = cache.q + (bh * Tq + t) * D;
        const float* k = cache.k + bh * Tk * D;
        const float* v = cache.v + bh * Tk * D;
        float* att = cache.att + (bh * Tq + t) * Tk;
        float* pre = cache.preatt ? cache.preatt + (bh * Tq + t) * Tk : nullptr;
        auto masked = [&](int j) { return (mask.causal && j > t) || (mask.key_pad && mask.key_pad[b * Tk + j]); };
        // pass 1: scaled scores and their max over the unmasked keys
        float maxval = -std::numeric_limits<float>::infinity();
        for (int j = 0; j < Tk; ++j) {
          float dot = 0.0f;
          for (int i = 0; i < D; ++i) dot += q[i] * k[j * D + i];
          dot *= scale;
          if (pre) pre[j] = dot;
          att[j] = dot;
          if (!masked(j)) maxval = std::max(maxval, dot);
        }
        // pass 2: exp and sum; masked keys get exactly 0
        float sum = 0.0f;
        for (int j = 0; j < Tk; ++j) {
          if (masked(j)) {
            att[j] = 0.0f;
          } else {
            att[j] = std::exp(att[j] - maxval);
            sum += att[j];
          }
        }
        // pass 3: normalise (a row with every key masked stays all 0)
        const float inv = sum > 0.0f ? 1.0f / sum : 0.0f;
        for (int j = 0; j < Tk; ++j) att[j] *= inv;
        // pass 4: y = Σ_s att[s]·v[s]
        float* y = cache.y + (bh * Tq + t) * D;
        for (int i = 0; i < D; ++i) y[i] = 0.0f;
        for (int j = 0; j < Tk; ++j)
          for (int i = 0; i < D; ++i) y[i] += att[j] * v[j * D + i];
        std::copy(y, y + D, head_row(out, C, Index{b} * Tq + t, h, D));
      }
    }
  }
}

void attention_backward_ref(const AttentionGrads& g, const float* dout, const AttentionCache& cache, float* scratch,
                            const AttentionShape& s, const AttentionMask& mask, bool overwrite) {
  check_shape(s, mask);
  const int Tq = s.Tq, Tk = s.Tk, C = s.C, H = s.H, D = C / H;
  const float scale = 1.0f / std::sqrt(static_cast<float>(D));
  if (overwrite) {
    for (Index r = 0; r < Index{s.B} * Tq; ++r) std::fill_n(g.dq + r * g.dq_stride, C, 0.0f);
    for (Index r = 0; r < Index{s.B} * Tk; ++r) {
      std::fill_n(g.dk + r * g.dk_stride, C, 0.0f);
      std::fill_n(g.dv + r * g.dv_stride, C, 0.0f);
    }
  }
  float* datt = scratch;       // (Tk)
  float* dpre = scratch + Tk;  // (Tk)
  for (int b = 0; b < s.B; ++b) {
    for (int t = 0; t < Tq; ++t) {
      for (int h = 0; h < H; ++h) {
        const Index bh = static_cast<Index>(b) * H + h;
        const float* q = cache.q + (bh * Tq + t) * D;
        const float* k = cache.k + bh * Tk * D;
        const float* v = cache.v + bh * Tk * D;
        const float* att = cache.att + (bh * Tq + t) * Tk;
        const float* dy = head_row(dout, C, Index{b} * Tq + t, h, D);
        float* dq = head_row(g.dq, g.dq_stride, Index{b} * Tq + t, h, D);
        // y = Σ_s att[s]·v[s]  →  datt[s] = dy·v[s],  dv[s] += att[s]·dy
        for (int j = 0; j < Tk; ++j) {
          float* dvj = head_row(g.dv, g.dv_stride, Index{b} * Tk + j, h, D);
          float dot = 0.0f;
          for (int i = 0; i < D; ++i) {
            dot += v[j * D + i] * dy[i];
            dvj[i] += att[j] * dy[i];
          }
          datt[j] = dot;
        }
        // softmax: ∂att[j2]/∂pre[j3] = att[j2]·([j2 = j3] − att[j3]); masked keys have att = 0 → no gradient
        for (int j = 0; j < Tk; ++j) dpre[j] = 0.0f;
        for (int j2 = 0; j2 < Tk; ++j2)
          for (int j3 = 0; j3 < Tk; ++j3) {
            const float indicator = j2 == j3 ? 1.0f : 0.0f;
            dpre[j3] += att[j2] * (indicator - att[j3]) * datt[j2];
          }
        // pre[j] = scale·q·k[j]  →  dq += scale·dpre[j]·k[j],  dk[j] += scale·dpre[j]·q
        for (int j = 0; j < Tk; ++j) {
          float* dkj = head_row(g.dk, g.dk_stride, Index{b} * Tk + j, h, D);
          for (int i = 0; i < D; ++i) {
            dq[i] += k[j * D + i] * dpre[j] * scale;
            dkj[i] += q[i] * dpre[j] * scale;
          }
        }
      }
    }
  }
}

// ---- GPT compatibility: causal, packed qkv ------------------------------------------------------------

void attention_forward(float* out, const AttentionCache& cache, const float* qkv, int B, int T, int C, int H) {
  const AttentionInput in{qkv, 3 * C, qkv + C, 3 * C, qkv + 2 * C, 3 * C};
  attention_forward(out, cache, in, AttentionShape{B, T, T, C, H}, AttentionMask{true, nullptr});
}

void attention_backward(float* dqkv, const float* dout, const AttentionCache& cache, float* scratch, int B, int T,
                        int C, int H, bool overwrite) {
  const AttentionGrads g{dqkv, 3 * C, dqkv + C, 3 * C, dqkv + 2 * C, 3 * C};
  attention_backward(g, dout, cache, scratch, AttentionShape{B, T, T, C, H}, AttentionMask{true, nullptr}, overwrite);
}

}  // namespace tf
