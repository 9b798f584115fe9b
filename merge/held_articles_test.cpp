// HeldArticles (issue 8, memory): what goes in comes back, strings are held once.
#include "merge/held_articles.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "merge/merge.hpp"

using namespace newsgraph;

namespace {

ArticleGraph sample_article(const std::string& id) {
  ArticleGraph graph;
  graph.article_id = id;
  graph.source = "feeds/2024-06.jsonl";
  graph.title = "Ministers meet in Lisbon";
  graph.date = "2024-06-02";
  graph.url = "https://example.org/" + id;
  graph.entities.push_back({EntityType::Person, "Ana Costa", {"Ana Costa", "Costa"}, 3, {}, {}, {}, {"name", "surname"}});
  graph.entities.push_back({EntityType::Place, "Lisbon", {"Lisbon"}, 1, {}, {}, {}, {"name"}});
  graph.entities.push_back({EntityType::Event, "Costa meeting", {"Costa meeting"}, 1, "2024-06-01", "Lisbon", "meeting", {}});
  ArticleRelation relation{RelationType::ParticipatedIn, 0, 2, {id, 4, 120, 188, "Costa met the delegation in Lisbon.", "subject-of-meet"}, {}, {}};
  graph.relations.push_back(relation);
  graph.references.push_back({0, 2, 0, EntityReference::Kind::Name});
  return graph;
}

std::vector<std::string> strings_of(const StringList& list) { return {list.begin(), list.end()}; }

}  // namespace

TEST_CASE("HeldArticles gives back every field an article graph put in", "[merge][memory]") {
  const ArticleGraph original = sample_article("a1");
  HeldArticles held;
  held.add(ArticleGraph(original), 7);
  REQUIRE(held.size() == 1);
  const HeldArticle& article = held.articles[0];
  CHECK(article.id == "a1");
  CHECK(held.source(0) == original.source);
  CHECK(held.text(article.title) == original.title);
  CHECK(article.date == original.date);
  CHECK(article.url == original.url);
  CHECK(article.ordinal == 7);
  REQUIRE(article.entity_count == original.entities.size());
  for (std::uint32_t e = 0; e < article.entity_count; ++e) {
    const ArticleEntity& want = original.entities[e];
    const EntityRef got = held.entity(0, e);
    CHECK(got.type == want.type);
    CHECK(got.name == want.name);
    CHECK(strings_of(got.aliases) == want.aliases);
    CHECK(got.mentions == want.mentions);
    CHECK(got.date == want.date);
    CHECK(got.place == want.place);
    CHECK(got.event_kind == want.event_kind);
    CHECK(strings_of(got.alias_rules) == want.alias_rules);
  }
  REQUIRE(article.relation_count == 1);
  const HeldRelation& relation = held.relation(0, 0);
  const ArticleRelation& want = original.relations[0];
  CHECK(relation.type == want.type);
  CHECK(relation.source == want.source);
  CHECK(relation.target == want.target);
  CHECK(held.strings[relation.evidence_article] == want.evidence.article_id);
  CHECK(relation.sentence == want.evidence.sentence);
  CHECK(relation.begin == want.evidence.begin);
  CHECK(relation.end == want.evidence.end);
  CHECK(held.text(relation.sentence_text) == want.evidence.sentence_text);
  CHECK(held.strings[relation.text] == want.text);
  CHECK(held.strings[relation.rule] == want.evidence.rule);
}

TEST_CASE("HeldArticles interns each string and each alias list once", "[merge][memory]") {
  HeldArticles held;
  held.add(sample_article("a1"), 0);
  held.add(sample_article("a2"), 1);
  const HeldEntity& first = held.entities[0];
  const HeldEntity& again = held.entities[3];  // the same person in the second article
  CHECK(first.list() == again.list());  // name, aliases and rules: one list for both
  CHECK(held.name_id(0, 0) == held.name_id(1, 0));
  CHECK(held.event_entities == std::vector<std::uint64_t>{2, 5});  // only the events have fields of their own
  CHECK(held.event(2).date != 0);  // "" is id 0: the event's date is not empty
  CHECK(held.event(0).date == 0);
  CHECK(&held.entity(0, 0).name == &held.entity(1, 0).name);
}

TEST_CASE("HeldArticles::keep keeps the chosen articles in the chosen order", "[merge][memory]") {
  HeldArticles held;
  for (const char* id : {"a", "b", "c"}) held.add(sample_article(id), 0);
  held.keep({2, 0});
  REQUIRE(held.size() == 2);
  CHECK(held.articles[0].id == "c");
  CHECK(held.articles[1].id == "a");
  CHECK(held.entity(0, 0).name == "Ana Costa");
  CHECK(held.strings[held.relation(0, 0).evidence_article] == "c");
}

TEST_CASE("merge_articles gives the same graph from held articles as from article graphs", "[merge][memory]") {
  std::vector<ArticleGraph> graphs = {sample_article("a1"), sample_article("a2")};
  graphs[1].entities[0] = {EntityType::Person, "Costa", {"Costa"}, 2, {}, {}, {}, {"name"}};
  const MergedGraph from_graphs = merge_articles(graphs);
  HeldArticles held;
  for (const ArticleGraph& graph : graphs) held.add(ArticleGraph(graph), 0);
  const MergedGraph from_held = merge_articles(std::move(held), NameLexicon::builtin());
  CHECK(held.size() == 0);
  REQUIRE(from_held.nodes.size() == from_graphs.nodes.size());
  for (std::size_t i = 0; i < from_held.nodes.size(); ++i) {
    CHECK(from_held.nodes[i].id == from_graphs.nodes[i].id);
    CHECK(from_held.nodes[i].aliases == from_graphs.nodes[i].aliases);
    CHECK(from_held.nodes[i].sources == from_graphs.nodes[i].sources);
  }
  REQUIRE(from_held.sightings.size() == 2);
  REQUIRE(from_held.sightings[0].sentence_text != nullptr);
  CHECK(*from_held.sightings[0].sentence_text == "Costa met the delegation in Lisbon.");
  CHECK(from_held.sightings[1].source == from_held.sightings[0].source);  // "Costa" joined "Ana Costa"
}

TEST_CASE("HeldArticles with a spill file gives the same merge as held in memory", "[merge][memory]") {
  std::vector<ArticleGraph> graphs = {sample_article("a1"), sample_article("a2")};
  graphs[1].relations[0].evidence.sentence_text = "Costa and the delegation met again.";
  SpillFile spill;
  REQUIRE(spill.open().is_ok());
  HeldArticles in_memory, spilled;
  spilled.spill = &spill;
  for (const ArticleGraph& graph : graphs) {
    in_memory.add(ArticleGraph(graph), 0);
    spilled.add(ArticleGraph(graph), 0);
  }
  REQUIRE(spilled.texts.empty());  // nothing held: the sentences and titles are in the file
  CHECK(spilled.text(spilled.articles[1].title) == "Ministers meet in Lisbon");
  const MergedGraph a = merge_articles(std::move(in_memory), NameLexicon::builtin());
  const MergedGraph b = merge_articles(std::move(spilled), NameLexicon::builtin());
  REQUIRE(b.status.is_ok());
  REQUIRE(b.spill == &spill);
  REQUIRE(a.sightings.size() == b.sightings.size());
  // The spilled sentences stay in the file until build_graph reads them (NodeSighting::sentence_at).
  for (std::size_t i = 0; i < a.sightings.size(); ++i) {
    CHECK(b.sightings[i].sentence_text == nullptr);
    std::string sentence;
    REQUIRE(spill.read(b.sightings[i].sentence_at, b.sightings[i].sentence_size, sentence).is_ok());
    REQUIRE(a.sightings[i].sentence_text != nullptr);
    CHECK(sentence == *a.sightings[i].sentence_text);
  }
  CHECK(*a.sightings[1].sentence_text == "Costa and the delegation met again.");
  REQUIRE(a.articles.size() == b.articles.size());
  CHECK(b.articles[0].title.empty());  // left in the file too (ArticleInfo::title_at)
  std::string title;
  REQUIRE(spill.read(b.articles[0].title_at, b.articles[0].title_size, title).is_ok());
  CHECK(title == a.articles[0].title);
}

TEST_CASE("SpillFile in a missing folder is an error naming the folder", "[merge][memory]") {
  SpillFile spill;
  const Status status = spill.open("/nonexistent-newsgraph-folder");
  REQUIRE_FALSE(status.is_ok());
  CHECK(status.message().find("/nonexistent-newsgraph-folder") != std::string::npos);
}
