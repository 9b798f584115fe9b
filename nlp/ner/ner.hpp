// The named-entity tagger: finds PER / ORG / LOC / MISC mentions in tokenized text.
//
// An averaged perceptron over BILOU labels (Ratinov & Roth 2009 style) with local, POS,
// gazetteer and document-level features (nlp/ner/tagger.hpp lists them), trained greedily
// left to right on CoNLL-2003 by train_ner() (`newsgraph train ner`) and decoded with a
// small beam over well-formed BILOU sequences. The model file (learn/model_file.hpp,
// docs/model-format.md) has kind "ner-tagger", the 17 BILOU labels, hyper-parameters, seed,
// training-data sha256 and dev scores in its header, and two sections: "gazetteer" (the
// gazetteer it was trained with, so one file is enough) and "weights".
//
// Types map to the graph as PER -> Person, ORG -> Organization, LOC -> Place,
// MISC -> Misc (nationalities, events, works: kept for demonyms, never a graph node).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/document.hpp"
#include "core/status.hpp"
#include "learn/model_file.hpp"
#include "nlp/ner/conll.hpp"
#include "nlp/ner/gazetteer.hpp"

namespace newsgraph::pos {
class PosTagger;
}

namespace newsgraph::ner {

// A loaded model. Immutable once loaded: tag_entities() may run on many threads at once
// with one NerModel. Movable, not copyable.
class NerModel {
 public:
  // Loads a model written by train_ner(). Fails (naming the file) on a missing or corrupt
  // file, a model of another kind, or a feature-set version this build does not know.
  static Result<NerModel> load(const std::string& path);

  NerModel(NerModel&&) noexcept;
  NerModel& operator=(NerModel&&) noexcept;
  ~NerModel();

  const learn::ModelHeader& header() const;
  // True when the model was trained with POS features: callers must fill Document::pos
  // with the POS tagger (models/pos-en.model) before tag_entities().
  bool uses_pos() const;
  const Gazetteer& gazetteer() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit NerModel(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Reads doc.tokens, doc.sentences (a document without sentences is tagged as one sentence)
// and doc.pos (used when model.uses_pos() and doc.pos has one tag per token); writes
// doc.mentions: sorted by first_token, non-overlapping, never crossing a sentence boundary,
// score in (0, 1] (the least confident decision inside the mention, squashed). Token texts
// are read through ptb_form() (tokenize/normalize.hpp), so curly quotes match training text.
// Thread safety: safe to call concurrently on different documents.
void tag_entities(const NerModel& model, Document& doc);

// Tags CoNLL sentences (the tokens of a ConllDocument; POS tags from `pos` when the model
// uses them) and returns the predicted entities of each sentence.
std::vector<std::vector<Span>> tag_conll(const NerModel& model, const ConllDocument& doc,
                                         const pos::PosTagger* pos = nullptr);

struct NerEvaluation {
  SpanScores scores;
  std::uint64_t tokens = 0;
  std::uint64_t sentences = 0;
  // CPU seconds of the calling thread.
  double tag_seconds = 0;  // NER feature extraction and decoding only (not POS, not reading)
  double pos_seconds = 0;  // POS tagging of the file, when the model uses POS
  double tokens_per_s() const { return tag_seconds > 0 ? tokens / tag_seconds : 0; }
};

// Tags a CoNLL-2003 file and scores it conlleval-style (exact span and type). `pos` is
// required when model.uses_pos(). Fails on an unreadable or malformed file.
Result<NerEvaluation> evaluate_ner(const NerModel& model, const std::string& path, const pos::PosTagger* pos = nullptr);

struct NerTrainOptions {
  std::string train_path;
  std::string dev_path;  // for early stopping and the dev scores in the header
  std::string gazetteer_path = "data/gazetteers.tsv";
  std::string pos_model_path;  // empty: no POS features
  std::string output_path;
  std::uint32_t max_epochs = 30;
  std::uint32_t patience = 4;  // stop after this many epochs without a better dev F1
  std::uint64_t seed = 20030531;
  float prune_below = 0.0f;  // drop weights rows whose averaged weights are all below this
  std::uint32_t beam = 4;    // decoding beam (training itself is greedy); 1 = greedy
};

struct NerTrainReport {
  std::uint32_t epochs_run = 0;
  std::uint32_t best_epoch = 0;
  SpanScores dev;
  std::size_t num_features = 0;
  double seconds = 0;
};

// Trains on options.train_path, picks the epoch with the best dev F1 and writes the model
// to options.output_path atomically. Deterministic: the same data, options and build give
// the same model bytes. `log` receives one line per epoch.
Result<NerTrainReport> train_ner(const NerTrainOptions& options, const std::function<void(std::string_view)>& log);

}  // namespace newsgraph::ner
