#pragma once
// Model: a GPT-style decoder-only Transformer with a hand-written backward pass.
//
//   ids (B,T) → wte[ids] + positions → L × Block → ln_f → logits = x·lm_headᵀ (B,T,V) → softmax
//   Block (pre-LN, GPT-2):   x = x + Attn(LN1(x));   x = x + MLP(LN2(x))
//   Block (post-LN, 2017):   x = LN1(x + Attn(x));   x = LN2(x + MLP(x))
//   MLP:                     c_proj(act(c_fc(x)))
//
// Parameters live in one contiguous buffer, each a named view with nanoGPT's state_dict name and
// shape (transformer.wte.weight (V,C), transformer.h.0.attn.c_attn.weight (3C,C), ...), so
// checkpoints map one to one and optimizers see a flat list. Linear weights are (out, in) as in PyTorch.
//
//   Model model(config, /*seed=*/1337);
//   float loss = model.forward(ids, targets, B, T);   // mean next-token cross-entropy
//   model.zero_grad(); model.backward();               // gradients in model.grads()
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/config.hpp"
#include "model/inspection.hpp"
#include "train/optimizer.hpp"

namespace tf {

struct ParamInfo {
  std::string name;        // nanoGPT state_dict name
  std::vector<int> shape;  // e.g. {3C, C}
  std::size_t offset = 0;  // into weights() / grads()
  std::size_t size = 0;
  bool decay = false;  // 2-D weights decay; biases, LayerNorm and (nanoGPT-style) nothing else
};

class Model {
 public:
  static constexpr int kIgnore = -1;  // target id that the loss skips (padding)

  explicit Model(const ModelConfig& config, std::uint64_t seed = 1337);

  const ModelConfig& config() const { return config_; }
  const std::vector<ParamInfo>& params() const { return params_; }
  std::size_t num_parameters() const { return weights_.size(); }
  const ParamInfo& param_info(std::string_view name) const;  // tf::Error("bad_param_name"); allocates nothing
  float* param(const std::string& name) { return weights_.data() + param_info(name).offset; }
  float* grad(const std::string& name) { return grads_.data() + param_info(name).offset; }
  std::vector<float>& weights() { return weights_; }
  const std::vector<float>& weights() const { return weights_; }
  std::vector<float>& grads() { return grads_; }
  std::vector<ParamRef> param_refs();

  // ids (B,T) in [0, V); targets (B,T) or null; a target of kIgnore is skipped. T <= block_size.
  // Returns the mean cross-entropy over counted targets (NaN when there are none).
  // With `record` (B must be 1) every intermediate is copied into it by name.
  float forward(const int* ids, const int* targets, int B, int T, Inspection* record = nullptr);
  void zero_grad();
  // Accumulates ∂loss/∂parameters into grads() for the last forward (which must have had targets).
  void backward();

  const float* logits() const { return logits_.data(); }  // (B,T,V) of the last forward
  const float* probs() const { return probs_.data(); }    // (B,T,V)
  int last_batch() const { return B_; }
  int last_time() const { return T_; }
  // The positional term added to token embeddings, (block_size, C): wpe, the sinusoid table, or zeros.
  const float* positional_table() const;

 private:
  struct LayerPtrs {
    float *ln1_w, *ln1_b, *qkv_w, *qkv_b, *proj_w, *proj_b, *ln2_w, *ln2_b, *fc_w, *fc_b, *fcproj_w, *fcproj_b;
  };
  struct LayerActs {
    std::vector<float> ln1, ln1_mean, ln1_rstd, qkv, q, k, v, att, y, atty, attproj, r1, ln2, ln2_mean, ln2_rstd, fch,
        fch_act, fcproj, r2;
  };

  void add_param(const std::string& name, std::vector<int> shape, bool decay);
  LayerPtrs layer_ptrs(std::vector<float>& buffer, int l);
  // Offsets of each layer's 12 tensors (ln_1.weight ... mlp.c_proj.bias), -1 where absent (no bias),
  // worked out once so a training step looks nothing up by name (and allocates nothing).
  std::vector<std::array<long, 12>> layer_offsets_;
  void init_weights(std::uint64_t seed);
  void ensure_buffers(int B, int T);
  const float* layer_output(int l) const;
  void record_forward(Inspection& rec, const int* ids, int T);

  ModelConfig config_;
  std::vector<ParamInfo> params_;
  std::vector<float> weights_, grads_;
  std::vector<float> sinusoid_;  // (block_size, C) when positional == Sinusoidal

  int B_ = 0, T_ = 0, cap_BT_ = 0, cap_T_ = 0;  // shapes of the last forward; capacity of the buffers
  std::vector<int> ids_, targets_;
  std::vector<float> x0_;        // (B,T,C)
  std::vector<LayerActs> acts_;  // per layer
  std::vector<float> preatt_;    // (H,T,T), only for recording
  std::vector<float> lnf_, lnf_mean_, lnf_rstd_, logits_, probs_;
  int counted_ = 0;  // targets that count toward the loss
  // backward scratch, sized with the activations
  std::vector<float> dres_;  // (L+1) × (B,T,C): ∂loss/∂(input of layer l), l = L: ∂/∂(final output)
  LayerActs dacts_;          // reused across layers
  std::vector<float> dlogits_, dlnf_, att_scratch_;
};

}  // namespace tf
