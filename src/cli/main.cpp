// tinyformer: the native command-line tool.
//
//   tinyformer train --corpus FILE --out FILE.safetensors [options]   train and save a checkpoint
//   tinyformer generate --model FILE --prompt TEXT [options]            continue a prompt
//   tinyformer inspect --model FILE --text TEXT [--json] [--tensor N]   one forward pass, every intermediate
//   tinyformer positional --length T --width C                          the sinusoidal table as JSON
//   tinyformer corpus --name NAME --out FILE [options]                  a built-in corpus, one sentence a line
//   tinyformer export --model FILE --out FILE [--dtype f32|f16]         a checkpoint without optimizer state
//   tinyformer --version | --help | help [command] | <command> --help
//
// main only builds the CLI11 App from the commands (commands.hpp) and runs the one that was named. Errors
// become one line on stderr: usage mistakes exit 2, runtime failures (files, engine errors) exit 1.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "simd/arch.hpp"

namespace {

using namespace tf::cli;

// `tinyformer help [command]`: the same text as `tinyformer [command] --help`.
Command register_help(CLI::App& app, std::string& topic) {
  CLI::App& cmd = *app.add_subcommand("help", "show the help of tinyformer or of a command");
  cmd.group("");  // not listed among the commands
  cmd.add_option("command", topic, "the command");
  return {&cmd, [&app, &topic] {
            if (topic.empty()) {
              std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
              return kExitOk;
            }
            const auto named = [&](const CLI::App* c) { return c->get_name() == topic && !c->get_group().empty(); };
            const auto found = app.get_subcommands(named);
            if (found.empty()) throw UsageError("unknown command '" + topic + "'");
            std::cout << found.front()->help(app.get_name());
            return kExitOk;
          }};
}

// "tinyformer train", or "tinyformer" before a command was named.
std::string command_name(const CLI::App& app) {
  const auto& chosen = app.get_subcommands();
  return app.get_name() + (chosen.empty() ? "" : " " + chosen.front()->get_name());
}

// One line on stderr: "tinyformer train: <message> (see tinyformer train --help)".
int usage_error(const CLI::App& app, const std::string& message) {
  const auto& chosen = app.get_subcommands();
  const bool listed = !chosen.empty() && !chosen.front()->get_group().empty();  // not `help`
  std::cerr << command_name(app) << ": " << one_line(message) << " (see "
            << (listed ? command_name(app) : app.get_name()) << " --help)\n";
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("", "tinyformer");
  setup_app(app);
  std::string help_topic;
  std::vector<Command> commands = {register_train(app),      register_generate(app),   register_inspect(app),
                                   register_positional(app), register_corpus(app),     register_export(app),
                                   register_translate(app),  register_neighbours(app), register_fill_blank(app)};
  commands.push_back(register_help(app, help_topic));
  app.set_version_flag("--version",
                       std::string("tinyformer ") + TINYFORMER_VERSION + " (SIMD: " + tf::simd::arch_name() + ")",
                       "print the version and the SIMD instruction set");
  app.set_help_flag("-h,--help", "this text; tinyformer <command> --help shows a command's flags");
  if (argc < 2) {
    std::cerr << app.help();
    return kExitUsage;
  }

  try {
    app.parse(argc, argv);
    check_parsed(app);
    for (const Command& c : commands) {
      if (c.app->parsed()) return c.run();
    }
    std::cerr << app.help();  // flags but no command
    return kExitUsage;
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    std::cout << e.what() << "\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    const auto& chosen = app.get_subcommands();
    return usage_error(app, parse_error_message(chosen.empty() ? app : *chosen.front(), e));
  } catch (const UsageError& e) {
    return usage_error(app, e.what());
  } catch (const std::exception& e) {  // tf::Error and anything else the engine or the library throws
    std::cerr << command_name(app) << ": " << one_line(e.what()) << "\n";
    return kExitRuntimeError;
  }
}
