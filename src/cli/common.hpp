#pragma once
// Helpers shared by the subcommands: JSON with float numbers, loading a checkpoint with the file name
// in every error, and showing tokens so that spaces and line breaks stay visible.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/checkpoint.hpp"

namespace tf::cli {

// JSON whose numbers are floats, so the engine's values print in their shortest float form (0.1, not
// 0.10000000149011612), and whose keys keep the order they were added in. Non-finite numbers (the
// attention mask's -inf, an undefined loss) print as null.
using FloatJson =
    nlohmann::basic_json<nlohmann::ordered_map, std::vector, std::string, bool, std::int64_t, std::uint64_t, float>;

// The engine's nlohmann::json (doubles) as FloatJson.
FloatJson to_float_json(const nlohmann::json& j);

// load_checkpoint(path), with "<path>: " in front of any error message.
Checkpoint load_model_file(const std::string& path);

// A GPT checkpoint from load_model_file: a file holding another architecture gets an error naming the path
// and what the file holds (e.g. an encoder-decoder given to `generate`).
struct GptCheckpoint {
  std::unique_ptr<Model> model;
  Tokenizer tokenizer;
  std::optional<OptimizerConfig> optimizer_config;
  int optimizer_steps = 0;
  std::vector<std::pair<std::string, std::vector<float>>> optimizer_state;
  std::optional<std::uint64_t> sampling_rng_state;
};
GptCheckpoint load_gpt_file(const std::string& path);
GptCheckpoint gpt_of(Checkpoint ck, const std::string& path);  // the same for a file already loaded

// Tensors as JSON: the shape; nested arrays, outermost axis first ((H,T,T) -> [[[...]]]); and
// {"shape": [...], "data": [...flat, row-major]}. Non-finite values (the mask's -inf) print as null.
std::vector<std::size_t> shape_of(const xt::xarray<float>& a);
FloatJson nested(const xt::xarray<float>& a);
FloatJson flat_tensor(const xt::xarray<float>& a);

// A token as a learner can read it on one line: " " -> "␠", "\n" -> "\\n", "\t" -> "\\t".
std::string visible_token(const std::string& text);

// `message` with line breaks replaced by spaces, so an error stays one line.
std::string one_line(std::string message);

// "1.23k", "45.6" — a rate for the progress bar and the summary.
std::string short_number(double value);

}  // namespace tf::cli
