// tinyformer positional: the sinusoidal positional-encoding table (Vaswani et al. 2017) as JSON.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "layers/positional.hpp"

namespace tf::cli {
namespace {

int run_positional(const Flags& f) {
  const int T = f.get_int("length"), C = f.get_int("width");
  const auto table = sinusoidal_table(T, C);
  nlohmann::json out = {{"shape", {T, C}}, {"data", std::vector<float>(table.begin(), table.end())}};
  std::cout << out.dump() << "\n";
  return kExitOk;
}

}  // namespace

Command positional_command() {
  return {"positional",
          "print the sinusoidal positional encoding (T, C) as JSON",
          "tinyformer positional --length T --width C",
          "Prints {\"shape\": [T, C], \"data\": [...]} with PE(t, 2i) = sin(t / 10000^(2i/C)) and\n"
          "PE(t, 2i+1) = cos(t / 10000^(2i/C)), row-major.",
          {int_flag("length", "T", "positions (rows)", "", 1, kMaxPositions).required(),
           int_flag("width", "C", "dimensions (columns)", "", 1, kMaxWidth).required()},
          run_positional};
}

}  // namespace tf::cli
