#pragma once
// The small layer over CLI11 that every command declares its options with (see commands.hpp).
//
//   CLI::App& cmd = add_command(app, "train", "one line for tinyformer --help", "a paragraph for train --help");
//   add_text(cmd, "corpus", o.corpus, "FILE", "UTF-8 text to train on")->required();
//   add_int(cmd, "steps", o.steps, "N", "total optimizer steps", 1, 10000000);
//   add_float(cmd, "lr", o.lr, "learning rate", 0, 10, Lower::Exclusive);
//   add_choice(cmd, "norm", o.norm, "LayerNorm placement", {"pre", "post"});
//   add_switch(cmd, "no-bias", o.no_bias, "Linear layers and LayerNorms without biases");
//   cmd.option_defaults()->group("model");   // later options are listed under "model:" in --help
//
// The bound variable's value before parsing is the default, and --help shows it with the range or the
// choices. Values are checked as they are read, and a mistake is a CLI::ValidationError that names the flag
// and what is allowed: "--steps: must be an integer in [1, 10000000], got 'abc'".
//
// Accepted forms: --name value, --name=value, and --name for switches. A value may start with '-' (a
// negative number); a value that is another flag of the same command (`--lr --json`) is taken for a
// forgotten value. A flag may be given once, except those added with add_repeatable.
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace tf::cli {

// A mistake in how the tool was called that a command finds after parsing (exit code 2), e.g. two flags
// that do not go together. Runtime failures use tf::Error (exit code 1).
class UsageError : public std::runtime_error {
 public:
  explicit UsageError(const std::string& message) : std::runtime_error(message) {}
};

// Sets up the top-level App before any command is added: the help layout, one value per flag, and
// leftover arguments kept for check_parsed() to name.
void setup_app(CLI::App& app);

// A subcommand: `summary` is its line in `tinyformer --help`, `description` the paragraph under the usage
// line of `tinyformer <name> --help`.
CLI::App& add_command(CLI::App& app, const std::string& name, const std::string& summary,
                      const std::string& description);

enum class Lower { Inclusive, Exclusive };  // whether a float range includes its minimum

CLI::Option* add_int(CLI::App& cmd, const std::string& name, int& value, const std::string& value_name,
                     const std::string& help, long long min, long long max);
CLI::Option* add_float(CLI::App& cmd, const std::string& name, float& value, const std::string& help, double min,
                       double max, Lower lower = Lower::Inclusive);
CLI::Option* add_text(CLI::App& cmd, const std::string& name, std::string& value, const std::string& value_name,
                      const std::string& help);
CLI::Option* add_choice(CLI::App& cmd, const std::string& name, std::string& value, const std::string& help,
                        const std::vector<std::string>& choices);
CLI::Option* add_switch(CLI::App& cmd, const std::string& name, bool& value, const std::string& help);
// A flag that may be given several times, one value each time; the values in command-line order.
CLI::Option* add_repeatable(CLI::App& cmd, const std::string& name, std::vector<std::string>& values,
                            const std::string& value_name, const std::string& help);

// Whether --name was on the command line (not just defaulted).
bool given(const CLI::App& cmd, const std::string& name);

// After app.parse(): throws UsageError for what CLI11 let through, naming the first one: an unknown flag or
// command, an argument no flag takes, a flag given twice.
void check_parsed(const CLI::App& app);

// CLI11's message for `e` as one line, reworded where CLI11's own words are unclear.
std::string parse_error_message(const CLI::App& cmd, const CLI::ParseError& e);

// Reads a whole number in [min, max] (decimal, the whole string) or throws UsageError naming `what`:
// "--ids: must be an integer in [0, 95], got '100'".
long long parse_integer(const std::string& text, const std::string& what, long long min, long long max);

}  // namespace tf::cli
