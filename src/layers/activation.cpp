#include "layers/activation.hpp"

#include <cmath>

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

B f_simd(Activation a, B x) {
  const B one(1.0f), half(0.5f);
  switch (a) {
    case Activation::Gelu:
      return half * x * (one + xsimd::erf(x * B(kInvSqrt2)));
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

B df_simd(Activation a, B x) {
  const B one(1.0f), half(0.5f);
  switch (a) {
    case Activation::Gelu:
      return half * (one + xsimd::erf(x * B(kInvSqrt2))) + x * B(kInvSqrt2Pi) * xsimd::exp(B(-0.5f) * x * x);
    case Activation::GeluTanh: {
      const B t = xsimd::tanh(B(kSqrt2OverPi) * (x + B(kGeluCoeff) * x * x * x));
      const B du = B(kSqrt2OverPi) * (one + B(3.0f * kGeluCoeff) * x * x);
      return half * (one + t) + half * x * (one - t * t) * du;
    }
    case Activation::Relu:
      return xsimd::select(x > B(0.0f), one, B(0.0f));
    case Activation::Sigmoid: {
      const B s = one / (one + xsimd::exp(-x));
      return s * (one - s);
    }
    case Activation::Tanh: {
      const B t = xsimd::tanh(x);
      return one - t * t;
    }
    case Activation::Silu: {
      const B s = one / (one + xsimd::exp(-x));
      return s * (one + x * (one - s));
    }
  }
  return one;
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

void activation_forward(Activation a, float* out, const float* in, int n) {
  int i = 0;
  for (; i + W <= n; i += W) f_simd(a, B::load_unaligned(in + i)).store_unaligned(out + i);
  for (; i < n; ++i) out[i] = f_ref(a, in[i]);
}

void activation_backward(Activation a, float* dinp, const float* inp, const float* dout, int n, bool overwrite) {
  int i = 0;
  for (; i + W <= n; i += W) {
    const B d = df_simd(a, B::load_unaligned(inp + i)) * B::load_unaligned(dout + i);
    (overwrite ? d : B::load_unaligned(dinp + i) + d).store_unaligned(dinp + i);
  }
  for (; i < n; ++i) dinp[i] = (overwrite ? 0.0f : dinp[i]) + df_ref(a, inp[i]) * dout[i];
}

void activation_forward_ref(Activation a, float* out, const float* in, int n) {
  for (int i = 0; i < n; ++i) out[i] = f_ref(a, in[i]);
}

void activation_backward_ref(Activation a, float* dinp, const float* inp, const float* dout, int n) {
  for (int i = 0; i < n; ++i) dinp[i] += df_ref(a, inp[i]) * dout[i];
}

}  // namespace tf
