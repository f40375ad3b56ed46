#pragma once
// Recording for inspection, outside the hot forward pass: after a forward with B = 1, these copy the
// activations a model kept (layers/block.hpp) into an Inspection under the names learners see.
#include <string>

#include "layers/block.hpp"
#include "model/inspection.hpp"

namespace tf {

// One attention sublayer: <prefix>q|k|v (H,Tq|Tk,D), scores (H,Tq,Tk) = Q·Kᵀ (shown as scaled·√D),
// scaled = ÷√D, masked (−∞ where causal or padding), probs, head_out (H,Tq,D), concat (Tq,C), proj (Tq,C).
// preatt holds the scaled scores (H,Tq,Tk); key_pad (Tk) may be null.
void record_attention(Inspection& rec, const std::string& prefix, const AttentionActs& a, const float* preatt, int H,
                      int Tq, int Tk, int C, bool causal, const unsigned char* key_pad);

}  // namespace tf
