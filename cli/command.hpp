// The command registry of the newsgraph CLI. Each cli/*_command.cpp registers its commands
// with a static CommandRegistration; main.cpp dispatches on the first words of the command
// line ("build", "train ner", "eval pos", "model-info", ...). Only cli/ prints.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace newsgraph::cli {

// Exit codes (design.md): 0 every input read, 2 some inputs rejected, 1 cannot go on.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitPartial = 2;

struct Command {
  std::string_view name;     // "build", "train ner", "eval parser", "model-info"
  std::string_view summary;  // one line for `newsgraph --help`
  std::string_view usage;    // the command's own --help text
  // Receives the arguments after the command name. Returns the exit code.
  int (*run)(std::span<const std::string> args);
};

struct CommandRegistration {
  explicit CommandRegistration(Command command);
};

// True when args contains -h or --help; the caller then prints `usage`.
bool wants_help(std::span<const std::string> args);

}  // namespace newsgraph::cli
