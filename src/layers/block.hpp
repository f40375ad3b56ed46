#pragma once
// One Transformer block as a unit: two or three sublayers, each wrapped in a residual sum and a LayerNorm.
//
//   sublayers:  self-attention                     (GPT block, encoder block)
//               self-attention, cross-attention    (decoder block: + Q from here, K and V from the encoder)
//               … then the feed-forward network    FFN(x) = fc2(act(fc1(x)))
//   pre-LN  (GPT-2, norm_first):  x = x + f(LN_i(x))
//   post-LN (2017, "Add & Norm"): x = LN_i(x + f(x))
//
// Self-attention is causal in a decoder (a token sees only itself and earlier tokens) and sees everything
// in an encoder; padding keys are masked in both. Attention projections are packed as in nanoGPT's c_attn
// and PyTorch's in_proj_weight: rows [0, C) make Q, [C, 2C) K, [2C, 3C) V, so cross-attention applies the
// first C rows to the decoder side and the other 2C rows to the encoder output ("memory").
//
// Shapes (N = B·T rows of the block's own sequence, M = B·S rows of the memory):
//   x (N, C) → out (N, C);  memory (M, C);  self_pad (B, T) and memory_pad (B, S) nonzero = padding.
// The activations keep the names the inspection shows (attn.probs, mlp.act, …); the backward pass reads them.
#include <cstddef>
#include <vector>

#include "layers/activation.hpp"

namespace tf {

enum class NormPlacement { Pre, Post };

struct BlockSpec {
  int C = 0, H = 0, F = 0;  // width, heads, feed-forward hidden units
  NormPlacement norm = NormPlacement::Pre;
  Activation activation = Activation::Gelu;
  float eps = 1e-5f;
  bool causal = false;  // self-attention masks the future (decoders)
  bool cross = false;   // a cross-attention sublayer between self-attention and the FFN
  int sublayers() const { return cross ? 3 : 2; }
};

// Pointers into a model's weights (or, with the same layout, its gradients). Absent biases are null.
struct NormWeights {
  float* w = nullptr;  // (C)
  float* b = nullptr;  // (C)
};
struct AttentionWeights {
  float* in_w = nullptr;   // (3C, C)  [W_Q; W_K; W_V]
  float* in_b = nullptr;   // (3C)
  float* out_w = nullptr;  // (C, C)   W_O
  float* out_b = nullptr;  // (C)
};
struct FfnWeights {
  float* fc_w = nullptr;    // (F, C)
  float* fc_b = nullptr;    // (F)
  float* proj_w = nullptr;  // (C, F)
  float* proj_b = nullptr;  // (C)
};
struct BlockWeights {
  NormWeights norm[3];  // one per sublayer, in order (ln_1, ln_2 / norm1, norm2, norm3)
  AttentionWeights self, cross;
  FfnWeights ffn;
};

// What one sublayer keeps: its LayerNorm (pre-LN: of the input; post-LN: of the residual sum) and the sum.
struct SublayerActs {
  std::vector<float> ln, ln_mean, ln_rstd;  // (N, C), (N), (N)
  std::vector<float> residual;              // (N, C)  x + f(…)
};
struct AttentionActs : SublayerActs {
  std::vector<float> qkv;       // self: (N, 3C) packed Q|K|V;  cross: Q (N, C)
  std::vector<float> kv;        // cross only: (M, 2C) K|V of the memory
  std::vector<float> q, k, v;   // (B, H, T, D), (B, H, S, D), (B, H, S, D): gathered per head
  std::vector<float> probs;     // (B, H, T, S) attention weights, masked entries 0
  std::vector<float> head_out;  // (B, H, T, D) probs · V per head
  std::vector<float> concat;    // (N, C) heads side by side
  std::vector<float> proj;      // (N, C) concat · W_Oᵀ + b
};
struct FfnActs : SublayerActs {
  std::vector<float> pre;    // (N, F) fc1 output
  std::vector<float> act;    // (N, F) after the activation
  std::vector<float> slope;  // (N, F) the activation's derivative at pre, for the backward pass
  std::vector<float> out;    // (N, C) fc2 output
};
struct BlockActs {
  AttentionActs self, cross;
  FfnActs ffn;
};

// Gradient scratch shared by every block of a model (blocks run backward one at a time).
struct BlockScratch {
  std::vector<float> d_ln, d_res, d_ping, d_pong;  // (N, C)
  std::vector<float> d_qkv, d_kv, d_concat;        // (N, 3C), (M, 2C), (N, C)
  std::vector<float> d_hidden;                     // (N, F) ∂/∂act, then ∂/∂pre
  std::vector<float> attention;                    // attention_scratch_size
};

// Grows (never shrinks) the buffers for B sequences of T rows over a memory of S rows (S = T without one).
void block_reserve(BlockActs& a, const BlockSpec& s, int B, int T, int S);
void block_scratch_reserve(BlockScratch& d, const BlockSpec& s, int B, int T, int S);
// How many floats block_reserve / block_scratch_reserve would hold for (B, T, S), computed in double so that a
// caller can check a budget before anything is allocated (std::size_t is 32 bits in WebAssembly).
double block_floats(const BlockSpec& s, double B, double T, double S);
double block_scratch_floats(const BlockSpec& s, double B, double T, double S);

struct BlockInputs {
  const float* x = nullptr;                   // (N, C)
  int B = 0, T = 0;                           //
  const unsigned char* self_pad = nullptr;    // (B, T) or null
  const float* memory = nullptr;              // (M, C), cross only
  int S = 0;                                  //
  const unsigned char* memory_pad = nullptr;  // (B, S) or null
};

// preatt_self / preatt_cross: optional (B, H, T, T) / (B, H, T, S) for the scaled scores (inspection).
void block_forward(BlockActs& a, const BlockWeights& w, const BlockSpec& s, const BlockInputs& in,
                   float* preatt_self = nullptr, float* preatt_cross = nullptr);
// The block's output (N, C): the last residual sum (pre-LN) or its LayerNorm (post-LN).
const float* block_output(const BlockActs& a, const BlockSpec& s);
// The output of sublayer i (0 self, 1 cross, last FFN), which is the next sublayer's input.
const float* sublayer_output(const BlockActs& a, const BlockSpec& s, int i);

// dx (N, C) = ∂loss/∂x (written); gradients accumulate into g; dmemory (M, C) accumulates (cross only).
void block_backward(float* dx, BlockWeights& g, BlockScratch& d, const float* dout, const BlockActs& a,
                    const BlockWeights& w, const BlockSpec& s, const BlockInputs& in, float* dmemory = nullptr);

}  // namespace tf
