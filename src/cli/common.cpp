#include "cli/common.hpp"

#include <cstdio>

#include "core/error.hpp"

namespace tf::cli {

FloatJson to_float_json(const nlohmann::json& j) { return FloatJson::parse(j.dump()); }

Checkpoint load_model_file(const std::string& path) {
  try {
    return load_checkpoint(path);
  } catch (const Error& e) {
    const std::string message = e.what();
    // load_file's own messages already name the path ("no such file: m.safetensors").
    if (message.find(path) != std::string::npos) throw;
    throw Error(e.code(), path + ": " + message, e.detail(), e.detail2());
  }
}

GptCheckpoint load_gpt_file(const std::string& path) {
  Checkpoint ck = load_model_file(path);
  if (!ck.gpt()) {
    throw Error("wrong_arch",
                path + " holds an encoder-decoder (seq2seq) model, not a GPT: use `tinyformer translate`");
  }
  return {ck.take_gpt(), std::move(ck.tokenizer), ck.optimizer_config, ck.optimizer_steps,
          std::move(ck.optimizer_state)};
}

std::string visible_token(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case ' ':
        out += "\u2420";  // ␠ SYMBOL FOR SPACE
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string one_line(std::string message) {
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return message;
}

std::string short_number(double value) {
  char buffer[32];
  if (value >= 1e6) {
    std::snprintf(buffer, sizeof buffer, "%.2fM", value / 1e6);
  } else if (value >= 1e3) {
    std::snprintf(buffer, sizeof buffer, "%.1fk", value / 1e3);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
  }
  return buffer;
}

}  // namespace tf::cli
