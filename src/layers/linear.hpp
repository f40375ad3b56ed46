#pragma once
// A Linear layer in PyTorch's convention: weight is (OC, C), y = x·Wᵀ + b.
//
//   forward:   out (N, OC) = inp (N, C) · weight (OC, C)ᵀ + bias (OC)      bias may be null
//   backward:  dinp (N, C)     += dout (N, OC) · weight (OC, C)          (= with overwrite_dinp)
//              dweight (OC, C) += dout (N, OC)ᵀ · inp (N, C)
//              dbias (OC)      += Σ_n dout (n, :)                          dbias may be null
// Gradients accumulate, as a weight used twice needs. overwrite_dinp lets a caller whose dinp has no
// other contribution skip zeroing it first.
namespace tf {

void linear_forward(float* out, const float* inp, const float* weight, const float* bias, int N, int C, int OC);
void linear_backward(float* dinp, float* dweight, float* dbias, const float* dout, const float* inp,
                     const float* weight, int N, int C, int OC, bool overwrite_dinp = false);

}  // namespace tf
