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

// The confidence of a mention from the decision margins of its tokens, in (0, 1).
float mention_score(std::span<const float> margins);

}  // namespace newsgraph::ner
