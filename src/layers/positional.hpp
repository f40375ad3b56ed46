#pragma once
// Sinusoidal positional encoding, "Attention Is All You Need" (Vaswani et al. 2017), section 3.5:
//
//   PE(pos, 2i)   = sin(pos / 10000^(2i / C))
//   PE(pos, 2i+1) = cos(pos / 10000^(2i / C))
//
// pos = 0..T-1 is the token position, C the model width (d_model). Each pair of dimensions is one
// wave; low dimensions turn fast, high ones slowly, so every position gets a distinct pattern.
// Worked example, C = 4, pos = 1: [sin(1), cos(1), sin(0.01), cos(0.01)] = [0.841, 0.540, 0.010, 1.000].
#include <xtensor/xtensor.hpp>

namespace tf {

inline constexpr int kMaxPositions = 4096;
inline constexpr int kMaxWidth = 4096;

// Fills out (T, C), row-major. Computed in double, rounded once to float.
void sinusoidal_encoding(float* out, int T, int C);

// The same as a tensor of shape (T, C); throws tf::Error("bad_shape") for T or C outside [1, kMax*].
xt::xtensor<float, 2> sinusoidal_table(int T, int C);

}  // namespace tf
