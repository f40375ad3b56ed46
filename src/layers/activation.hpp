#pragma once
// Activation functions of the feed-forward block, forward and backward, SIMD with scalar twins.
//
//   gelu       0.5·x·(1 + erf(x/√2))                       exact GELU (nanoGPT's default)
//   gelu_tanh  0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))  GPT-2's approximation
//   relu       max(0, x)
//   sigmoid    1 / (1 + e^(−x))
//   tanh       tanh(x)
//   silu       x · sigmoid(x)                              a.k.a. swish
//
// Worked example: gelu(1) = 0.8413, gelu(−1) = −0.1587, silu(1) = 0.7311, sigmoid(0) = 0.5.
#include <string>

namespace tf {

enum class Activation { Gelu, GeluTanh, Relu, Sigmoid, Tanh, Silu };

std::string to_string(Activation a);
Activation activation_from_string(const std::string& name);  // tf::Error("bad_config") if unknown

// out[i] = f(in[i]) for n elements (out may alias in). With slope, also slope[i] = f'(in[i]): the forward pass
// has what the derivative needs in hand (GELU's Φ, tanh's and sigmoid's value), so keeping the slope for the
// backward pass costs at most one exp, where recomputing it there would cost GELU's erf again.
void activation_forward(Activation a, float* out, const float* in, int n, float* slope = nullptr);
// dinp[i] += slope[i] · dout[i]   (= with overwrite: the caller need not zero dinp first; dinp may alias dout)
void activation_backward(float* dinp, const float* slope, const float* dout, int n, bool overwrite = false);

void activation_forward_ref(Activation a, float* out, const float* in, int n);
void activation_backward_ref(Activation a, float* dinp, const float* inp, const float* dout, int n);

}  // namespace tf
