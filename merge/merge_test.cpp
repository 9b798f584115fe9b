#include "merge/merge.hpp"

#include <catch2/catch.hpp>

using namespace newsgraph;

namespace {
ArticleGraph article(std::string id, std::vector<ArticleEntity> entities) {
  ArticleGraph graph;
  graph.article_id = std::move(id);
  graph.entities = std::move(entities);
  return graph;
}
}  // namespace

TEST_CASE("merge_articles joins entities with the same type and name key across articles", "[merge]") {
  std::vector<ArticleGraph> articles = {
      article("a1", {{EntityType::Person, "Angela Merkel", {"Angela Merkel"}, 2, {}, {}},
                     {EntityType::Place, "Georgia", {"Georgia"}, 1, {}, {}}}),
      article("a2", {{EntityType::Person, "ANGELA MERKEL", {"ANGELA MERKEL"}, 1, {}, {}},
                     {EntityType::Person, "Georgia", {"Georgia"}, 1, {}, {}}}),
  };
  articles[0].relations.push_back({RelationType::CoOccurs, 0, 1, {}, {}, {}});
  const MergedGraph merged = merge_articles(articles);
  REQUIRE(merged.nodes.size() == 3);  // one Merkel; Georgia the place apart from Georgia the person
  const auto merkel = std::find_if(merged.nodes.begin(), merged.nodes.end(),
                                   [](const EntityNode& n) { return n.id == "person:angela-merkel"; });
  REQUIRE(merkel != merged.nodes.end());
  CHECK(merkel->label == "Angela Merkel");
  CHECK(merkel->aliases == std::vector<std::string>{"ANGELA MERKEL", "Angela Merkel"});
  CHECK(merkel->sources == std::vector<std::string>{"a1", "a2"});
  CHECK(merkel->mentions == 3);
  REQUIRE(merged.sightings.size() == 1);
  CHECK(merged.sightings[0].source_id == "person:angela-merkel");
  CHECK(merged.sightings[0].target_id == "place:georgia");
}
