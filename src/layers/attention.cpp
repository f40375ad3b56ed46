#include "layers/attention.hpp"

#include <cmath>

#include "layers/softmax.hpp"
#include "simd/arch.hpp"
#include "simd/matmul.hpp"
#include "simd/rows.hpp"

namespace tf {
namespace {

using simd::FloatBatch;
constexpr int W = simd::kWidth;

using simd::add_row;
using simd::copy_row;  // one head's rows are D floats: copied inline, never through a memcpy call

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

}  // namespace

void attention_forward(float* out, const AttentionCache& cache, const float* qkv, int B, int T, int C, int H) {
  const int D = C / H;
  const float scale = 1.0f / std::sqrt(static_cast<float>(D));
  for (int b = 0; b < B; ++b) {
    for (int h = 0; h < H; ++h) {
      const int bh = b * H + h;
      float* q = cache.q + bh * T * D;
      float* k = cache.k + bh * T * D;
      float* v = cache.v + bh * T * D;
      float* att = cache.att + bh * T * T;
      float* y = cache.y + bh * T * D;
      // gather this head's Q, K, V into contiguous (T, D) blocks
      for (int t = 0; t < T; ++t) {
        const float* row = qkv + (b * T + t) * 3 * C + h * D;
        copy_row(q + t * D, row, D);
        copy_row(k + t * D, row + C, D);
        copy_row(v + t * D, row + 2 * C, D);
      }
      matmul_nt(att, q, k, T, D, T);  // (T, T) = Q·Kᵀ
      for (int t = 0; t < T; ++t) {
        float* row = att + t * T;
        for (int s = 0; s < T; ++s) row[s] *= scale;
        if (cache.preatt) copy_row(cache.preatt + bh * T * T + t * T, row, T);
        // softmax over s <= t; masked entries become exactly 0
        softmax(row, row, t + 1);
        for (int s = t + 1; s < T; ++s) row[s] = 0.0f;
      }
      matmul_nn(y, att, v, T, T, D);  // (T, D) = att·V
      for (int t = 0; t < T; ++t) copy_row(out + (b * T + t) * C + h * D, y + t * D, D);
    }
  }
}

void attention_backward(float* dqkv, const float* dout, const AttentionCache& cache, float* scratch, int B, int T,
                        int C, int H, bool overwrite) {
  const int D = C / H;
  const float scale = 1.0f / std::sqrt(static_cast<float>(D));
  float* dy = scratch;       // (T, D), then reused as dq
  float* dk = dy + T * D;    // (T, D)
  float* dv = dk + T * D;    // (T, D)
  float* datt = dv + T * D;  // (T, T)
  for (int b = 0; b < B; ++b) {
    for (int h = 0; h < H; ++h) {
      const int bh = b * H + h;
      const float* q = cache.q + bh * T * D;
      const float* k = cache.k + bh * T * D;
      const float* v = cache.v + bh * T * D;
      const float* att = cache.att + bh * T * T;
      for (int t = 0; t < T; ++t) copy_row(dy + t * D, dout + (b * T + t) * C + h * D, D);
      // y = att·V  →  datt = dy·Vᵀ,  dV = attᵀ·dy
      matmul_nt(datt, dy, v, T, D, T);
      matmul_tn(dv, att, dy, T, T, D);
      // att = softmax(pre)  →  dpre[t,s] = att[t,s]·(datt[t,s] − Σ_r att[t,r]·datt[t,r]); then ·scale
      for (int t = 0; t < T; ++t) {
        float* drow = datt + t * T;
        softmax_backward_row(drow, att + t * T, t + 1, scale);
        for (int s = t + 1; s < T; ++s) drow[s] = 0.0f;
      }
      // pre = Q·Kᵀ  →  dQ = dpre·K,  dK = dpreᵀ·Q
      float* dq = dy;
      matmul_nn(dq, datt, k, T, T, D);
      matmul_tn(dk, datt, q, T, T, D);
      for (int t = 0; t < T; ++t) {
        float* row = dqkv + (b * T + t) * 3 * C + h * D;
        if (overwrite) {
          copy_row(row, dq + t * D, D);
          copy_row(row + C, dk + t * D, D);
          copy_row(row + 2 * C, dv + t * D, D);
        } else {
          add_row(row, dq + t * D, D);
          add_row(row + C, dk + t * D, D);
          add_row(row + 2 * C, dv + t * D, D);
        }
      }
    }
  }
}

}  // namespace tf
