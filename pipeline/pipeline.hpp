// pipeline/: runs the stages over many inputs.
//
// ingest -> tokenize -> nlp -> extract runs per article on a pool of `jobs` threads;
// merge -> graph runs once, in input order, so the graph does not depend on the thread
// count or on the order the inputs were listed in. Nothing here prints: progress goes to a
// callback and problems into BuildReport.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "graph/knowledge_graph.hpp"
#include "ingest/ingest.hpp"
#include "merge/merge.hpp"
#include "pipeline/annotators.hpp"

namespace newsgraph {

struct PipelineOptions {
  std::vector<std::string> inputs;  // files and directories; "-" is JSON lines on stdin
  std::string stdin_name = "stdin";  // stdin's source name: article ids, messages, input order
  unsigned jobs = 0;                // worker threads; 0 = one per core
  std::string models_dir = "models";  // holds pos-en.model, ner-en.model, parser-en.model
  ingest::IngestOptions ingest;
  ArticleLimits limits;  // per-article limits (docs/limits.md)
};

// Where the models are when no folder is given: $NEWSGRAPH_MODELS, else ./models, else
// <executable folder>/../models (a build tree inside the repository), else
// <executable folder>/../share/newsgraph/models (an installed copy). Empty when none has them.
std::string find_models_dir(const std::string& executable_path);

// Wall time per stage, summed over threads (so with several jobs it exceeds elapsed time).
enum class Stage : std::size_t { Load, Ingest, Tokenize, Tag, Parse, Extract, Merge, Graph, kCount };
inline constexpr std::array<const char*, static_cast<std::size_t>(Stage::kCount)> kStageNames = {
    "load", "ingest", "tokenize", "tag", "parse", "extract", "merge", "graph"};

struct BuildReport {
  KnowledgeGraph graph;
  std::size_t input_files = 0;
  std::size_t articles = 0;
  std::size_t tokens = 0;
  std::size_t text_bytes = 0;
  std::vector<std::string> warnings;  // data repaired or skipped within a kept input
  std::vector<std::string> errors;    // inputs (or parts of them) rejected, each named
  std::array<double, static_cast<std::size_t>(Stage::kCount)> stage_seconds{};
  // Why each merged node holds its forms (issue 6); write with write_merge_explanations().
  MergeExplanations merge_explanations;
  // The temporary file that the graph's evidence sentences are read from when exported
  // (KnowledgeGraph::sentences), when the run made one.
  std::unique_ptr<SpillFile> spill;
};

// Progress: called on the calling thread, with articles done and articles known so far.
using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

// Reads, annotates and merges every input. Bad inputs are reported in BuildReport::errors
// and skipped; the Status fails only when the run cannot go on (e.g. a model cannot load).
Result<BuildReport> run_build(const PipelineOptions& options, const ProgressCallback& progress = {});

// Input order (issue 8): inputs are read in the byte order of their names (the path as listed,
// PipelineOptions::stdin_name for "-"), and each one's articles in file order. An article's place in that order is
// (its source name, its ordinal: the index among the articles read from that input), so that
// extractions made apart (shards, runs on other machines) can be put back in build's order.
using ExtractionSink = std::function<void(ArticleGraph&& graph, std::uint64_t ordinal)>;

// The per-article half of run_build: reads the inputs in bounded batches (a JSON-lines file
// or stdin in chunks of lines, so that no input is held whole), annotates and extracts each
// batch on `jobs` threads, and hands every article's graph to `sink` in input order, on the
// calling thread. Fills the counts, warnings, errors and stage times of the report; its
// graph stays empty.
Result<BuildReport> run_extract(const PipelineOptions& options, const ExtractionSink& sink,
                                const ProgressCallback& progress = {});

// The other half: merges the held article graphs (in any order; they are sorted by source
// name and ordinal first) into the report's graph, as run_build does; `articles` is left
// empty. When two articles have the same source, ordinal and article id, the later one in
// `articles` is kept (a warning says how many were not).
// Fails only when the articles' spilled evidence cannot be read back.
Status merge_extractions(HeldArticles& articles, const NameLexicon& lexicon, BuildReport& report);

}  // namespace newsgraph
