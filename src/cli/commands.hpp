#pragma once
// The subcommands of the `tinyformer` tool. Each one is a flag table (see flags.hpp), help text and a
// run function; main.cpp only dispatches.
//
//   tinyformer train      train a model on a text file, save a safetensors checkpoint
//   tinyformer generate   continue a prompt with a trained model
//   tinyformer inspect    one forward pass: tokens, logits, attention, any intermediate (JSON or text)
//   tinyformer positional print the sinusoidal positional-encoding table as JSON
//   tinyformer corpus     write a built-in corpus generated from templates
//   tinyformer export     a checkpoint without optimizer state, optionally as F16 (what the page ships)
//
// Exit codes: 0 success, 1 runtime error (bad file, engine error), 2 usage error, 130 interrupted.
#include <string>
#include <vector>

#include "cli/flags.hpp"

namespace tf::cli {

constexpr int kExitOk = 0;
constexpr int kExitRuntimeError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInterrupted = 130;  // 128 + SIGINT, what shells report for Ctrl-C

struct Command {
  std::string name;
  std::string summary;      // one line for `tinyformer --help`
  std::string usage;        // "tinyformer train --corpus FILE --out FILE [options]"
  std::string description;  // a paragraph for `tinyformer <command> --help`
  std::vector<FlagSpec> flags;
  int (*run)(const Flags& flags);
};

Command train_command();
Command generate_command();
Command inspect_command();
Command positional_command();
Command corpus_command();
Command export_command();

}  // namespace tf::cli
