// Annotators: the trained models of nlp/ plus the name lexicon, loaded once and shared
// read-only by every worker; and the per-article run of the stages over one Document.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/status.hpp"
#include "extract/lexicon.hpp"
#include "nlp/ner/ner.hpp"
#include "nlp/parse/parser.hpp"
#include "nlp/pos/pos_tagger.hpp"
#include "tokenize/tokenize.hpp"

namespace newsgraph {

// The model files under a models folder.
inline constexpr const char* kPosModelFile = "pos-en.model";
inline constexpr const char* kNerModelFile = "ner-en.model";
inline constexpr const char* kParserModelFile = "parser-en.model";

// Immutable once loaded; safe to share between threads.
struct Annotators {
  pos::PosTagger pos;
  ner::NerModel ner;
  DependencyParser parser;
  NameLexicon lexicon;  // built-in table plus the gazetteer the NER model carries
};

// Loads the three models from `models_dir`. Fails naming the file that could not load (the
// first of POS, NER, parser that fails, whatever `threads`). With `threads` >= 2 the taggers
// load on a second thread while this one loads the parser.
Result<std::unique_ptr<Annotators>> load_annotators(const std::string& models_dir, unsigned threads = 1);

// Only the name lexicon (built-in table plus the NER model's gazetteer), for merging
// extraction files without loading the taggers and the parser.
Result<NameLexicon> load_lexicon(const std::string& models_dir);

// Seconds spent in each step of process_article(), for the pipeline's stage figures.
struct ArticleTimings {
  double tokenize_s = 0;
  double tag_s = 0;
  double parse_s = 0;
  double extract_s = 0;
};

// The default of `newsgraph build --max-entities-per-article`: far above any news article
// (a few dozen); reached only by lists and tables of names.
inline constexpr std::size_t kMaxEntitiesPerArticle = 1000;

// Per-article limits (docs/limits.md). A limit hit is a warning, never a failure.
struct ArticleLimits {
  // Longer sentences are cut into pieces of at most this many tokens (tokenize.hpp).
  std::size_t max_sentence_tokens = kMaxSentenceTokens;
  // An article with more entities keeps the ones with the most mentions (ties: the first
  // met), with the relations between them; the rest is dropped.
  std::size_t max_entities = kMaxEntitiesPerArticle;
};

// Tokenizes, tags, parses and extracts one article: its ArticleGraph. `doc` keeps the
// annotations (tokens, pos, mentions, arcs) for callers that want them; `timings`, when
// given, receives the time of each step. Each limit hit adds one line naming the article
// to `warnings`, when given:
//   "a.txt: 3 sentences longer than 200 tokens split (max_sentence_tokens)"
//   "a.jsonl (article 17): 1543 entities, kept the 1000 most mentioned (max_entities_per_article)"
ArticleGraph process_article(const Annotators& annotators, Document& doc, ArticleTimings* timings = nullptr,
                             const ArticleLimits& limits = {}, std::vector<std::string>* warnings = nullptr);

// process_article() over a group of articles, step by step: all are tokenized, then all
// POS-tagged, then all NER-tagged, parsed and extracted, so that each model's most used
// weights stay in the caches for the whole group rather than being pushed out by the next
// model at every article (issue 8: about 10% less time than article by article). graphs[k],
// timings[k] and warnings[k] are docs[k]'s; the results do not depend on the grouping.
// REQUIRES: graphs, timings and warnings as long as docs.
void process_articles(const Annotators& annotators, std::span<Document> docs, std::span<ArticleGraph> graphs,
                      std::span<ArticleTimings> timings, const ArticleLimits& limits,
                      std::span<std::vector<std::string>> warnings);

// Keeps the `max_entities` entities of `graph` with the most mentions (ties: lower index),
// in their order, and the relations and references between kept entities. Returns how many
// entities `graph` had.
std::size_t cap_entities(ArticleGraph& graph, std::size_t max_entities);

}  // namespace newsgraph
