#include "layers/softmax.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "simd/arch.hpp"

namespace tf {
namespace {

using simd::FloatBatch;
constexpr int W = simd::kWidth;

// exp(x − m) for the last n < W elements, through one padded vector (padding is −∞, whose exp is 0).
FloatBatch exp_tail(float* out, const float* x, int n, const FloatBatch& m) {
  alignas(64) float lanes[W];
  std::fill(lanes, lanes + W, -std::numeric_limits<float>::infinity());
  std::copy(x, x + n, lanes);
  const FloatBatch e = xsimd::exp(FloatBatch::load_aligned(lanes) - m);
  e.store_aligned(lanes);
  std::copy(lanes, lanes + n, out);
  return e;
}

}  // namespace

SoftmaxStats softmax_ref(float* p, const float* z, int n) {
  float m = z[0];
  for (int i = 1; i < n; ++i) m = std::max(m, z[i]);
  float s = 0.0f;
  for (int i = 0; i < n; ++i) {
    p[i] = std::exp(z[i] - m);
    s += p[i];
  }
  for (int i = 0; i < n; ++i) p[i] /= s;
  return {m, s};
}

SoftmaxStats softmax(float* p, const float* z, int n) {
  // 1. the max
  float m = z[0];
  int i = 0;
  if (n >= W) {
    FloatBatch mv = FloatBatch::load_unaligned(z);
    for (i = W; i + W <= n; i += W) mv = xsimd::max(mv, FloatBatch::load_unaligned(z + i));
    alignas(64) float lanes[W];
    mv.store_aligned(lanes);
    m = *std::max_element(lanes, lanes + W);
  }
  for (; i < n; ++i) m = std::max(m, z[i]);
  // 2. exp(z − m) and their sum
  const FloatBatch mv(m);
  FloatBatch sv(0.0f);
  for (i = 0; i + W <= n; i += W) {
    const FloatBatch e = xsimd::exp(FloatBatch::load_unaligned(z + i) - mv);
    e.store_unaligned(p + i);
    sv += e;
  }
  if (i < n) sv += exp_tail(p + i, z + i, n - i, mv);
  const float s = xsimd::hadd(sv);
  // 3. normalise
  const FloatBatch s_v(s);
  for (i = 0; i + W <= n; i += W) (FloatBatch::load_unaligned(p + i) / s_v).store_unaligned(p + i);
  for (; i < n; ++i) p[i] /= s;
  return {m, s};
}

}  // namespace tf
