#pragma once
// Model: a GPT-style decoder-only Transformer, composed of the layer units in layers/ (llm.c style).
//
//   ids (B,T) → embedding (wte[ids] + positions) → L × Block → ln_f → logits = x·lm_headᵀ (B,T,V) → softmax
//   Block (pre-LN, GPT-2):   x = x + Attn(LN1(x));   x = x + MLP(LN2(x))      (layers/block.hpp)
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
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "layers/block.hpp"
#include "model/config.hpp"
#include "model/inspection.hpp"
#include "model/network.hpp"

namespace tf {

class Model : public Network {
 public:
  explicit Model(const ModelConfig& config, std::uint64_t seed = 1337);
  Model(const Model& other);  // same configuration and weights, fresh activations
  Model& operator=(const Model&) = delete;

  const ModelConfig& config() const { return config_; }
  // Every parameter's nanoGPT name and shape for `config`, in order, without allocating anything: the list the
  // constructor allocates and a checkpoint loader checks a file against.
  static std::vector<ParamSpec> expected_params(const ModelConfig& config);

  std::string arch() const override { return "gpt"; }
  nlohmann::json config_json() const override { return config_.to_json(); }
  std::unique_ptr<Network> clone() const override { return std::make_unique<Model>(*this); }
  float forward(const Batch& batch) override;
  void backward() override;
  const float* logits() const override { return logits_.data(); }  // (B,T,V) of the last forward
  int vocab_size() const override { return config_.vocab_size; }
  int max_positions() const override { return config_.block_size; }

  // ids (B,T) in [0, V); targets (B,T) or null; a target of kIgnore is skipped. T <= block_size.
  // Returns the mean cross-entropy over counted targets (NaN when there are none).
  // With `record` (B must be 1) every intermediate is copied into it by name after the pass (see record()).
  float forward(const int* ids, const int* targets, int B, int T, Inspection* record = nullptr);

  const float* probs() const { return probs_.data(); }  // (B,T,V)
  int last_batch() const { return B_; }
  int last_time() const { return T_; }
  // The positional term added to token embeddings, (block_size, C): wpe, the sinusoid table, or zeros.
  const float* positional_table() const;

  // Copies every intermediate of the last forward (B = 1, made with preattention kept) into `rec`, by the
  // names listed in model/inspection.hpp. Reads the activations; computes nothing the pass did not.
  void record(Inspection& rec) const;

 private:
  void add_params();
  void bind_layers();  // the per-layer weight and gradient pointers
  void init_weights(std::uint64_t seed);
  // Grows the activations for a (B, T) forward, after checking the activation memory it needs (tf::Error
  // "too_large", nothing allocated). `record`: the pre-softmax scores of every layer are kept too.
  void ensure_buffers(int B, int T, bool record);
  double activation_floats(double B, double T, bool record) const;  // what buffers for (B, T) hold
  void release_buffers();
  BlockInputs layer_inputs(int l) const;
  const float* layer_output(int l) const;  // l = −1: the embedding sum

  ModelConfig config_;
  BlockSpec spec_;
  std::vector<BlockWeights> w_, g_;  // (L) pointers into weights() / grads()
  std::vector<float> sinusoid_;      // (block_size, C) when positional != Learned (zeros for None)

  int B_ = 0, T_ = 0, cap_BT_ = 0, cap_T_ = 0;    // shapes of the last forward; capacity of the buffers
  bool recorded_ = false;                         // the last forward kept the pre-softmax scores
  std::vector<int> ids_, targets_;                // (B,T)
  std::vector<float> x0_;                         // (B,T,C) embedding sum
  std::vector<BlockActs> acts_;                   // (L)
  std::vector<float> preatt_;                     // (L,H,T,T) scaled scores, only when recording
  std::vector<float> lnf_, lnf_mean_, lnf_rstd_;  // (B,T,C), (B,T), (B,T)
  std::vector<float> logits_, probs_;             // (B,T,V)
  int counted_ = 0;                               // targets that count toward the loss
  // backward scratch, sized with the activations
  std::vector<float> dres_;  // (L+1) × (B,T,C): ∂loss/∂(input of layer l), l = L: ∂/∂(final output)
  BlockScratch scratch_;     // shared by the layers
  std::vector<float> dlogits_, dlnf_;
};

}  // namespace tf
