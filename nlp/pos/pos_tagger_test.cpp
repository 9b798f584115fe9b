#include "nlp/pos/pos_tagger.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

using namespace newsgraph;
using namespace newsgraph::pos;

namespace {
// A hand-written toy treebank (not from EWT): enough for the tagger to learn something.
std::vector<conllu::TreebankSentence> toy_bank() {
  const char* rows[][2] = {{"The dog runs .", "DT NN VBZ ."},       {"A cat sleeps .", "DT NN VBZ ."},
                           {"The cat runs fast .", "DT NN VBZ RB ."}, {"Dogs run .", "NNS VBP ."},
                           {"The old dog sleeps .", "DT JJ NN VBZ ."}, {"Cats sleep .", "NNS VBP ."}};
  std::vector<conllu::TreebankSentence> bank;
  for (int copy = 0; copy < 5; ++copy)
    for (const auto& row : rows) {
      conllu::TreebankSentence sent;
      std::istringstream words(row[0]), tags(row[1]);
      std::string w, t;
      while (words >> w && tags >> t) {
        conllu::TreebankWord word;
        word.form = w;
        word.xpos = t;
        sent.words.push_back(word);
      }
      bank.push_back(sent);
    }
  return bank;
}

std::vector<std::string> tag_words(const PosTagger& tagger, const std::vector<std::string_view>& words) {
  std::vector<std::string_view> tags;
  tagger.tag(words, tags);
  return std::vector<std::string>(tags.begin(), tags.end());
}
}  // namespace

TEST_CASE("pos tagger trains, saves and loads to the same tags, deterministically", "[pos]") {
  const auto bank = toy_bank();
  PosTrainOptions options;
  options.max_epochs = 5;
  const PosTagger tagger = train_pos_tagger(bank, &bank, options, {});
  CHECK(evaluate_pos(tagger, bank).accuracy > 95.0);
  const std::vector<std::string_view> words = {"The", "dog", "sleeps", "."};
  CHECK(tag_words(tagger, words) == std::vector<std::string>{"DT", "NN", "VBZ", "."});

  const auto dir = std::filesystem::temp_directory_path() / "newsgraph_pos_test";
  std::filesystem::create_directories(dir);
  const std::string path1 = (dir / "a.model").string(), path2 = (dir / "b.model").string();
  REQUIRE(tagger.save(path1));
  REQUIRE(train_pos_tagger(bank, &bank, options, {}).save(path2));
  auto bytes1 = learn::read_file(path1), bytes2 = learn::read_file(path2);
  REQUIRE(bytes1);
  CHECK(*bytes1 == *bytes2);  // same data and seed: same bytes

  auto loaded = PosTagger::load(path1);
  REQUIRE(loaded);
  CHECK(loaded->tags() == tagger.tags());
  for (const auto& sent : bank) {
    std::vector<std::string_view> w;
    for (const auto& word : sent.words) w.push_back(word.form);
    CHECK(tag_words(*loaded, w) == tag_words(tagger, w));
  }
}

TEST_CASE("tag_pos fills one tag per token, sentence by sentence", "[pos]") {
  const auto bank = toy_bank();
  const PosTagger tagger = train_pos_tagger(bank, nullptr, PosTrainOptions{}, {});
  Document doc;
  doc.article.text = "The dog runs. Cats sleep.";
  doc.tokens = {{0, 3}, {4, 7}, {8, 12}, {12, 13}, {14, 18}, {19, 24}, {24, 25}};
  doc.sentences = {{0, 4}, {4, 7}};
  tag_pos(tagger, doc);
  CHECK(doc.pos == std::vector<std::string>{"DT", "NN", "VBZ", ".", "NNS", "VBP", "."});
}

TEST_CASE("pos tagger refuses a model of another kind", "[pos]") {
  learn::ModelFile file;
  file.header.kind = "ner-tagger";
  file.header.labels = {"O"};
  auto result = PosTagger::from_model(file, "models/x.model");
  REQUIRE_FALSE(result);
  CHECK(result.status().message().find("models/x.model: a 'ner-tagger' model, not a POS tagger") == 0);
}

#include <map>

#include "nlp/pos/pos_features.hpp"

TEST_CASE("WordNet signature: lemma bits and regular inflections", "[pos]") {
  const std::map<std::string, std::string> lexicon = {{"walk", "nv"}, {"happy", "a"}, {"city", "n"}, {"ran", "V"}};
  std::map<std::uint64_t, std::uint32_t> index;
  for (const auto& [word, letters] : lexicon) index[detail::wordnet_key(word)] = detail::wordnet_bits(letters);
  auto wordnet = [&](std::uint64_t key) {
    const auto it = index.find(key);
    return it == index.end() ? 0u : it->second;
  };
  std::string base;
  CHECK(detail::wordnet_bits("ARanrv") == 0xcf);  // A R a n r v
  CHECK(detail::wordnet_signature("walk", wordnet, base) == 3u);
  CHECK(detail::wordnet_signature("walked", wordnet, base) == (1u << 10));
  CHECK(detail::wordnet_signature("walks", wordnet, base) == ((1u << 8) | (1u << 9)));
  CHECK(detail::wordnet_signature("walking", wordnet, base) == (1u << 11));
  CHECK(detail::wordnet_signature("cities", wordnet, base) == (1u << 8));
  CHECK(detail::wordnet_signature("happiest", wordnet, base) == 0u);  // -iest is not a morphy rule
  CHECK(detail::wordnet_signature("ran", wordnet, base) == 32u);
  CHECK(detail::wordnet_signature("putin", wordnet, base) == 0u);
}
