// Internals of nlp/ner shared by ner.cpp and train.cpp; not part of the API.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "learn/model_file.hpp"
#include "learn/perceptron.hpp"
#include "nlp/ner/ner.hpp"
#include "nlp/ner/tagger.hpp"

namespace newsgraph::ner {

inline constexpr std::string_view kModelKind = "ner-tagger";

struct NerModel::Impl {
  learn::ModelHeader header;
  TaggerConfig config;
  float score_bias = 0.3f, score_scale = 0.075f;
  Gazetteer gazetteer;
  learn::Perceptron weights;
};

// The PTB forms of a run of tokens, stored contiguously.
struct FormStore {
  std::string arena;
  std::vector<std::string_view> forms;
  void assign(std::span<const std::string_view> tokens);
};

// The tagger input of a CoNLL document (all its sentences, in order); `pos`, when non-null,
// holds one tag list per sentence.
void conll_input(const ConllDocument& doc, const std::vector<std::vector<std::string>>* pos, FormStore& store,
                 TaggerInput& input);

// Loads the POS tagger (nlp/pos) used for POS features.
Result<std::shared_ptr<const pos::PosTagger>> load_pos_tagger(const std::string& path);

// POS tags of every sentence of `doc` from our tagger (nlp/pos). REQUIRES: pos non-null.
std::vector<std::vector<std::string>> pos_tags(const pos::PosTagger* pos, const ConllDocument& doc);

// News titles are often in title case ("Talks Drag On Past Midnight"), which CoNLL-2003
// never shows: there, headlines are in capitals. A sentence whose every word is capitalised
// but title case's minor words ("of", "and", "the", ...), at least three of them, is
// upper-cased for the features, so the tagger reads it the way it learnt to read headlines.
// Upper-case copies go to `upper`.
void fold_title_case(TaggerInput& input, std::string& upper);

// How a mention's score is computed from the decision margins of its tokens: the logistic
// of bias + scale * max(smallest margin, kMarginFloor), with bias and scale fitted on dev by
// train_ner() (logistic regression of "the mention is right") and stored in the header.
inline constexpr float kMarginFloor = -5.0f;
struct ScoreCalibration {
  float bias = 0.3f;
  float scale = 0.075f;
};
float mention_score(std::span<const float> margins, const ScoreCalibration& calibration);
float smallest_margin(std::span<const float> margins);

}  // namespace newsgraph::ner
