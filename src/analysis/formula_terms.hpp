#pragma once
// The in-between numbers of two formulas the page writes out with live values, so that the page never
// computes them itself: softmax's e^z and Σ e^z, and LayerNorm's mean, variance and 1/√(variance + eps).
//
//   softmax_terms({0, ln 3, −∞})   → exp {1, 3, 0}, sum 4            (p = exp / sum = {0.25, 0.75, 0})
//   layer_norm_terms({1, 2, 3}, 0) → mean 2, variance 2/3, rstd 1.2247 (out = (x − mean) · rstd · γ + β)
#include <cstddef>
#include <vector>

namespace tf {

// Both throw tf::Error("bad_shape") for more values than this (and layer_norm_terms for none).
constexpr std::size_t kMaxFormulaTerms = std::size_t{1} << 20;

struct SoftmaxTerms {
  std::vector<float> exp;  // e^{z_i}; 0 for z_i = −∞ (a masked score); +∞ past e^88 (the engine's softmax subtracts
                           // the largest z first, so its probabilities stay finite)
  double sum = 0;  // Σ_j e^{z_j}
};
SoftmaxTerms softmax_terms(const std::vector<float>& z);

struct NormTerms {
  float mean = 0, variance = 0, rstd = 0;  // as layer_norm_forward computes them
};
NormTerms layer_norm_terms(const std::vector<float>& x, float eps);

}  // namespace tf
