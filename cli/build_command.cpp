// `newsgraph build`: articles in, graph files out. Arguments, progress, summary, exit codes.
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "cli/command.hpp"
#include "cli/interrupt.hpp"
#include "cli/limit_options.hpp"
#include "export/dot.hpp"
#include "export/edge_report.hpp"
#include "export/gexf.hpp"
#include "export/graphml.hpp"
#include "export/html.hpp"
#include "export/jsonld.hpp"
#include "export/nquads.hpp"
#include "export/render.hpp"
#include "pipeline/extraction_file.hpp"
#include "pipeline/pipeline.hpp"

namespace newsgraph::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kUsage =
    "usage: newsgraph build [-o OUTDIR] [--format graphml,dot,jsonld,...] [--jobs N]\n"
    "                       [--base-iri IRI] [--models DIR] [--explain-merges FILE]\n"
    "                       [--explain-edges FILE] [--stdin-name NAME] [--quiet] [--strict]\n"
    "                       [limits] INPUT...\n\n"
    "Reads articles (.txt, .html/.htm, .jsonl/.ndjson files, or directories of them, recursed\n"
    "in sorted order; `-` reads JSON lines from stdin), extracts entities and relations, merges\n"
    "them across articles and writes OUTDIR/graph.graphml, graph.dot, graph.jsonld (and\n"
    "graph.nq, graph.gexf, graph.svg, graph.png, graph.html when --format asks for them).\n\n"
    "options:\n"
    "  -o, --output OUTDIR  where to write (default out/)\n"
    "  --format LIST        comma-separated (default graphml,dot,jsonld):\n"
    "                       graphml  GraphML 1.0 (networkx, igraph, yEd, Gephi)\n"
    "                       dot      Graphviz DOT\n"
    "                       jsonld   JSON-LD with schema.org types and provenance (triple stores)\n"
    "                       nquads   N-Quads, the same triples, one named graph per article\n"
    "                                (bulk loaders: Virtuoso, Oxigraph), written as graph.nq\n"
    "                       gexf     GEXF 1.3 for Gephi: typed parallel edges, colours, timeline\n"
    "                       svg, png the picture, laid out by Graphviz's sfdp, with a legend\n"
    "                       html     the explorer page: the drawing, search, filters and the\n"
    "                                evidence behind every edge, to open in a browser from disk\n"
    "  --jobs N             worker threads (default: one per core); output is the same for any N\n"
    "  --base-iri IRI       base of the JSON-LD and N-Quads IRIs (default https://newsgraph.example/)\n"
    "  --models DIR         the trained models (default: $NEWSGRAPH_MODELS, ./models, or the\n"
    "                       models beside the executable)\n"
    "  --explain-merges FILE  write, for each merged node, the forms it absorbed and the rule\n"
    "                       that merged each (merge/merge.hpp)\n"
    "  --explain-edges FILE write every edge with every sentence that supports it, its article,\n"
    "                       offsets and the rule that read it\n"
    "  --stdin-name NAME    the source name of the articles read from `-` (default stdin)\n"
    "  --quiet              print nothing but errors\n"
    "  --strict             any rejected input is fatal: exit 1, nothing written\n\n"
    NEWSGRAPH_LIMITS_HELP
    "exit codes: 0 every input read; 2 some inputs rejected (named on stderr), the graph of the\n"
    "rest written; 1 the run cannot go on (usage, model, output), nothing written.\n";

struct BuildArgs {
  std::string out_dir = "out";
  std::vector<std::string> formats = {"graphml", "dot", "jsonld"};
  unsigned jobs = 0;
  std::string base_iri;
  std::string explain_merges;
  std::string explain_edges;
  std::string models_dir;
  std::string stdin_name = "stdin";
  bool quiet = false;
  bool strict = false;
  ingest::IngestOptions ingest;
  ArticleLimits limits;
  std::vector<std::string> inputs;
};

std::vector<std::string> split_commas(const std::string& list) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (begin <= list.size()) {
    const std::size_t comma = std::min(list.find(',', begin), list.size());
    if (comma > begin) parts.push_back(list.substr(begin, comma - begin));
    begin = comma + 1;
  }
  return parts;
}

// Returns an error message, or empty when the arguments are good.
std::string parse_args(std::span<const std::string> args, BuildArgs& out) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    std::string v;
    if (arg == "-o" || arg == "--output") {
      if (!value(out.out_dir)) return arg + " needs a folder";
    } else if (arg == "--format") {
      if (!value(v)) return "--format needs a list";
      out.formats = split_commas(v);
      for (const std::string& f : out.formats)
        if (f != "graphml" && f != "dot" && f != "jsonld" && f != "svg" && f != "png" && f != "nquads" &&
            f != "gexf" && f != "html")
          return "unknown format '" + f + "'";
      if (out.formats.empty()) return "--format needs at least one format";
    } else if (arg == "--jobs" || arg == "-j") {
      if (!value(v)) return "--jobs needs a number";
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out.jobs);
      if (ec != std::errc() || end != v.data() + v.size() || out.jobs == 0 || out.jobs > 1024)
        return "--jobs takes a number from 1 to 1024, not '" + v + "'";
    } else if (arg == "--base-iri") {
      if (!value(out.base_iri)) return "--base-iri needs an IRI";
      if (out.base_iri.find("://") == std::string::npos) return "--base-iri must be an absolute IRI, not '" + out.base_iri + "'";
    } else if (arg == "--stdin-name") {
      if (!value(out.stdin_name) || out.stdin_name.empty()) return "--stdin-name needs a name";
    } else if (arg == "--models") {
      if (!value(out.models_dir)) return "--models needs a folder";
    } else if (arg == "--explain-edges") {
      if (!value(out.explain_edges)) return "--explain-edges needs a file";
    } else if (arg == "--explain-merges") {
      if (!value(out.explain_merges)) return "--explain-merges needs a file";
    } else if (is_limit_flag(arg)) {
      if (!value(v)) return arg + " needs a number";
      if (const std::string problem = set_limit(arg, v, out.ingest, out.limits); !problem.empty()) return problem;
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

void print_progress(std::size_t done, std::size_t total) {
  constexpr int kWidth = 30;
  const int filled = total ? static_cast<int>(kWidth * done / total) : kWidth;
  std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu articles", filled, "##############################", kWidth - filled, "",
               done, total);
  std::fflush(stderr);
}

Status write_outputs(const KnowledgeGraph& graph, const BuildArgs& args, InterruptGuard& interrupt,
                     std::vector<std::string>& written) {
  std::error_code ec;
  fs::create_directories(args.out_dir, ec);
  if (ec) return Status::error(args.out_dir + ": cannot create output folder: " + ec.message());
  // All formats are written into a staging folder first and moved into place only when every
  // one succeeded, so a failure leaves no new output file behind.
  const fs::path staging = fs::path(args.out_dir) / ".newsgraph-staging";
  fs::remove_all(staging, ec);
  interrupt.remove_on_interrupt(staging.string());
  fs::create_directories(staging, ec);
  if (ec) return Status::error(staging.string() + ": cannot create: " + ec.message());
  std::vector<std::string> names;
  Status status = Status::ok();
  for (const std::string& format : args.formats) {
    // N-Quads as .nq: the extension bulk loaders (Virtuoso's ld_dir, Oxigraph) recognise.
    const std::string name = "graph." + (format == "nquads" ? std::string("nq") : format);
    const std::string path = (staging / name).string();
    if (format == "graphml") {
      status = write_graphml(graph, path);
    } else if (format == "dot") {
      status = write_dot(graph, path);
    } else if (format == "jsonld") {
      JsonLdOptions options;
      if (!args.base_iri.empty()) options.base_iri = args.base_iri;
      status = write_jsonld(graph, path, options);
    } else if (format == "nquads") {
      JsonLdOptions options;
      if (!args.base_iri.empty()) options.base_iri = args.base_iri;
      status = write_nquads(graph, path, options);
    } else if (format == "gexf") {
      status = write_gexf(graph, path);
    } else if (format == "svg") {
      status = render_svg(graph, path);
    } else if (format == "png") {
      status = render_png(graph, path);
    } else if (format == "html") {
      status = write_html(graph, path);
    }
    // A sentence that could not be read from the temporary file left a gap in the output.
    if (status) status = graph.sentences_status();
    if (!status) break;
    names.push_back(name);
  }
  if (status) {
    const auto moving = interrupt.hold();  // an interrupt moves all or none
    for (const std::string& name : names) {
      fs::rename(staging / name, fs::path(args.out_dir) / name, ec);
      if (ec) {
        status = Status::error((fs::path(args.out_dir) / name).string() + ": cannot move into place: " + ec.message());
        break;
      }
      written.push_back((fs::path(args.out_dir) / name).string());
    }
    if (status) interrupt.mark_written();
  }
  fs::remove_all(staging, ec);
  return status;
}

void print_summary(const BuildReport& report, double elapsed_s, double export_s,
                   const std::vector<std::string>& written) {
  const KnowledgeGraph& kg = report.graph;
  const auto nodes = count_nodes_by_type(kg);
  const auto edges = count_edges_by_type(kg);
  const auto count = [](const auto& map, auto key) {
    const auto it = map.find(key);
    return it == map.end() ? std::size_t{0} : it->second;
  };
  std::printf("newsgraph build: %zu articles from %zu files, %zu tokens in %.2f s (%.0f tokens/s)\n",
              report.articles, report.input_files, report.tokens, elapsed_s,
              elapsed_s > 0 ? report.tokens / elapsed_s : 0.0);
  std::printf("  entities  %6zu   Person %zu, Organization %zu, Place %zu\n",
              count(nodes, EntityType::Person) + count(nodes, EntityType::Organization) + count(nodes, EntityType::Place),
              count(nodes, EntityType::Person), count(nodes, EntityType::Organization), count(nodes, EntityType::Place));
  std::printf("  events    %6zu\n", count(nodes, EntityType::Event));
  std::printf("  edges     %6zu  ", boost::num_edges(kg.graph));
  for (const auto& [type, n] : edges) std::printf(" %s %zu", std::string(to_string(type)).c_str(), n);
  std::printf("\n  rejected  %6zu   warnings %zu\n", report.errors.size(), report.warnings.size());
  std::printf("  stages   ");
  for (std::size_t s = 0; s < report.stage_seconds.size(); ++s)
    std::printf(" %s %.3fs", kStageNames[s], report.stage_seconds[s]);
  std::printf(" export %.3fs\n", export_s);
  for (const std::string& path : written) std::printf("  wrote     %s\n", path.c_str());
}

// What build and merge share once the graph is made: messages, --strict, outputs, summary.
int finish_graph(BuildReport& report, const BuildArgs& args, std::chrono::steady_clock::time_point start,
                 const char* command, InterruptGuard& interrupt) {
  for (const std::string& warning : report.warnings) std::fprintf(stderr, "warning: %s\n", warning.c_str());
  for (const std::string& error : report.errors) std::fprintf(stderr, "error: %s\n", error.c_str());
  if (args.strict && !report.errors.empty()) {
    std::fprintf(stderr, "newsgraph %s: %zu input(s) rejected and --strict given; nothing written\n", command,
                 report.errors.size());
    return kExitFailure;
  }
  if (report.articles == 0) {
    std::fprintf(stderr, "newsgraph %s: no article could be read from the inputs; nothing written\n", command);
    return kExitFailure;
  }
  std::vector<std::string> written;
  const auto export_start = std::chrono::steady_clock::now();
  if (Status status = write_outputs(report.graph, args, interrupt, written); !status) {
    std::fprintf(stderr, "newsgraph %s: %s; nothing written\n", command, status.message().c_str());
    return kExitFailure;
  }
  if (!args.explain_merges.empty()) {
    if (Status status = write_merge_explanations(report.merge_explanations, args.explain_merges); !status) {
      std::fprintf(stderr, "newsgraph %s: %s\n", command, status.message().c_str());
      return kExitFailure;
    }
    written.push_back(args.explain_merges);
  }
  if (!args.explain_edges.empty()) {
    if (Status status = write_edge_report(report.graph, args.explain_edges); !status) {
      std::fprintf(stderr, "newsgraph %s: %s\n", command, status.message().c_str());
      return kExitFailure;
    }
    written.push_back(args.explain_edges);
  }
  const double export_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - export_start).count();
  const double elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!args.quiet) print_summary(report, elapsed_s, export_s, written);
  return report.errors.empty() ? kExitOk : kExitPartial;
}

std::string models_dir_of(const BuildArgs& args) {
  return args.models_dir.empty() ? find_models_dir("/proc/self/exe") : args.models_dir;
}

constexpr const char* kNoModels =
    "no models found (looked in $NEWSGRAPH_MODELS, ./models and beside the executable); give --models DIR";

int run_build_command(std::span<const std::string> raw_args) {
  BuildArgs args;
  if (const std::string problem = parse_args(raw_args, args); !problem.empty()) {
    std::fprintf(stderr, "newsgraph build: %s\n%.*s", problem.c_str(), static_cast<int>(kUsage.size()), kUsage.data());
    return kExitFailure;
  }
  PipelineOptions options;
  options.inputs = args.inputs;
  options.jobs = args.jobs;
  options.stdin_name = args.stdin_name;
  options.ingest = args.ingest;
  options.limits = args.limits;
  options.models_dir = models_dir_of(args);
  if (options.models_dir.empty()) {
    std::fprintf(stderr, "newsgraph build: %s\n", kNoModels);
    return kExitFailure;
  }
  InterruptGuard interrupt("newsgraph build");
  for (const std::string& file : {args.explain_merges, args.explain_edges})
    if (!file.empty()) interrupt.remove_on_interrupt(file + ".tmp");  // AtomicFile's temporary
  const bool show_progress = !args.quiet && ::isatty(STDERR_FILENO);
  const auto start = std::chrono::steady_clock::now();
  Result<BuildReport> report = run_build(options, show_progress ? ProgressCallback(print_progress) : ProgressCallback());
  if (show_progress) std::fputs("\n", stderr);
  if (!report) {
    std::fprintf(stderr, "newsgraph build: %s\n", report.status().message().c_str());
    return kExitFailure;
  }
  return finish_graph(*report, args, start, "build", interrupt);
}

constexpr std::string_view kMergeUsage =
    "usage: newsgraph merge [-o OUTDIR] [--format graphml,dot,jsonld,...] [--base-iri IRI]\n"
    "                       [--models DIR] [--explain-merges FILE] [--explain-edges FILE]\n"
    "                       [--quiet] [--strict] EXTRACTION...\n\n"
    "Merges extraction files written by `newsgraph extract` into one graph, the same graph (the\n"
    "same bytes) that `newsgraph build` makes from all their inputs at once, whatever the order\n"
    "or grouping of the files. An article found in two files (same source and position) counts\n"
    "once: the one in the later file wins, so re-extracted articles replace the old ones.\n"
    "Options as for `newsgraph build` (docs/scale.md).\n";

int run_merge_command(std::span<const std::string> raw_args) {
  BuildArgs args;
  if (const std::string problem = parse_args(raw_args, args); !problem.empty()) {
    std::fprintf(stderr, "newsgraph merge: %s\n%.*s", problem.c_str(), static_cast<int>(kMergeUsage.size()),
                 kMergeUsage.data());
    return kExitFailure;
  }
  const std::string models_dir = models_dir_of(args);
  if (models_dir.empty()) {
    std::fprintf(stderr, "newsgraph merge: %s\n", kNoModels);
    return kExitFailure;
  }
  InterruptGuard interrupt("newsgraph merge");
  for (const std::string& file : {args.explain_merges, args.explain_edges})
    if (!file.empty()) interrupt.remove_on_interrupt(file + ".tmp");  // AtomicFile's temporary
  const auto start = std::chrono::steady_clock::now();
  Result<NameLexicon> lexicon = load_lexicon(models_dir);
  if (!lexicon) {
    std::fprintf(stderr, "newsgraph merge: %s\n", lexicon.status().message().c_str());
    return kExitFailure;
  }
  SpillFile spill;
  if (Status status = spill.open(); !status) {
    std::fprintf(stderr, "newsgraph merge: %s\n", status.message().c_str());
    return kExitFailure;
  }
  ExtractionRead read;
  read.articles.spill = &spill;
  for (const std::string& path : args.inputs) read_extraction_file(path, read);
  BuildReport report;
  report.input_files = args.inputs.size();
  report.articles = read.articles.size();
  report.errors = std::move(read.errors);
  Status merged = read.articles.status;
  if (merged) merged = merge_extractions(read.articles, *lexicon, report);
  if (!merged) {
    std::fprintf(stderr, "newsgraph merge: %s; nothing written\n", merged.message().c_str());
    return kExitFailure;
  }
  report.articles = report.graph.articles.size();
  return finish_graph(report, args, start, "merge", interrupt);
}

const CommandRegistration kBuild{Command{"build", "articles in, knowledge graph out (GraphML, DOT, JSON-LD, N-Quads, GEXF, SVG, PNG)",
                                         kUsage, &run_build_command}};
const CommandRegistration kMerge{Command{"merge", "extraction files (newsgraph extract) in, one knowledge graph out",
                                         kMergeUsage, &run_merge_command}};

}  // namespace
}  // namespace newsgraph::cli
