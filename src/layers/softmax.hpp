#pragma once
// Softmax of one row, the step that turns scores into probabilities (attention rows, next-token logits):
//
//   p[i] = exp(z[i] − m) / s,   m = max_i z[i],   s = Σ_i exp(z[i] − m)
//
// Subtracting the max first keeps every exp ≤ 1, so nothing overflows; p is unchanged by it.
// Cross-entropy reuses m and s: −log p[y] = −(z[y] − m − log s), exact even when p[y] underflows to 0.
// Worked example: z = [1, 2, 3] → m = 3, s = e⁻² + e⁻¹ + 1 = 1.5032, p = [0.0900, 0.2447, 0.6652].
//
// softmax uses SIMD exp (xsimd); softmax_ref is the scalar reference it is tested against.
namespace tf {

struct SoftmaxStats {
  float max;  // m
  float sum;  // s
};

// p[0..n) = softmax(z[0..n)); p may be z (in place). n >= 1.
SoftmaxStats softmax(float* p, const float* z, int n);
SoftmaxStats softmax_ref(float* p, const float* z, int n);

}  // namespace tf
