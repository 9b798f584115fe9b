// `newsgraph model-info MODEL`: prints a model file's readable header (learn/model_file.hpp,
// docs/model-format.md). Arguments, printing and exit codes only.
#include <cstdio>
#include <string>

#include "cli/command.hpp"
#include "learn/model_file.hpp"

namespace newsgraph::cli {
namespace {

constexpr std::string_view kUsage =
    "usage: newsgraph model-info MODEL\n\n"
    "Prints the header of a newsgraph model file: kind, feature-set version, labels,\n"
    "hyper-parameters, seed, training-data checksums, dev scores and section sizes.\n";

int run(std::span<const std::string> args) {
  if (args.size() != 1) {
    std::fprintf(stderr, "newsgraph: expected one MODEL\n\n%.*s", static_cast<int>(kUsage.size()), kUsage.data());
    return kExitFailure;
  }
  auto model = learn::load_model(args[0]);
  if (!model) {
    std::fprintf(stderr, "newsgraph: %s\n", model.status().message().c_str());
    return kExitFailure;
  }
  const std::string text = learn::header_text(*model);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return kExitOk;
}

CommandRegistration registration{Command{"model-info", "print a model file's header", kUsage, &run}};

}  // namespace
}  // namespace newsgraph::cli
