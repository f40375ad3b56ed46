#pragma once
// Seq2SeqConfig: the shape of the encoder–decoder (translation) model, with the defaults of PyTorch's
// nn.Transformer (post-LN, ReLU, LayerNorm eps 1e-5, biases) at a size that trains in seconds in a tab.
//
// Dimension letters: B batch, S source positions, T target positions, C = n_embd, H = n_head,
// F = mlp_hidden, Vs / Vt the source / target vocabularies, Le / Ld encoder / decoder layers.
#include <nlohmann/json.hpp>

#include "layers/activation.hpp"
#include "layers/block.hpp"

namespace tf {

struct Seq2SeqConfig {
  int n_encoder_layer = 2;  // Le
  int n_decoder_layer = 2;  // Ld
  int n_head = 4;           // H
  int n_embd = 64;          // C
  int mlp_hidden = 0;       // F; 0 means 4·C
  int block_size = 32;      // longest source (with <bos> and <eos>) and longest target (with <bos>)
  int src_vocab_size = 96;  // Vs
  int tgt_vocab_size = 96;  // Vt
  NormPlacement norm = NormPlacement::Post;
  Activation activation = Activation::Relu;
  float ln_eps = 1e-5f;

  int hidden() const { return mlp_hidden > 0 ? mlp_hidden : 4 * n_embd; }
  int head_size() const { return n_embd / n_head; }
  void validate() const;  // tf::Error("bad_config") naming the field and its range

  // {"arch": "seq2seq", "n_encoder_layer": 2, ...}. from_json rejects unknown keys, so a misspelt
  // "n_encoder_layers" is reported instead of silently ignored; absent keys keep the defaults.
  nlohmann::json to_json() const;
  static Seq2SeqConfig from_json(const nlohmann::json& j);
};

}  // namespace tf
