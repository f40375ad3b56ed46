#pragma once
// A small table-driven command-line flag parser (no external libraries).
//
// Each subcommand describes its flags once, in a table; the same table parses argv, checks types,
// ranges and choices, and prints --help. Defaults are written as the text a user would type and go
// through the same parsing, so the help text and the behaviour cannot drift apart.
//
//   const std::vector<FlagSpec> kFlags = {
//       text_flag("corpus", "FILE", "UTF-8 text to train on").required(),
//       int_flag("steps", "N", "total optimizer steps", "200", 1, 10000000),
//       float_flag("lr", "learning rate", "1e-3", 0, 10).exclusive_min(),
//       choice_flag("norm", "LayerNorm placement", "pre", {"pre", "post"}),
//       switch_flag("no-bias", "Linear layers and LayerNorms without biases"),
//   };
//   Flags flags = parse_flags(args, kFlags);   // throws UsageError naming the flag
//   int steps = flags.get_int("steps");        // the value given, or the default
//
// Accepted forms: --name value, --name=value, and --name for switches. A value may start with a single
// '-' (a negative number); one starting with "--" is taken for a forgotten value (use --name=--x).
#include <stdexcept>
#include <string>
#include <vector>

namespace tf::cli {

// A mistake in how the tool was called (exit code 2). Runtime failures use tf::Error (exit code 1).
class UsageError : public std::runtime_error {
 public:
  explicit UsageError(const std::string& message) : std::runtime_error(message) {}
};

enum class FlagKind { Int, Float, Text, Choice, Switch, Heading };

struct FlagSpec {
  std::string name;  // without the leading "--"; for a Heading, the heading text
  FlagKind kind = FlagKind::Text;
  std::string value_name;  // shown in help: "N", "FILE", "X"
  std::string help;
  std::string default_value;  // parsed like user input; empty = no default
  double min = 0, max = 0;    // Int / Float: inclusive range (min exclusive with min_exclusive)
  bool min_exclusive = false;
  std::vector<std::string> choices;  // Choice
  bool is_required = false;
  bool is_repeatable = false;

  FlagSpec required() const;
  FlagSpec repeatable() const;
  FlagSpec exclusive_min() const;
};

FlagSpec int_flag(std::string name, std::string value_name, std::string help, std::string default_value, double min,
                  double max);
FlagSpec float_flag(std::string name, std::string help, std::string default_value, double min, double max);
FlagSpec text_flag(std::string name, std::string value_name, std::string help, std::string default_value = "");
FlagSpec choice_flag(std::string name, std::string help, std::string default_value, std::vector<std::string> choices);
FlagSpec switch_flag(std::string name, std::string help);
FlagSpec heading(std::string text);

class Flags {
 public:
  bool help_requested() const { return help_; }
  bool has(const std::string& name) const;  // given on the command line (not just defaulted)
  int get_int(const std::string& name) const;
  float get_float(const std::string& name) const;
  std::string get_text(const std::string& name) const;  // Text and Choice
  bool get_switch(const std::string& name) const;
  std::vector<std::string> get_all(const std::string& name) const;  // a repeatable flag, in order

 private:
  friend Flags parse_flags(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs);
  const FlagSpec& spec(const std::string& name) const;  // programming error if absent
  std::string value_or_default(const std::string& name) const;

  const std::vector<FlagSpec>* specs_ = nullptr;
  std::vector<std::pair<std::string, std::string>> given_;  // (name, value) in command-line order
  bool help_ = false;
};

// Parses `args` (the arguments after the subcommand). "--help" / "-h" anywhere sets help_requested()
// and skips every other check. Throws UsageError with a one-line message naming the flag.
Flags parse_flags(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs);

// The --help text: usage line, description, then one line per flag with its default and range.
std::string format_help(const std::string& usage, const std::string& description, const std::vector<FlagSpec>& specs);

// Parses a number the way flags do (whole string, finite, in range); `what` names it in errors.
long long parse_integer(const std::string& text, const std::string& what, double min, double max);
double parse_number(const std::string& text, const std::string& what, double min, double max, bool min_exclusive);

}  // namespace tf::cli
