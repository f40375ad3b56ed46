#include "layers/activation.hpp"

#include <cmath>
#include <cstddef>

#include "core/error.hpp"
#include "simd/arch.hpp"

namespace tf {
namespace {

constexpr float kInvSqrt2 = 0.70710678118654752f;
constexpr float kInvSqrt2Pi = 0.39894228040143268f;
constexpr float kSqrt2OverPi = 0.79788456080286536f;
constexpr float kGeluCoeff = 0.044715f;

// ---- scalar definitions: the reference -----------------------------------------------------------
float f_ref(Activation a, float x) {
  switch (a) {
    case Activation::Gelu:
      return 0.5f * x * (1.0f + std::erf(x * kInvSqrt2));
    case Activation::GeluTanh:
      return 0.5f * x * (1.0f + std::tanh(kSqrt2OverPi * (x + kGeluCoeff * x * x * x)));
    case Activation::Relu:
      return x > 0.0f ? x : 0.0f;
    case Activation::Sigmoid:
      return 1.0f / (1.0f + std::exp(-x));
    case Activation::Tanh:
      return std::tanh(x);
    case Activation::Silu:
      return x / (1.0f + std::exp(-x));
  }
  return 0.0f;
}

float df_ref(Activation a, float x) {
  switch (a) {
    case Activation::Gelu:  // Φ(x) + x·φ(x)
      return 0.5f * (1.0f + std::erf(x * kInvSqrt2)) + x * kInvSqrt2Pi * std::exp(-0.5f * x * x);
    case Activation::GeluTanh: {
      const float u = kSqrt2OverPi * (x + kGeluCoeff * x * x * x);
      const float t = std::tanh(u);
      const float du = kSqrt2OverPi * (1.0f + 3.0f * kGeluCoeff * x * x);
      return 0.5f * (1.0f + t) + 0.5f * x * (1.0f - t * t) * du;
    }
    case Activation::Relu:
      return x > 0.0f ? 1.0f : 0.0f;
    case Activation::Sigmoid: {
      const float s = 1.0f / (1.0f + std::exp(-x));
      return s * (1.0f - s);
    }
    case Activation::Tanh: {
      const float t = std::tanh(x);
      return 1.0f - t * t;
    }
    case Activation::Silu: {
      const float s = 1.0f / (1.0f + std::exp(-x));
      return s * (1.0f + x * (1.0f - s));
    }
  }
  return 0.0f;
}

// ---- SIMD versions of the same formulas ------------------------------------------------------------
using B = simd::FloatBatch;
constexpr int W = simd::kWidth;

// Horner's rule: c[0] + x·(c[1] + x·(c[2] + …)).
template <std::size_t K>
B horner(const float (&c)[K], B x) {
  B acc(c[K - 1]);
  for (std::size_t k = K - 1; k-- > 0;) acc = xsimd::fma(acc, x, B(c[k]));
  return acc;
}

// GELU's value x·Φ(x) and, with slope, its derivative Φ + x·φ (scripts/fit-normal-cdf.py fits P, D and R):
//   |x| <= 1.5:  Φ = 1/2 + x·P(x²),  Φ + x·φ = 1/2 + x·D(x²)                       no exp; P, D: rel. error 8e-8, 2e-8
//   |x| >  1.5:  Q = 1 − Φ(|x|) = e·R(1/(1 + |x|)), e = exp(−x²/2);  Φ = Q (x < 0) or 1 − Q;  slope Φ + x·e/√(2π)
// Vectors with every lane inside 1.5 (most, in a young model's hidden layer) skip the rest; otherwise each lane
// takes its own region's formula, so no lane's result depends on its neighbours. The tail is a product, not
// 1 + erf(x/√2), which cancels to 0 in float below x ≈ −5.4: Φ keeps its relative accuracy until e underflows.
B gelu_simd(B x, B* slope) {
  static constexpr float kP[] = {3.989422496e-01f,  -6.648942173e-02f, 9.968641805e-03f,
                                 -1.177950966e-03f, 1.071574099e-04f,  -5.910903194e-06f};
  static constexpr float kD[] = {7.978845420e-01f, -2.659607579e-01f, 5.983616178e-02f, -9.485150651e-03f,
                                 1.137311047e-03f, -1.019646646e-04f, 5.340815611e-06f};
  static constexpr float kR[] = {-1.771481067e-05f, 3.998048915e-01f, 3.818578563e-01f, 1.779513628e-01f,
                                 -1.839236441e+00f, 2.451858115e+00f, -1.130898407e+00f};
  const B s = x * x, a = xsimd::abs(x), one(1.0f), half(0.5f);
  const B inner = half + x * horner(kP, s);
  const B inner_slope = slope ? half + x * horner(kD, s) : B(0.0f);
  const auto in_inner = a <= B(1.5f);
  if (xsimd::all(in_inner)) {
    if (slope) *slope = inner_slope;
    return x * inner;
  }
  const B e = xsimd::exp(B(-0.5f) * s);
  const B q = e * horner(kR, one / (one + a));
  const B outer = xsimd::select(x < B(0.0f), q, one - q);
  if (slope) *slope = xsimd::select(in_inner, inner_slope, outer + x * B(kInvSqrt2Pi) * e);
  return x * xsimd::select(in_inner, inner, outer);
}

B f_simd(Activation a, B x) {
  const B one(1.0f), half(0.5f);
  switch (a) {
    case Activation::Gelu:
      return gelu_simd(x, nullptr);
    case Activation::GeluTanh:
      return half * x * (one + xsimd::tanh(B(kSqrt2OverPi) * (x + B(kGeluCoeff) * x * x * x)));
    case Activation::Relu:
      return xsimd::max(x, B(0.0f));
    case Activation::Sigmoid:
      return one / (one + xsimd::exp(-x));
    case Activation::Tanh:
      return xsimd::tanh(x);
    case Activation::Silu:
      return x / (one + xsimd::exp(-x));
  }
  return x;
}

// f'(x) from x and y = f(x), which the forward pass has in hand: y carries what the derivative would otherwise
// recompute (tanh's and sigmoid's value is theirs; σ = y/x for SiLU, 1 + tanh = 2y/x for gelu_tanh). Near x = 0
// the quotient y/x is 0/0 and its limit is used (σ = 0.5, 1 + tanh = 1); below 1e-20 it is also the float value.
B df_simd(Activation a, B x, B y) {
  const B one(1.0f), half(0.5f);
  const auto near0 = xsimd::abs(x) < B(1e-20f);
  switch (a) {
    case Activation::Gelu:  // gelu_simd computes GELU's slope with its value
      break;
    case Activation::GeluTanh: {  // p = 1 + t = 2y/x;  1 − t² = p·(2 − p)
      const B p = xsimd::select(near0, one, B(2.0f) * y / x);
      const B du = B(kSqrt2OverPi) * (one + B(3.0f * kGeluCoeff) * x * x);
      return half * p + half * x * p * (B(2.0f) - p) * du;
    }
    case Activation::Relu:
      return xsimd::select(x > B(0.0f), one, B(0.0f));
    case Activation::Sigmoid:
      return y * (one - y);
    case Activation::Tanh:
      return one - y * y;
    case Activation::Silu: {
      const B sig = xsimd::select(near0, half, y / x);
      return sig * (one + x * (one - sig));
    }
  }
  return one;
}

// y = f(x) and slope = f'(x) together.
B f_and_slope(Activation a, B x, B& slope) {
  if (a == Activation::Gelu) return gelu_simd(x, &slope);
  const B y = f_simd(a, x);
  slope = df_simd(a, x, y);
  return y;
}

}  // namespace

std::string to_string(Activation a) {
  switch (a) {
    case Activation::Gelu:
      return "gelu";
    case Activation::GeluTanh:
      return "gelu_tanh";
    case Activation::Relu:
      return "relu";
    case Activation::Sigmoid:
      return "sigmoid";
    case Activation::Tanh:
      return "tanh";
    case Activation::Silu:
      return "silu";
  }
  return "gelu";
}

Activation activation_from_string(const std::string& name) {
  for (Activation a : {Activation::Gelu, Activation::GeluTanh, Activation::Relu, Activation::Sigmoid, Activation::Tanh,
                       Activation::Silu})
    if (to_string(a) == name) return a;
  throw Error("bad_config", "unknown activation '" + name + "' (gelu, gelu_tanh, relu, sigmoid, tanh, silu)");
}

void activation_forward(Activation a, float* out, const float* in, int n, float* slope) {
  int i = 0;
  if (slope == nullptr) {
    for (; i + W <= n; i += W) f_simd(a, B::load_unaligned(in + i)).store_unaligned(out + i);
    for (; i < n; ++i) out[i] = f_ref(a, in[i]);
    return;
  }
  for (; i + W <= n; i += W) {
    B d;
    f_and_slope(a, B::load_unaligned(in + i), d).store_unaligned(out + i);
    d.store_unaligned(slope + i);
  }
  for (; i < n; ++i) {
    const float x = in[i];  // read before out[i] is written: out may alias in
    out[i] = f_ref(a, x);
    slope[i] = df_ref(a, x);
  }
}

void activation_backward(float* dinp, const float* slope, const float* dout, int n, bool overwrite) {
  int i = 0;
  for (; i + W <= n; i += W) {
    const B d = B::load_unaligned(slope + i) * B::load_unaligned(dout + i);
    (overwrite ? d : B::load_unaligned(dinp + i) + d).store_unaligned(dinp + i);
  }
  for (; i < n; ++i) dinp[i] = (overwrite ? 0.0f : dinp[i]) + slope[i] * dout[i];
}

void activation_forward_ref(Activation a, float* out, const float* in, int n) {
  for (int i = 0; i < n; ++i) out[i] = f_ref(a, in[i]);
}

void activation_backward_ref(Activation a, float* dinp, const float* inp, const float* dout, int n) {
  for (int i = 0; i < n; ++i) dinp[i] += df_ref(a, inp[i]) * dout[i];
}

}  // namespace tf
