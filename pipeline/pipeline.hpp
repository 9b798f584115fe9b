// pipeline/: runs the stages over many inputs.
//
// ingest -> tokenize -> nlp -> extract runs per article on a pool of `jobs` threads;
// merge -> graph runs once, in input order, so the graph does not depend on the thread
// count or on the order the inputs were listed in. Nothing here prints: progress goes to a
// callback and problems into BuildReport.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "graph/knowledge_graph.hpp"
#include "ingest/ingest.hpp"
#include "merge/merge.hpp"

namespace newsgraph {

struct PipelineOptions {
  std::vector<std::string> inputs;  // files and directories
  unsigned jobs = 0;                // worker threads; 0 = one per core
  ingest::IngestOptions ingest;
  // Gazetteer (data/gazetteers.tsv format) that fills the entity-resolution NameLexicon
  // beside its built-in table (extract/lexicon.hpp); empty: the built-in table only.
  std::string gazetteer;
};

// Wall time per stage, summed over threads (so with several jobs it exceeds elapsed time).
enum class Stage : std::size_t { Ingest, Tokenize, Tag, Extract, Merge, Graph, kCount };
inline constexpr std::array<const char*, static_cast<std::size_t>(Stage::kCount)> kStageNames = {
    "ingest", "tokenize", "tag", "extract", "merge", "graph"};

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
};

// Progress: called on the calling thread, with articles done and articles known so far.
using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

// Reads, annotates and merges every input. Bad inputs are reported in BuildReport::errors
// and skipped; the Status fails only when the run cannot go on (e.g. a model cannot load).
Result<BuildReport> run_build(const PipelineOptions& options, const ProgressCallback& progress = {});

}  // namespace newsgraph
