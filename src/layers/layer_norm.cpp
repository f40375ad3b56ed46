#include "layers/layer_norm.hpp"

#include <cmath>

namespace tf {

void layer_norm_forward(float* out, float* mean, float* rstd, const float* inp, const float* weight, const float* bias,
                        int N, int C, float eps) {
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

void layer_norm_backward(float* dinp, float* dweight, float* dbias, const float* dout, const float* inp,
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
