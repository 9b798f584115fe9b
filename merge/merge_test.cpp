// Cross-article resolution (issue 6): tables of pairs that must and must not merge. The
// names are made up or general knowledge, none from the samples or the eval sets.
#include "merge/merge.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

using namespace newsgraph;

namespace {

ArticleEntity entity(EntityType type, std::string name, std::vector<std::string> aliases = {}, std::uint32_t mentions = 1) {
  ArticleEntity e{type, name, std::move(aliases), mentions, {}, {}, {}, {}};
  e.aliases.push_back(name);
  std::sort(e.aliases.begin(), e.aliases.end());
  e.aliases.erase(std::unique(e.aliases.begin(), e.aliases.end()), e.aliases.end());
  return e;
}

ArticleGraph article(std::string id, std::vector<ArticleEntity> entities) {
  ArticleGraph graph;
  graph.article_id = std::move(id);
  graph.entities = std::move(entities);
  return graph;
}

const EntityNode* node_with_alias(const MergedGraph& merged, const std::string& alias) {
  for (const EntityNode& node : merged.nodes)
    if (std::find(node.aliases.begin(), node.aliases.end(), alias) != node.aliases.end()) return &node;
  return nullptr;
}

struct Case {
  EntityType type_a;
  const char* a;
  EntityType type_b;
  const char* b;
};

constexpr EntityType P = EntityType::Person;
constexpr EntityType O = EntityType::Organization;
constexpr EntityType L = EntityType::Place;

// Two articles, each naming one side of the pair plus the same context entity (so the
// shared-context evidence is there: the pair must stand or fall on its names).
MergedGraph merge_pair(const Case& c) {
  std::vector<ArticleGraph> articles = {
      article("a1", {entity(c.type_a, c.a), entity(O, "Global Shipping Council")}),
      article("a2", {entity(c.type_b, c.b), entity(O, "Global Shipping Council")}),
  };
  return merge_articles(articles);
}

}  // namespace

TEST_CASE("merge_articles merges the pairs that name one entity", "[merge]") {
  const Case cases[] = {
      {P, "Angela Merkel", P, "ANGELA MERKEL"},
      {P, "Angela Merkel", P, "Mrs. Angela Merkel"},
      {P, "Nelson Mandela", P, "Nelson Mandela's"},
      {P, "Lech Wałęsa", P, "Lech Walesa"},
      {P, "François Hollande", P, "Francois Hollande"},
      {P, "Mikhail Gorbachev", P, "Mikhail Gorbachov"},   // spelling variant, same phonetic key
      {P, "Mikhail Gorbachev", P, "Gorbachev"},           // surname, one candidate
      {P, "Mikhail Gorbachev", P, "Gorbachov"},           // lone surname, spelling variant
      {P, "Vladimir Zhirinovsky", P, "Vladimir Zhirinovskiy"},
      {P, "Yevgeny Primakov", P, "Yevgeny Primakoff"},
      {L, "Berlin", L, "Берлин"},                          // transliteration
      {L, "United States", L, "U.S."},
      {L, "United States", L, "USA"},
      {L, "United States", L, "America"},
      {L, "United Kingdom", L, "Britain"},
      {L, "Côte d'Ivoire", L, "Ivory Coast"},
      {O, "World Health Organization", O, "World Health Organization"},
      {O, "World Health Organization", P, "World Health Organization"},  // type decided by votes
      {O, "World Health Organization", O, "WHO"},         // the one name with those initials
      {O, "U.N.", O, "UN"},
      {O, "Acme Group SpA", O, "Acme"},                   // legal-form suffix
  };
  for (const Case& c : cases) {
    const MergedGraph merged = merge_pair(c);
    INFO(c.a << " / " << c.b);
    CHECK(merged.nodes.size() == 2);
    const EntityNode* node = node_with_alias(merged, c.a);
    REQUIRE(node != nullptr);
    CHECK(std::find(node->aliases.begin(), node->aliases.end(), c.b) != node->aliases.end());
  }
}

TEST_CASE("merge_articles finds the shared context of an article of more than 256 entities", "[merge]") {
  // The variant's context entity comes last of 300, and is the most mentioned; without it the
  // names share nothing and stay apart.
  for (const bool with_context : {true, false}) {
    std::vector<ArticleEntity> many = {entity(P, "Mikhail Gorbachev")};
    for (int i = 0; i < 298; ++i) many.push_back(entity(O, "Filler Agency " + std::to_string(i)));
    many.push_back(entity(O, with_context ? "Global Shipping Council" : "Other Council", {}, 5));
    std::vector<ArticleGraph> articles = {
        article("a1", std::move(many)),
        article("a2", {entity(P, "Mikhail Gorbachov"), entity(O, "Global Shipping Council")}),
    };
    const MergedGraph merged = merge_articles(articles);
    INFO(with_context);
    const EntityNode* node = node_with_alias(merged, "Mikhail Gorbachev");
    REQUIRE(node != nullptr);
    CHECK((std::find(node->aliases.begin(), node->aliases.end(), "Mikhail Gorbachov") != node->aliases.end()) ==
          with_context);
  }
}

TEST_CASE("merge_articles keeps apart the pairs that name different entities", "[merge]") {
  const Case cases[] = {
      {P, "Kim Jong-un", P, "Kim Jong-il"},
      {P, "George Bush", P, "George W. Bush"},
      {P, "George H. Bush", P, "George W. Bush"},
      {L, "Paris", P, "Paris Hilton"},
      {L, "Jordan", P, "Michael Jordan"},
      {L, "Washington", O, "Washington Post"},
      {P, "Trump", O, "Trump administration"},
      {L, "Georgia", P, "Georgia"},
      {P, "John Smith", P, "Jane Smith"},
      {P, "John Smith", P, "John Smyth"},         // surnames under six letters: exact only
      {P, "Hans Müller", P, "Hans Möller"},       // different names, not spellings
      {P, "Maria Santos", P, "Mario Santos"},
      {P, "Ali Hassan", P, "Ali Hussein"},
      {O, "Austrian Airlines", L, "Austria"},
      {L, "Niger", L, "Nigeria"},
      {L, "Guinea", L, "Equatorial Guinea"},
      {P, "Robert Kennedy", P, "Robert F. Kennedy"},
      {O, "Federal Reserve", O, "Federal Reserve Bank of New York"},
      {P, "AB", O, "Alpha Beta"},                      // a person is never an acronym
  };
  for (const Case& c : cases) {
    const MergedGraph merged = merge_pair(c);
    INFO(c.a << " / " << c.b);
    CHECK(merged.nodes.size() == 3);
  }
}

TEST_CASE("merge_articles leaves a lone surname alone when two people carry it", "[merge]") {
  std::vector<ArticleGraph> articles = {
      article("a1", {entity(P, "George Bush")}),
      article("a2", {entity(P, "George W. Bush")}),
      article("a3", {entity(P, "Bush")}),
  };
  CHECK(merge_articles(articles).nodes.size() == 3);
}

TEST_CASE("merge_articles leaves an acronym alone when two names have its initials", "[merge]") {
  std::vector<ArticleGraph> articles = {
      article("a1", {entity(O, "International Criminal Court")}),
      article("a2", {entity(O, "International Cricket Council")}),
      article("a3", {entity(O, "ICC")}),
  };
  CHECK(merge_articles(articles).nodes.size() == 3);
}

TEST_CASE("merge_articles lets a clear majority type absorb a tagger's slip on one word, but not a country's namesake",
          "[merge]") {
  std::vector<ArticleGraph> europe = {
      article("a1", {entity(L, "Europe", {}, 3)}),
      article("a2", {entity(L, "Europe", {}, 2)}),
      article("a3", {entity(P, "Europe", {}, 1)}),
  };
  const MergedGraph merged = merge_articles(europe);
  REQUIRE(merged.nodes.size() == 1);
  CHECK(merged.nodes[0].type == EntityType::Place);
  std::vector<ArticleGraph> jordan = {
      article("a1", {entity(L, "Jordan", {}, 3)}),
      article("a2", {entity(L, "Jordan", {}, 2)}),
      article("a3", {entity(P, "Jordan", {}, 1)}),
  };
  CHECK(merge_articles(jordan).nodes.size() == 2);
}

TEST_CASE("merge_articles joins a one-word organisation to the one person with that surname only with shared context",
          "[merge]") {
  std::vector<ArticleGraph> with_context = {
      article("a1", {entity(P, "Odile Varga"), entity(L, "Lyon"), entity(O, "Rhone Transit Board")}),
      article("a2", {entity(O, "Varga"), entity(L, "Lyon"), entity(O, "Rhone Transit Board")}),
  };
  CHECK(merge_articles(with_context).nodes.size() == 3);
  std::vector<ArticleGraph> without = {
      article("a1", {entity(P, "Odile Varga"), entity(L, "Lyon")}),
      article("a2", {entity(O, "Varga"), entity(L, "Lisbon")}),
  };
  CHECK(merge_articles(without).nodes.size() == 4);
}

TEST_CASE("merge_articles needs shared context for a spelling variant", "[merge]") {
  std::vector<ArticleGraph> articles = {
      article("a1", {entity(P, "Mikhail Gorbachev"), entity(L, "Moscow")}),
      article("a2", {entity(P, "Mikhail Gorbachov"), entity(L, "Lisbon")}),
  };
  CHECK(merge_articles(articles).nodes.size() == 4);
}

TEST_CASE("merge_articles merges an acronym through the alias an article linked it to", "[merge]") {
  std::vector<ArticleGraph> articles = {
      article("a1", {entity(O, "International Atomic Energy Agency", {"IAEA"})}),
      article("a2", {entity(O, "IAEA")}),
  };
  const MergedGraph merged = merge_articles(articles);
  REQUIRE(merged.nodes.size() == 1);
  CHECK(merged.nodes[0].label == "International Atomic Energy Agency");
  CHECK(merged.nodes[0].id == "organization:international-atomic-energy-agency");
  REQUIRE(merged.explanations.nodes.size() == 1);
  CHECK(merged.explanations.nodes[0].steps[0].rule == "alias");
}

TEST_CASE("merge_articles labels a node with its most complete frequent form, keeps every form and remaps edges",
          "[merge]") {
  std::vector<ArticleGraph> articles = {
      article("a1", {entity(P, "Angela Merkel", {"Merkel", "Chancellor Angela Merkel"}, 2), entity(L, "Georgia")}),
      article("a2", {entity(P, "Merkel", {}, 1), entity(L, "Georgia")}),
      article("a3", {entity(P, "Angela Merkel", {}, 1)}),
  };
  articles[0].relations.push_back({RelationType::CoOccurs, 0, 1, {}, {}, {}});
  articles[1].relations.push_back({RelationType::CoOccurs, 1, 0, {}, {}, {}});
  const MergedGraph merged = merge_articles(articles);
  REQUIRE(merged.nodes.size() == 2);
  const EntityNode* merkel = node_with_alias(merged, "Merkel");
  REQUIRE(merkel != nullptr);
  CHECK(merkel->id == "person:angela-merkel");
  CHECK(merkel->label == "Angela Merkel");
  CHECK(merkel->aliases == std::vector<std::string>{"Angela Merkel", "Chancellor Angela Merkel", "Merkel"});
  REQUIRE(merkel->sources == std::vector<std::uint32_t>{0, 1, 2});  // indices in merged.articles
  CHECK(merged.articles[2].id == "a3");
  CHECK(merkel->mentions == 4);
  REQUIRE(merged.sightings.size() == 2);
  CHECK(merged.nodes[merged.sightings[0].source].id == "person:angela-merkel");
  CHECK(merged.nodes[merged.sightings[0].target].id == "place:georgia");
  CHECK(merged.nodes[merged.sightings[1].source].id == "place:georgia");
}

TEST_CASE("merge_articles resolves a type disagreement by votes without dropping the entity", "[merge]") {
  std::vector<ArticleGraph> articles = {
      article("a1", {entity(O, "Blue Horizon Partners", {}, 3)}),
      article("a2", {entity(P, "Blue Horizon Partners", {}, 1)}),
  };
  const MergedGraph merged = merge_articles(articles);
  REQUIRE(merged.nodes.size() == 1);
  CHECK(merged.nodes[0].type == EntityType::Organization);
  CHECK(merged.nodes[0].mentions == 4);
}

TEST_CASE("write_merge_explanations writes each merged node with the rule of each absorbed form", "[merge]") {
  std::vector<ArticleGraph> articles = {
      article("a1", {entity(P, "Mikhail Gorbachev"), entity(L, "Moscow")}),
      article("a2", {entity(P, "Gorbachov"), entity(L, "Moscow")}),
  };
  articles[0].entities[0].aliases = {"Gorbachev", "Mikhail Gorbachev"};
  articles[0].entities[0].alias_rules = {"surname", "name"};
  const MergedGraph merged = merge_articles(articles);
  const std::string path = std::string(NEWSGRAPH_BINARY_DIR) + "/merge_explanations_test.txt";
  REQUIRE(write_merge_explanations(merged.explanations, path).is_ok());
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str().find("person:mikhail-gorbachev\tMikhail Gorbachev\tPerson\t2 records\n") != std::string::npos);
  CHECK(text.str().find("  Gorbachov\tspelling-variant\ta2\t") != std::string::npos);
  CHECK(text.str().find("  Gorbachev\tin-article:surname\ta1\t") != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("merge_articles explains each form joined by its canonical key once, before the record's other rules",
          "[merge]") {
  std::vector<ArticleGraph> articles = {
      article("a1", {entity(P, "Mikhail Gorbachev"), entity(L, "Moscow")}),
      article("a2", {entity(P, "Mikhail Gorbachev"), entity(L, "Moscow")}),
      article("a3", {entity(P, "Gorbachov"), entity(L, "Moscow")}),
  };
  const MergedGraph merged = merge_articles(articles);
  REQUIRE(merged.explanations.nodes.size() == 2);
  const NodeExplanation& gorbachev = merged.explanations.nodes[0];
  CHECK(gorbachev.node_id == "person:mikhail-gorbachev");
  CHECK(gorbachev.records == 3);
  REQUIRE(gorbachev.steps.size() == 2);
  CHECK(gorbachev.steps[0].form == "Mikhail Gorbachev");
  CHECK(gorbachev.steps[0].rule == "same-name");
  CHECK(gorbachev.steps[0].article_id == "a2");
  CHECK(gorbachev.steps[0].detail == "same canonical key \"mikhail gorbachev\"");
  CHECK(gorbachev.steps[1].form == "Gorbachov");
  CHECK(gorbachev.steps[1].rule == "spelling-variant");
  // Three records of one form: the form is listed once, from the first article that joined it.
  const NodeExplanation& moscow = merged.explanations.nodes[1];
  CHECK(moscow.node_id == "place:moscow");
  CHECK(moscow.records == 3);
  REQUIRE(moscow.steps.size() == 1);
  CHECK(moscow.steps[0].article_id == "a2");
  CHECK(moscow.steps[0].detail == "same canonical key \"moscow\"");
}

TEST_CASE("merge_articles tells each record's article across articles without entities", "[merge]") {
  std::vector<ArticleGraph> articles = {article("a1", {entity(P, "Mikhail Gorbachev"), entity(L, "Moscow")})};
  for (int i = 0; i < 100; ++i) articles.push_back(article("empty" + std::to_string(i), {}));
  articles.push_back(article("a2", {entity(L, "Moscow"), entity(P, "Mikhail Gorbachev")}));
  articles.push_back(article("last", {}));
  const MergedGraph merged = merge_articles(articles);
  REQUIRE(merged.nodes.size() == 2);
  for (const EntityNode& node : merged.nodes) CHECK(node.sources == std::vector<std::uint32_t>{0, 101});
  REQUIRE(merged.explanations.nodes.size() == 2);
  for (const NodeExplanation& node : merged.explanations.nodes) {
    REQUIRE(node.steps.size() == 1);
    CHECK(node.steps[0].article_id == "a2");
  }
}

namespace {

// An article where `people` took part in one event of `kind` with the given name and date.
ArticleGraph event_article(std::string id, const std::vector<std::string>& people, std::string event_name,
                           std::string kind, std::string date) {
  ArticleGraph graph = article(std::move(id), {});
  for (const std::string& person : people) graph.entities.push_back(entity(P, person));
  ArticleEntity event = entity(EntityType::Event, std::move(event_name));
  event.event_kind = std::move(kind);
  event.date = std::move(date);
  graph.entities.push_back(std::move(event));
  const auto event_index = static_cast<std::uint32_t>(graph.entities.size() - 1);
  for (std::uint32_t p = 0; p < people.size(); ++p)
    graph.relations.push_back({RelationType::ParticipatedIn, p, event_index, {}, {}, {}});
  return graph;
}

std::size_t events_in(const MergedGraph& merged) {
  return static_cast<std::size_t>(std::count_if(merged.nodes.begin(), merged.nodes.end(),
                                                [](const EntityNode& n) { return n.type == EntityType::Event; }));
}

}  // namespace

TEST_CASE("merge_articles joins one event told by two articles by its participants, not by its name", "[merge]") {
  // Named differently by each article (one saw a third participant), same two people.
  std::vector<ArticleGraph> same = {
      event_article("a1", {"Ilse Vandermeer", "Tomasz Krol"}, "Krol–Vandermeer meeting", "meeting", "2031-04-02"),
      event_article("a2", {"Ilse Vandermeer", "Tomasz Krol", "Anya Petrenko"}, "Krol–Petrenko–Vandermeer meeting",
                    "meeting", ""),
  };
  CHECK(events_in(merge_articles(same)) == 1);
  // Other dates, another kind, or one participant in common: different events.
  std::vector<ArticleGraph> dated = {
      event_article("a1", {"Ilse Vandermeer", "Tomasz Krol"}, "Krol–Vandermeer meeting", "meeting", "2031-04-02"),
      event_article("a2", {"Ilse Vandermeer", "Tomasz Krol"}, "Krol–Vandermeer talks", "meeting", "2031-05"),
  };
  CHECK(events_in(merge_articles(dated)) == 2);
  std::vector<ArticleGraph> kinds = {
      event_article("a1", {"Ilse Vandermeer", "Tomasz Krol"}, "Krol–Vandermeer meeting", "meeting", ""),
      event_article("a2", {"Ilse Vandermeer", "Tomasz Krol"}, "Krol–Vandermeer call", "phone call", ""),
  };
  CHECK(events_in(merge_articles(kinds)) == 2);
  std::vector<ArticleGraph> one = {
      event_article("a1", {"Ilse Vandermeer", "Tomasz Krol"}, "Krol–Vandermeer meeting", "meeting", ""),
      event_article("a2", {"Ilse Vandermeer", "Anya Petrenko"}, "Petrenko–Vandermeer meeting", "meeting", ""),
  };
  CHECK(events_in(merge_articles(one)) == 2);
}
