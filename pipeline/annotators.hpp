// Annotators: the trained models of nlp/ plus the name lexicon, loaded once and shared
// read-only by every worker; and the per-article run of the stages over one Document.
#pragma once

#include <memory>
#include <string>

#include "core/document.hpp"
#include "core/status.hpp"
#include "extract/lexicon.hpp"
#include "nlp/ner/ner.hpp"
#include "nlp/parse/parser.hpp"
#include "nlp/pos/pos_tagger.hpp"

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

// Loads the three models from `models_dir`. Fails naming the file that could not load.
Result<std::unique_ptr<Annotators>> load_annotators(const std::string& models_dir);

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

// Tokenizes, tags, parses and extracts one article: its ArticleGraph. `doc` keeps the
// annotations (tokens, pos, mentions, arcs) for callers that want them; `timings`, when
// given, receives the time of each step.
ArticleGraph process_article(const Annotators& annotators, Document& doc, ArticleTimings* timings = nullptr);

}  // namespace newsgraph
