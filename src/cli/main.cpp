// tinyformer: the native command-line tool.
//
//   tinyformer train --corpus FILE --out FILE.safetensors [options]   train and save a checkpoint
//   tinyformer generate --model FILE --prompt TEXT [options]            continue a prompt
//   tinyformer inspect --model FILE --text TEXT [--json] [--tensor N]   one forward pass, every intermediate
//   tinyformer positional --length T --width C                          the sinusoidal table as JSON
//   tinyformer --version | --help | help [command] | <command> --help
//
// main only dispatches: each command is a flag table plus a run function (commands.hpp). Errors become
// one line on stderr: usage mistakes exit 2, runtime failures (files, engine errors) exit 1.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/error.hpp"
#include "simd/arch.hpp"

namespace {

using tf::cli::Command;

std::vector<Command> all_commands() {
  return {tf::cli::train_command(),      tf::cli::generate_command(), tf::cli::inspect_command(),
          tf::cli::positional_command(), tf::cli::corpus_command(),   tf::cli::export_command()};
}

const Command* find_command(const std::vector<Command>& commands, const std::string& name) {
  for (const auto& c : commands) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::string overview(const std::vector<Command>& commands) {
  std::string text =
      "usage: tinyformer <command> [options]\n"
      "\n"
      "commands:\n";
  for (const auto& c : commands) text += "  " + c.name + std::string(12 - c.name.size(), ' ') + c.summary + "\n";
  text +=
      "\n"
      "options:\n"
      "  --version   print the version and the SIMD instruction set\n"
      "  --help      this text (also: tinyformer help <command>, tinyformer <command> --help)\n";
  return text;
}

std::string command_help(const Command& c) { return tf::cli::format_help(c.usage, c.description, c.flags); }

// `tinyformer help [command]`
int run_help(const std::vector<Command>& commands, int argc, char** argv) {
  if (argc < 3) {
    std::cout << overview(commands);
    return tf::cli::kExitOk;
  }
  const Command* c = find_command(commands, argv[2]);
  if (!c) {
    std::cerr << "tinyformer help: unknown command '" << argv[2] << "' (see tinyformer --help)\n";
    return tf::cli::kExitUsage;
  }
  std::cout << command_help(*c);
  return tf::cli::kExitOk;
}

int run_command(const Command& c, int argc, char** argv) {
  const std::string prefix = "tinyformer " + c.name + ": ";
  try {
    const tf::cli::Flags flags = tf::cli::parse_flags(std::vector<std::string>(argv + 2, argv + argc), c.flags);
    if (flags.help_requested()) {
      std::cout << command_help(c);
      return tf::cli::kExitOk;
    }
    return c.run(flags);
  } catch (const tf::cli::UsageError& e) {
    std::cerr << prefix << tf::cli::one_line(e.what()) << " (see tinyformer " << c.name << " --help)\n";
    return tf::cli::kExitUsage;
  } catch (const std::exception& e) {  // tf::Error and anything else the engine or the library throws
    std::cerr << prefix << tf::cli::one_line(e.what()) << "\n";
    return tf::cli::kExitRuntimeError;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<Command> commands = all_commands();
  if (argc < 2) {
    std::cerr << overview(commands);
    return tf::cli::kExitUsage;
  }
  const std::string name = argv[1];
  if (name == "--version") {
    std::cout << "tinyformer " << TINYFORMER_VERSION << " (SIMD: " << tf::simd::arch_name() << ")\n";
    return tf::cli::kExitOk;
  }
  if (name == "--help" || name == "-h") {
    std::cout << overview(commands);
    return tf::cli::kExitOk;
  }
  if (name == "help") return run_help(commands, argc, argv);
  const Command* command = find_command(commands, name);
  if (!command) {
    std::cerr << "tinyformer: unknown command '" << name << "' (see tinyformer --help)\n";
    return tf::cli::kExitUsage;
  }
  return run_command(*command, argc, argv);
}
