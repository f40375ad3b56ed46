#include "io/checkpoint.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "core/error.hpp"
#include "core/json_read.hpp"
#include "io/safetensors.hpp"

namespace tf {
namespace {

constexpr const char* kOptimPrefix = "optim.";

std::vector<std::int64_t> shape64(const std::vector<int>& shape) { return {shape.begin(), shape.end()}; }

std::string shape_text(const std::vector<std::int64_t>& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

nlohmann::json parse_json_field(const std::map<std::string, std::string>& meta, const std::string& key) {
  const auto it = meta.find(key);
  if (it == meta.end()) throw Error("checkpoint_corrupt", "checkpoint has no \"" + key + "\" in its metadata");
  try {
    return nlohmann::json::parse(it->second);
  } catch (const nlohmann::json::exception&) {
    throw Error("checkpoint_corrupt", "checkpoint metadata \"" + key + "\" is not valid JSON");
  }
}

}  // namespace

nlohmann::json optimizer_config_to_json(const OptimizerConfig& c) {
  return {{"kind", to_string(c.kind)},
          {"lr", c.lr},
          {"momentum", c.momentum},
          {"beta1", c.beta1},
          {"beta2", c.beta2},
          {"eps", c.eps},
          {"weight_decay", c.weight_decay},
          {"grad_clip", c.grad_clip},
          {"schedule", to_string(c.schedule)},
          {"warmup_steps", c.warmup_steps},
          {"total_steps", c.total_steps},
          {"min_lr_ratio", c.min_lr_ratio}};
}

OptimizerConfig optimizer_config_from_json(const nlohmann::json& j) {
  constexpr const char* kCode = "bad_optimizer_config";
  if (!j.is_object()) throw Error(kCode, "optimizer settings must be a JSON object");
  OptimizerConfig c;
  // Every number is read as a double and checked before it is converted (json_read), every string as a string.
  if (j.contains("kind")) c.kind = optimizer_kind_from_string(json_read::string(j, "kind", kCode));
  auto num = [&](const char* key, float& field) {
    if (j.contains(key)) field = json_read::single(j, key, kCode);
  };
  num("lr", c.lr);
  num("momentum", c.momentum);
  num("beta1", c.beta1);
  num("beta2", c.beta2);
  num("eps", c.eps);
  num("weight_decay", c.weight_decay);
  num("grad_clip", c.grad_clip);
  num("min_lr_ratio", c.min_lr_ratio);
  if (j.contains("schedule")) c.schedule = schedule_kind_from_string(json_read::string(j, "schedule", kCode));
  auto whole = [&](const char* key, int& field) {
    if (j.contains(key))
      field = static_cast<int>(json_read::integer(j, key, kCode, 0, std::numeric_limits<int>::max()));
  };
  whole("warmup_steps", c.warmup_steps);
  whole("total_steps", c.total_steps);
  c.validate();
  return c;
}

namespace {

void check_vocab(const Tokenizer& tokenizer, int rows, const char* what, const char* code) {
  if (tokenizer.vocab_size() > rows) {
    throw Error(code,
                std::string("the ") + what + " has " + std::to_string(tokenizer.vocab_size()) +
                    " tokens but the model's embedding has " + std::to_string(rows) + " rows",
                tokenizer.vocab_size(), rows);
  }
}

constexpr const char* kPositionalBuffer = "positional_encoding.pos_embedding";

safetensors::File checkpoint_file(const Network& net, const Tokenizer& tokenizer, const Optimizer* optimizer,
                                  const Tokenizer* source_tokenizer,
                                  std::optional<std::uint64_t> sampling_rng_state = std::nullopt) {
  safetensors::File file;
  file.metadata["format"] = "tinyformer";
  file.metadata["config"] = net.config_json().dump();
  if (const auto* s2s = dynamic_cast<const Seq2Seq*>(&net)) {
    if (!source_tokenizer) throw Error("bad_config", "an encoder-decoder checkpoint needs the source tokenizer");
    check_vocab(*source_tokenizer, s2s->config().src_vocab_size, "source tokenizer", "bad_config");
    check_vocab(tokenizer, s2s->config().tgt_vocab_size, "target tokenizer", "bad_config");
    file.metadata["src_tokenizer"] = source_tokenizer->to_json();
    file.metadata["tgt_tokenizer"] = tokenizer.to_json();
    // PyTorch's class keeps its sinusoid table as a buffer in the state_dict: (maxlen, 1, C), here maxlen = block_size.
    const std::int64_t P = s2s->config().block_size, C = s2s->config().n_embd;
    const float* pe = s2s->positional_table();
    file.tensors[kPositionalBuffer] = {{P, 1, C}, std::vector<float>(pe, pe + P * C)};
  } else {
    check_vocab(tokenizer, net.vocab_size(), "tokenizer", "bad_config");
    file.metadata["tokenizer"] = tokenizer.to_json();
  }
  for (const auto& p : net.params()) {
    const auto* w = net.weights().data() + p.offset;
    file.tensors[p.name] = {shape64(p.shape), std::vector<float>(w, w + p.size)};
  }
  if (optimizer) {
    nlohmann::json meta = optimizer_config_to_json(optimizer->config());
    meta["steps"] = optimizer->steps_taken();
    if (sampling_rng_state) meta["sampling_rng"] = std::to_string(*sampling_rng_state);
    file.metadata["optimizer"] = meta.dump();
    for (auto& [name, values] : optimizer->export_state()) {
      const std::int64_t n = static_cast<std::int64_t>(values.size());
      file.tensors[name] = {{n}, std::move(values)};
    }
  }
  return file;
}

Tokenizer tokenizer_field(const std::map<std::string, std::string>& meta, const std::string& key) {
  const auto it = meta.find(key);
  if (it == meta.end()) throw Error("checkpoint_corrupt", "checkpoint has no \"" + key + "\" in its metadata");
  return Tokenizer::from_json(it->second);
}

// The file's tensor list against the configuration's, on names and shapes alone, before a model whose size the
// config claims is allocated (a tiny file must not make us allocate tens of millions of parameters): every
// expected tensor present with its shape, in the model's order, then no tensor the model does not know.
// `extra(name)`: tensors a file may carry besides the parameters (optimizer state, buffers).
template <class Extra>
void check_tensor_list(const std::vector<ParamSpec>& expected, const safetensors::File& file, Extra&& extra) {
  for (const ParamSpec& p : expected) {
    const auto it = file.tensors.find(p.name);
    if (it == file.tensors.end()) throw Error("checkpoint_mismatch", "checkpoint is missing tensor " + p.name);
    if (it->second.shape != shape64(p.shape)) {
      throw Error("checkpoint_mismatch", "tensor " + p.name + " has shape " + shape_text(it->second.shape) +
                                             ", the config needs " + shape_text(shape64(p.shape)));
    }
  }
  if (file.tensors.size() == expected.size()) return;  // all present, names unique: nothing else
  std::set<std::string_view> names;
  for (const ParamSpec& p : expected) names.insert(p.name);
  for (const auto& [name, tensor] : file.tensors) {
    if (name.rfind(kOptimPrefix, 0) == 0 || names.count(name) || extra(name, tensor)) continue;
    throw Error("checkpoint_mismatch", "checkpoint has an unexpected tensor " + name);
  }
}

// "sampling_rng": a 64-bit unsigned integer in decimal, as a string.
std::uint64_t rng_state_field(const nlohmann::json& meta) {
  const std::string text = json_read::string(meta, "sampling_rng", "checkpoint_corrupt");
  if (text.empty() || text.size() > 20 || text.find_first_not_of("0123456789") != std::string::npos)
    throw Error("checkpoint_corrupt", "sampling_rng must be a decimal 64-bit unsigned integer in a string");
  std::uint64_t v = 0;
  for (char ch : text) {
    const std::uint64_t digit = static_cast<std::uint64_t>(ch - '0');
    if (v > (std::numeric_limits<std::uint64_t>::max() - digit) / 10)
      throw Error("checkpoint_corrupt", "sampling_rng is larger than a 64-bit unsigned integer");
    v = v * 10 + digit;
  }
  return v;
}

// nanoGPT under PyTorch < 2.0 (no flash attention) keeps its causal mask as a buffer in the state_dict:
// transformer.h.N.attn.bias, ones below the diagonal, shape (1, 1, block_size, block_size). We build the mask
// ourselves, so exactly these names (N a layer of this model, a square 4-D shape) are accepted and ignored.
bool is_causal_mask_buffer(const ModelConfig& config, const std::string& name, const safetensors::Tensor& t) {
  const std::string prefix = "transformer.h.", suffix = ".attn.bias";
  if (name.size() <= prefix.size() + suffix.size() || name.rfind(prefix, 0) != 0 ||
      name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
    return false;
  const std::string layer = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  if (layer.empty() || layer.size() > 3 || layer.find_first_not_of("0123456789") != std::string::npos) return false;
  if (layer.size() > 1 && layer[0] == '0') return false;
  if (std::stoi(layer) >= config.n_layer) return false;
  const auto& s = t.shape;
  return s.size() == 4 && s[0] == 1 && s[1] == 1 && s[2] == s[3] && s[2] >= 1;
}

// Copies every parameter of `net` from `file` (names and shapes checked by check_tensor_list; values must be finite).
void read_params(Network& net, const safetensors::File& file) {
  for (const auto& p : net.params()) {
    const auto& data = file.tensors.at(p.name).data;
    for (float v : data)
      if (!std::isfinite(v)) throw Error("checkpoint_corrupt", "tensor " + p.name + " holds NaN or infinite values");
    std::copy(data.begin(), data.end(), net.weights().begin() + p.offset);
  }
}

// PyTorch's sinusoid buffer, when present: (maxlen, 1, C), the same table we compute (rows beyond ours ignored).
bool check_positional_buffer(const Seq2Seq& net, const safetensors::File& file) {
  const auto it = file.tensors.find(kPositionalBuffer);
  if (it == file.tensors.end()) return false;
  const auto& shape = it->second.shape;
  const std::int64_t C = net.config().n_embd;
  if (shape.size() != 3 || shape[1] != 1 || shape[2] != C || shape[0] < 1) {
    throw Error("checkpoint_mismatch", std::string("tensor ") + kPositionalBuffer + " has shape " + shape_text(shape) +
                                           ", expected [maxlen, 1, " + std::to_string(C) + "]");
  }
  const std::int64_t rows = std::min<std::int64_t>(shape[0], net.config().block_size);
  const float* ours = net.positional_table();
  for (std::int64_t i = 0; i < rows * C; ++i) {
    if (!(std::fabs(it->second.data[i] - ours[i]) <= 1e-3f)) {
      throw Error("checkpoint_mismatch",
                  std::string("tensor ") + kPositionalBuffer + " is not the sinusoidal table this model adds");
    }
  }
  return true;
}

}  // namespace

Model* Checkpoint::gpt() const { return dynamic_cast<Model*>(network.get()); }
Seq2Seq* Checkpoint::seq2seq() const { return dynamic_cast<Seq2Seq*>(network.get()); }
Cbow* Checkpoint::cbow() const { return dynamic_cast<Cbow*>(network.get()); }

std::unique_ptr<Cbow> Checkpoint::take_cbow() {
  if (!cbow()) {
    throw Error("wrong_arch", "this checkpoint holds a " + network->arch() + " model, not word vectors (cbow)");
  }
  return std::unique_ptr<Cbow>(static_cast<Cbow*>(network.release()));
}

std::unique_ptr<Model> Checkpoint::take_gpt() {
  if (cbow()) throw Error("wrong_arch", "this checkpoint holds word vectors (cbow), not a GPT: use neighbours", 0, 0);
  if (!gpt()) {
    throw Error("wrong_arch", "this checkpoint holds an encoder-decoder (seq2seq) model, not a GPT: use translate", 0,
                0);
  }
  return std::unique_ptr<Model>(static_cast<Model*>(network.release()));
}

std::unique_ptr<Seq2Seq> Checkpoint::take_seq2seq() {
  if (!seq2seq()) {
    throw Error("wrong_arch",
                "this checkpoint holds a " + network->arch() + " model, not an encoder-decoder (seq2seq) model");
  }
  return std::unique_ptr<Seq2Seq>(static_cast<Seq2Seq*>(network.release()));
}

std::string save_checkpoint_bytes(const Network& net, const Tokenizer& tokenizer, const Optimizer* optimizer,
                                  const Tokenizer* source_tokenizer) {
  return safetensors::serialize(checkpoint_file(net, tokenizer, optimizer, source_tokenizer));
}

void save_checkpoint(const std::string& path, const Network& net, const Tokenizer& tokenizer,
                     const Optimizer* optimizer, const Tokenizer* source_tokenizer,
                     std::optional<std::uint64_t> sampling_rng_state) {
  safetensors::save_file(path, checkpoint_file(net, tokenizer, optimizer, source_tokenizer, sampling_rng_state));
}

void export_checkpoint(const std::string& path, const Network& net, const Tokenizer& tokenizer,
                       safetensors::Dtype dtype, const Tokenizer* source_tokenizer) {
  safetensors::save_file(path, checkpoint_file(net, tokenizer, nullptr, source_tokenizer), dtype);
}

namespace {

Checkpoint checkpoint_from_file(const safetensors::File& file) {
  Checkpoint ck;
  const nlohmann::json config_json = parse_json_field(file.metadata, "config");
  const bool is_seq2seq = config_json.is_object() && config_json.contains("arch") && config_json["arch"].is_string() &&
                          config_json["arch"] == "seq2seq";
  const bool is_cbow = config_json.is_object() && config_json.contains("arch") && config_json["arch"].is_string() &&
                       config_json["arch"] == "cbow";
  if (is_cbow) {
    const CbowConfig config = CbowConfig::from_json(config_json);
    ck.tokenizer = tokenizer_field(file.metadata, "tokenizer");
    check_vocab(ck.tokenizer, config.vocab_size, "tokenizer", "checkpoint_mismatch");
    check_tensor_list(Cbow::expected_params(config), file,
                      [](const std::string&, const safetensors::Tensor&) { return false; });
    auto net = std::make_unique<Cbow>(config, 0);
    read_params(*net, file);
    ck.network = std::move(net);
  } else if (is_seq2seq) {
    const Seq2SeqConfig config = Seq2SeqConfig::from_json(config_json);
    ck.source_tokenizer = tokenizer_field(file.metadata, "src_tokenizer");
    ck.tokenizer = tokenizer_field(file.metadata, "tgt_tokenizer");
    check_vocab(ck.source_tokenizer, config.src_vocab_size, "source tokenizer", "checkpoint_mismatch");
    check_vocab(ck.tokenizer, config.tgt_vocab_size, "target tokenizer", "checkpoint_mismatch");
    check_tensor_list(Seq2Seq::expected_params(config), file,
                      [](const std::string& name, const safetensors::Tensor&) { return name == kPositionalBuffer; });
    auto net = std::make_unique<Seq2Seq>(config, 0);
    read_params(*net, file);
    check_positional_buffer(*net, file);
    ck.network = std::move(net);
  } else {
    const ModelConfig config = ModelConfig::from_json(config_json);
    ck.tokenizer = tokenizer_field(file.metadata, "tokenizer");
    check_vocab(ck.tokenizer, config.vocab_size, "tokenizer", "checkpoint_mismatch");
    check_tensor_list(Model::expected_params(config), file, [&](const std::string& name, const safetensors::Tensor& t) {
      // nanoGPT saves lm_head.weight next to wte even when tied (it is the same tensor).
      return (config.tied && name == "lm_head.weight") || is_causal_mask_buffer(config, name, t);
    });
    if (config.tied && file.tensors.count("lm_head.weight")) {
      const auto& head = file.tensors.at("lm_head.weight");
      const auto& wte = file.tensors.at("transformer.wte.weight");
      if (head.shape != wte.shape || head.data != wte.data) {
        throw Error("checkpoint_mismatch", "config says tied but lm_head.weight differs from transformer.wte.weight");
      }
    }
    auto model = std::make_unique<Model>(config, 0);
    read_params(*model, file);
    ck.network = std::move(model);
  }
  for (const auto& [name, tensor] : file.tensors)
    if (name.rfind(kOptimPrefix, 0) == 0) ck.optimizer_state.emplace_back(name, tensor.data);
  if (file.metadata.count("optimizer")) {
    const nlohmann::json meta = parse_json_field(file.metadata, "optimizer");
    ck.optimizer_config = optimizer_config_from_json(meta);
    if (meta.contains("steps")) {
      ck.optimizer_steps =
          static_cast<int>(json_read::integer(meta, "steps", "checkpoint_corrupt", 0, std::numeric_limits<int>::max()));
    }
    if (meta.contains("sampling_rng")) ck.sampling_rng_state = rng_state_field(meta);
  }
  return ck;
}

}  // namespace

Checkpoint load_checkpoint_bytes(std::string_view bytes) { return checkpoint_from_file(safetensors::parse(bytes)); }

Checkpoint load_checkpoint(const std::string& path) { return checkpoint_from_file(safetensors::load_file(path)); }

}  // namespace tf
