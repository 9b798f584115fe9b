// Training and evaluation of the dependency parser on UD treebanks (UD English EWT).
//
// train_parser() reads the training and dev CoNLL-U files, tags them with newsgraph's own POS
// tagger so that the parser learns from the tags it will see at run time (train: JACKKNIFED,
// each of `folds` contiguous blocks tagged by a tagger trained on the other blocks with the
// POS model's own hyper-parameters; dev: tagged by the full POS model), trains with the
// dynamic oracle (trainer.hpp), keeps the epoch with the best dev LAS and writes the model.
// Syntactic words are parsed (multiword tokens split: "do" "n't"); empty nodes are skipped.
//
// Deterministic: the same files and options give the same model file, byte for byte
// (single thread, fixed seed, sorted rows).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/status.hpp"
#include "nlp/parse/parser.hpp"
#include "nlp/pos/pos_tagger.hpp"

namespace newsgraph {

struct ParserTrainOptions {
  std::string train_path;      // CoNLL-U
  std::string dev_path;        // CoNLL-U, for choosing the epoch
  std::string pos_model_path;  // tags dev; its hyper-parameters train the jackknife taggers
  std::string output_path;     // the model file, written atomically
  int epochs = 15;
  int folds = 10;                    // jackknife folds for the training tags (1: gold tags)
  int explore_after = 1;             // epochs of pure oracle moves before exploring
  double explore_probability = 0.9;  // then follow the model's own wrong move this often
  std::uint64_t seed = 1;
  float prune_below = 0.5f;          // drop averaged weights smaller than this
                                     // (0.5: model ~30 MB, dev scores unchanged; 1.0: 14 MB, -0.2 LAS)
  int class_min_count = 3;           // word classes: words seen at least this often ...
  double class_min_share = 0.1;      // ... keep the tags of at least this share
};

struct ParserTrainReport {
  double dev_uas = 0.0;  // of the model as saved (quantised weights)
  double dev_las = 0.0;
  int best_epoch = 0;
  std::size_t train_sentences = 0;
  std::size_t features = 0;  // move + label rows kept
  std::uint64_t model_bytes = 0;
  double seconds = 0.0;
};

// Trains and writes options.output_path. `log` receives progress lines (may be empty).
// Errors name the file that cannot be read or written.
Result<ParserTrainReport> train_parser(const ParserTrainOptions& options, std::function<void(std::string_view)> log);

struct ParserEvaluation {
  double uas = 0.0;  // percent, punctuation (gold UPOS PUNCT) excluded
  double las = 0.0;
  std::size_t tokens = 0;     // scored words
  std::size_t words = 0;      // all words parsed
  double tokens_per_s = 0.0;  // words parsed per second of this thread's CPU time (tagging excluded)
  double wall_tokens_per_s = 0.0;
};

// Tags the words of the CoNLL-U file at `path` with `tagger`, parses them and scores against
// the gold trees.
Result<ParserEvaluation> evaluate_parser(const DependencyParser& parser, const pos::PosTagger& tagger,
                                         const std::string& path);

}  // namespace newsgraph
