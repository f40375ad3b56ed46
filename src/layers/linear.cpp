#include "layers/linear.hpp"

#include "simd/matmul.hpp"
#include "simd/rows.hpp"

namespace tf {

void linear_forward(float* out, const float* inp, const float* weight, const float* bias, int N, int C, int OC) {
  matmul_nt(out, inp, weight, N, C, OC);
  if (bias)
    for (int n = 0; n < N; ++n) simd::add_row(out + n * OC, bias, OC);
}

void linear_backward(float* dinp, float* dweight, float* dbias, const float* dout, const float* inp,
                     const float* weight, int N, int C, int OC, bool overwrite_dinp) {
  if (dinp) matmul_nn(dinp, dout, weight, N, OC, C, /*accumulate=*/!overwrite_dinp);
  matmul_tn(dweight, dout, inp, OC, N, C, /*accumulate=*/true);
  if (dbias)
    for (int n = 0; n < N; ++n) simd::add_row(dbias, dout + n * OC, OC);
}

}  // namespace tf
