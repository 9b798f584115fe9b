// Tests of nlp/ner: IOB1 reading, BILOU labels and constraints, conlleval scoring,
// gazetteer matching, and (tag [model]) a floor on hand-written sentences with the shipped
// model. Every sentence here is written for the test, not taken from CoNLL-2003.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "learn/model_file.hpp"
#include "nlp/ner/conll.hpp"
#include "nlp/ner/gazetteer.hpp"
#include "nlp/ner/labels.hpp"
#include "nlp/ner/model_impl.hpp"
#include "nlp/ner/ner.hpp"
#include "nlp/ner/tagger.hpp"
#include "tokenize/tokenize.hpp"

#if __has_include("nlp/pos/pos_tagger.hpp")
#include "nlp/pos/pos_tagger.hpp"
#define NER_TEST_HAS_POS 1
#endif

using namespace newsgraph;
using namespace newsgraph::ner;

namespace {

std::vector<Span> iob1(std::vector<std::string_view> tags) {
  auto spans = spans_from_iob1(tags);
  REQUIRE(spans.is_ok());
  return *spans;
}

Span span(std::uint32_t first, std::uint32_t end, NerType type) { return Span{first, end, type}; }

}  // namespace

TEST_CASE("IOB1 tags give entity spans, B- starting an entity after one of the same type", "[ner]") {
  struct Case {
    std::vector<std::string_view> tags;
    std::vector<Span> want;
  };
  const std::vector<Case> cases = {
      {{"O", "O"}, {}},
      {{"I-PER", "I-PER", "O"}, {span(0, 2, NerType::Per)}},
      {{"I-ORG", "I-LOC"}, {span(0, 1, NerType::Org), span(1, 2, NerType::Loc)}},
      {{"I-MISC", "B-MISC", "I-MISC"}, {span(0, 1, NerType::Misc), span(1, 3, NerType::Misc)}},
      {{"I-MISC", "B-MISC"}, {span(0, 1, NerType::Misc), span(1, 2, NerType::Misc)}},
      // B- after O (two tokens of the training file do this): still one entity start.
      {{"O", "B-MISC", "I-MISC"}, {span(1, 3, NerType::Misc)}},
      {{"B-LOC"}, {span(0, 1, NerType::Loc)}},
      {{"I-PER", "O", "I-PER"}, {span(0, 1, NerType::Per), span(2, 3, NerType::Per)}},
  };
  for (const Case& c : cases) CHECK(iob1(c.tags) == c.want);
}

TEST_CASE("IOB1 reading rejects unknown tags, naming them", "[ner]") {
  const std::vector<std::pair<std::vector<std::string_view>, std::string>> bad = {
      {{"O", "I-FOO"}, "'I-FOO'"},
      {{"E-PER"}, "'E-PER'"},
      {{"I-"}, "'I-'"},
  };
  for (const auto& [tags, fragment] : bad) {
    auto spans = spans_from_iob1(tags);
    REQUIRE_FALSE(spans.is_ok());
    CHECK(spans.status().message().find(fragment) != std::string::npos);
  }
}

TEST_CASE("the CoNLL reader keeps documents and sentences and skips -DOCSTART-", "[ner]") {
  const std::string text =
      "-DOCSTART- -X- O O\n\n"
      "Maria NNP I-NP I-PER\nSchneider NNP I-NP I-PER\nvisited VBD I-VP O\nLyon NNP I-NP I-LOC\n. . O O\n\n"
      "She PRP I-NP O\nleft VBD I-VP O\n. . O O\n\n"
      "-DOCSTART- -X- O O\n\n"
      "Acme NNP I-NP I-ORG\nWidgets NNPS I-NP I-ORG\n";
  auto docs = parse_conll(text, "test.txt");
  REQUIRE(docs.is_ok());
  REQUIRE(docs->size() == 2);
  REQUIRE((*docs)[0].sentences.size() == 2);
  CHECK((*docs)[0].sentences[0].tokens.size() == 5);
  CHECK((*docs)[0].sentences[0].entities == std::vector<Span>{span(0, 2, NerType::Per), span(3, 4, NerType::Loc)});
  CHECK((*docs)[1].sentences[0].entities == std::vector<Span>{span(0, 2, NerType::Org)});

  auto bad = parse_conll("Word NNP I-NP I-XYZ\n", "bad.txt");
  REQUIRE_FALSE(bad.is_ok());
  CHECK(bad.status().message().find("bad.txt:1") != std::string::npos);
}

TEST_CASE("BILOU encoding round-trips and respects the transition constraints", "[ner]") {
  const std::vector<Span> spans = {span(0, 1, NerType::Per), span(2, 5, NerType::Org), span(5, 7, NerType::Loc)};
  const auto labels = encode_bilou(spans, 8);
  CHECK(label_name(labels[0]) == "U-PER");
  CHECK(label_name(labels[1]) == "O");
  CHECK(label_name(labels[2]) == "B-ORG");
  CHECK(label_name(labels[3]) == "I-ORG");
  CHECK(label_name(labels[4]) == "L-ORG");
  CHECK(label_name(labels[5]) == "B-LOC");
  CHECK(label_name(labels[6]) == "L-LOC");
  CHECK(decode_bilou(labels) == spans);
  // Every step of a well-formed sequence is allowed.
  Label prev = kOutside;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    CHECK(allowed(prev, labels[i], i + 1 == labels.size()));
    prev = labels[i];
  }
  const Label b_per = make_label(NerType::Per, Part::B), i_per = make_label(NerType::Per, Part::I);
  const Label l_per = make_label(NerType::Per, Part::L), u_org = make_label(NerType::Org, Part::U);
  const Label l_org = make_label(NerType::Org, Part::L);
  CHECK_FALSE(allowed(kOutside, i_per, false));  // I without B
  CHECK_FALSE(allowed(kOutside, l_per, false));  // L without B
  CHECK_FALSE(allowed(b_per, kOutside, false));  // an open entity must close
  CHECK_FALSE(allowed(b_per, l_org, false));     // ... with its own type
  CHECK_FALSE(allowed(b_per, u_org, false));
  CHECK_FALSE(allowed(kOutside, b_per, true));   // no B on the last token
  CHECK_FALSE(allowed(b_per, i_per, true));      // no I on the last token
  CHECK(allowed(b_per, l_per, true));
  CHECK(allowed(l_per, u_org, false));
  // Ill-formed sequences decode leniently: every typed token lands in one span.
  const std::vector<Label> broken = {i_per, kOutside, b_per, u_org, l_org};
  CHECK(decode_bilou(broken) ==
        std::vector<Span>{span(0, 1, NerType::Per), span(2, 3, NerType::Per), span(3, 4, NerType::Org),
                          span(4, 5, NerType::Org)});
}

TEST_CASE("span scoring counts exact span-and-type matches as conlleval does", "[ner]") {
  SpanScores scores;
  // Sentence 1: one right, one wrong type, one missed.
  scores.add(std::vector<Span>{span(0, 2, NerType::Per), span(3, 4, NerType::Loc), span(6, 7, NerType::Org)},
             std::vector<Span>{span(0, 2, NerType::Per), span(3, 4, NerType::Org)});
  // Sentence 2: a boundary error and a spurious entity.
  scores.add(std::vector<Span>{span(1, 3, NerType::Org)},
             std::vector<Span>{span(1, 2, NerType::Org), span(4, 5, NerType::Misc)});
  const TypeCounts& per = scores.per_type[static_cast<int>(NerType::Per)];
  CHECK(per.gold == 1);
  CHECK(per.correct == 1);
  CHECK(per.f1() == Approx(100.0));
  const TypeCounts& org = scores.per_type[static_cast<int>(NerType::Org)];
  CHECK(org.gold == 2);
  CHECK(org.predicted == 2);
  CHECK(org.correct == 0);
  const TypeCounts all = scores.micro();
  CHECK(all.gold == 4);
  CHECK(all.predicted == 4);
  CHECK(all.correct == 1);
  CHECK(all.precision() == Approx(25.0));
  CHECK(all.recall() == Approx(25.0));
  CHECK(all.f1() == Approx(25.0));
}

TEST_CASE("gazetteer takes the longest match per type, case-insensitively", "[ner]") {
  const std::string tsv =
      "# test gazetteer\n"
      "New York\tLOC.city\tgeonames\t\n"
      "New York City\tLOC.city\tgeonames\t\n"
      "York\tLOC.city\tgeonames\t\n"
      "York\tPER.last\twordnet\t\n"
      "Bay of Fundy\tLOC.wn\twordnet\t\n"
      "Norwegian\tMISC.demonym\twordnet\tNorway\n"
      "People's Party\tORG.wn\twordnet\t\n";
  auto gaz = Gazetteer::parse(tsv, "test.tsv");
  REQUIRE(gaz.is_ok());
  CHECK(gaz->num_entries() == 7);
  CHECK(gaz->type_names() == std::vector<std::string>{"LOC.city", "LOC.wn", "MISC.demonym", "ORG.wn", "PER.last"});

  const auto marks_of = [&](std::vector<std::string_view> tokens) {
    std::vector<std::uint64_t> keys;
    for (const auto token : tokens) keys.push_back(Gazetteer::key_of(token));
    std::vector<GazetteerMark> marks;
    gaz->match(tokens, keys, marks);
    std::vector<std::string> out;
    for (const auto& mark : marks) {
      const char* parts = "BILU";
      out.push_back(std::to_string(mark.token) + ":" + gaz->type_names()[mark.type] + ":" +
                    parts[static_cast<int>(mark.part)]);
    }
    return out;
  };
  // Each type has its own longest matches: "York" is also a surname.
  CHECK(marks_of({"in", "NEW", "YORK", "CITY", "today"}) ==
        std::vector<std::string>{"1:LOC.city:B", "2:LOC.city:I", "2:PER.last:U", "3:LOC.city:L"});
  CHECK(marks_of({"York", "said"}) == std::vector<std::string>{"0:LOC.city:U", "0:PER.last:U"});
  // A match starts and ends on a capitalised token; a lower-case word inside is fine.
  CHECK(marks_of({"the", "Bay", "of", "Fundy"}) ==
        std::vector<std::string>{"1:LOC.wn:B", "2:LOC.wn:I", "3:LOC.wn:L"});
  CHECK(marks_of({"new", "york"}).empty());
  CHECK(marks_of({"People", "'s", "Party"}).size() == 3);
  CHECK(gaz->demonym_place("Norwegian") == "Norway");
  CHECK(gaz->demonym_place("NORWEGIAN") == "Norway");
  CHECK(gaz->demonym_place("Norway").empty());

  // serialize() is read back by parse() to the same entries.
  auto again = Gazetteer::parse(gaz->serialize(), "again");
  REQUIRE(again.is_ok());
  CHECK(again->serialize() == gaz->serialize());

  auto bad = Gazetteer::parse("just a name\n", "bad.tsv");
  REQUIRE_FALSE(bad.is_ok());
  CHECK(bad.status().message().find("bad.tsv:1") != std::string::npos);
}

TEST_CASE("title-case sentences are upper-cased for the features, sentence case is not", "[ner]") {
  const auto fold = [](std::vector<std::string_view> forms) {
    TaggerInput input;
    input.forms = forms;
    input.sentences.push_back({0, static_cast<std::uint32_t>(forms.size())});
    std::string upper;
    fold_title_case(input, upper);
    std::string joined;
    for (const auto form : input.forms) joined += std::string(form) + " ";
    return joined;
  };
  CHECK(fold({"Talks", "Drag", "On", "Past", "Midnight", "in", "the", "Capital"}) ==
        "TALKS DRAG ON PAST MIDNIGHT IN THE CAPITAL ");
  CHECK(fold({"Anna", "Berg", "met", "Carl", "Dahl", "in", "Oslo", "."}) == "Anna Berg met Carl Dahl in Oslo . ");
  CHECK(fold({"Rain", "Expected"}) == "Rain Expected ");  // too short to tell
}

TEST_CASE("the shipped NER model finds people, places and organisations in new sentences", "[ner][model]") {
  const std::string path = std::string(NEWSGRAPH_SOURCE_DIR) + "/models/ner-en.model";
  auto model = NerModel::load(path);
  REQUIRE(model.is_ok());
#ifdef NER_TEST_HAS_POS
  std::optional<pos::PosTagger> pos_tagger;
  if (model->uses_pos()) {
    auto loaded = pos::PosTagger::load(std::string(NEWSGRAPH_SOURCE_DIR) + "/models/pos-en.model");
    REQUIRE(loaded.is_ok());
    pos_tagger.emplace(std::move(*loaded));
  }
#endif
  struct Case {
    std::string text;
    std::vector<std::pair<std::string, EntityType>> want;
  };
  const std::vector<Case> cases = {
      {"Angela Merkel met Emmanuel Macron in Berlin on Monday.",
       {{"Angela Merkel", EntityType::Person}, {"Emmanuel Macron", EntityType::Person}, {"Berlin", EntityType::Place}}},
      {"The United Nations said on Tuesday that aid had reached Kabul.",
       {{"United Nations", EntityType::Organization}, {"Kabul", EntityType::Place}}},
      {"Shares of Microsoft rose 3 percent in New York after the report.",
       {{"Microsoft", EntityType::Organization}, {"New York", EntityType::Place}}},
      {"Prime Minister Narendra Modi flew to Tokyo for talks with Japanese officials.",
       {{"Narendra Modi", EntityType::Person}, {"Tokyo", EntityType::Place}, {"Japanese", EntityType::Misc}}},
      {"Police in Madrid arrested two men on Friday, a spokesman for the Interior Ministry said.",
       {{"Madrid", EntityType::Place}, {"Interior Ministry", EntityType::Organization}}},
  };
  int found = 0, total = 0;
  std::string misses;
  for (const Case& c : cases) {
    Document doc;
    doc.article.text = c.text;
    tokenize(doc);
#ifdef NER_TEST_HAS_POS
    if (pos_tagger) tag_pos(*pos_tagger, doc);
#endif
    tag_entities(*model, doc);
    for (const auto& mention : doc.mentions) {
      CHECK(mention.score > 0.0f);
      CHECK(mention.score <= 1.0f);
    }
    for (const auto& [name, type] : c.want) {
      ++total;
      bool hit = false;
      for (const auto& mention : doc.mentions)
        hit |= doc.span_text(mention.first_token, mention.end_token) == name && mention.type == type;
      if (hit) ++found;
      else misses += " '" + name + "'";
    }
  }
  INFO("missed:" << misses);
  // Want at least 11 of the 13 entities (exact span and type); the model gets all of them.
  CHECK(found >= 11);
}

TEST_CASE("NER decoding in integer units gives the labels and margins of float scoring, to the bit", "[ner][model]") {
  // The shipped model's weights are int16 multiples of one quantum, so decode() keeps the
  // token rows in units (learn::Perceptron::score_units); the same weights read as float32
  // are scored by the float path. Labels and margins must not differ, greedy or beam.
  auto file = learn::load_model(std::string(NEWSGRAPH_SOURCE_DIR) + "/models/ner-en.model");
  REQUIRE(file.is_ok());
  auto gazetteer = Gazetteer::parse(file->section("gazetteer")->bytes, "gazetteer");
  REQUIRE(gazetteer.is_ok());
  auto weights = learn::Perceptron::deserialize(file->section("weights")->bytes);
  REQUIRE(weights.is_ok());
  REQUIRE(weights->integer_weights());
  std::string float_bytes;
  weights->serialize(float_bytes, learn::WeightEncoding::kFloat32);
  auto float_weights = learn::Perceptron::deserialize(float_bytes);
  REQUIRE(float_weights.is_ok());
  REQUIRE_FALSE(float_weights->integer_weights());

  const std::string text =
      "Angela Merkel met Emmanuel Macron in Berlin on Monday . Merkel said the talks with Macron went well . "
      "SHARES OF MICROSOFT ROSE IN NEW YORK . The United Nations said aid had reached Kabul , a U.N. official said . "
      "Police in Madrid arrested two men on Friday , a spokesman for the Interior Ministry said . "
      "Microsoft and the Interior Ministry declined to comment on the 1,200 euros paid to Macron 's party .";
  std::vector<std::string> words;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    words.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  TaggerInput input;
  for (const std::string& word : words) {
    input.forms.push_back(word);
    // Tags good enough for a test: the features only need some POS value per token.
    input.pos.push_back(word == "." || word == "," ? std::string_view(word)
                        : std::isupper(static_cast<unsigned char>(word[0])) ? "NNP" : "NN");
  }
  for (std::uint32_t first = 0, i = 0; i < input.forms.size(); ++i)
    if (input.forms[i] == ".") input.sentences.push_back({first, i + 1}), first = i + 1;
  for (std::uint32_t beam : {1u, 4u}) {
    TaggerState units_state, float_state;
    const TaggerConfig config{true, beam};
    extract_static(config, *gazetteer, input, units_state);
    extract_static(config, *gazetteer, input, float_state);
    std::vector<Label> units_labels, float_labels;
    std::vector<float> units_margins, float_margins;
    decode(*weights, input, units_state, units_labels, &units_margins, nullptr, {}, beam);
    decode(*float_weights, input, float_state, float_labels, &float_margins, nullptr, {}, beam);
    CHECK(units_labels == float_labels);
    REQUIRE(units_margins.size() == float_margins.size());
    CHECK(std::memcmp(units_margins.data(), float_margins.data(), units_margins.size() * sizeof(float)) == 0);
    CHECK(std::count(units_labels.begin(), units_labels.end(), kOutside) < static_cast<long>(units_labels.size()));
  }
}
