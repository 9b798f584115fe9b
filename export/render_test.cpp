#include "export/render.hpp"

#include <fcntl.h>
#include <unistd.h>

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

TEST_CASE("render_png writes a PNG with the legend's colours, the same bytes twice, without a warning", "[export]") {
  TempDir dir;
  std::string warnings = "not run";
  REQUIRE(render_png(newsgraph::testing::simple_graph(), dir.file("a.png"), {"sfdp", &warnings}).is_ok());
  CHECK(warnings == "");
  REQUIRE(render_png(newsgraph::testing::simple_graph(), dir.file("b.png")).is_ok());
  const std::string png = newsgraph::testing::read_bytes(dir.file("a.png"));
  CHECK(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
  CHECK(png == newsgraph::testing::read_bytes(dir.file("b.png")));
  CHECK(dir.listing() == std::vector<std::string>{"a.png", "b.png"});
}

TEST_CASE("rendered pictures carry a legend of the node and relation types present", "[export]") {
  TempDir dir;
  REQUIRE(render_svg(newsgraph::testing::simple_graph(), dir.file("graph.svg")).is_ok());
  const std::string svg = newsgraph::testing::read_bytes(dir.file("graph.svg"));
  for (const char* entry : {"Person 2", "Organization 1", "Place 1", "Event 1", "met&#45;with 1", "located&#45;in 1"}) {
    INFO(entry);
    CHECK(svg.find(entry) != std::string::npos);
  }
  CHECK(svg.find("co&#45;occurs") == std::string::npos);  // absent types are not listed
}

TEST_CASE("render_png of a huge drawing scales it down without writing to stderr", "[export]") {
  // The nasty graph has a 10,000-character label: past cairo's bitmap limit, Graphviz's PNG
  // renderer prints "graph is too large for cairo-renderer bitmaps" straight to stderr.
  TempDir dir;
  const std::string captured = dir.file("stderr.txt");
  std::fflush(stderr);
  const int saved = ::dup(STDERR_FILENO);
  const int file = ::open(captured.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  REQUIRE((saved >= 0 && file >= 0));
  ::dup2(file, STDERR_FILENO);
  const Status s = render_png(newsgraph::testing::nasty_graph(), dir.file("graph.png"));
  std::fflush(stderr);
  ::dup2(saved, STDERR_FILENO);
  ::close(saved);
  ::close(file);
  REQUIRE(s.is_ok());
  CHECK(newsgraph::testing::read_bytes(captured) == "");
}
