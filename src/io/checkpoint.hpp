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
// The encoder-decoder (config "arch": "seq2seq", model/seq2seq.hpp) uses the state_dict names of PyTorch's
// translation tutorial (transformer.encoder.layers.N.self_attn.in_proj_weight, ..., generator.weight,
// src_tok_emb.embedding.weight, tgt_tok_emb.embedding.weight) plus its sinusoid buffer
// positional_encoding.pos_embedding (block_size, 1, C); the metadata holds "src_tokenizer" and "tgt_tokenizer".
//
// Word vectors (config "arch": "cbow", model/cbow.hpp): tensors in_embed.weight (V,C) and out_embed.weight (V,C),
// the word vocabulary as "tokenizer" (a word tokenizer: specials, then ▁word pieces).
//
// Loading checks everything before anything is used: each expected tensor present with the right
// shape and finite values, no unexpected tensors, a tokenizer that fits the vocabulary. Errors name
// the tensor; nothing is half-loaded.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "io/safetensors.hpp"
#include "model/cbow.hpp"
#include "model/model.hpp"
#include "model/seq2seq.hpp"
#include "text/tokenizer.hpp"
#include "train/optimizer.hpp"

namespace tf {

struct Checkpoint {
  std::unique_ptr<Network> network;                 // a Model (GPT) or a Seq2Seq, by the config's "arch"
  Tokenizer tokenizer;                              // the GPT's, or the encoder-decoder's target (decoder) side
  Tokenizer source_tokenizer;                       // seq2seq only: the source (encoder) side
  std::optional<OptimizerConfig> optimizer_config;  // present when optimizer state was saved
  int optimizer_steps = 0;
  std::vector<std::pair<std::string, std::vector<float>>> optimizer_state;  // for Optimizer::import_state
  std::optional<std::uint64_t> sampling_rng_state;  // the trainer's scheduled-sampling coin stream, when saved

  Model* gpt() const;        // null for another architecture
  Seq2Seq* seq2seq() const;  // null for another architecture
  Cbow* cbow() const;        // null for another architecture
  // The model, moved out; tf::Error("wrong_arch") naming what the file holds instead.
  std::unique_ptr<Model> take_gpt();
  std::unique_ptr<Seq2Seq> take_seq2seq();
  std::unique_ptr<Cbow> take_cbow();
};

// source_tokenizer: required for a Seq2Seq (its encoder side), ignored otherwise.
std::string save_checkpoint_bytes(const Network& net, const Tokenizer& tokenizer, const Optimizer* optimizer = nullptr,
                                  const Tokenizer* source_tokenizer = nullptr);
// sampling_rng_state (with an optimizer): Trainer::sampling_rng_state(), stored in the optimizer metadata as
// "sampling_rng" (a decimal string: JSON numbers cannot hold every 64-bit value).
void save_checkpoint(const std::string& path, const Network& net, const Tokenizer& tokenizer,
                     const Optimizer* optimizer = nullptr, const Tokenizer* source_tokenizer = nullptr,
                     std::optional<std::uint64_t> sampling_rng_state = std::nullopt);

// The model and tokenizer(s) only (no optimizer state), with weights stored as F16 or F32: what a page ships.
void export_checkpoint(const std::string& path, const Network& net, const Tokenizer& tokenizer,
                       safetensors::Dtype dtype, const Tokenizer* source_tokenizer = nullptr);

Checkpoint load_checkpoint_bytes(std::string_view bytes);
Checkpoint load_checkpoint(const std::string& path);

nlohmann::json optimizer_config_to_json(const OptimizerConfig& c);
OptimizerConfig optimizer_config_from_json(const nlohmann::json& j);

}  // namespace tf
