#pragma once
// Inspection: the named intermediates of one forward pass, in the order they were computed.
//
// Model::forward records into an Inspection when given one (B must be 1); with none, nothing is
// copied and training runs at full speed. Names (L layers, H heads, T tokens, C width, F hidden, V vocab):
//   embed.token (T,C)  embed.position (T,C)  embed.sum (T,C)
//   h{l}.ln_1 (T,C)  h{l}.attn.q|k|v (H,T,D)  h{l}.attn.scores (H,T,T) = Q·Kᵀ (as scaled·√D)  h{l}.attn.scaled (H,T,T)
//   = ÷√D h{l}.attn.masked (H,T,T) (−∞ above the diagonal)  h{l}.attn.probs (H,T,T)  h{l}.attn.head_out (H,T,D)
//   h{l}.attn.concat (T,C)  h{l}.attn.proj (T,C)  h{l}.residual_1 (T,C)  h{l}.ln_2 (T,C)
//   h{l}.mlp.pre (T,F)  h{l}.mlp.act (T,F)  h{l}.mlp.out (T,C)  h{l}.residual_2 (T,C)  h{l}.out (T,C)
//   ln_f (T,C)  logits (T,V)  probs (T,V)
// With pre-LN, ln_1 normalises the block input and ln_2 the first residual sum; with post-LN
// ("Add & Norm"), ln_1 normalises residual_1 and ln_2 normalises residual_2 (= the block output),
// and each is recorded right after the sum it normalises.
#include <map>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

namespace tf {

class Inspection {
 public:
  void add(const std::string& name, const float* data, std::vector<std::size_t> shape);
  bool has(const std::string& name) const { return tensors_.count(name) > 0; }
  // Throws tf::Error("bad_tensor_name") listing nothing more than the unknown name.
  const xt::xarray<float>& get(const std::string& name) const;
  const std::vector<std::string>& names() const { return names_; }
  void clear();

 private:
  std::vector<std::string> names_;
  std::map<std::string, xt::xarray<float>> tensors_;
};

}  // namespace tf
