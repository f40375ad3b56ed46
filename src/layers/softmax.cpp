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

// The last r lanes of a vector (0 <= r < W; none for 0): those a vector ending at a row's end holds beyond the row's
// whole vectors. A row of n >= W elements ends with one such vector at n − W, overlapping the vector before it; its
// other lanes are read but neither counted nor changed, so no element is loaded past the row or done twice.
FloatBatch::batch_bool_type last_lanes(int r) {
  alignas(64) static constexpr float kLane[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
  static_assert(W <= 16);
  return FloatBatch::load_aligned(kLane) >= FloatBatch(static_cast<float>(W - r));
}

// Rows shorter than one vector: the max and the quotients one by one, the exps through one padded vector.
SoftmaxStats softmax_short(float* p, const float* z, int n) {
  float m = z[0];
  for (int i = 1; i < n; ++i) m = std::max(m, z[i]);
  const float s = xsimd::hadd(exp_tail(p, z, n, FloatBatch(m)));
  for (int i = 0; i < n; ++i) p[i] /= s;
  return {m, s};
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
  if (n < W) return softmax_short(p, z, n);
  const int r = n % W, whole = n - r;  // [0, whole) in whole vectors, then the tail's r lanes at n − W
  const auto tail = last_lanes(r);
  // 1. the max (the tail's vector may repeat elements: the max is the same)
  FloatBatch mv = FloatBatch::load_unaligned(z);
  for (int i = W; i < whole; i += W) mv = xsimd::max(mv, FloatBatch::load_unaligned(z + i));
  if (r != 0) mv = xsimd::max(mv, FloatBatch::load_unaligned(z + n - W));
  alignas(64) float lanes[W];
  mv.store_aligned(lanes);
  const float m = *std::max_element(lanes, lanes + W);
  // 2. exp(z − m) and their sum. In place, the tail's other lanes already hold exps: they are not used.
  const FloatBatch m_v(m);
  FloatBatch sv(0.0f);
  for (int i = 0; i < whole; i += W) {
    const FloatBatch e = xsimd::exp(FloatBatch::load_unaligned(z + i) - m_v);
    e.store_unaligned(p + i);
    sv += e;
  }
  if (r != 0) {
    const FloatBatch e = xsimd::exp(FloatBatch::load_unaligned(z + n - W) - m_v);
    sv += xsimd::select(tail, e, FloatBatch(0.0f));
    xsimd::select(tail, e, FloatBatch::load_unaligned(p + n - W)).store_unaligned(p + n - W);
  }
  const float s = xsimd::hadd(sv);
  // 3. normalise
  const FloatBatch s_v(s);
  for (int i = 0; i < whole; i += W) (FloatBatch::load_unaligned(p + i) / s_v).store_unaligned(p + i);
  if (r != 0) {
    const FloatBatch v = FloatBatch::load_unaligned(p + n - W);
    xsimd::select(tail, v / s_v, v).store_unaligned(p + n - W);
  }
  return {m, s};
}

}  // namespace tf
