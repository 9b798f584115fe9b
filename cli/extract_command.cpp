// `newsgraph extract`: articles in, one extraction line per article out (issue 8), for
// `newsgraph merge` to combine later: shards on several machines, incremental updates.
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/limit_options.hpp"
#include "core/atomic_file.hpp"
#include "pipeline/extraction_file.hpp"
#include "pipeline/pipeline.hpp"

namespace newsgraph::cli {
namespace {

constexpr std::string_view kUsage =
    "usage: newsgraph extract [-o FILE] [--jobs N] [--models DIR] [--stdin-name NAME] [--quiet]\n"
    "                         [--strict] [limits] INPUT...\n\n"
    "Reads articles as `newsgraph build` does (files, directories, `-` for JSON lines on stdin)\n"
    "and writes each article's entities, relations and evidence as one JSON line\n"
    "(pipeline/extraction_file.hpp), in input order. `newsgraph merge` combines any number of\n"
    "such files into the graph `build` would make from all their inputs (docs/scale.md).\n\n"
    "options:\n"
    "  -o, --output FILE  where to write (default `-`: stdout); a file is written atomically\n"
    "  --jobs N           worker threads (default: one per core); output is the same for any N\n"
    "  --models DIR       the trained models (as for build)\n"
    "  --stdin-name NAME  the source name of the articles read from `-` (default stdin); give\n"
    "                     each split of a stream its own, so merge keeps them apart and in order\n"
    "  --quiet            print nothing but errors\n"
    "  --strict           any rejected input is fatal: exit 1 (with -o FILE, nothing written)\n\n"
    NEWSGRAPH_LIMITS_HELP
    "exit codes: 0 every input read; 2 some inputs rejected (named on stderr); 1 the run cannot\n"
    "go on (usage, model, output), nothing written.\n";

struct ExtractArgs {
  std::string output = "-";
  unsigned jobs = 0;
  std::string models_dir;
  std::string stdin_name = "stdin";
  bool quiet = false;
  bool strict = false;
  ingest::IngestOptions ingest;
  ArticleLimits limits;  // as for build: give the same limits to both
  std::vector<std::string> inputs;
};

std::string parse_args(std::span<const std::string> args, ExtractArgs& out) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const bool has_value = i + 1 < args.size();
    if (arg == "-o" || arg == "--output") {
      if (!has_value) return arg + " needs a file";
      out.output = args[++i];
    } else if (arg == "--jobs" || arg == "-j") {
      if (!has_value) return "--jobs needs a number";
      const std::string& v = args[++i];
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out.jobs);
      if (ec != std::errc() || end != v.data() + v.size() || out.jobs == 0 || out.jobs > 1024)
        return "--jobs takes a number from 1 to 1024, not '" + v + "'";
    } else if (arg == "--stdin-name") {
      if (!has_value || args[i + 1].empty()) return "--stdin-name needs a name";
      out.stdin_name = args[++i];
    } else if (arg == "--models") {
      if (!has_value) return "--models needs a folder";
      out.models_dir = args[++i];
    } else if (is_limit_flag(arg)) {
      if (!has_value) return arg + " needs a number";
      if (const std::string problem = set_limit(arg, args[++i], out.ingest, out.limits); !problem.empty())
        return problem;
    } else if (arg == "--quiet" || arg == "-q") {
      out.quiet = true;
    } else if (arg == "--strict") {
      out.strict = true;
    } else if (arg.size() > 1 && arg[0] == '-') {
      return "unknown option '" + arg + "'";
    } else {
      out.inputs.push_back(arg);
    }
  }
  if (out.inputs.empty()) return "no input given";
  return {};
}

int run_extract_command(std::span<const std::string> raw_args) {
  ExtractArgs args;
  if (const std::string problem = parse_args(raw_args, args); !problem.empty()) {
    std::fprintf(stderr, "newsgraph extract: %s\n%.*s", problem.c_str(), static_cast<int>(kUsage.size()), kUsage.data());
    return kExitFailure;
  }
  PipelineOptions options;
  options.inputs = args.inputs;
  options.jobs = args.jobs;
  options.stdin_name = args.stdin_name;
  options.ingest = args.ingest;
  options.limits = args.limits;
  options.models_dir = args.models_dir.empty() ? find_models_dir("/proc/self/exe") : args.models_dir;
  if (options.models_dir.empty()) {
    std::fprintf(stderr, "newsgraph extract: no models found (looked in $NEWSGRAPH_MODELS, ./models and beside the "
                         "executable); give --models DIR\n");
    return kExitFailure;
  }
  const bool to_stdout = args.output == "-";
  AtomicFile file;
  if (!to_stdout) {
    if (Status status = file.open(args.output); !status) {
      std::fprintf(stderr, "newsgraph extract: %s\n", status.message().c_str());
      return kExitFailure;
    }
  }
  std::FILE* out = to_stdout ? stdout : file.file();
  Status write_status = Status::ok();
  std::string line = extraction_header_line();
  const auto write = [&](const std::string& bytes) {
    if (write_status && std::fwrite(bytes.data(), 1, bytes.size(), out) != bytes.size())
      write_status = Status::error((to_stdout ? std::string("stdout") : args.output) + ": cannot write");
  };
  write(line);
  const auto start = std::chrono::steady_clock::now();
  Result<BuildReport> report = run_extract(options, [&](ArticleGraph&& graph, std::uint64_t ordinal) {
    line.clear();
    append_extraction_line(graph, ordinal, line);
    write(line);
  });
  if (!report) {
    std::fprintf(stderr, "newsgraph extract: %s\n", report.status().message().c_str());
    return kExitFailure;
  }
  for (const std::string& warning : report->warnings) std::fprintf(stderr, "warning: %s\n", warning.c_str());
  for (const std::string& error : report->errors) std::fprintf(stderr, "error: %s\n", error.c_str());
  if (args.strict && !report->errors.empty()) {
    std::fprintf(stderr, "newsgraph extract: %zu input(s) rejected and --strict given; nothing written\n",
                 report->errors.size());
    return kExitFailure;
  }
  if (to_stdout && std::fflush(stdout) != 0) write_status = Status::error("stdout: cannot write");
  if (!to_stdout && write_status) write_status = file.commit();
  if (!write_status) {
    std::fprintf(stderr, "newsgraph extract: %s\n", write_status.message().c_str());
    return kExitFailure;
  }
  const double elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!args.quiet)
    std::fprintf(stderr, "newsgraph extract: %zu articles from %zu inputs, %zu tokens in %.2f s -> %s\n",
                 report->articles, report->input_files, report->tokens, elapsed_s,
                 to_stdout ? "stdout" : args.output.c_str());
  return report->errors.empty() ? kExitOk : kExitPartial;
}

const CommandRegistration kExtract{Command{"extract", "articles in, per-article extractions (JSON lines) out",
                                           kUsage, &run_extract_command}};

}  // namespace
}  // namespace newsgraph::cli
