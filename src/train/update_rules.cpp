#include "train/update_rules.hpp"

#include <cmath>

#include "simd/arch.hpp"

namespace tf {
namespace {

using simd::FloatBatch;
constexpr std::size_t W = simd::kWidth;

// Records the read-outs of element j after an update old -> new_w driven by the raw gradient g.
inline void record_update(float* update, float* effective_lr, std::size_t j, float old_w, float new_w, float g) {
  update[j] = new_w - old_w;
  effective_lr[j] = g != 0.0f ? std::fabs(update[j]) / std::fabs(g) : 0.0f;
}

// One element of Adam, exactly as adam_update_ref does it.
inline void adam_element(float* w, const float* dw, float* m, float* v, float* update, float* effective_lr,
                         std::size_t j, const AdamStep& h) {
  const float old_w = w[j];
  const float g = dw[j] + h.l2 * old_w;
  m[j] = h.b1 * m[j] + (1.0f - h.b1) * g;
  v[j] = h.b2 * v[j] + (1.0f - h.b2) * g * g;
  const float m_hat = m[j] / h.bc1;
  const float v_hat = v[j] / h.bc2;
  float new_w = old_w - h.lr * h.decoupled * old_w;
  new_w -= h.lr * m_hat / (std::sqrt(v_hat) + h.eps);
  w[j] = new_w;
  record_update(update, effective_lr, j, old_w, new_w, dw[j]);
}

}  // namespace

void sgd_update(float* w, const float* dw, float* update, float* effective_lr, std::size_t n, float lr, float wd) {
  for (std::size_t j = 0; j < n; ++j) {
    const float old_w = w[j];
    const float g = dw[j] + wd * old_w;
    w[j] = old_w - lr * g;
    record_update(update, effective_lr, j, old_w, w[j], dw[j]);
  }
}

void momentum_update(float* w, const float* dw, float* b, float* update, float* effective_lr, std::size_t n, float lr,
                     float wd, float mu, bool nesterov) {
  for (std::size_t j = 0; j < n; ++j) {
    const float old_w = w[j];
    const float g = dw[j] + wd * old_w;
    b[j] = mu * b[j] + g;
    const float step_dir = nesterov ? g + mu * b[j] : b[j];
    w[j] = old_w - lr * step_dir;
    record_update(update, effective_lr, j, old_w, w[j], dw[j]);
  }
}

void adam_update_ref(float* w, const float* dw, float* m, float* v, float* update, float* effective_lr, std::size_t n,
                     const AdamStep& h) {
  for (std::size_t j = 0; j < n; ++j) adam_element(w, dw, m, v, update, effective_lr, j, h);
}

void adam_update(float* w, const float* dw, float* m, float* v, float* update, float* effective_lr, std::size_t n,
                 const AdamStep& h) {
  const FloatBatch lr(h.lr), l2(h.l2), decay(h.lr * h.decoupled), b1(h.b1), b2(h.b2), one_minus_b1(1.0f - h.b1),
      one_minus_b2(1.0f - h.b2), eps(h.eps), bc1(h.bc1), bc2(h.bc2), zero(0.0f);
  std::size_t j = 0;
  for (; j + W <= n; j += W) {
    const FloatBatch old_w = FloatBatch::load_unaligned(w + j);
    const FloatBatch raw = FloatBatch::load_unaligned(dw + j);
    const FloatBatch g = raw + l2 * old_w;
    const FloatBatch mj = b1 * FloatBatch::load_unaligned(m + j) + one_minus_b1 * g;
    const FloatBatch vj = b2 * FloatBatch::load_unaligned(v + j) + one_minus_b2 * g * g;
    mj.store_unaligned(m + j);
    vj.store_unaligned(v + j);
    FloatBatch new_w = old_w - decay * old_w;
    new_w = new_w - lr * (mj / bc1) / (xsimd::sqrt(vj / bc2) + eps);
    new_w.store_unaligned(w + j);
    const FloatBatch upd = new_w - old_w;
    upd.store_unaligned(update + j);
    // lanes where the gradient is 0 divide by 0 here; select() then discards them
    xsimd::select(raw != zero, xsimd::abs(upd) / xsimd::abs(raw), zero).store_unaligned(effective_lr + j);
  }
  for (; j < n; ++j) adam_element(w, dw, m, v, update, effective_lr, j, h);
}

double sum_squares_ref(const float* x, std::size_t n) {
  double sum = 0.0;
  for (std::size_t j = 0; j < n; ++j) sum += static_cast<double>(x[j]) * x[j];
  return sum;
}

double sum_squares(const float* x, std::size_t n) {
  // Blocks of 1024 summed in float lanes (squares of floats below 1.8e19 cannot overflow there), each
  // block total added in double. A block whose float sum is not finite is summed again in double, so
  // the result is not finite only when some x[j] is not.
  constexpr std::size_t kBlock = 1024;
  double total = 0.0;
  std::size_t j0 = 0;
  for (; j0 + kBlock <= n; j0 += kBlock) {
    FloatBatch acc0(0.0f), acc1(0.0f);
    for (std::size_t j = j0; j < j0 + kBlock; j += 2 * W) {
      const FloatBatch a = FloatBatch::load_unaligned(x + j), b = FloatBatch::load_unaligned(x + j + W);
      acc0 = xsimd::fma(a, a, acc0);
      acc1 = xsimd::fma(b, b, acc1);
    }
    const float block = xsimd::hadd(acc0 + acc1);
    total += std::isfinite(block) ? static_cast<double>(block) : sum_squares_ref(x + j0, kBlock);
  }
  return total + sum_squares_ref(x + j0, n - j0);
}

}  // namespace tf
