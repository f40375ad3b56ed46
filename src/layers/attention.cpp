#include "layers/attention.hpp"

#include <cmath>
#include <cstring>

#include "layers/softmax.hpp"
#include "simd/matmul.hpp"

namespace tf {

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
        std::memcpy(q + t * D, row, sizeof(float) * D);
        std::memcpy(k + t * D, row + C, sizeof(float) * D);
        std::memcpy(v + t * D, row + 2 * C, sizeof(float) * D);
      }
      matmul_nt(att, q, k, T, D, T);  // (T, T) = Q·Kᵀ
      for (int t = 0; t < T; ++t) {
        float* row = att + t * T;
        for (int s = 0; s < T; ++s) row[s] *= scale;
        if (cache.preatt) std::memcpy(cache.preatt + bh * T * T + t * T, row, sizeof(float) * T);
        // softmax over s <= t; masked entries become exactly 0
        softmax(row, row, t + 1);
        for (int s = t + 1; s < T; ++s) row[s] = 0.0f;
      }
      matmul_nn(y, att, v, T, T, D);  // (T, D) = att·V
      for (int t = 0; t < T; ++t) std::memcpy(out + (b * T + t) * C + h * D, y + t * D, sizeof(float) * D);
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
      for (int t = 0; t < T; ++t) std::memcpy(dy + t * D, dout + (b * T + t) * C + h * D, sizeof(float) * D);
      // y = att·V  →  datt = dy·Vᵀ,  dV = attᵀ·dy
      matmul_nt(datt, dy, v, T, D, T);
      matmul_tn(dv, att, dy, T, T, D);
      // att = softmax(pre)  →  dpre[t,s] = att[t,s]·(datt[t,s] − Σ_r att[t,r]·datt[t,r]); then ·scale
      for (int t = 0; t < T; ++t) {
        float* drow = datt + t * T;
        const float* arow = att + t * T;
        float dot = 0.0f;
        for (int s = 0; s <= t; ++s) dot += arow[s] * drow[s];
        for (int s = 0; s <= t; ++s) drow[s] = arow[s] * (drow[s] - dot) * scale;
        for (int s = t + 1; s < T; ++s) drow[s] = 0.0f;
      }
      // pre = Q·Kᵀ  →  dQ = dpre·K,  dK = dpreᵀ·Q
      float* dq = dy;
      matmul_nn(dq, datt, k, T, T, D);
      matmul_tn(dk, datt, q, T, T, D);
      for (int t = 0; t < T; ++t) {
        float* row = dqkv + (b * T + t) * 3 * C + h * D;
        if (overwrite) {
          std::memcpy(row, dq + t * D, sizeof(float) * D);
          std::memcpy(row + C, dk + t * D, sizeof(float) * D);
          std::memcpy(row + 2 * C, dv + t * D, sizeof(float) * D);
          continue;
        }
        for (int d = 0; d < D; ++d) {
          row[d] += dq[t * D + d];
          row[C + d] += dk[t * D + d];
          row[2 * C + d] += dv[t * D + d];
        }
      }
    }
  }
}

}  // namespace tf
