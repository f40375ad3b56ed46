// tinyformer positional: the sinusoidal positional-encoding table (Vaswani et al. 2017) as JSON.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "layers/positional.hpp"

namespace tf::cli {
namespace {

struct PositionalOptions {
  int length = 0, width = 0;
};

int run_positional(const PositionalOptions& o) {
  const int T = o.length, C = o.width;
  const auto table = sinusoidal_table(T, C);
  nlohmann::json out = {{"shape", {T, C}}, {"data", std::vector<float>(table.begin(), table.end())}};
  std::cout << out.dump() << "\n";
  return kExitOk;
}

}  // namespace

Command register_positional(CLI::App& app) {
  CLI::App& cmd = add_command(app, "positional", "print the sinusoidal positional encoding (T, C) as JSON",
                              "Prints {\"shape\": [T, C], \"data\": [...]} with PE(t, 2i) = sin(t / 10000^(2i/C)) and\n"
                              "PE(t, 2i+1) = cos(t / 10000^(2i/C)), row-major.");
  auto o = std::make_shared<PositionalOptions>();
  add_int(cmd, "length", o->length, "T", "positions (rows)", 1, kMaxPositions)->required();
  add_int(cmd, "width", o->width, "C", "dimensions (columns)", 1, kMaxWidth)->required();
  return {&cmd, [o] { return run_positional(*o); }};
}

}  // namespace tf::cli
