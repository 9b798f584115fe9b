// newsgraph: the command-line front end. Dispatches to the registered commands
// (cli/*_command.cpp); arguments, printing and exit codes only.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <map>
#include <string>
#include <vector>

#include "cli/command.hpp"

namespace newsgraph::cli {
namespace {

std::map<std::string, Command, std::less<>>& registry() {
  static std::map<std::string, Command, std::less<>> commands;
  return commands;
}

void print_help() {
  std::printf(
      "newsgraph: news articles to a knowledge graph (GraphML, DOT, JSON-LD, N-Quads, GEXF, SVG, PNG)\n\n"
      "usage: newsgraph COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
  for (const auto& [name, command] : registry())
    std::printf("  %-16s %.*s\n", name.c_str(), static_cast<int>(command.summary.size()), command.summary.data());
  std::printf("\n`newsgraph COMMAND --help` shows a command's options.\n");
}

}  // namespace

CommandRegistration::CommandRegistration(Command command) { registry().emplace(std::string(command.name), command); }

bool wants_help(std::span<const std::string> args) {
  return std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "-h" || a == "--help"; });
}

}  // namespace newsgraph::cli

int main(int argc, char** argv) {
  using namespace newsgraph::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    print_help();
    return args.empty() ? kExitFailure : kExitOk;
  }
  if (args[0] == "--version") {
    std::printf("newsgraph " NEWSGRAPH_VERSION "\n");
    return kExitOk;
  }
  // Two-word commands first ("train ner"), then one-word ones ("build").
  const auto& commands = registry();
  std::size_t used = 0;
  const Command* command = nullptr;
  if (args.size() >= 2) {
    if (auto it = commands.find(args[0] + " " + args[1]); it != commands.end()) command = &it->second, used = 2;
  }
  if (!command) {
    if (auto it = commands.find(args[0]); it != commands.end()) command = &it->second, used = 1;
  }
  if (!command) {
    std::fprintf(stderr, "newsgraph: unknown command '%s'; see `newsgraph --help`\n", args[0].c_str());
    return kExitFailure;
  }
  const std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(used), args.end());
  if (wants_help(rest)) {
    std::printf("%.*s", static_cast<int>(command->usage.size()), command->usage.data());
    return kExitOk;
  }
  try {
    return command->run(rest);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "newsgraph: internal error: %s\n", e.what());
    return kExitFailure;
  }
}
