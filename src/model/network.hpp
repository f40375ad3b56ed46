#pragma once
// Network: the seam every model plugs into. The trainer, the optimizers, checkpoint I/O and the sessions
// see a model only through this: named parameters with shapes, forward and backward on a Batch, logits.
//
//   GPT (model/model.hpp)        inputs (B, T) → next-token logits (B, T, V)
//   Seq2Seq (model/seq2seq.hpp)  source (B, S) and decoder inputs (B, T) → target logits (B, T, V)
//
//   std::unique_ptr<Network> net = std::make_unique<Model>(config, seed);
//   Batch batch;  sampler.next(batch);          // filled by a sampler (train/samplers.hpp)
//   float loss = net->forward(batch);           // mean cross-entropy over counted targets
//   net->zero_grad();  net->backward();          // gradients in net->grads()
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/params.hpp"

namespace tf {

// One training or evaluation batch. A sampler fills it; buffers are reused from batch to batch.
struct Batch {
  int B = 0, T = 0;          // sequences, positions per sequence
  std::vector<int> inputs;   // (B, T) token ids the (decoder) model reads
  std::vector<int> targets;  // (B, T) the ids it must predict at each position; Network::kIgnore = not counted
  int S = 0;                 // encoder positions per sequence (0 without an encoder)
  std::vector<int> source;   // (B, S) encoder token ids, padded with Tokenizer::PAD
  void resize(int b, int t, int s = 0) {
    B = b, T = t, S = s;
    inputs.resize(static_cast<std::size_t>(b) * t);
    targets.resize(inputs.size());
    source.resize(static_cast<std::size_t>(b) * s);
  }
};

// The most activation memory one forward (with its backward scratch) may hold: 1 GiB of floats. Buffer sizes
// are products like B·H·T·T; in WebAssembly std::size_t has 32 bits, so without a cap a large batch accepted
// by the configuration limits could wrap a size and write past a buffer. Models compute what a forward would
// need in double, before resizing anything, and throw tf::Error("too_large") when it is over this.
inline constexpr double kMaxActivationBytes = 1024.0 * 1024.0 * 1024.0;

// tf::Error("too_large") naming the limit when `floats` (4 bytes each) exceed kMaxActivationBytes.
inline void check_activation_memory(double floats, const std::string& what) {
  const double bytes = floats * 4.0;
  if (!(bytes <= kMaxActivationBytes)) {
    const double mb = bytes / (1024.0 * 1024.0), limit = kMaxActivationBytes / (1024.0 * 1024.0);
    throw Error("too_large",
                what + " needs activation memory of " + std::to_string(static_cast<long long>(mb + 0.5)) +
                    " MB, over the limit of " + std::to_string(static_cast<long long>(limit)) +
                    " MB: use a smaller batch or shorter sequences",
                static_cast<long long>(mb + 0.5), static_cast<long long>(limit));
  }
}

class Network {
 public:
  static constexpr int kIgnore = -1;  // target id that the loss skips (padding)

  virtual ~Network() = default;
  virtual std::string arch() const = 0;                // "gpt", "seq2seq"
  virtual nlohmann::json config_json() const = 0;      // what a checkpoint stores as "config"
  virtual std::unique_ptr<Network> clone() const = 0;  // weights and configuration (not activations)

  // Mean cross-entropy over the counted targets of `batch` (NaN when none count; targets may be empty:
  // logits only). Ids are range-checked: tf::Error("bad_token_id").
  virtual float forward(const Batch& batch) = 0;
  // Accumulates ∂loss/∂parameters into grads() for the last forward (which must have had targets).
  virtual void backward() = 0;
  virtual const float* logits() const = 0;  // (B, T, V) of the last forward
  virtual int vocab_size() const = 0;       // V: the output vocabulary
  virtual int max_positions() const = 0;    // longest (decoder) sequence the model accepts

  const std::vector<ParamInfo>& params() const { return params_.infos(); }
  std::size_t num_parameters() const { return params_.size(); }
  const ParamInfo& param_info(std::string_view name) const { return params_.info(name); }
  float* param(std::string_view name) { return params_.value(name); }
  float* grad(std::string_view name) { return params_.grad(name); }
  std::vector<float>& weights() { return params_.weights(); }
  const std::vector<float>& weights() const { return params_.weights(); }
  std::vector<float>& grads() { return params_.grads(); }
  std::vector<ParamRef> param_refs() { return params_.refs(); }
  void zero_grad() { params_.zero_grad(); }

 protected:
  ParamStore params_;
};

}  // namespace tf
