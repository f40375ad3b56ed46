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

GptCheckpoint load_gpt_file(const std::string& path) { return gpt_of(load_model_file(path), path); }

GptCheckpoint gpt_of(Checkpoint ck, const std::string& path) {
  if (ck.cbow()) {
    throw Error("wrong_arch",
                path + " holds word vectors (cbow), not a GPT: use `tinyformer neighbours` or `fill-blank`");
  }
  if (!ck.gpt()) {
    throw Error("wrong_arch",
                path + " holds an encoder-decoder (seq2seq) model, not a GPT: use `tinyformer translate`");
  }
  return {ck.take_gpt(),      std::move(ck.tokenizer),       ck.optimizer_config,
          ck.optimizer_steps, std::move(ck.optimizer_state), ck.sampling_rng_state};
}

std::vector<std::size_t> shape_of(const xt::xarray<float>& a) { return {a.shape().begin(), a.shape().end()}; }

// The tensor as nested arrays, outermost axis first: (H,T,T) -> [[[...]]].
FloatJson nested(const float* data, const std::size_t* shape, std::size_t rank) {
  FloatJson out = FloatJson::array();
  if (rank == 0) return FloatJson(*data);
  std::size_t stride = 1;
  for (std::size_t d = 1; d < rank; ++d) stride *= shape[d];
  for (std::size_t i = 0; i < shape[0]; ++i) {
    out.push_back(rank == 1 ? FloatJson(data[i]) : nested(data + i * stride, shape + 1, rank - 1));
  }
  return out;
}

FloatJson nested(const xt::xarray<float>& a) {
  const auto shape = shape_of(a);
  return nested(a.data(), shape.data(), shape.size());
}

// {"shape": [...], "data": [...flat, row-major]}; -inf (the attention mask) becomes null.
FloatJson flat_tensor(const xt::xarray<float>& a) {
  return {{"shape", shape_of(a)}, {"data", std::vector<float>(a.begin(), a.end())}};
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
