#include "cli/options.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <utility>

namespace tf::cli {
namespace {

constexpr std::size_t kColumn = 30;            // where a flag's description starts in --help
constexpr std::size_t kCommandColumn = 14;     // where a command's summary starts in tinyformer --help
constexpr std::size_t kHelpWidth = 100;        // --help lines are wrapped to this width
constexpr std::size_t kMaxInlineChoices = 16;  // longer choice lists show as NAME plus "one of ..."

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) text += (i ? separator : "") + items[i];
  return text;
}

std::string number_text(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string range_text(double min, double max, Lower lower) {
  return (lower == Lower::Exclusive ? "(" : "[") + number_text(min) + ", " + number_text(max) + "]";
}

std::optional<long long> read_integer(const std::string& text, long long min, long long max) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  const long long value = std::strtoll(begin, &end, 10);
  if (text.empty() || end == begin || *end != '\0' || errno == ERANGE || value < min || value > max) return {};
  return value;
}

std::string integer_rule(long long min, long long max) {
  return "must be an integer in " + range_text(static_cast<double>(min), static_cast<double>(max), Lower::Inclusive);
}

// ---- validators: CLI11 runs them on each value before converting it; a non-empty result is the error,
// which CLI11 prefixes with "--flag: ". They may rewrite the value into what CLI11 then converts.

// A value that is another flag of the command was most likely a forgotten value: `--prompt --max-tokens 5`.
CLI::Validator not_a_flag(const CLI::App& cmd, const std::string& value_name) {
  return CLI::Validator(
      [&cmd, value_name](std::string& value) {
        const std::string name = value.substr(0, value.find('='));
        if (name.rfind("--", 0) != 0 || cmd.get_option_no_throw(name) == nullptr) return std::string();
        return "needs a value (" + value_name + "), got the flag " + name;
      },
      "");
}

CLI::Validator integer_in(long long min, long long max) {
  return CLI::Validator(
      [min, max](std::string& value) {
        const auto number = read_integer(value, min, max);
        if (!number) return integer_rule(min, max) + ", got '" + value + "'";
        value = std::to_string(*number);  // CLI11 converts in base 0, which would read "010" as octal
        return std::string();
      },
      range_text(static_cast<double>(min), static_cast<double>(max), Lower::Inclusive));
}

CLI::Validator number_in(double min, double max, Lower lower) {
  const std::string range = range_text(min, max, lower);
  return CLI::Validator(
      [min, max, lower, range](std::string& value) {
        const char* begin = value.c_str();
        char* end = nullptr;
        const double number = std::strtod(begin, &end);
        const bool above_min = lower == Lower::Exclusive ? number > min : number >= min;
        if (value.empty() || end == begin || *end != '\0' || !std::isfinite(number) || !above_min || number > max) {
          return "must be a number in " + range + ", got '" + value + "'";
        }
        // The flag holds a float: a value that rounds out of the range (1e-50 → 0 for a range open at 0) is refused
        // here, not by the engine later.
        const double rounded = static_cast<double>(static_cast<float>(number));
        if (lower == Lower::Exclusive ? !(rounded > min) : !(rounded >= min)) {
          return "must be a number in " + range + ", got '" + value + "', which rounds to " + number_text(rounded) +
                 " as a 32-bit float";
        }
        // CLI11 reads through long double; hexadecimal is read exactly, so the flag holds float(number).
        char exact[64];
        std::snprintf(exact, sizeof exact, "%a", rounded);
        value = exact;
        return std::string();
      },
      range);
}

CLI::Validator one_of(const std::vector<std::string>& choices, const std::string& description) {
  return CLI::Validator(
      [choices](std::string& value) {
        for (const auto& c : choices) {
          if (c == value) return std::string();
        }
        return "must be one of " + join(choices, ", ") + "; got '" + value + "'";
      },
      description);
}

// ---- help ---------------------------------------------------------------------------------------

// CLI11 gives an option's type as its type name, then ':' and each validator's description
// ("N:[1, 10000000]"): the value name for the left column and the rule for the notes.
std::pair<std::string, std::string> value_name_and_rule(const CLI::Option& opt) {
  const std::string type = opt.get_type_name();
  const std::size_t colon = type.find(':');
  if (colon == std::string::npos) return {type, ""};
  return {type.substr(0, colon), type.substr(colon + 1)};
}

// `text` broken at spaces into lines of at most `width`, then `tail` kept whole, on a line of its own if
// it does not fit. CLI11 indents the lines after the first to the description column.
std::string wrap(const std::string& text, const std::string& tail, std::size_t width) {
  std::vector<std::string> chunks;
  std::istringstream words(text);
  for (std::string word; words >> word;) chunks.push_back(word);
  if (!tail.empty()) chunks.push_back(tail);
  std::string out, line;
  for (const auto& chunk : chunks) {
    if (!line.empty() && line.size() + 1 + chunk.size() > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + chunk;
  }
  return out + line;
}

// tinyformer's --help layout: the usage line, the command's paragraph, then the flags by group, each with
// its notes (required, default, range or choices), and --help last.
class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter() { column_width(kColumn); }

  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
    std::ostringstream out;
    out << make_usage(app, name);
    if (!app->get_footer().empty()) out << "\n" << app->get_footer() << "\n";  // the paragraph (add_command)
    out << make_subcommands(app, mode);
    const CLI::Option* help = app->get_help_ptr();
    for (const std::string& group : app->get_groups()) {
      const auto in_group = [&](const CLI::Option* o) { return o != help && o->get_group() == group; };
      const std::vector<const CLI::Option*> options = app->get_options(in_group);
      if (!options.empty()) out << make_group(group, false, options);
    }
    if (help) out << make_option(help, false);
    return out.str();
  }

  // "usage: tinyformer train --corpus FILE --out FILE [options]": the required flags, then the rest.
  std::string make_usage(const CLI::App* app, std::string name) const override {
    std::string usage = "usage: " + name;
    if (!app->get_subcommands([](const CLI::App*) { return true; }).empty()) usage += " <command>";
    bool optional = false;
    for (const CLI::Option* opt : app->get_options()) {
      if (opt == app->get_help_ptr()) continue;
      if (opt->get_required()) {
        usage += " " + opt->get_name() + " " + value_name_and_rule(*opt).first;
      } else {
        optional = true;
      }
    }
    return usage + (optional ? " [options]" : "") + "\n";
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    std::ostringstream out;
    CLI::detail::format_help(out, sub->get_name(), sub->get_description(), kCommandColumn);
    return out.str();
  }

  std::string make_option_opts(const CLI::Option* opt) const override {
    return opt->get_type_size() == 0 ? "" : " " + value_name_and_rule(*opt).first;
  }

  std::string make_option_desc(const CLI::Option* opt) const override {
    std::vector<std::string> notes;
    if (opt->get_required()) {
      notes.push_back("required");
    } else if (!opt->get_default_str().empty()) {
      notes.push_back("default " + opt->get_default_str());
    }
    const std::string rule = opt->get_type_size() == 0 ? "" : value_name_and_rule(*opt).second;
    if (!rule.empty()) notes.push_back(rule);
    if (opt->get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll) notes.push_back("repeatable");
    const std::string tail = notes.empty() ? "" : "(" + join(notes, "; ") + ")";
    return wrap(opt->get_description(), tail, kHelpWidth - kColumn);
  }
};

bool looks_like_flag(const std::string& arg) {
  return arg.size() > 1 && arg[0] == '-' && !(arg[1] >= '0' && arg[1] <= '9') && arg[1] != '.';
}

// The first argument CLI11 kept aside (allow_extras), as a UsageError.
void reject_leftovers(const std::vector<std::string>& leftovers, bool in_command) {
  if (leftovers.empty()) return;
  const std::string& arg = leftovers.front();
  if (looks_like_flag(arg)) throw UsageError("unknown flag " + arg.substr(0, arg.find('=')));
  throw UsageError(in_command ? "unexpected argument '" + arg + "'" : "unknown command '" + arg + "'");
}

}  // namespace

// ---- building the App ---------------------------------------------------------------------------

void setup_app(CLI::App& app) {
  app.formatter(std::make_shared<HelpFormatter>());
  app.allow_extras();            // inherited by the commands; check_parsed() names the leftovers
  app.require_subcommand(0, 1);  // one command at most: `help train` is help about train, not train
  // A flag given twice keeps its last value instead of failing in CLI11's words; check_parsed() rejects it.
  app.option_defaults()->group("options")->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

CLI::App& add_command(CLI::App& app, const std::string& name, const std::string& summary,
                      const std::string& description) {
  CLI::App& cmd = *app.add_subcommand(name, summary);
  cmd.group("commands");
  cmd.footer(description);  // HelpFormatter shows it under the usage line
  // --help wins over any mistake in the other flags: it stops parsing where it stands.
  cmd.set_help_flag("-h,--help", "show this text")->trigger_on_parse()->each([](const std::string&) {
    throw CLI::CallForHelp();
  });
  return cmd;
}

CLI::Option* add_int(CLI::App& cmd, const std::string& name, int& value, const std::string& value_name,
                     const std::string& help, long long min, long long max) {
  return cmd.add_option("--" + name, value, help)
      ->type_name(value_name)
      ->default_str(std::to_string(value))
      ->check(not_a_flag(cmd, value_name))
      ->check(integer_in(min, max));
}

CLI::Option* add_float(CLI::App& cmd, const std::string& name, float& value, const std::string& help, double min,
                       double max, Lower lower) {
  return cmd.add_option("--" + name, value, help)
      ->type_name("X")
      ->default_str(number_text(value))
      ->check(not_a_flag(cmd, "X"))
      ->check(number_in(min, max, lower));
}

CLI::Option* add_text(CLI::App& cmd, const std::string& name, std::string& value, const std::string& value_name,
                      const std::string& help) {
  return cmd.add_option("--" + name, value, help)
      ->type_name(value_name)
      ->default_str(value)
      ->check(not_a_flag(cmd, value_name));
}

CLI::Option* add_choice(CLI::App& cmd, const std::string& name, std::string& value, const std::string& help,
                        const std::vector<std::string>& choices) {
  const std::string inline_names = join(choices, "|");
  const bool short_list = inline_names.size() <= kMaxInlineChoices;
  const std::string value_name = short_list ? inline_names : "NAME";
  return cmd.add_option("--" + name, value, help)
      ->type_name(value_name)
      ->default_str(value)
      ->check(not_a_flag(cmd, value_name))
      ->check(one_of(choices, short_list ? "" : "one of " + join(choices, ", ")));
}

CLI::Option* add_switch(CLI::App& cmd, const std::string& name, bool& value, const std::string& help) {
  return cmd.add_flag("--" + name, value, help);
}

CLI::Option* add_repeatable(CLI::App& cmd, const std::string& name, std::vector<std::string>& values,
                            const std::string& value_name, const std::string& help) {
  return cmd.add_option("--" + name, values, help)
      ->type_name(value_name)
      ->allow_extra_args(false)  // one value per --name
      ->take_all()
      ->check(not_a_flag(cmd, value_name));
}

bool given(const CLI::App& cmd, const std::string& name) { return cmd.count("--" + name) > 0; }

// ---- after parsing ------------------------------------------------------------------------------

void check_parsed(const CLI::App& app) {
  for (const CLI::App* cmd : app.get_subcommands()) {
    reject_leftovers(cmd->remaining(), true);
    for (const CLI::Option* opt : cmd->get_options()) {
      if (opt->count() > 1 && opt->get_multi_option_policy() != CLI::MultiOptionPolicy::TakeAll) {
        throw UsageError(opt->get_name() + " is given twice");
      }
    }
  }
  reject_leftovers(app.remaining(), !app.get_subcommands().empty());
}

std::string parse_error_message(const CLI::App& cmd, const CLI::ParseError& e) {
  std::string message = e.what();
  // With every flag keeping its last value, CLI11 raises ArgumentMismatch only for a value missing at the
  // end of the command line, as "--lr: 1 required X:(0, 10] missing".
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr && message.rfind("--", 0) == 0) {
    const std::string flag = message.substr(0, message.find(':'));
    const CLI::Option* opt = cmd.get_option_no_throw(flag);
    message = flag + ": needs a value" + (opt ? " (" + value_name_and_rule(*opt).first + ")" : "");
  }
  return message;
}

long long parse_integer(const std::string& text, const std::string& what, long long min, long long max) {
  const auto number = read_integer(text, min, max);
  if (!number) throw UsageError(what + ": " + integer_rule(min, max) + ", got '" + text + "'");
  return *number;
}

}  // namespace tf::cli
