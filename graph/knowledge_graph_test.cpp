#include "graph/knowledge_graph.hpp"

#include <catch2/catch.hpp>

using namespace newsgraph;

namespace {
EntityNode node(std::string id, EntityType type) {
  EntityNode n;
  n.id = std::move(id);
  n.label = n.id;
  n.type = type;
  return n;
}
RelationSighting sighting(std::string a, std::string b, RelationType type, std::string article, std::uint32_t begin) {
  RelationSighting s;
  s.source_id = std::move(a);
  s.target_id = std::move(b);
  s.type = type;
  s.evidence.article_id = std::move(article);
  s.evidence.begin = begin;
  s.evidence.end = begin + 10;
  return s;
}
}  // namespace

TEST_CASE("build_graph stores a symmetric relation once, lower id first, with all its evidence", "[graph]") {
  std::vector<EntityNode> nodes = {node("person:b", EntityType::Person), node("person:a", EntityType::Person)};
  std::vector<RelationSighting> sightings = {
      sighting("person:b", "person:a", RelationType::MetWith, "art2", 5),
      sighting("person:a", "person:b", RelationType::MetWith, "art1", 0),
      sighting("person:a", "person:b", RelationType::MetWith, "art1", 0),  // same sentence twice
  };
  const KnowledgeGraph kg = build_graph(nodes, sightings, {});
  REQUIRE(boost::num_vertices(kg.graph) == 2);
  CHECK(kg.graph[0].id == "person:a");
  REQUIRE(boost::num_edges(kg.graph) == 1);
  const Edge e = *boost::edges(kg.graph).first;
  CHECK(kg.graph[boost::source(e, kg.graph)].id == "person:a");
  CHECK(kg.graph[e].weight() == 2);
  CHECK(kg.article_ids(kg.graph[e]) == std::vector<std::string>{"art1", "art2"});
  CHECK(kg.article_id(kg.graph[e].best_evidence()) == "art1");
}

TEST_CASE("build_graph keeps a directed relation's direction and drops self-loops and unknown ends", "[graph]") {
  std::vector<EntityNode> nodes = {node("person:a", EntityType::Person), node("place:x", EntityType::Place)};
  std::vector<RelationSighting> sightings = {
      sighting("person:a", "place:x", RelationType::Represents, "art1", 0),
      sighting("person:a", "person:a", RelationType::Claimed, "art1", 0),
      sighting("person:a", "place:nowhere", RelationType::Claimed, "art1", 0),
  };
  const KnowledgeGraph kg = build_graph(nodes, sightings, {});
  REQUIRE(boost::num_edges(kg.graph) == 1);
  const Edge e = *boost::edges(kg.graph).first;
  CHECK(kg.graph[boost::source(e, kg.graph)].id == "person:a");
  CHECK(kg.graph[boost::target(e, kg.graph)].id == "place:x");
  CHECK(count_edges_by_type(kg).at(RelationType::Represents) == 1);
}

TEST_CASE("a moved knowledge graph keeps its nodes, edges and articles", "[graph]") {
  std::vector<EntityNode> nodes = {node("person:a", EntityType::Person), node("place:x", EntityType::Place)};
  std::vector<RelationSighting> sightings = {sighting("person:a", "place:x", RelationType::Represents, "art1", 0)};
  KnowledgeGraph built = build_graph(nodes, sightings, {{"art1", "a.txt", "A", "", ""}});
  KnowledgeGraph moved = std::move(built);
  KnowledgeGraph assigned;
  assigned = std::move(moved);
  REQUIRE(boost::num_vertices(assigned.graph) == 2);
  REQUIRE(boost::num_edges(assigned.graph) == 1);
  const Edge e = *boost::edges(assigned.graph).first;
  CHECK(assigned.graph[boost::source(e, assigned.graph)].id == "person:a");
  CHECK(assigned.graph[boost::target(e, assigned.graph)].id == "place:x");
  CHECK(assigned.article_id(assigned.graph[e].best_evidence()) == "art1");
  CHECK(boost::out_degree(assigned.index.at("person:a"), assigned.graph) == 1);
  CHECK(boost::in_degree(assigned.index.at("place:x"), assigned.graph) == 1);
  CHECK(assigned.articles.size() == 1);
  CHECK(boost::num_vertices(moved.graph) == 0);
  CHECK(boost::num_edges(moved.graph) == 0);
}

TEST_CASE("build_graph lists a node's articles by index in id order, one per article id", "[graph]") {
  EntityNode n = node("person:a", EntityType::Person);
  n.sources = {0, 2, 1, 3, 7};  // 7: no such article, dropped
  const std::vector<ArticleInfo> articles = {{"c", "c.txt", "", "", ""}, {"a", "a.txt", "", "", ""},
                                             {"b", "b.txt", "", "", ""}, {"a", "again.txt", "", "", ""}};
  const KnowledgeGraph kg = build_graph({n}, std::vector<RelationSighting>{}, articles);
  REQUIRE(kg.articles.size() == 4);
  CHECK(kg.articles[0].id == "a");
  CHECK(kg.articles[3].id == "c");
  CHECK(kg.article_ids(kg.graph[0].sources) == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("an edge's evidence names its article and rule by index; its articles are its evidence's", "[graph][memory]") {
  std::vector<EntityNode> nodes = {node("person:a", EntityType::Person), node("person:b", EntityType::Person)};
  std::vector<RelationSighting> sightings = {
      sighting("person:a", "person:b", RelationType::MetWith, "zz-not-given", 0),
      sighting("person:a", "person:b", RelationType::MetWith, "b", 30),
      sighting("person:a", "person:b", RelationType::MetWith, "b", 0),
      sighting("person:b", "person:a", RelationType::Claimed, "b", 0),
  };
  for (RelationSighting& s : sightings) s.evidence.rule = s.type == RelationType::MetWith ? "met" : "said";
  sightings[0].evidence.sentence_text = "Elsewhere.";
  const std::vector<ArticleInfo> articles = {{"b", "b.txt", "", "", ""}, {"a", "a.txt", "", "", ""}};
  const KnowledgeGraph kg = build_graph(nodes, sightings, articles);
  REQUIRE(boost::num_edges(kg.graph) == 2);
  const RelationEdge& met = kg.graph[*boost::edges(kg.graph).first];
  REQUIRE(met.type == RelationType::MetWith);
  REQUIRE(met.evidence.size() == 3);
  CHECK(met.evidence[0].article == 1);  // "b", second in id order
  CHECK(met.evidence[2].article == 2);  // past the articles: other_article_ids[0]
  CHECK(kg.other_article_ids == std::vector<std::string>{"zz-not-given"});
  CHECK(kg.article_id(met.evidence[2]) == "zz-not-given");
  CHECK(kg.article_ids(met) == std::vector<std::string>{"b", "zz-not-given"});
  CHECK(kg.sentence(met.evidence[2]) == "Elsewhere.");
  CHECK(kg.rules == std::vector<std::string>{"met", "said"});  // each once
  CHECK(kg.rule(met.best_evidence()) == "met");
}

// Reads "text@<at>/<size>", and remembers what it was asked; fails once `fail` is set.
struct FakeSentences : SentenceSource {
  std::vector<std::uint64_t> reads;
  bool fail = false;
  std::string sentence(std::uint64_t at, std::uint32_t size) override {
    reads.push_back(at);
    return fail ? std::string() : "text@" + std::to_string(at) + "/" + std::to_string(size);
  }
  Status status() const override { return fail ? Status::error("cannot read") : Status::ok(); }
};

TEST_CASE("build_graph leaves unheld sentences where they are; the graph reads them when asked", "[graph][memory]") {
  std::vector<EntityNode> nodes = {node("person:a", EntityType::Person), node("person:b", EntityType::Person)};
  const std::string article = "art1", none;
  std::deque<NodeSighting> sightings;
  for (std::uint32_t at : {40u, 0u, 0u})  // the last is the second one's sentence again
    sightings.push_back({0, 1, RelationType::MetWith, 0, at, at + 10, &article, &none, &none, &none, nullptr, at, 7});
  FakeSentences sentences;
  const KnowledgeGraph kg = build_graph(nodes, std::move(sightings), {}, &sentences);
  CHECK(sentences.reads.empty());  // nothing read while the graph is built
  REQUIRE(boost::num_edges(kg.graph) == 1);
  const RelationEdge& edge = kg.graph[*boost::edges(kg.graph).first];
  REQUIRE(edge.evidence.size() == 2);  // one per sentence
  CHECK(kg.held_sentences.empty());
  CHECK(kg.sentence(edge.evidence[0]) == "text@0/7");
  CHECK(kg.sentence(edge.evidence[1]) == "text@40/7");
  CHECK(sentences.reads == std::vector<std::uint64_t>{0, 40});
  CHECK(kg.sentences_status().is_ok());
  sentences.fail = true;
  CHECK(kg.sentence(edge.evidence[0]).empty());
  CHECK_FALSE(kg.sentences_status().is_ok());
}

TEST_CASE("a held sentence is the graph's own, whatever the graph's sentence source", "[graph][memory]") {
  std::vector<EntityNode> nodes = {node("person:a", EntityType::Person), node("person:b", EntityType::Person)};
  const std::string article = "art1", none, held = "Held sentence.";
  std::deque<NodeSighting> sightings = {{0, 1, RelationType::MetWith, 0, 0, 10, &article, &none, &none, &none, &held, 0, 0}};
  FakeSentences sentences;
  const KnowledgeGraph kg = build_graph(nodes, std::move(sightings), {}, &sentences);
  const RelationEdge& edge = kg.graph[*boost::edges(kg.graph).first];
  CHECK(kg.held_sentences == std::vector<std::string>{"Held sentence."});
  CHECK(kg.sentence(edge.evidence[0]) == "Held sentence.");
  CHECK(sentences.reads.empty());
}

TEST_CASE("an empty unheld sentence is held: nothing to read", "[graph][memory]") {
  std::vector<EntityNode> nodes = {node("person:a", EntityType::Person), node("person:b", EntityType::Person)};
  const std::string article = "art1", none;
  std::deque<NodeSighting> sightings = {{0, 1, RelationType::MetWith, 0, 0, 10, &article, &none, &none, &none, nullptr, 99, 0}};
  FakeSentences sentences;
  const KnowledgeGraph kg = build_graph(nodes, std::move(sightings), {}, &sentences);
  CHECK(kg.sentence(kg.graph[*boost::edges(kg.graph).first].best_evidence()).empty());
  CHECK(sentences.reads.empty());
}
