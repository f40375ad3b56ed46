#include "io/checkpoint.hpp"

#include <cmath>

#include "core/error.hpp"
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
  if (!j.is_object()) throw Error("bad_optimizer_config", "optimizer settings must be a JSON object");
  OptimizerConfig c;
  try {
    if (j.contains("kind")) c.kind = optimizer_kind_from_string(j.at("kind").get<std::string>());
    auto num = [&](const char* key, float& field) {
      if (j.contains(key)) field = j.at(key).get<float>();
    };
    num("lr", c.lr);
    num("momentum", c.momentum);
    num("beta1", c.beta1);
    num("beta2", c.beta2);
    num("eps", c.eps);
    num("weight_decay", c.weight_decay);
    num("grad_clip", c.grad_clip);
    num("min_lr_ratio", c.min_lr_ratio);
    if (j.contains("schedule")) c.schedule = schedule_kind_from_string(j.at("schedule").get<std::string>());
    if (j.contains("warmup_steps")) c.warmup_steps = j.at("warmup_steps").get<int>();
    if (j.contains("total_steps")) c.total_steps = j.at("total_steps").get<int>();
  } catch (const nlohmann::json::exception& e) {
    throw Error("bad_optimizer_config", std::string("optimizer settings: ") + e.what());
  }
  c.validate();
  return c;
}

namespace {

safetensors::File checkpoint_file(const Model& model, const Tokenizer& tokenizer, const Optimizer* optimizer) {
  if (tokenizer.vocab_size() > model.config().vocab_size) {
    throw Error("bad_config", "the tokenizer has more tokens than the model's vocab_size", tokenizer.vocab_size(),
                model.config().vocab_size);
  }
  safetensors::File file;
  file.metadata["format"] = "tinyformer";
  file.metadata["config"] = model.config().to_json().dump();
  file.metadata["tokenizer"] = tokenizer.to_json();
  for (const auto& p : model.params()) {
    const auto* w = model.weights().data() + p.offset;
    file.tensors[p.name] = {shape64(p.shape), std::vector<float>(w, w + p.size)};
  }
  if (optimizer) {
    nlohmann::json meta = optimizer_config_to_json(optimizer->config());
    meta["steps"] = optimizer->steps_taken();
    file.metadata["optimizer"] = meta.dump();
    for (auto& [name, values] : optimizer->export_state()) {
      const std::int64_t n = static_cast<std::int64_t>(values.size());
      file.tensors[name] = {{n}, std::move(values)};
    }
  }
  return file;
}

}  // namespace

std::string save_checkpoint_bytes(const Model& model, const Tokenizer& tokenizer, const Optimizer* optimizer) {
  return safetensors::serialize(checkpoint_file(model, tokenizer, optimizer));
}

void save_checkpoint(const std::string& path, const Model& model, const Tokenizer& tokenizer,
                     const Optimizer* optimizer) {
  safetensors::save_file(path, checkpoint_file(model, tokenizer, optimizer));
}

void export_checkpoint(const std::string& path, const Model& model, const Tokenizer& tokenizer,
                       safetensors::Dtype dtype) {
  safetensors::save_file(path, checkpoint_file(model, tokenizer, nullptr), dtype);
}

namespace {

Checkpoint checkpoint_from_file(const safetensors::File& file) {
  Checkpoint ck;
  ModelConfig config = ModelConfig::from_json(parse_json_field(file.metadata, "config"));
  // nanoGPT saves lm_head.weight next to wte even when tied (it is the same tensor).
  const bool has_head = file.tensors.count("lm_head.weight") > 0;
  const auto tok_it = file.metadata.find("tokenizer");
  if (tok_it == file.metadata.end())
    throw Error("checkpoint_corrupt", "checkpoint has no \"tokenizer\" in its metadata");
  ck.tokenizer = Tokenizer::from_json(tok_it->second);
  if (ck.tokenizer.vocab_size() > config.vocab_size) {
    throw Error("checkpoint_mismatch",
                "the tokenizer has " + std::to_string(ck.tokenizer.vocab_size()) + " tokens but vocab_size is " +
                    std::to_string(config.vocab_size),
                ck.tokenizer.vocab_size(), config.vocab_size);
  }
  auto model = std::make_unique<Model>(config, 0);
  std::size_t used = 0;
  for (const auto& p : model->params()) {
    const auto it = file.tensors.find(p.name);
    if (it == file.tensors.end()) throw Error("checkpoint_mismatch", "checkpoint is missing tensor " + p.name);
    if (it->second.shape != shape64(p.shape)) {
      throw Error("checkpoint_mismatch", "tensor " + p.name + " has shape " + shape_text(it->second.shape) +
                                             ", the config needs " + shape_text(shape64(p.shape)));
    }
    for (float v : it->second.data)
      if (!std::isfinite(v)) throw Error("checkpoint_corrupt", "tensor " + p.name + " holds NaN or infinite values");
    std::copy(it->second.data.begin(), it->second.data.end(), model->weights().begin() + p.offset);
    ++used;
  }
  if (config.tied && has_head) {
    const auto& head = file.tensors.at("lm_head.weight");
    const auto& wte = file.tensors.at("transformer.wte.weight");
    if (head.shape != wte.shape || head.data != wte.data) {
      throw Error("checkpoint_mismatch", "config says tied but lm_head.weight differs from transformer.wte.weight");
    }
    ++used;
  }
  std::size_t optim_tensors = 0;
  for (const auto& [name, tensor] : file.tensors) {
    if (name.rfind(kOptimPrefix, 0) == 0) {
      ck.optimizer_state.emplace_back(name, tensor.data);
      ++optim_tensors;
    }
  }
  if (used + optim_tensors != file.tensors.size()) {
    for (const auto& [name, tensor] : file.tensors) {
      bool known = name.rfind(kOptimPrefix, 0) == 0 || (name == "lm_head.weight" && config.tied);
      for (const auto& p : model->params()) known = known || p.name == name;
      if (!known) throw Error("checkpoint_mismatch", "checkpoint has an unexpected tensor " + name);
    }
  }
  if (file.metadata.count("optimizer")) {
    const nlohmann::json meta = parse_json_field(file.metadata, "optimizer");
    ck.optimizer_config = optimizer_config_from_json(meta);
    ck.optimizer_steps = meta.value("steps", 0);
  }
  ck.model = std::move(model);
  return ck;
}

}  // namespace

Checkpoint load_checkpoint_bytes(std::string_view bytes) { return checkpoint_from_file(safetensors::parse(bytes)); }

Checkpoint load_checkpoint(const std::string& path) { return checkpoint_from_file(safetensors::load_file(path)); }

}  // namespace tf
