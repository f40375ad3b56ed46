#pragma once
// Parameters: every model keeps its weights in one contiguous buffer of named tensors, with a gradient
// buffer of the same layout. Checkpoints map names one to one, and optimizers see a flat list of views.
//
//   ParamStore ps;
//   ps.add("transformer.wte.weight", {V, C}, /*decay=*/true);   // (V, C)
//   ps.add("transformer.ln_f.bias", {C}, false);                // (C)
//   ps.allocate();                                              // weights and grads, zero-filled
//   float* wte = ps.value("transformer.wte.weight");
//   std::vector<ParamRef> refs = ps.refs();                     // what an Optimizer takes
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tf {

// A view of one parameter tensor owned by a model. The pointers stay valid as long as the model lives
// (models never reallocate their parameters after construction).
struct ParamRef {
  std::string name;  // e.g. "transformer.h.0.attn.c_attn.weight"; unique, used by export_state
  float* value;      // (size,)
  float* grad;       // (size,) accumulated by backward; clipping scales it in place
  std::size_t size;
  bool decay;  // weight decay applies (nanoGPT: 2-D weights yes, biases and LayerNorm no)
};

struct ParamInfo {
  std::string name;        // state_dict name
  std::vector<int> shape;  // e.g. {3C, C}
  std::size_t offset = 0;  // into weights() / grads()
  std::size_t size = 0;
  bool decay = false;  // 2-D weights decay; biases, LayerNorm and (nanoGPT-style) nothing else
};

// The name, shape and decay flag of one parameter, before anything is allocated: what a model's
// expected_params(config) lists, so a checkpoint loader can check a file's tensors against a configuration
// without allocating the model it describes.
struct ParamSpec {
  std::string name;
  std::vector<int> shape;
  bool decay = false;
};

class ParamStore {
 public:
  // Appends a tensor; call allocate() after the last one.
  void add(const std::string& name, std::vector<int> shape, bool decay);
  void add(const ParamSpec& p) { add(p.name, p.shape, p.decay); }
  void allocate();

  const std::vector<ParamInfo>& infos() const { return params_; }
  bool has(std::string_view name) const { return find(name) != nullptr; }
  const ParamInfo* find(std::string_view name) const;  // null if absent
  const ParamInfo& info(std::string_view name) const;  // tf::Error("bad_param_name"); allocates nothing
  // The value / gradient of `name`, or null when the model has no such tensor (e.g. no biases).
  float* value_or_null(std::string_view name);
  float* grad_or_null(std::string_view name);
  float* value(std::string_view name) { return weights_.data() + info(name).offset; }
  const float* value(std::string_view name) const { return weights_.data() + info(name).offset; }
  float* grad(std::string_view name) { return grads_.data() + info(name).offset; }

  std::vector<float>& weights() { return weights_; }
  const std::vector<float>& weights() const { return weights_; }
  std::vector<float>& grads() { return grads_; }
  const std::vector<float>& grads() const { return grads_; }
  std::size_t size() const { return weights_.size(); }
  std::vector<ParamRef> refs();
  void zero_grad();

 private:
  std::vector<ParamInfo> params_;
  std::vector<float> weights_, grads_;
};

}  // namespace tf
