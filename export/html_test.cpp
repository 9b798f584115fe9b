#include "export/html.hpp"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <string_view>

#include "export/escape.hpp"
#include "export/test_graph.hpp"

using namespace newsgraph;
using newsgraph::testing::TempDir;

namespace {

std::size_t count(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The page's JSON block, as the page's script reads it.
std::string data_block(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"graph-data\">";
  const std::size_t begin = page.find(open);
  REQUIRE(begin != std::string::npos);
  const std::size_t end = page.find("</script>", begin);
  REQUIRE(end != std::string::npos);
  return page.substr(begin + open.size(), end - begin - open.size());
}

KnowledgeGraph script_breaking_graph() {
  using newsgraph::testing::make_node;
  using newsgraph::testing::make_sighting;
  std::vector<EntityNode> nodes = {
      make_node("person:a", "</script><script>alert(1)</script>", EntityType::Person, {"</SCRIPT >", "<!--"}, 1, {0}),
      make_node("person:b", "B & <b>", EntityType::Person, {}, 1, {0}),
  };
  std::vector<RelationSighting> sightings = {
      make_sighting("person:a", "person:b", RelationType::MetWith, "x", 0, "A met B </script> <!-- -->"),
  };
  return build_graph(std::move(nodes), std::move(sightings), {{"x", "x.txt", "</title></script>", "", ""}});
}

}  // namespace

TEST_CASE("write_html writes one page with the drawing, its stylesheet, its script and the graph's data",
          "[export][html]") {
  TempDir dir;
  std::string warnings = "not run";
  const Status s = write_html(newsgraph::testing::simple_graph(), dir.file("graph.html"), {"sfdp", &warnings});
  INFO((s ? std::string("ok") : s.message()));
  REQUIRE(s.is_ok());
  CHECK(warnings == "");
  CHECK(dir.listing() == std::vector<std::string>{"graph.html"});
  const std::string page = newsgraph::testing::read_bytes(dir.file("graph.html"));
  CHECK(page.starts_with("<!DOCTYPE html>\n"));
  CHECK(page.ends_with("</html>\n"));
  CHECK(count(page, "<svg width=") == 1);  // Graphviz's drawing, once
  CHECK(count(page, "</svg>") == 1);
  CHECK(page.find("<?xml") == std::string::npos);
  CHECK(count(page, "<style>") == 1);
  CHECK(count(page, "<script") == 2);
  CHECK(count(page, "</script>") == 2);
  // Nothing to fetch: no external script, stylesheet, image or frame, and a policy that forbids it.
  for (const char* fetching : {"<script src", "<link", "<img", "<iframe", "@import", "url("}) {
    INFO(fetching);
    CHECK(page.find(fetching) == std::string::npos);
  }
  CHECK(page.find("Content-Security-Policy\" content=\"default-src 'none';") != std::string::npos);
  // Node i is drawn as #n<i>, edge j as #e<j>: the ids the script looks up.
  for (const char* id : {"id=\"n0\"", "id=\"n4\"", "id=\"e0\"", "id=\"e4\""}) {
    INFO(id);
    CHECK(count(page, id) == 1);
  }
  CHECK(page.find("id=\"n5\"") == std::string::npos);
  CHECK(page.find("id=\"e5\"") == std::string::npos);
}

TEST_CASE("the page's JSON is the same graph as the other formats, in vertex and edge order", "[export][html]") {
  for (const KnowledgeGraph& kg : {newsgraph::testing::simple_graph(), newsgraph::testing::nasty_graph()}) {
    TempDir dir;
    REQUIRE(write_html(kg, dir.file("graph.html")).is_ok());
    rapidjson::Document json;
    json.Parse(data_block(newsgraph::testing::read_bytes(dir.file("graph.html"))).c_str());
    REQUIRE_FALSE(json.HasParseError());
    REQUIRE(json["nodes"].Size() == boost::num_vertices(kg.graph));
    REQUIRE(json["edges"].Size() == boost::num_edges(kg.graph));
    REQUIRE(json["articles"].Size() == kg.articles.size());
    for (auto v : boost::make_iterator_range(boost::vertices(kg.graph))) {
      const EntityNode& node = kg.graph[v];
      const auto& out = json["nodes"][static_cast<rapidjson::SizeType>(v)];
      CHECK(out["id"].GetString() == exporting::clean_text(node.id));
      CHECK(out["label"].GetString() == exporting::clean_text(node.label));
      CHECK(out["type"].GetString() == to_string(node.type));
      CHECK(out["mentions"].GetUint() == node.mentions);
      CHECK(out["aliases"].Size() == node.aliases.size());
      CHECK(out["sources"].Size() == node.sources.size());
      CHECK(out.HasMember("date") == !node.date.empty());
    }
    std::size_t j = 0;
    for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) {
      const RelationEdge& rel = kg.graph[e];
      const auto& out = json["edges"][static_cast<rapidjson::SizeType>(j++)];
      CHECK(out["source"].GetUint64() == boost::source(e, kg.graph));
      CHECK(out["target"].GetUint64() == boost::target(e, kg.graph));
      CHECK(out["type"].GetString() == to_string(rel.type));
      CHECK(out["weight"].GetUint() == rel.weight());
      CHECK(out["symmetric"].GetBool() == rel.symmetric());
      REQUIRE(out["evidence"].Size() == rel.evidence.size());
      for (rapidjson::SizeType k = 0; k < out["evidence"].Size(); ++k) {
        CHECK(out["evidence"][k]["sentence"].GetString() == exporting::clean_text(kg.sentence(rel.evidence[k])));
        CHECK(out["evidence"][k]["article"].GetString() == exporting::clean_text(kg.article_id(rel.evidence[k])));
        CHECK(out["evidence"][k]["begin"].GetUint() == rel.evidence[k].begin);
      }
    }
  }
}

TEST_CASE("text that would end a <script> element stays inside the page's JSON", "[export][html]") {
  const KnowledgeGraph kg = script_breaking_graph();
  const std::string json = html_graph_json(kg);
  CHECK(json.find('<') == std::string::npos);
  CHECK(json.find('>') == std::string::npos);
  CHECK(json.find('&') == std::string::npos);
  TempDir dir;
  REQUIRE(write_html(kg, dir.file("graph.html")).is_ok());
  const std::string page = newsgraph::testing::read_bytes(dir.file("graph.html"));
  CHECK(count(page, "</script>") == 2);
  rapidjson::Document parsed;
  parsed.Parse(data_block(page).c_str());
  REQUIRE_FALSE(parsed.HasParseError());
  CHECK(std::string(parsed["nodes"][0]["label"].GetString()) == "</script><script>alert(1)</script>");
  CHECK(std::string(parsed["edges"][0]["evidence"][0]["sentence"].GetString()) == "A met B </script> <!-- -->");
}

TEST_CASE("write_html writes the same bytes twice", "[export][html]") {
  TempDir dir;
  REQUIRE(write_html(newsgraph::testing::nasty_graph(), dir.file("a.html")).is_ok());
  REQUIRE(write_html(newsgraph::testing::nasty_graph(), dir.file("b.html")).is_ok());
  CHECK(newsgraph::testing::read_bytes(dir.file("a.html")) == newsgraph::testing::read_bytes(dir.file("b.html")));
}

TEST_CASE("write_html with an unknown layout engine fails naming the path and leaves nothing", "[export][html]") {
  TempDir dir;
  const std::string path = dir.file("graph.html");
  const Status s = write_html(newsgraph::testing::simple_graph(), path, {"no-such-engine"});
  REQUIRE_FALSE(s.is_ok());
  CHECK_THAT(s.message(), Catch::Contains(path) && Catch::Contains("no-such-engine"));
  CHECK(dir.listing().empty());
}

TEST_CASE("write_html writes a page for a graph without nodes", "[export][html]") {
  TempDir dir;
  REQUIRE(write_html(KnowledgeGraph{}, dir.file("graph.html")).is_ok());
  const std::string page = newsgraph::testing::read_bytes(dir.file("graph.html"));
  CHECK(count(page, "</svg>") == 1);
  CHECK(page.find(R"({"articles":[],"nodes":[],"edges":[]})") != std::string::npos);
}
