#pragma once
// The subcommands of the `tinyformer` tool, one file each (cmd_<name>.cpp); main.cpp only builds the
// CLI11 App from them and runs the one named on the command line.
//
//   tinyformer train      train a model on a text file, save a safetensors checkpoint
//   tinyformer generate   continue a prompt with a trained model
//   tinyformer inspect    one forward pass: tokens, logits, attention, any intermediate (JSON or text)
//   tinyformer positional print the sinusoidal positional-encoding table as JSON
//   tinyformer corpus     write a built-in corpus generated from templates
//   tinyformer export     a checkpoint without optimizer state, optionally as F16 (what the page ships)
//   tinyformer translate  translate a sentence with an encoder-decoder checkpoint
//   tinyformer neighbours the nearest words to a word by trained word vectors (cmd_words.cpp)
//   tinyformer fill-blank the top guesses for a blank in a sentence (cmd_words.cpp)
//
// Adding a command `tinyformer NAME`:
//   1. src/cli/cmd_NAME.cpp (CMake picks up every src/cli/*.cpp):
//
//        struct NameOptions {                  // the flags' values; the initialisers are the defaults
//          std::string model;
//          int steps = 100;
//        };
//
//        int run_name(const NameOptions& o, const CLI::App& cmd) { ...; return kExitOk; }
//
//        Command register_name(CLI::App& app) {
//          CLI::App& cmd = add_command(app, "name", "one line for tinyformer --help", "paragraph for --help");
//          auto o = std::make_shared<NameOptions>();   // the flags write into it while argv is parsed
//          add_text(cmd, "model", o->model, "FILE", "checkpoint to read")->required();
//          add_int(cmd, "steps", o->steps, "N", "how many steps", 1, 10000);
//          return {&cmd, [o, &cmd] { return run_name(*o, cmd); }};
//        }
//
//      The option helpers (cli/options.hpp) check types, ranges and choices and show the defaults in
//      --help; given(cmd, "steps") tells whether a flag was typed. Throw UsageError for a mistake found
//      in run_name (exit 2), tf::Error for a runtime failure (exit 1).
//   2. Declare register_name below and add it to the list in main.cpp.
//
// Exit codes: 0 success (and --help), 1 runtime error (bad file, engine error), 2 usage error, 130 interrupted.
#include <functional>

#include <CLI/CLI.hpp>

#include "cli/options.hpp"
#include "io/checkpoint.hpp"

namespace tf::cli {

constexpr int kExitOk = 0;
constexpr int kExitRuntimeError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInterrupted = 130;  // 128 + SIGINT, what shells report for Ctrl-C

// A registered subcommand: its App (parsed() after app.parse when it was named) and what running it does.
struct Command {
  CLI::App* app;
  std::function<int()> run;  // returns the exit code
};

Command register_train(CLI::App& app);
Command register_generate(CLI::App& app);
Command register_inspect(CLI::App& app);
Command register_positional(CLI::App& app);
Command register_corpus(CLI::App& app);
Command register_export(CLI::App& app);
Command register_translate(CLI::App& app);
Command register_neighbours(CLI::App& app);
Command register_fill_blank(CLI::App& app);

// `inspect` of an encoder-decoder checkpoint (cmd_translate.cpp): --source, and --target or the model's own
// greedy translation.
int run_inspect_seq2seq(Checkpoint ck, const std::string& source_text, const std::string* target_text, bool json,
                        const std::vector<std::string>& tensors);

}  // namespace tf::cli
