// Tests of the parser: training on hand-made trees, document-level heads, CoNLL-U output,
// model loading errors, and ([model]) the shipped model on a hand-written sentence.
#include "nlp/parse/parser.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "learn/model_file.hpp"
#include "learn/shuffle.hpp"
#include "nlp/parse/conllu_writer.hpp"
#include "nlp/parse/trainer.hpp"

namespace newsgraph {
namespace {

// Labels used by the hand-made trees, sorted as training sorts them.
const std::vector<std::string> kLabels = {"case", "det", "nsubj", "obj", "obl", "punct", "root"};
int label_id(const std::string& name) {
  for (std::size_t i = 0; i < kLabels.size(); ++i)
    if (kLabels[i] == name) return static_cast<int>(i);
  return -1;
}

parse::TrainSentence sentence(std::vector<std::string> words, std::vector<std::string> tags, std::vector<int> heads,
                              std::vector<std::string> labels) {
  parse::TrainSentence sent;
  sent.words = std::move(words);
  sent.tags = std::move(tags);
  const int n = static_cast<int>(heads.size());
  for (int& h : heads) h = h == 0 ? n : h - 1;  // CoNLL-U style 1-based heads in the literals
  sent.heads = std::move(heads);
  for (const auto& l : labels) sent.labels.push_back(label_id(l));
  sent.punct.assign(sent.words.size(), false);
  for (std::size_t i = 0; i < sent.words.size(); ++i) sent.punct[i] = sent.tags[i] == ".";
  return sent;
}

std::vector<parse::TrainSentence> toy_treebank() {
  return {
      sentence({"Putin", "met", "the", "envoy", "in", "Moscow", "."}, {"NNP", "VBD", "DT", "NN", "IN", "NNP", "."},
               {2, 0, 4, 2, 6, 2, 2}, {"nsubj", "root", "det", "obj", "case", "obl", "punct"}),
      sentence({"The", "minister", "visited", "Kyiv", "."}, {"DT", "NN", "VBD", "NNP", "."}, {2, 3, 0, 3, 3},
               {"det", "nsubj", "root", "obj", "punct"}),
      sentence({"Officials", "met", "in", "Geneva", "."}, {"NNS", "VBD", "IN", "NNP", "."}, {2, 0, 4, 2, 2},
               {"nsubj", "root", "case", "obl", "punct"}),
  };
}

// Walks random sentences through random legal moves and labels, comparing move_scores()
// (sums of the stack and buffer features kept from earlier states) with plain_move_scores()
// at every state, bit for bit; returns the number of states compared.
int compare_move_scores(const ParserModel& model, std::uint64_t seed, int sentences) {
  const std::vector<std::pair<std::string_view, std::string_view>> vocabulary = {
      {"Putin", "NNP"}, {"met", "VBD"}, {"the", "DT"}, {"envoy", "NN"}, {"in", "IN"}, {"Moscow", "NNP"},
      {".", "."}, {",", ","}, {"said", "VBD"}, {"talks", "NNS"}, {"would", "MD"}, {"resume", "VB"},
      {"on", "IN"}, {"Monday", "NNP"}, {"and", "CC"}, {"that", "IN"}, {"it", "PRP"}, {"was", "VBD"},
      {"very", "RB"}, {"long-term", "JJ"}, {"1,200", "CD"}, {"Kyiv's", "NNP"}, {"to", "TO"}, {"\u201c", "``"}};
  learn::Rng rng(seed);
  parse::Scratch scratch;
  int compared = 0;
  for (int s = 0; s < sentences; ++s) {
    const auto n = static_cast<std::size_t>(rng.below(40));
    std::vector<std::string_view> words, tags;
    for (std::size_t i = 0; i < n; ++i) {
      const auto& [word, tag] = vocabulary[rng.below(vocabulary.size())];
      words.push_back(word);
      tags.push_back(tag);
    }
    parse::State& state = scratch.state;
    state.reset(static_cast<int>(n));
    parse::start_sentence(model, words, tags, scratch);
    while (!state.terminal()) {
      float cached[parse::kNumMoves], plain[parse::kNumMoves];
      parse::move_scores(model, state, scratch, cached);
      parse::plain_move_scores(model, state, scratch, plain);
      CHECK(scratch.features.size() == parse::kMoveFeatures);
      CHECK(std::memcmp(cached, plain, sizeof cached) == 0);
      ++compared;
      parse::Move move;
      do move = static_cast<parse::Move>(rng.below(parse::kNumMoves));
      while (!state.legal(move));
      state.apply(move, static_cast<int>(rng.below(model.label_names.size())));
    }
  }
  return compared;
}

}  // namespace

TEST_CASE("move scores from kept stack and buffer sums are those of all the features", "[parse]") {
  // A toy model, with its move weights as a model file stores them (int16).
  ParserModel model = parse::train_model(toy_treebank(), {}, kLabels, {}, [](std::string_view) {}).model;
  std::string bytes;
  model.moves.serialize(bytes, learn::WeightEncoding::kInt16);
  auto moves = learn::Perceptron::deserialize(bytes);
  REQUIRE(moves);
  model.moves = std::move(*moves);
  REQUIRE(model.moves.integer_weights());
  CHECK(compare_move_scores(model, 7, 200) > 2000);
}

TEST_CASE("move scores of the shipped parser from kept sums are those of all the features", "[parse][model]") {
  auto parser = DependencyParser::load(NEWSGRAPH_SOURCE_DIR "/models/parser-en.model");
  REQUIRE(parser.is_ok());
  REQUIRE(parser->model().moves.integer_weights());
  CHECK(compare_move_scores(parser->model(), 11, 300) > 4000);
}

TEST_CASE("parser trained on hand-made trees parses them back", "[parse]") {
  const auto bank = toy_treebank();
  parse::TrainerOptions options;
  options.epochs = 10;
  const auto result = parse::train_model(bank, bank, kLabels, options, [](std::string_view) {});
  CHECK(result.dev.uas == Approx(100.0));
  CHECK(result.dev.las == Approx(100.0));

  const DependencyParser parser(result.model);
  const std::vector<std::string_view> words = {"Putin", "met", "the", "envoy", "in", "Moscow", "."};
  const std::vector<std::string_view> tags = {"NNP", "VBD", "DT", "NN", "IN", "NNP", "."};
  std::vector<Arc> arcs;
  parser.parse(words, tags, arcs);
  REQUIRE(arcs.size() == 7);
  CHECK(arcs[0].head == 1);
  CHECK(arcs[0].label == "nsubj");
  CHECK(arcs[1].head == -1);
  CHECK(arcs[1].label == "root");
  CHECK(arcs[3].head == 1);
  CHECK(arcs[3].label == "obj");

  SECTION("parse_document gives document-level heads and CoNLL-U gives sentence-level ones") {
    Document doc;
    doc.article.text = "Officials met in Geneva. Putin met the envoy in Moscow.";
    // Tokens by hand: "Officials" "met" "in" "Geneva" "." then the second sentence.
    const std::vector<std::pair<std::uint32_t, std::uint32_t>> spans = {
        {0, 9}, {10, 13}, {14, 16}, {17, 23}, {23, 24}, {25, 30}, {31, 34}, {35, 38}, {39, 44}, {45, 47}, {48, 54}, {54, 55}};
    for (auto [b, e] : spans) doc.tokens.push_back(Token{b, e});
    doc.sentences = {Sentence{0, 5}, Sentence{5, 12}};
    doc.pos = {"NNS", "VBD", "IN", "NNP", ".", "NNP", "VBD", "DT", "NN", "IN", "NNP", "."};
    parse_document(parser, doc);
    REQUIRE(doc.arcs.size() == 12);
    CHECK(doc.arcs[0].head == 1);
    CHECK(doc.arcs[1].head == -1);
    CHECK(doc.arcs[5].head == 6);  // Putin <- met, document indices
    CHECK(doc.arcs[6].head == -1);
    CHECK(doc.arcs[8].head == 6);
    const std::string conllu = to_conllu(doc);
    CHECK(conllu.find("# text = Putin met the envoy in Moscow.\n") != std::string::npos);
    CHECK(conllu.find("1\tPutin\t_\t_\tNNP\t_\t2\tnsubj\t_\t_\n") != std::string::npos);
    CHECK(conllu.find("6\tMoscow\t_\t_\tNNP\t_\t2\tobl\t_\tSpaceAfter=No\n") != std::string::npos);
  }
}

TEST_CASE("parser on an empty sentence gives no arcs", "[parse]") {
  const DependencyParser parser(parse::train_model(toy_treebank(), {}, kLabels, {}, [](std::string_view) {}).model);
  std::vector<Arc> arcs(3);
  parser.parse({}, {}, arcs);
  CHECK(arcs.empty());
}

TEST_CASE("parser model loader rejects what is not a parser model", "[parse]") {
  const std::string dir = std::filesystem::temp_directory_path().string();
  struct Case {
    std::string kind;
    std::uint32_t feature_set;
    std::string fragment;
  };
  const std::vector<Case> cases = {
      {"pos-tagger", parse::kFeatureVersion, "not a parser model"},
      {"parser", parse::kFeatureVersion + 1, "retrain"},
      {"parser", parse::kFeatureVersion, "lacks"},  // no sections
  };
  for (const auto& c : cases) {
    learn::ModelFile file;
    file.header.kind = c.kind;
    file.header.feature_set_version = c.feature_set;
    file.header.labels = {"nsubj", "root"};
    const std::string path = dir + "/newsgraph_parser_test.model";
    REQUIRE(learn::save_model(path, file).is_ok());
    auto loaded = DependencyParser::load(path);
    REQUIRE_FALSE(loaded.is_ok());
    CHECK(loaded.status().message().find(c.fragment) != std::string::npos);
    CHECK(loaded.status().message().find(path) != std::string::npos);
    std::remove(path.c_str());
  }
  CHECK_FALSE(DependencyParser::load(dir + "/no-such-parser.model").is_ok());
}

TEST_CASE("parser model finds subject and object of 'Putin met the envoy in Moscow.'", "[parse][model]") {
  auto parser = DependencyParser::load(NEWSGRAPH_SOURCE_DIR "/models/parser-en.model");
  REQUIRE(parser.is_ok());
  const std::vector<std::string_view> words = {"Putin", "met", "the", "envoy", "in", "Moscow", "."};
  const std::vector<std::string_view> tags = {"NNP", "VBD", "DT", "NN", "IN", "NNP", "."};
  std::vector<Arc> arcs;
  parser->parse(words, tags, arcs);
  REQUIRE(arcs.size() == 7);
  CHECK(arcs[1].head == -1);
  CHECK(arcs[0].head == 1);
  CHECK(arcs[0].label == "nsubj");
  CHECK(arcs[3].head == 1);
  CHECK(arcs[3].label == "obj");
  // "in Moscow" is not checked: attaching it to "envoy" (nmod) is a possible reading too.
}

}  // namespace newsgraph
