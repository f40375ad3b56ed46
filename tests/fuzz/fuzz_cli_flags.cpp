// The CLI's flag tables: the input, split at NUL bytes, is the argument list after `tinyformer`. It is
// parsed as main() parses it (every command registered, check_parsed) but no command runs. Parsing may
// end in a usage error (CLI::ParseError, UsageError) whose one-line message is then made, or in help or
// version; anything else (an exception of another type, a crash) is a finding.
#include <vector>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/options.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = tf::fuzz::bytes(data, size);
  std::vector<std::string> args;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= in.size(); ++i) {
    if (i == in.size() || in[i] == '\0') {
      args.emplace_back(in.substr(start, i - start));
      start = i + 1;
    }
  }
  if (args.size() > 64) return 0;
  std::vector<char*> argv = {const_cast<char*>("tinyformer")};
  for (auto& a : args) argv.push_back(a.data());

  using namespace tf::cli;
  CLI::App app("", "tinyformer");
  setup_app(app);
  const std::vector<Command> commands = {register_train(app),      register_generate(app), register_inspect(app),
                                         register_positional(app), register_corpus(app),   register_export(app),
                                         register_translate(app)};
  app.set_version_flag("--version", "tinyformer", "print the version");
  app.set_help_flag("-h,--help", "help");
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
    check_parsed(app);
  } catch (const CLI::CallForHelp&) {
    app.help();
  } catch (const CLI::CallForVersion&) {
  } catch (const CLI::ParseError& e) {
    const auto& chosen = app.get_subcommands();
    one_line(parse_error_message(chosen.empty() ? app : *chosen.front(), e));
  } catch (const UsageError& e) {
    one_line(e.what());
  }
  return 0;
}
