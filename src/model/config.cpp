#include "model/config.hpp"

#include "core/error.hpp"
#include "core/json_read.hpp"

namespace tf {

std::string to_string(PositionalKind p) {
  switch (p) {
    case PositionalKind::Learned:
      return "learned";
    case PositionalKind::Sinusoidal:
      return "sinusoidal";
    case PositionalKind::None:
      return "none";
  }
  return "learned";
}

std::string to_string(NormPlacement n) { return n == NormPlacement::Pre ? "pre" : "post"; }

PositionalKind positional_from_string(const std::string& s) {
  if (s == "learned") return PositionalKind::Learned;
  if (s == "sinusoidal") return PositionalKind::Sinusoidal;
  if (s == "none") return PositionalKind::None;
  throw Error("bad_config", "positional must be learned, sinusoidal or none, got '" + s + "'");
}

NormPlacement norm_from_string(const std::string& s) {
  if (s == "pre") return NormPlacement::Pre;
  if (s == "post") return NormPlacement::Post;
  throw Error("bad_config", "norm must be pre or post, got '" + s + "'");
}

void check_config_range(const char* name, long long value, long long lo, long long hi) {
  if (value < lo || value > hi) {
    throw Error("bad_config",
                std::string(name) + " must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " +
                    std::to_string(value),
                value, hi);
  }
}

void read_config_int(const nlohmann::json& j, const char* key, int& field) {
  if (!j.contains(key)) return;
  if (!j[key].is_number_integer()) throw Error("bad_config", std::string(key) + " must be an integer");
  field = static_cast<int>(json_read::integer(j, key, "bad_config", -(1LL << 30), 1LL << 30));
}

void read_block_options(const nlohmann::json& j, NormPlacement& norm, Activation& activation, float& ln_eps) {
  if (j.contains("norm")) norm = norm_from_string(read_config_string(j, "norm"));
  if (j.contains("activation")) activation = activation_from_string(read_config_string(j, "activation"));
  if (j.contains("ln_eps")) {
    const double eps = json_read::number(j, "ln_eps", "bad_config");  // checked before it becomes a float
    if (!(eps > 0 && eps < 1)) throw Error("bad_config", "ln_eps must be in (0, 1)");
    ln_eps = static_cast<float>(eps);
  }
}

std::string read_config_string(const nlohmann::json& j, const char* key) {
  if (!j[key].is_string()) throw Error("bad_config", std::string(key) + " must be a string");
  return j[key].get<std::string>();
}

void ModelConfig::validate() const {
  check_config_range("n_layer", n_layer, 1, 24);
  check_config_range("n_head", n_head, 1, 64);
  check_config_range("n_embd", n_embd, 1, 2048);
  check_config_range("block_size", block_size, 1, 4096);
  check_config_range("vocab_size", vocab_size, 4, 1 << 20);
  check_config_range("mlp_hidden", mlp_hidden, 0, 16384);
  if (n_embd % n_head != 0) {
    throw Error("bad_config",
                "n_embd (" + std::to_string(n_embd) + ") must be divisible by n_head (" + std::to_string(n_head) + ")",
                n_embd, n_head);
  }
  if (!(ln_eps > 0.0f && ln_eps < 1.0f)) throw Error("bad_config", "ln_eps must be in (0, 1)");
  // Keep a model small enough for a browser tab: at most ~64M parameters.
  const long long C = n_embd, F = hidden(), V = vocab_size;
  const long long per_layer = 4 * C * C + 2 * C * F + 9 * C + F;
  const long long total = V * C + block_size * C + n_layer * per_layer + (tied ? 0 : V * C);
  if (total > (64LL << 20)) throw Error("bad_config", "model too large: " + std::to_string(total) + " parameters");
}

nlohmann::json ModelConfig::to_json() const {
  return {{"n_layer", n_layer},
          {"n_head", n_head},
          {"n_embd", n_embd},
          {"block_size", block_size},
          {"vocab_size", vocab_size},
          {"bias", bias},
          {"mlp_hidden", hidden()},
          {"tied", tied},
          {"positional", to_string(positional)},
          {"norm", to_string(norm)},
          {"activation", to_string(activation)},
          {"ln_eps", ln_eps}};
}

ModelConfig ModelConfig::from_json(const nlohmann::json& j) {
  if (!j.is_object()) throw Error("bad_config", "config must be a JSON object");
  ModelConfig c;
  auto get_int = [&](const char* key, int& field) { read_config_int(j, key, field); };
  auto get_bool = [&](const char* key, bool& field) {
    if (!j.contains(key)) return;
    if (!j[key].is_boolean()) throw Error("bad_config", std::string(key) + " must be true or false");
    field = j[key].get<bool>();
  };
  auto get_string = [&](const char* key) { return read_config_string(j, key); };
  get_int("n_layer", c.n_layer);
  get_int("n_head", c.n_head);
  get_int("n_embd", c.n_embd);
  get_int("block_size", c.block_size);
  get_int("vocab_size", c.vocab_size);
  get_int("mlp_hidden", c.mlp_hidden);
  get_bool("bias", c.bias);
  get_bool("tied", c.tied);
  if (j.contains("positional")) c.positional = positional_from_string(get_string("positional"));
  read_block_options(j, c.norm, c.activation, c.ln_eps);
  c.validate();
  return c;
}

}  // namespace tf
