#pragma once
// Causal multi-head self-attention (Vaswani et al. 2017, section 3.2), the core of a GPT block.
//
// Input is the output of c_attn, qkv (B, T, 3C): for token (b, t) the first C numbers are the query,
// then the key, then the value; head h owns columns h·D .. h·D+D−1 of each (D = C / H). Per (b, h):
//
//   scores = Q·Kᵀ / √D                      (T, T)  "how well does query t match key s"
//   mask:    s > t → −∞                      a token may only look at itself and earlier tokens
//   att    = softmax(scores) row by row      (T, T)  each row sums to 1
//   y      = att·V                           (T, D)
//
// and the heads are concatenated back into out (B, T, C).
// Worked example, T = 2, D = 1, q = k = [1, 2], v = [10, 20]: scores = [[1, −∞], [2, 4]],
// att = [[1, 0], [0.119, 0.881]], y = [10, 18.81].
namespace tf {

// Buffers the forward pass fills and the backward pass reads; the caller owns them.
struct AttentionCache {
  float* q = nullptr;       // (B, H, T, D)
  float* k = nullptr;       // (B, H, T, D)
  float* v = nullptr;       // (B, H, T, D)
  float* att = nullptr;     // (B, H, T, T) probabilities, exactly 0 above the diagonal
  float* y = nullptr;       // (B, H, T, D) per-head outputs
  float* preatt = nullptr;  // optional (B, H, T, T): scaled scores Q·Kᵀ/√D before the mask (inspection)
};

void attention_forward(float* out, const AttentionCache& cache, const float* qkv, int B, int T, int C, int H);

// dqkv (B, T, 3C) += ∂loss/∂qkv given dout (B, T, C); = with overwrite (the caller need not zero dqkv).
// scratch needs 3·T·D + T·T floats.
void attention_backward(float* dqkv, const float* dout, const AttentionCache& cache, float* scratch, int B, int T,
                        int C, int H, bool overwrite = false);

inline int attention_scratch_size(int T, int C, int H) { return 3 * T * (C / H) + T * T; }

}  // namespace tf
