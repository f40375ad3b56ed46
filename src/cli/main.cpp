// tinyformer: the native command-line tool.
//   tinyformer --version
//   tinyformer positional --length T --width C     print the sinusoidal positional-encoding table as JSON
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "layers/positional.hpp"
#include "simd/arch.hpp"

namespace {

constexpr const char* kUsage =
    "usage: tinyformer <command> [options]\n"
    "\n"
    "commands:\n"
    "  positional --length T --width C   print the sinusoidal positional encoding (T, C) as JSON\n"
    "\n"
    "options:\n"
    "  --version   print the version and the SIMD instruction set\n"
    "  --help      this text (also: tinyformer <command> --help)\n";

// Parses "--name value" pairs; every flag must be one of `allowed`.
std::map<std::string, std::string> parse_flags(int argc, char** argv, int first,
                                               const std::vector<std::string>& allowed) {
  std::map<std::string, std::string> flags;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0) throw tf::Error("bad_flag", "unexpected argument '" + arg + "'");
    arg = arg.substr(2);
    bool known = false;
    for (const auto& a : allowed) known = known || a == arg;
    if (!known) throw tf::Error("bad_flag", "unknown flag --" + arg);
    if (i + 1 >= argc) throw tf::Error("bad_flag", "flag --" + arg + " needs a value");
    flags[arg] = argv[++i];
  }
  return flags;
}

int parse_int(const std::map<std::string, std::string>& flags, const std::string& name) {
  const auto it = flags.find(name);
  if (it == flags.end()) throw tf::Error("bad_flag", "missing --" + name);
  char* end = nullptr;
  const long value = std::strtol(it->second.c_str(), &end, 10);
  if (end == it->second.c_str() || *end != '\0') throw tf::Error("bad_flag", "--" + name + " needs an integer");
  return static_cast<int>(value);
}

int cmd_positional(int argc, char** argv) {
  const auto flags = parse_flags(argc, argv, 2, {"length", "width"});
  const int T = parse_int(flags, "length"), C = parse_int(flags, "width");
  const auto table = tf::sinusoidal_table(T, C);
  nlohmann::json out = {{"shape", {T, C}}, {"data", std::vector<float>(table.begin(), table.end())}};
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string command = argv[1];
  try {
    if (command == "--version") {
      std::cout << "tinyformer " << TINYFORMER_VERSION << " (SIMD: " << tf::simd::arch_name() << ")\n";
      return 0;
    }
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << kUsage;
      return 0;
    }
    if (argc > 2 && (std::string(argv[2]) == "--help" || std::string(argv[2]) == "-h")) {
      std::cout << kUsage;
      return 0;
    }
    if (command == "positional") return cmd_positional(argc, argv);
    std::cerr << "tinyformer: unknown command '" << command << "' (see tinyformer --help)\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "tinyformer " << command << ": " << e.what() << "\n";
    return 1;
  }
}
