#pragma once
// Layer normalization (Ba et al. 2016) over the last dimension C of N rows:
//
//   mean = Σx / C,  var = Σ(x − mean)² / C,  rstd = 1 / √(var + eps)
//   out  = (x − mean) · rstd · weight + bias                             bias may be null (bias=False)
//
// Worked example: x = [1, 2, 3], weight = 1, bias = 0, eps = 0 → mean 2, var 2/3, out = [−1.2247, 0, 1.2247].
// The forward pass keeps mean and rstd (N floats each) for the backward pass:
//   dweight += Σ_n norm·dout,  dbias += Σ_n dout,
//   dx      += rstd · (dnorm − mean(dnorm) − norm · mean(dnorm·norm))   with dnorm = dout·weight
namespace tf {

// SIMD over C (the sums in vector lanes); the `_ref` twins are the plain loops they are tested against.
void layer_norm_forward(float* out, float* mean, float* rstd, const float* inp, const float* weight, const float* bias,
                        int N, int C, float eps);
void layer_norm_backward(float* dinp, float* dweight, float* dbias, const float* dout, const float* inp,
                         const float* weight, const float* mean, const float* rstd, int N, int C);

void layer_norm_forward_ref(float* out, float* mean, float* rstd, const float* inp, const float* weight,
                            const float* bias, int N, int C, float eps);
void layer_norm_backward_ref(float* dinp, float* dweight, float* dbias, const float* dout, const float* inp,
                             const float* weight, const float* mean, const float* rstd, int N, int C);

}  // namespace tf
