// The training loop of the dependency parser, independent of where sentences and tags come
// from (train.hpp reads the treebank and tags it): online training of the move and label
// perceptrons with the arc-hybrid dynamic oracle (Goldberg and Nivre 2012, 2013), exploring
// the model's own (possibly wrong) moves after the first epochs, and scoring on dev.
//
// Thread safety: single-threaded by design (reproducible models).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/parse/parser.hpp"

namespace newsgraph::parse {

// One treebank sentence as the trainer sees it: syntactic words with their (predicted) tags,
// the gold tree (heads: a word index, or words.size() for the root) and gold label ids.
struct TrainSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;
  std::vector<int> heads;
  std::vector<int> labels;
  std::vector<bool> punct;  // gold UPOS is PUNCT: excluded from UAS/LAS
};

struct TrainerOptions {
  int epochs = 15;
  int explore_after = 1;             // epochs of pure oracle moves before exploring
  double explore_probability = 0.9;  // then follow the model's own move with this probability
  std::uint64_t seed = 1;
  float prune_below = 0.0f;          // final model: drop rows whose |weights| are all below
};

struct Scores {
  double uas = 0.0;
  double las = 0.0;
  std::size_t tokens = 0;  // scored (non-punctuation) words
};

struct TrainerResult {
  ParserModel model;  // the averaged model of the best dev epoch, pruned
  Scores dev;
  int best_epoch = 0;
};

// Trains on `train` (non-projective trees are projectivised by lifting first; the caller's
// copies are not changed), picks the epoch with the best dev LAS. `label_names` sorted,
// containing "root"; every TrainSentence::labels entry indexes it.
TrainerResult train_model(const std::vector<TrainSentence>& train, const std::vector<TrainSentence>& dev,
                          const std::vector<std::string>& label_names, const TrainerOptions& options,
                          const std::function<void(std::string_view)>& log, const WordClasses& word_classes = {});

// UAS/LAS of `model` on `sentences` (punctuation excluded), parsing with their tags.
Scores evaluate(const ParserModel& model, const std::vector<TrainSentence>& sentences);

}  // namespace newsgraph::parse
