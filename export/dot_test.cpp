#include "export/dot.hpp"

#include <graphviz/cgraph.h>

#include <catch2/catch.hpp>
#include <map>

#include "export/escape.hpp"
#include "export/test_graph.hpp"

using namespace newsgraph;
using newsgraph::testing::TempDir;

namespace {

std::string get(void* object, const char* name) {
  char* value = agget(object, const_cast<char*>(name));
  return value ? value : "";
}

// The DOT text as libcgraph reads it: node id -> {label, type, shape}, edges as
// (tail, head, type) in file order.
struct ReadDot {
  bool directed = false;
  std::string name;
  std::map<std::string, std::map<std::string, std::string>> nodes;
  std::vector<std::tuple<std::string, std::string, std::string>> edges;
};

ReadDot read_dot(const std::string& text) {
  ReadDot out;
  Agraph_t* g = agmemread(text.c_str());
  REQUIRE(g != nullptr);
  out.directed = agisdirected(g);
  out.name = agnameof(g);
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    out.nodes[agnameof(n)] = {{"label", get(n, "label")}, {"type", get(n, "type")}, {"shape", get(n, "shape")}};
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e))
      out.edges.emplace_back(agnameof(agtail(e)), agnameof(aghead(e)), get(e, "type"));
  }
  agclose(g);
  return out;
}

}  // namespace

TEST_CASE("dot_text round-trips node ids, labels, types and typed edges through libcgraph", "[export]") {
  const KnowledgeGraph kg = newsgraph::testing::simple_graph();
  const ReadDot read = read_dot(dot_text(kg));
  CHECK(read.directed);
  CHECK(read.name == "newsgraph");
  REQUIRE(read.nodes.size() == boost::num_vertices(kg.graph));
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph))) {
    const EntityNode& node = kg.graph[v];
    REQUIRE(read.nodes.count(node.id) == 1);
    CHECK(read.nodes.at(node.id).at("label") == node.label);
    CHECK(read.nodes.at(node.id).at("type") == std::string(to_string(node.type)));
  }
  std::vector<std::tuple<std::string, std::string, std::string>> want;
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph)))
    want.emplace_back(kg.graph[boost::source(e, kg.graph)].id, kg.graph[boost::target(e, kg.graph)].id,
                      std::string(to_string(kg.graph[e].type)));
  auto got = read.edges;
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  CHECK(got == want);
}

TEST_CASE("dot_text gives each node type its own shape and marks met-with undirected", "[export]") {
  const KnowledgeGraph kg = newsgraph::testing::simple_graph();
  const ReadDot read = read_dot(dot_text(kg));
  CHECK(read.nodes.at("person:steve-witkoff").at("shape") == "ellipse");
  CHECK(read.nodes.at("organization:kremlin").at("shape") == "box");
  CHECK(read.nodes.at("place:moscow").at("shape") == "house");
  CHECK(read.nodes.at("event:moscow-talks-2025-08-06").at("shape") == "diamond");
  const std::string text = dot_text(kg);
  CHECK(text.find("\"person:steve-witkoff\" -> \"person:vladimir-putin\" [label=\"met-with\"") != std::string::npos);
  CHECK(text.find("dir=none") != std::string::npos);
  CHECK(text.rfind("// newsgraph", 0) == 0);
}

TEST_CASE("dot_text keeps nasty strings inside their quotes: every parsed id and edge is the graph's", "[export]") {
  const KnowledgeGraph kg = newsgraph::testing::nasty_graph();
  const std::string text = dot_text(kg);
  const ReadDot read = read_dot(text);
  REQUIRE(read.nodes.size() == boost::num_vertices(kg.graph));
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph)))
    CHECK(read.nodes.count(exporting::export_node_id(kg.graph[v].id)) == 1);
  CHECK(read.edges.size() == boost::num_edges(kg.graph));
  // Keywords used as ids stay ids.
  CHECK(read.nodes.count("node") == 1);
  CHECK(read.nodes.count("graph") == 1);
  // The lexer undoes only \" ; the label keeps the escString escapes Graphviz renders.
  CHECK(read.nodes.at("person:dr-quote").at("label").rfind("Dr. \"Quote\" O'Neil \\\\ back\\\\slash\\nnew line", 0) == 0);
  CHECK(read.nodes.at("person:controls").at("label") == "ctlend");
  CHECK(read.nodes.at("place:long").at("label").size() == 10000);
  CHECK(text.find('\x01') == std::string::npos);
  CHECK(text.find('\r') == std::string::npos);
}

TEST_CASE("write_dot writes dot_text's bytes atomically, and nothing when the directory is missing", "[export]") {
  const KnowledgeGraph kg = newsgraph::testing::nasty_graph();
  TempDir dir;
  REQUIRE(write_dot(kg, dir.file("graph.dot")).is_ok());
  CHECK(newsgraph::testing::read_bytes(dir.file("graph.dot")) == dot_text(kg));
  CHECK(dir.listing() == std::vector<std::string>{"graph.dot"});

  const std::string missing = dir.file("missing/graph.dot");
  const Status s = write_dot(kg, missing);
  REQUIRE_FALSE(s.is_ok());
  CHECK_THAT(s.message(), Catch::Contains(missing));
  CHECK(dir.listing() == std::vector<std::string>{"graph.dot"});
}

TEST_CASE("dot_text is the same text twice", "[export]") {
  CHECK(dot_text(newsgraph::testing::nasty_graph()) == dot_text(newsgraph::testing::nasty_graph()));
}
