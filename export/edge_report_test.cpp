#include "export/edge_report.hpp"

#include <catch2/catch.hpp>

using namespace newsgraph;

TEST_CASE("the edge report lists each edge with every supporting sentence and its rule", "[export]") {
  EntityNode a{"person:a", "A", EntityType::Person, {"A"}, 1, {}, {}, {}};
  EntityNode b{"place:b", "B", EntityType::Place, {"B"}, 1, {}, {}, {}};
  RelationSighting s1{"person:a", "place:b", RelationType::Claimed, {"art1", 0, 0, 10, "A said B\nwon.", "claimed:x"}, "B won", {}};
  RelationSighting s2{"person:a", "place:b", RelationType::Claimed, {"art2", 3, 40, 60, "A said so.", "claimed:y"}, "so", {}};
  const KnowledgeGraph kg = build_graph({a, b}, {s1, s2}, {});
  const std::string report = edge_report(kg);
  CHECK(report ==
        "claimed person:a -> place:b weight=2 articles=2 claim=\"B won\"\n"
        "    art1 [0,10) claimed:x: A said B won.\n"
        "    art2 [40,60) claimed:y: A said so.\n");
}
