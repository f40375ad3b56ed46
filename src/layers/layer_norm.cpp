#include "layers/layer_norm.hpp"

#include <cmath>

#include "simd/arch.hpp"

namespace tf {
namespace {

using simd::FloatBatch;
constexpr int W = simd::kWidth;

// Σ x[i] over n floats: W lane sums, then the lanes and the scalar tail.
float sum(const float* x, int n) {
  FloatBatch acc(0.0f);
  int i = 0;
  for (; i + W <= n; i += W) acc += FloatBatch::load_unaligned(x + i);
  float s = xsimd::hadd(acc);
  for (; i < n; ++i) s += x[i];
  return s;
}

}  // namespace

void layer_norm_forward(float* out, float* mean, float* rstd, const float* inp, const float* weight, const float* bias,
                        int N, int C, float eps) {
  for (int n = 0; n < N; ++n) {
    const float* x = inp + n * C;
    float* y = out + n * C;
    const float m = sum(x, C) / C;
    const FloatBatch mv(m);
    FloatBatch acc(0.0f);
    int i = 0;
    for (; i + W <= C; i += W) {
      const FloatBatch d = FloatBatch::load_unaligned(x + i) - mv;
      acc += d * d;
    }
    float v = xsimd::hadd(acc);
    for (; i < C; ++i) v += (x[i] - m) * (x[i] - m);
    v /= C;
    const float s = 1.0f / std::sqrt(v + eps);
    const FloatBatch sv(s);
    for (i = 0; i + W <= C; i += W) {
      FloatBatch yv = (FloatBatch::load_unaligned(x + i) - mv) * sv * FloatBatch::load_unaligned(weight + i);
      if (bias) yv += FloatBatch::load_unaligned(bias + i);
      yv.store_unaligned(y + i);
    }
    for (; i < C; ++i) y[i] = (x[i] - m) * s * weight[i] + (bias ? bias[i] : 0.0f);
    mean[n] = m;
    rstd[n] = s;
  }
}

void layer_norm_backward(float* dinp, float* dweight, float* dbias, const float* dout, const float* inp,
                         const float* weight, const float* mean, const float* rstd, int N, int C) {
  for (int n = 0; n < N; ++n) {
    const float* x = inp + n * C;
    const float* dy = dout + n * C;
    float* dx = dinp + n * C;
    const float m = mean[n], s = rstd[n];
    const FloatBatch mv(m), sv(s);
    // two reductions: mean(dnorm) and mean(dnorm · norm)
    FloatBatch acc1(0.0f), acc2(0.0f);
    int i = 0;
    for (; i + W <= C; i += W) {
      const FloatBatch norm = (FloatBatch::load_unaligned(x + i) - mv) * sv;
      const FloatBatch dnorm = FloatBatch::load_unaligned(weight + i) * FloatBatch::load_unaligned(dy + i);
      acc1 += dnorm;
      acc2 += dnorm * norm;
    }
    float dnorm_mean = xsimd::hadd(acc1), dnorm_norm_mean = xsimd::hadd(acc2);
    for (; i < C; ++i) {
      const float norm = (x[i] - m) * s;
      const float dnorm = weight[i] * dy[i];
      dnorm_mean += dnorm;
      dnorm_norm_mean += dnorm * norm;
    }
    dnorm_mean /= C;
    dnorm_norm_mean /= C;
    const FloatBatch m1(dnorm_mean), m2(dnorm_norm_mean);
    for (i = 0; i + W <= C; i += W) {
      const FloatBatch dyv = FloatBatch::load_unaligned(dy + i);
      const FloatBatch norm = (FloatBatch::load_unaligned(x + i) - mv) * sv;
      const FloatBatch dnorm = FloatBatch::load_unaligned(weight + i) * dyv;
      if (dbias) (FloatBatch::load_unaligned(dbias + i) + dyv).store_unaligned(dbias + i);
      (FloatBatch::load_unaligned(dweight + i) + norm * dyv).store_unaligned(dweight + i);
      (FloatBatch::load_unaligned(dx + i) + sv * (dnorm - m1 - norm * m2)).store_unaligned(dx + i);
    }
    for (; i < C; ++i) {
      const float norm = (x[i] - m) * s;
      const float dnorm = weight[i] * dy[i];
      if (dbias) dbias[i] += dy[i];
      dweight[i] += norm * dy[i];
      dx[i] += s * (dnorm - dnorm_mean - norm * dnorm_norm_mean);
    }
  }
}

void layer_norm_forward_ref(float* out, float* mean, float* rstd, const float* inp, const float* weight,
                            const float* bias, int N, int C, float eps) {
  for (int n = 0; n < N; ++n) {
    const float* x = inp + n * C;
    float m = 0.0f;
    for (int i = 0; i < C; ++i) m += x[i];
    m /= C;
    float v = 0.0f;
    for (int i = 0; i < C; ++i) v += (x[i] - m) * (x[i] - m);
    v /= C;
    const float s = 1.0f / std::sqrt(v + eps);
    float* y = out + n * C;
    for (int i = 0; i < C; ++i) y[i] = (x[i] - m) * s * weight[i] + (bias ? bias[i] : 0.0f);
    mean[n] = m;
    rstd[n] = s;
  }
}

void layer_norm_backward_ref(float* dinp, float* dweight, float* dbias, const float* dout, const float* inp,
                             const float* weight, const float* mean, const float* rstd, int N, int C) {
  for (int n = 0; n < N; ++n) {
    const float* x = inp + n * C;
    const float* dy = dout + n * C;
    float* dx = dinp + n * C;
    const float m = mean[n], s = rstd[n];
    // two reductions: mean(dnorm) and mean(dnorm · norm)
    float dnorm_mean = 0.0f, dnorm_norm_mean = 0.0f;
    for (int i = 0; i < C; ++i) {
      const float norm = (x[i] - m) * s;
      const float dnorm = weight[i] * dy[i];
      dnorm_mean += dnorm;
      dnorm_norm_mean += dnorm * norm;
    }
    dnorm_mean /= C;
    dnorm_norm_mean /= C;
    for (int i = 0; i < C; ++i) {
      const float norm = (x[i] - m) * s;
      const float dnorm = weight[i] * dy[i];
      if (dbias) dbias[i] += dy[i];
      dweight[i] += norm * dy[i];
      dx[i] += s * (dnorm - dnorm_mean - norm * dnorm_norm_mean);
    }
  }
}

}  // namespace tf
