#pragma once
// Helpers for the Catch2 tests: finite-difference gradient checking, the error code of a call, and a fixture
// file's bytes.
//
// central_difference_error samples `count` coordinates of `x`, nudges each by ±eps, and compares
// (loss(x+eps) − loss(x−eps)) / 2eps with the analytic gradient. It returns
// ‖numeric − analytic‖ / (‖numeric‖ + ‖analytic‖), which is ~1e-3 or below for float32 code that is
// right and of order 1 for a wrong term.
#include <cmath>
#include <cstdint>
#include <vector>

#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/error.hpp"
#include "core/rng.hpp"

namespace tf::test {

template <class LossFn>
double central_difference_error(std::vector<float>& x, const std::vector<float>& analytic, LossFn&& loss, int count,
                                std::uint64_t seed, float eps = 1e-2f) {
  Rng rng(seed);
  double diff2 = 0, num2 = 0, ana2 = 0;
  const int n = static_cast<int>(x.size());
  for (int k = 0; k < count; ++k) {
    const int i = count >= n ? k % n : static_cast<int>(rng.below(static_cast<std::uint32_t>(n)));
    const float saved = x[i];
    x[i] = saved + eps;
    const double plus = loss();
    x[i] = saved - eps;
    const double minus = loss();
    x[i] = saved;
    const double numeric = (plus - minus) / (2.0 * eps);
    diff2 += (numeric - analytic[i]) * (numeric - analytic[i]);
    num2 += numeric * numeric;
    ana2 += static_cast<double>(analytic[i]) * analytic[i];
  }
  return std::sqrt(diff2) / (std::sqrt(num2) + std::sqrt(ana2) + 1e-12);
}

// Σ out ⊙ R in double: a loss whose gradient with respect to out is R.
inline double weighted_sum(const float* out, const std::vector<float>& r) {
  double s = 0;
  for (std::size_t i = 0; i < r.size(); ++i) s += static_cast<double>(out[i]) * r[i];
  return s;
}

inline std::vector<float> normal_vector(Rng& rng, std::size_t n, float stddev = 1.0f) {
  std::vector<float> v(n);
  for (float& x : v) x = rng.normal(0.0f, stddev);
  return v;
}

// The tf::Error code `fn` throws, or "none".
inline std::string code_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.code();
  }
  return "none";
}

// The bytes of the file at `path`; std::runtime_error naming it when it cannot be read.
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in.good()) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace tf::test
