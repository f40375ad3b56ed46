#pragma once
// Checkpoints: a model, its tokenizer and (optionally) its optimizer state in one safetensors file
// with nanoGPT's tensor names, so a tiny nanoGPT model saved with safetensors opens here and ours
// opens there.
//
//   header __metadata__: "format": "tinyformer", "config": "{\"n_layer\": 2, ...}",
//                        "tokenizer": "{\"type\": \"char\", \"vocab\": [...]}",
//                        "optimizer": "{\"kind\": \"adamw\", \"steps\": 120, ...}"    (when saved)
//   tensors: transformer.wte.weight (V,C), transformer.h.0.attn.c_attn.weight (3C,C), ...,
//            lm_head.weight (V,C) only when untied, optim.m.<name> / optim.v.<name> when saved.
//
// Loading checks everything before anything is used: each expected tensor present with the right
// shape and finite values, no unexpected tensors, a tokenizer that fits the vocabulary. Errors name
// the tensor; nothing is half-loaded.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "io/safetensors.hpp"
#include "model/model.hpp"
#include "text/tokenizer.hpp"
#include "train/optimizer.hpp"

namespace tf {

struct Checkpoint {
  std::unique_ptr<Model> model;
  Tokenizer tokenizer;
  std::optional<OptimizerConfig> optimizer_config;  // present when optimizer state was saved
  int optimizer_steps = 0;
  std::vector<std::pair<std::string, std::vector<float>>> optimizer_state;  // for Optimizer::import_state
};

std::string save_checkpoint_bytes(const Model& model, const Tokenizer& tokenizer, const Optimizer* optimizer = nullptr);
void save_checkpoint(const std::string& path, const Model& model, const Tokenizer& tokenizer,
                     const Optimizer* optimizer = nullptr);

// The model and tokenizer only (no optimizer state), with weights stored as F16 or F32: what a page ships.
void export_checkpoint(const std::string& path, const Model& model, const Tokenizer& tokenizer,
                       safetensors::Dtype dtype);

Checkpoint load_checkpoint_bytes(std::string_view bytes);
Checkpoint load_checkpoint(const std::string& path);

nlohmann::json optimizer_config_to_json(const OptimizerConfig& c);
OptimizerConfig optimizer_config_from_json(const nlohmann::json& j);

}  // namespace tf
