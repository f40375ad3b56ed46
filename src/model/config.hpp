#pragma once
// ModelConfig: the shape and options of a GPT-style decoder. Defaults follow nanoGPT's GPTConfig
// (pre-LN, learned positions, MLP hidden = 4·C, exact GELU, biases, tied output, LayerNorm eps 1e-5)
// at a size that trains in seconds in a browser tab.
//
// Dimension letters used everywhere: B batch, T time (positions), C = n_embd, H = n_head,
// D = C / H (head size), F = mlp_hidden, V = vocab_size, L = n_layer.
#include <string>

#include <nlohmann/json.hpp>

#include "layers/activation.hpp"
#include "layers/block.hpp"  // NormPlacement

namespace tf {

enum class PositionalKind { Learned, Sinusoidal, None };

std::string to_string(PositionalKind p);
std::string to_string(NormPlacement n);
PositionalKind positional_from_string(const std::string& s);  // "learned" | "sinusoidal" | "none"
NormPlacement norm_from_string(const std::string& s);         // "pre" | "post"

// Shared by the model configs: a range check whose message names the field ("n_layer must be in [1, 24],
// got 30"), and JSON readers that keep absent keys at their defaults. All throw tf::Error("bad_config").
void check_config_range(const char* name, long long value, long long lo, long long hi);
void read_config_int(const nlohmann::json& j, const char* key, int& field);
std::string read_config_string(const nlohmann::json& j, const char* key);  // the key must be present
// The block options both model configs share: "norm", "activation", "ln_eps" (absent keys keep the fields).
void read_block_options(const nlohmann::json& j, NormPlacement& norm, Activation& activation, float& ln_eps);

struct ModelConfig {
  int n_layer = 2;      // L: number of Transformer blocks
  int n_head = 4;       // H: attention heads per block
  int n_embd = 64;      // C: width of every token vector
  int block_size = 64;  // longest context (positions) the model accepts
  int vocab_size = 96;  // V: rows of the token embedding (>= the tokenizer's vocabulary)
  int mlp_hidden = 0;   // F: hidden units of the feed-forward block; 0 means 4·C
  bool bias = true;     // biases in Linear layers and LayerNorms
  bool tied = true;     // output projection shares the token embedding (lm_head = wte)
  PositionalKind positional = PositionalKind::Learned;  // learned (nanoGPT) | sinusoidal (Vaswani) | none
  NormPlacement norm = NormPlacement::Pre;              // pre-LN (GPT-2) | post-LN (original "Add & Norm")
  Activation activation = Activation::Gelu;             // of the feed-forward block
  float ln_eps = 1e-5f;

  int head_size() const { return n_embd / n_head; }
  int hidden() const { return mlp_hidden > 0 ? mlp_hidden : 4 * n_embd; }

  // Throws tf::Error("bad_config", message naming the field and the allowed range).
  void validate() const;

  // nanoGPT's GPTConfig keys plus ours ("positional", "norm", "activation", "mlp_hidden", "tied", "ln_eps").
  // from_json: absent keys keep the defaults; unknown keys (e.g. nanoGPT's "dropout") are ignored.
  nlohmann::json to_json() const;
  static ModelConfig from_json(const nlohmann::json& j);
};

}  // namespace tf
