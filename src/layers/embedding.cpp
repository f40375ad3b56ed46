#include "layers/embedding.hpp"

#include <cstddef>

#include "simd/rows.hpp"

namespace tf {

void embedding_forward(float* out, const int* ids, const float* wte, const float* pos, int B, int T, int C,
                       float scale) {
  const std::size_t N = static_cast<std::size_t>(B) * T, Cz = static_cast<std::size_t>(C);
  for (std::size_t i = 0; i < N; ++i) {
    const float* tok = wte + static_cast<std::size_t>(ids[i]) * Cz;
    float* o = out + i * Cz;
    const float* p = pos ? pos + (i % T) * Cz : nullptr;
    if (scale == 1.0f && p) {
      simd::sum_rows(o, tok, p, Cz);
    } else {
      for (std::size_t c = 0; c < Cz; ++c) o[c] = tok[c] * scale + (p ? p[c] : 0.0f);
    }
  }
}

void embedding_backward(float* dwte, float* dpos, const float* dout, const int* ids, int B, int T, int C, float scale) {
  const std::size_t N = static_cast<std::size_t>(B) * T, Cz = static_cast<std::size_t>(C);
  for (std::size_t i = 0; i < N; ++i) {
    const float* d = dout + i * Cz;
    float* dw = dwte + static_cast<std::size_t>(ids[i]) * Cz;
    if (scale == 1.0f) {
      simd::add_row(dw, d, Cz);
    } else {
      for (std::size_t c = 0; c < Cz; ++c) dw[c] += d[c] * scale;
    }
    if (dpos) simd::add_row(dpos + (i % T) * Cz, d, Cz);
  }
}

}  // namespace tf
