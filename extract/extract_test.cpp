#include "extract/extract.hpp"

#include <catch2/catch.hpp>

using namespace newsgraph;

namespace {
// Tokens split on spaces; sentences given as token counts; mentions as (first, end, type).
Document make_document(std::string text, std::vector<std::uint32_t> sentence_lengths, std::vector<Mention> mentions) {
  Document doc;
  doc.article.id = "a1";
  doc.article.text = std::move(text);
  const std::string& t = doc.article.text;
  std::uint32_t begin = 0;
  for (std::uint32_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || t[i] == ' ') {
      if (i > begin) doc.tokens.push_back({begin, i});
      begin = i + 1;
    }
  }
  std::uint32_t first = 0;
  for (std::uint32_t length : sentence_lengths) {
    doc.sentences.push_back({first, first + length});
    first += length;
  }
  doc.mentions = std::move(mentions);
  return doc;
}
}  // namespace

TEST_CASE("extract_article resolves mentions into entities and records their references", "[extract]") {
  Document doc = make_document("Angela Merkel met Saakashvili . MERKEL flew to Berlin with Germans .", {5, 7},
                               {{0, 2, EntityType::Person, 1},
                                {3, 4, EntityType::Person, 1},
                                {5, 6, EntityType::Person, 1},
                                {8, 9, EntityType::Place, 1},
                                {10, 11, EntityType::Misc, 1}});
  const ArticleGraph graph = extract_article(doc);
  REQUIRE(graph.entities.size() == 3);  // Angela Merkel (MERKEL too), Saakashvili, Berlin; Misc dropped
  CHECK(graph.entities[0].name == "Angela Merkel");
  CHECK(graph.entities[0].mentions == 2);
  REQUIRE(graph.references.size() == 4);
  CHECK(graph.references[2].first_token == 5);
  CHECK(graph.references[2].entity == 0);
  CHECK(graph.references[2].kind == EntityReference::Kind::Name);
}

TEST_CASE("extract_article gives no relation for a sentence naming one entity twice", "[extract]") {
  Document doc = make_document("Merkel and Merkel .", {4},
                               {{0, 1, EntityType::Person, 1}, {2, 3, EntityType::Person, 1}});
  const ArticleGraph graph = extract_article(doc);
  CHECK(graph.entities.size() == 1);
  CHECK(graph.entities[0].mentions == 2);
  CHECK(graph.relations.empty());
}
