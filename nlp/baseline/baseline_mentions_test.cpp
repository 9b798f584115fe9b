#include "nlp/baseline/baseline_mentions.hpp"

#include <catch2/catch.hpp>

using namespace newsgraph;

namespace {
// A Document with whitespace tokens and one sentence, built by hand (no tokenizer).
Document whitespace_document(std::string text) {
  Document doc;
  doc.article.text = std::move(text);
  const std::string& t = doc.article.text;
  std::uint32_t begin = 0;
  for (std::uint32_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || t[i] == ' ') {
      if (i > begin) doc.tokens.push_back({begin, i});
      begin = i + 1;
    }
  }
  doc.sentences.push_back({0, static_cast<std::uint32_t>(doc.tokens.size())});
  return doc;
}
}  // namespace

TEST_CASE("baseline finder takes capitalised runs and skips a sentence-opening function word", "[baseline]") {
  Document doc = whitespace_document("The envoy Angela Merkel flew to Tbilisi with the European Commission team");
  baseline::find_mentions(doc);
  REQUIRE(doc.mentions.size() == 3);
  CHECK(doc.span_text(doc.mentions[0].first_token, doc.mentions[0].end_token) == "Angela Merkel");
  CHECK(doc.mentions[0].type == EntityType::Person);
  CHECK(doc.span_text(doc.mentions[1].first_token, doc.mentions[1].end_token) == "Tbilisi");
  CHECK(doc.mentions[1].type == EntityType::Place);
  CHECK(doc.mentions[2].type == EntityType::Organization);
}
