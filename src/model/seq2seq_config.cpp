#include "model/seq2seq_config.hpp"

#include <string>

#include "core/error.hpp"
#include "core/json_read.hpp"
#include "model/config.hpp"

namespace tf {

void Seq2SeqConfig::validate() const {
  check_config_range("n_encoder_layer", n_encoder_layer, 1, 12);
  check_config_range("n_decoder_layer", n_decoder_layer, 1, 12);
  check_config_range("n_head", n_head, 1, 64);
  check_config_range("n_embd", n_embd, 1, 2048);
  check_config_range("mlp_hidden", mlp_hidden, 0, 16384);
  check_config_range("block_size", block_size, 3, 1024);
  check_config_range("src_vocab_size", src_vocab_size, 4, 1 << 20);
  check_config_range("tgt_vocab_size", tgt_vocab_size, 4, 1 << 20);
  if (n_embd % n_head != 0) {
    throw Error("bad_config",
                "n_embd (" + std::to_string(n_embd) + ") must be divisible by n_head (" + std::to_string(n_head) + ")",
                n_embd, n_head);
  }
  if (!(ln_eps > 0.0f && ln_eps < 1.0f)) throw Error("bad_config", "ln_eps must be in (0, 1)");
  const long long C = n_embd, F = hidden();
  const long long enc = 4 * C * C + 2 * C * F + 9 * C + F, dec = enc + 4 * C * C + 6 * C;
  const long long total = (src_vocab_size + 2LL * tgt_vocab_size) * C + n_encoder_layer * enc + n_decoder_layer * dec;
  if (total > (64LL << 20)) throw Error("bad_config", "model too large: " + std::to_string(total) + " parameters");
}

nlohmann::json Seq2SeqConfig::to_json() const {
  return {{"arch", "seq2seq"},
          {"n_encoder_layer", n_encoder_layer},
          {"n_decoder_layer", n_decoder_layer},
          {"n_head", n_head},
          {"n_embd", n_embd},
          {"mlp_hidden", hidden()},
          {"block_size", block_size},
          {"src_vocab_size", src_vocab_size},
          {"tgt_vocab_size", tgt_vocab_size},
          {"norm", to_string(norm)},
          {"activation", to_string(activation)},
          {"ln_eps", ln_eps},
          {"bias", true}};
}

Seq2SeqConfig Seq2SeqConfig::from_json(const nlohmann::json& j) {
  if (!j.is_object()) throw Error("bad_config", "config must be a JSON object");
  static const char* const kKeys[] = {
      "arch",       "n_encoder_layer", "n_decoder_layer", "n_head", "n_embd",     "mlp_hidden",
      "block_size", "src_vocab_size",  "tgt_vocab_size",  "norm",   "activation", "ln_eps",
      "bias"};
  for (const auto& item : j.items()) {
    bool known = false;
    for (const char* k : kKeys) known = known || item.key() == k;
    if (!known) throw Error("bad_config", "unknown seq2seq config key '" + item.key() + "'");
  }
  Seq2SeqConfig c;
  auto get_int = [&](const char* key, int& field) { read_config_int(j, key, field); };
  auto get_string = [&](const char* key) { return read_config_string(j, key); };
  if (j.contains("arch") && get_string("arch") != "seq2seq")
    throw Error("bad_config", "arch must be \"seq2seq\" for an encoder-decoder config");
  get_int("n_encoder_layer", c.n_encoder_layer);
  get_int("n_decoder_layer", c.n_decoder_layer);
  get_int("n_head", c.n_head);
  get_int("n_embd", c.n_embd);
  get_int("mlp_hidden", c.mlp_hidden);
  get_int("block_size", c.block_size);
  get_int("src_vocab_size", c.src_vocab_size);
  get_int("tgt_vocab_size", c.tgt_vocab_size);
  read_block_options(j, c.norm, c.activation, c.ln_eps);
  if (j.contains("bias") && !(j["bias"].is_boolean() && j["bias"].get<bool>()))
    throw Error("bad_config", "the encoder-decoder always has biases (as nn.Transformer): bias must be true");
  c.validate();
  return c;
}

}  // namespace tf
