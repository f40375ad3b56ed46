#pragma once
// Multi-head scaled dot-product attention (Vaswani et al. 2017, section 3.2): one core for GPT's causal
// self-attention, an encoder's self-attention (no causal mask, padded keys masked) and a decoder's
// cross-attention (queries from the decoder, keys and values from the encoder).
//
// Queries Q have Tq rows per batch entry, keys K and values V have Tk rows (Tq = Tk for self-attention),
// each row C = H·D numbers; head h owns columns h·D .. h·D+D−1. Per (b, h):
//
//   scores = Q·Kᵀ / √D                       (Tq, Tk)  "how well does query t match key s"
//   mask:    causal and s > t → −∞           a token may only look at itself and earlier tokens
//            key_pad[b, s] ≠ 0 → −∞           a padding key is seen by no query
//   att    = softmax(scores) row by row       (Tq, Tk)  each row sums to 1 over its unmasked keys
//   y      = att·V                            (Tq, D)
//
// and the heads are concatenated back into out (B, Tq, C). A query whose keys are all masked (a batch
// entry that is all padding) gets att = 0 and y = 0, and passes no gradient back.
//
// Worked example, causal, T = 2, D = 1, q = k = [1, 2], v = [10, 20]: scores = [[1, −∞], [2, 4]],
// att = [[1, 0], [0.119, 0.881]], y = [10, 18.81].
// The same with no causal mask and key 1 padded: scores = [[1, −∞], [2, −∞]], att = [[1, 0], [1, 0]],
// y = [10, 10]. Cross-attention, one query q = [1] over keys k = [1, 2], v = [10, 20]: scores = [1, 2],
// att = [0.269, 0.731], y = 17.31.
//
// attention_forward / attention_backward run the per-head matrix products in SIMD and (causal) take the
// softmax of row t over its first t+1 keys only; the `_ref` twins are the plain scalar loops they are
// tested against.
namespace tf {

// Where Q, K and V rows live: row (b, t) of Q starts at q + (b*Tq + t)*q_stride and holds C = H*D floats
// (head h owns columns h*D .. h*D+D-1); K and V rows likewise with Tk rows per batch entry.
// GPT / packed self-attention: q = qkv, k = qkv + C, v = qkv + 2C, all strides 3C.
struct AttentionInput {
  const float* q;
  int q_stride;
  const float* k;
  int k_stride;
  const float* v;
  int v_stride;
};

// Gradients, laid out like AttentionInput (same strides allowed to be packed in one buffer).
struct AttentionGrads {
  float* dq;
  int dq_stride;
  float* dk;
  int dk_stride;
  float* dv;
  int dv_stride;
};

struct AttentionMask {
  bool causal = false;                     // key s > query t is masked (needs Tq == Tk)
  const unsigned char* key_pad = nullptr;  // (B, Tk): nonzero = padding key, masked for every query; may be null
};

// Buffers the forward pass fills and the backward pass reads; the caller owns them.
struct AttentionCache {
  float* q = nullptr;       // (B, H, Tq, D)  this head's queries, gathered
  float* k = nullptr;       // (B, H, Tk, D)
  float* v = nullptr;       // (B, H, Tk, D)
  float* att = nullptr;     // (B, H, Tq, Tk) probabilities; masked entries exactly 0
  float* y = nullptr;       // (B, H, Tq, D) per-head outputs
  float* preatt = nullptr;  // optional (B, H, Tq, Tk): scaled scores Q·Kᵀ/√D before the mask (inspection)
};

struct AttentionShape {
  int B, Tq, Tk, C, H;
};

// out (B, Tq, C) = attention(in); fills cache. Throws tf::Error "attention_shape" when C % H != 0 or
// the mask is causal with Tq != Tk.
void attention_forward(float* out, const AttentionCache& cache, const AttentionInput& in, const AttentionShape& s,
                       const AttentionMask& mask);

// Writes (overwrite) or adds (!overwrite) dQ, dK, dV into `g` given dout (B, Tq, C) and the cache the
// forward pass filled. When dq/dk/dv alias one packed buffer (GPT: dqkv, strides 3C) every element is
// written exactly once per call, so overwrite works for it. scratch: attention_scratch_size(s) floats.
void attention_backward(const AttentionGrads& g, const float* dout, const AttentionCache& cache, float* scratch,
                        const AttentionShape& s, const AttentionMask& mask, bool overwrite = false);

// Tq·D + 2·Tk·D + Tq·Tk
int attention_scratch_size(const AttentionShape& s);

// Scalar twins: the plain loops (llm.c style, 4 passes), used as the reference in tests.
void attention_forward_ref(float* out, const AttentionCache& cache, const AttentionInput& in, const AttentionShape& s,
                           const AttentionMask& mask);
void attention_backward_ref(const AttentionGrads& g, const float* dout, const AttentionCache& cache, float* scratch,
                            const AttentionShape& s, const AttentionMask& mask, bool overwrite = false);

// ---- GPT compatibility: causal self-attention over a packed qkv (B, T, 3C), no padding ----------------

void attention_forward(float* out, const AttentionCache& cache, const float* qkv, int B, int T, int C, int H);

// dqkv (B, T, 3C) += ∂loss/∂qkv given dout (B, T, C); = with overwrite (the caller need not zero dqkv).
// scratch needs 3·T·D + T·T floats.
void attention_backward(float* dqkv, const float* dout, const AttentionCache& cache, float* scratch, int B, int T,
                        int C, int H, bool overwrite = false);

inline int attention_scratch_size(int T, int C, int H) { return 3 * T * (C / H) + T * T; }

}  // namespace tf
