#pragma once
// Token and position embedding: each token id picks a row of the table, scaled, plus its position's row.
//
//   out (B·T, C) = wte[ids[b,t]] (V, C) · scale + pos[t] (T, C)           pos may be null (no positions)
//   backward:  dwte[ids[b,t]] += dout[b,t] · scale,   dpos[t] += dout[b,t]  dpos may be null (fixed table)
//
// The GPT uses scale 1 (nanoGPT); the encoder–decoder multiplies by √C, as PyTorch's translation tutorial
// does, so the token vectors are not drowned by the sinusoids. Worked example, C = 2, wte[5] = [1, 2],
// pos[0] = [0, 1], scale 1: ids = [5] → out = [1, 3].
namespace tf {

void embedding_forward(float* out, const int* ids, const float* wte, const float* pos, int B, int T, int C,
                       float scale = 1.0f);
void embedding_backward(float* dwte, float* dpos, const float* dout, const int* ids, int B, int T, int C,
                        float scale = 1.0f);

}  // namespace tf
