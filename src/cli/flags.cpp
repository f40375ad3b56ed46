#include "cli/flags.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace tf::cli {

// ---- text helpers -------------------------------------------------------------------------------

namespace {

std::string format_bound(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string range_text(double min, double max, bool min_exclusive) {
  return std::string(min_exclusive ? "(" : "[") + format_bound(min) + ", " + format_bound(max) + "]";
}

constexpr std::size_t kMaxInlineChoices = 16;  // longer choice lists go into the help text

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) text += (i ? separator : "") + items[i];
  return text;
}

}  // namespace

// ---- building the tables ------------------------------------------------------------------------

FlagSpec FlagSpec::required() const {
  FlagSpec s = *this;
  s.is_required = true;
  return s;
}

FlagSpec FlagSpec::repeatable() const {
  FlagSpec s = *this;
  s.is_repeatable = true;
  return s;
}

FlagSpec FlagSpec::exclusive_min() const {
  FlagSpec s = *this;
  s.min_exclusive = true;
  return s;
}

FlagSpec int_flag(std::string name, std::string value_name, std::string help, std::string default_value, double min,
                  double max) {
  FlagSpec s;
  s.name = std::move(name);
  s.kind = FlagKind::Int;
  s.value_name = std::move(value_name);
  s.help = std::move(help);
  s.default_value = std::move(default_value);
  s.min = min;
  s.max = max;
  return s;
}

FlagSpec float_flag(std::string name, std::string help, std::string default_value, double min, double max) {
  FlagSpec s;
  s.name = std::move(name);
  s.kind = FlagKind::Float;
  s.value_name = "X";
  s.help = std::move(help);
  s.default_value = std::move(default_value);
  s.min = min;
  s.max = max;
  return s;
}

FlagSpec text_flag(std::string name, std::string value_name, std::string help, std::string default_value) {
  FlagSpec s;
  s.name = std::move(name);
  s.kind = FlagKind::Text;
  s.value_name = std::move(value_name);
  s.help = std::move(help);
  s.default_value = std::move(default_value);
  return s;
}

FlagSpec choice_flag(std::string name, std::string help, std::string default_value, std::vector<std::string> choices) {
  FlagSpec s;
  s.name = std::move(name);
  s.kind = FlagKind::Choice;
  s.help = std::move(help);
  s.default_value = std::move(default_value);
  s.choices = std::move(choices);
  s.value_name = join(s.choices, "|");
  if (s.value_name.size() > kMaxInlineChoices) s.value_name = "NAME";
  return s;
}

FlagSpec switch_flag(std::string name, std::string help) {
  FlagSpec s;
  s.name = std::move(name);
  s.kind = FlagKind::Switch;
  s.help = std::move(help);
  return s;
}

FlagSpec heading(std::string text) {
  FlagSpec s;
  s.name = std::move(text);
  s.kind = FlagKind::Heading;
  return s;
}

// ---- numbers ------------------------------------------------------------------------------------

long long parse_integer(const std::string& text, const std::string& what, double min, double max) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  const long long value = std::strtoll(begin, &end, 10);
  if (text.empty() || end == begin || *end != '\0') {
    throw UsageError(what + " needs a whole number, got '" + text + "'");
  }
  if (errno == ERANGE || value < min || value > max) {
    throw UsageError(what + " must be in " + range_text(min, max, false) + ", got " + text);
  }
  return value;
}

double parse_number(const std::string& text, const std::string& what, double min, double max, bool min_exclusive) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(begin, &end);
  if (text.empty() || end == begin || *end != '\0' || !std::isfinite(value)) {
    throw UsageError(what + " needs a number, got '" + text + "'");
  }
  const bool below = min_exclusive ? value <= min : value < min;
  if (below || value > max) {
    throw UsageError(what + " must be in " + range_text(min, max, min_exclusive) + ", got " + text);
  }
  return value;
}

// ---- parsing ------------------------------------------------------------------------------------

namespace {

const FlagSpec* find_spec(const std::vector<FlagSpec>& specs, const std::string& name) {
  for (const auto& s : specs) {
    if (s.kind != FlagKind::Heading && s.name == name) return &s;
  }
  return nullptr;
}

// Throws UsageError unless `value` is acceptable for `spec`.
void check_value(const FlagSpec& spec, const std::string& value) {
  const std::string what = "--" + spec.name;
  switch (spec.kind) {
    case FlagKind::Int:
      parse_integer(value, what, spec.min, spec.max);
      return;
    case FlagKind::Float:
      parse_number(value, what, spec.min, spec.max, spec.min_exclusive);
      return;
    case FlagKind::Choice:
      for (const auto& c : spec.choices) {
        if (c == value) return;
      }
      throw UsageError(what + " must be one of " + join(spec.choices, ", ") + "; got '" + value + "'");
    case FlagKind::Text:
    case FlagKind::Switch:
    case FlagKind::Heading:
      return;
  }
}

bool is_help(const std::string& arg) { return arg == "--help" || arg == "-h"; }

}  // namespace

Flags parse_flags(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs) {
  Flags flags;
  flags.specs_ = &specs;
  for (const auto& arg : args) {
    if (is_help(arg)) {
      flags.help_ = true;
      return flags;
    }
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0 || arg.size() == 2) throw UsageError("unexpected argument '" + arg + "'");
    const std::size_t eq = arg.find('=');
    const std::string name = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    const FlagSpec* spec = find_spec(specs, name);
    if (!spec) throw UsageError("unknown flag --" + name);
    std::string value;
    if (spec->kind == FlagKind::Switch) {
      if (eq != std::string::npos) throw UsageError("--" + name + " takes no value");
    } else if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
    } else {
      if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) {
        throw UsageError("--" + name + " needs a value (" + spec->value_name + ")");
      }
      value = args[++i];
    }
    check_value(*spec, value);
    if (!spec->is_repeatable && flags.has(name)) throw UsageError("--" + name + " is given twice");
    flags.given_.emplace_back(name, value);
  }
  for (const auto& s : specs) {
    if (s.is_required && !flags.has(s.name)) throw UsageError("missing --" + s.name + " " + s.value_name);
  }
  return flags;
}

// ---- reading parsed flags -----------------------------------------------------------------------

const FlagSpec& Flags::spec(const std::string& name) const {
  const FlagSpec* s = specs_ ? find_spec(*specs_, name) : nullptr;
  if (!s) throw std::logic_error("tinyformer: flag --" + name + " is not in this command's table");
  return *s;
}

bool Flags::has(const std::string& name) const {
  for (const auto& g : given_) {
    if (g.first == name) return true;
  }
  return false;
}

std::string Flags::value_or_default(const std::string& name) const {
  for (const auto& g : given_) {
    if (g.first == name) return g.second;
  }
  return spec(name).default_value;
}

int Flags::get_int(const std::string& name) const {
  const FlagSpec& s = spec(name);
  return static_cast<int>(parse_integer(value_or_default(name), "--" + name, s.min, s.max));
}

float Flags::get_float(const std::string& name) const {
  const FlagSpec& s = spec(name);
  return static_cast<float>(parse_number(value_or_default(name), "--" + name, s.min, s.max, s.min_exclusive));
}

std::string Flags::get_text(const std::string& name) const {
  spec(name);
  return value_or_default(name);
}

bool Flags::get_switch(const std::string& name) const {
  spec(name);
  return has(name);
}

std::vector<std::string> Flags::get_all(const std::string& name) const {
  spec(name);
  std::vector<std::string> values;
  for (const auto& g : given_) {
    if (g.first == name) values.push_back(g.second);
  }
  return values;
}

// ---- help ---------------------------------------------------------------------------------------

namespace {

std::string flag_column(const FlagSpec& s) {
  std::string text = "--" + s.name;
  if (s.kind != FlagKind::Switch) text += " " + s.value_name;
  return text;
}

// Breaks `text` at spaces so lines stay within kHelpWidth, then adds `tail` (the notes) unbroken, on a
// line of its own if it does not fit. Continuation lines start at `indent`.
std::string wrap(const std::string& text, const std::string& tail, std::size_t indent) {
  constexpr std::size_t kHelpWidth = 100;
  const std::size_t room = kHelpWidth > indent + 30 ? kHelpWidth - indent : 30;
  std::vector<std::string> chunks;
  std::istringstream words(text);
  for (std::string word; words >> word;) chunks.push_back(word);
  if (!tail.empty()) chunks.push_back(tail);
  std::string out, line;
  for (const auto& chunk : chunks) {
    if (!line.empty() && line.size() + 1 + chunk.size() > room) {
      out += line + "\n" + std::string(indent, ' ');
      line.clear();
    }
    line += (line.empty() ? "" : " ") + chunk;
  }
  return out + line;
}

std::string flag_notes(const FlagSpec& s) {
  std::vector<std::string> notes;
  if (s.is_required) notes.push_back("required");
  if (s.kind == FlagKind::Choice && s.value_name == "NAME") notes.push_back("one of " + join(s.choices, ", "));
  if (!s.default_value.empty()) notes.push_back("default " + s.default_value);
  if (s.kind == FlagKind::Int || s.kind == FlagKind::Float) notes.push_back(range_text(s.min, s.max, s.min_exclusive));
  if (s.is_repeatable) notes.push_back("repeatable");
  return notes.empty() ? "" : "(" + join(notes, "; ") + ")";
}

}  // namespace

std::string format_help(const std::string& usage, const std::string& description, const std::vector<FlagSpec>& specs) {
  std::size_t width = 6;  // "--help"
  for (const auto& s : specs) {
    if (s.kind != FlagKind::Heading) width = std::max(width, flag_column(s).size());
  }
  const std::size_t indent = 2 + width + 2;
  std::ostringstream out;
  out << "usage: " << usage << "\n\n" << description << "\n";
  const auto print_flag = [&](const std::string& column, const std::string& text, const std::string& notes) {
    out << "  " << column << std::string(width - column.size() + 2, ' ') << wrap(text, notes, indent) << "\n";
  };
  for (const auto& s : specs) {
    if (s.kind == FlagKind::Heading) {
      out << "\n" << s.name << ":\n";
    } else {
      print_flag(flag_column(s), s.help, flag_notes(s));
    }
  }
  print_flag("--help", "show this text", "");
  return out.str();
}

}  // namespace tf::cli
