#include "export/render.hpp"

#include <catch2/catch.hpp>

#include "export/test_graph.hpp"

using namespace newsgraph;
using newsgraph::testing::TempDir;

TEST_CASE("render_svg lays out with dot and sfdp without a single Graphviz warning", "[export]") {
  for (const char* layout : {"dot", "sfdp"}) {
    for (const KnowledgeGraph& kg : {newsgraph::testing::simple_graph(), newsgraph::testing::nasty_graph()}) {
      TempDir dir;
      std::string warnings = "not run";
      const Status s = render_svg(kg, dir.file("graph.svg"), {layout, &warnings});
      INFO(layout << ": " << (s ? std::string("ok") : s.message()));
      REQUIRE(s.is_ok());
      CHECK(warnings == "");
      const std::string svg = newsgraph::testing::read_bytes(dir.file("graph.svg"));
      CHECK(svg.find("<svg") != std::string::npos);
      CHECK(svg.find("</svg>") != std::string::npos);
      CHECK(dir.listing() == std::vector<std::string>{"graph.svg"});
    }
  }
}

TEST_CASE("render_svg with an unknown layout engine fails naming the path and leaves nothing", "[export]") {
  TempDir dir;
  const std::string path = dir.file("graph.svg");
  const Status s = render_svg(newsgraph::testing::simple_graph(), path, {"no-such-engine"});
  REQUIRE_FALSE(s.is_ok());
  CHECK_THAT(s.message(), Catch::Contains(path) && Catch::Contains("no-such-engine"));
  CHECK(dir.listing().empty());
}

TEST_CASE("render_svg into a missing directory fails and leaves nothing", "[export]") {
  TempDir dir;
  const std::string path = dir.file("missing/graph.svg");
  const Status s = render_svg(newsgraph::testing::simple_graph(), path);
  REQUIRE_FALSE(s.is_ok());
  CHECK_THAT(s.message(), Catch::Contains(path));
  CHECK(dir.listing().empty());
}

TEST_CASE("render_svg writes the same bytes twice", "[export]") {
  TempDir dir;
  REQUIRE(render_svg(newsgraph::testing::simple_graph(), dir.file("a.svg")).is_ok());
  REQUIRE(render_svg(newsgraph::testing::simple_graph(), dir.file("b.svg")).is_ok());
  CHECK(newsgraph::testing::read_bytes(dir.file("a.svg")) == newsgraph::testing::read_bytes(dir.file("b.svg")));
}
