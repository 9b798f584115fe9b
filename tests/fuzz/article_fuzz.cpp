// libFuzzer target: the whole per-article pipeline. The input is read as a .txt file, each
// article goes through process_article() (tokenize, POS, NER, parse, extract) with the
// trained models, and the results through merge and build_graph. Small limits, so that
// the limit paths run too. The models are loaded once, from $NEWSGRAPH_MODELS or ./models
// (scripts/fuzz runs from the repository root).
// Run through scripts/fuzz; seeds in tests/fuzz/corpus/article/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "ingest/ingest.hpp"
#include "merge/merge.hpp"
#include "pipeline/annotators.hpp"
#include "tests/fuzz/fuzz_checks.hpp"

namespace {
std::unique_ptr<newsgraph::Annotators> annotators;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* env = std::getenv("NEWSGRAPH_MODELS");
  auto loaded = newsgraph::load_annotators(env && *env ? env : "models");
  if (!loaded) {
    std::fprintf(stderr, "article_fuzz: %s\n", loaded.status().message().c_str());
    std::exit(1);
  }
  annotators = std::move(*loaded);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsgraph;
  ingest::IngestOptions options;
  options.max_article_bytes = 2000;
  ingest::ReadReport read =
      ingest::read_bytes(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.txt", "txt", options);
  ArticleLimits limits;
  limits.max_sentence_tokens = 40;
  limits.max_entities = 6;
  std::vector<ArticleGraph> graphs;
  std::vector<std::string> warnings;
  for (Article& article : read.articles) {
    Document doc;
    doc.article = std::move(article);
    graphs.push_back(process_article(*annotators, doc, nullptr, limits, &warnings));
    fuzzing::check_tokens(doc, limits.max_sentence_tokens);
    fuzzing::require(graphs.back().entities.size() <= limits.max_entities, "more entities than max_entities");
  }
  MergedGraph merged = merge_articles(graphs, annotators->lexicon);
  const KnowledgeGraph kg = build_graph(std::move(merged.nodes), std::move(merged.sightings), std::move(merged.articles));
  (void)kg;
  return 0;
}
