#include "export/graphml.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <catch2/catch.hpp>
#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "export/escape.hpp"
#include "export/test_graph.hpp"

using namespace newsgraph;
using newsgraph::testing::TempDir;

namespace {

std::string text_of(xmlNodePtr node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string out = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return out;
}

std::string attr(xmlNodePtr node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string out = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return out;
}

// The GraphML as an independent reader sees it: keys by id, nodes and edges with their data
// resolved to attr.name.
struct ReadGraph {
  std::string edgedefault;
  std::map<std::string, std::map<std::string, std::string>> keys;  // id -> {for, attr.name, attr.type}
  std::vector<std::pair<std::string, std::map<std::string, std::string>>> nodes;
  struct EdgeRow {
    std::string id, source, target;
    std::map<std::string, std::string> data;
  };
  std::vector<EdgeRow> edges;
};

ReadGraph read_graphml(const std::string& path) {
  ReadGraph out;
  xmlDocPtr doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET);
  REQUIRE(doc != nullptr);
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(ctx, reinterpret_cast<const xmlChar*>("g"),
                     reinterpret_cast<const xmlChar*>("http://graphml.graphdrawing.org/xmlns"));
  const auto select = [&](const char* expr) {
    xmlXPathObjectPtr result = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(expr), ctx);
    std::vector<xmlNodePtr> nodes;
    if (result && result->nodesetval)
      for (int i = 0; i < result->nodesetval->nodeNr; ++i) nodes.push_back(result->nodesetval->nodeTab[i]);
    xmlXPathFreeObject(result);
    return nodes;
  };
  for (xmlNodePtr key : select("/g:graphml/g:key"))
    out.keys[attr(key, "id")] = {{"for", attr(key, "for")}, {"attr.name", attr(key, "attr.name")},
                                 {"attr.type", attr(key, "attr.type")}};
  const auto data_of = [&](xmlNodePtr element) {
    std::map<std::string, std::string> data;
    for (xmlNodePtr child = element->children; child; child = child->next)
      if (child->type == XML_ELEMENT_NODE && xmlStrEqual(child->name, reinterpret_cast<const xmlChar*>("data")))
        data[out.keys[attr(child, "key")]["attr.name"]] = text_of(child);
    return data;
  };
  for (xmlNodePtr graph : select("/g:graphml/g:graph")) out.edgedefault = attr(graph, "edgedefault");
  for (xmlNodePtr node : select("/g:graphml/g:graph/g:node")) out.nodes.emplace_back(attr(node, "id"), data_of(node));
  for (xmlNodePtr edge : select("/g:graphml/g:graph/g:edge"))
    out.edges.push_back({attr(edge, "id"), attr(edge, "source"), attr(edge, "target"), data_of(edge)});
  xmlXPathFreeContext(ctx);
  xmlFreeDoc(doc);
  return out;
}

void collect(void* ctx, const char* msg, ...) {
  va_list args;
  va_start(args, msg);
  char buffer[1024];
  std::vsnprintf(buffer, sizeof buffer, msg, args);
  va_end(args);
  *static_cast<std::string*>(ctx) += buffer;
}

// Validates `path` against schemas/graphml/graphml.xsd; every import resolves to a local file
// (the network loader is refused). Returns libxml2's messages, empty when valid.
std::string validate_against_xsd(const std::string& path) {
  const std::string xsd = std::string(NEWSGRAPH_SOURCE_DIR) + "/schemas/graphml/graphml.xsd";
  REQUIRE(std::filesystem::exists(xsd));
  const xmlExternalEntityLoader previous = xmlGetExternalEntityLoader();
  xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
  std::string messages;
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(xsd.c_str());
  xmlSchemaSetParserErrors(parser, collect, collect, &messages);
  xmlSchemaPtr schema = xmlSchemaParse(parser);
  xmlSchemaFreeParserCtxt(parser);
  if (!schema) {
    xmlSetExternalEntityLoader(previous);
    return "schema did not load: " + messages;
  }
  xmlDocPtr doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET);
  if (!doc) {
    xmlSchemaFree(schema);
    xmlSetExternalEntityLoader(previous);
    return "not well-formed";
  }
  xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidErrors(valid, collect, collect, &messages);
  const int rc = xmlSchemaValidateDoc(valid, doc);
  xmlSchemaFreeValidCtxt(valid);
  xmlFreeDoc(doc);
  xmlSchemaFree(schema);
  xmlSetExternalEntityLoader(previous);
  if (rc != 0 && messages.empty()) messages = "invalid (code " + std::to_string(rc) + ")";
  return messages;
}

}  // namespace

TEST_CASE("write_graphml round-trips node ids, labels, types and typed edges through an XML reader", "[export]") {
  const KnowledgeGraph kg = newsgraph::testing::simple_graph();
  TempDir dir;
  const std::string path = dir.file("graph.graphml");
  REQUIRE(write_graphml(kg, path).is_ok());
  const ReadGraph read = read_graphml(path);

  CHECK(read.edgedefault == "directed");
  REQUIRE(read.nodes.size() == boost::num_vertices(kg.graph));
  std::size_t i = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph))) {
    const EntityNode& node = kg.graph[v];
    CHECK(read.nodes[i].first == node.id);
    CHECK(read.nodes[i].second.at("label") == node.label);
    CHECK(read.nodes[i].second.at("type") == std::string(to_string(node.type)));
    CHECK(read.nodes[i].second.at("aliases") == exporting::join(node.aliases, '|'));
    CHECK(read.nodes[i].second.at("mentions") == std::to_string(node.mentions));
    CHECK(read.nodes[i].second.at("articles") == std::to_string(node.sources.size()));
    ++i;
  }
  const auto& event = read.nodes[0].second;  // "event:..." sorts first
  CHECK(event.at("date") == "2025-08-06");
  CHECK(event.at("place") == "Moscow");
  CHECK(read.nodes[1].second.count("date") == 0);

  REQUIRE(read.edges.size() == boost::num_edges(kg.graph));
  i = 0;
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) {
    const RelationEdge& rel = kg.graph[e];
    const auto& row = read.edges[i];
    CHECK(row.id == "e" + std::to_string(i));
    CHECK(row.source == kg.graph[boost::source(e, kg.graph)].id);
    CHECK(row.target == kg.graph[boost::target(e, kg.graph)].id);
    CHECK(row.data.at("type") == std::string(to_string(rel.type)));
    CHECK(row.data.at("label") == std::string(to_string(rel.type)));
    CHECK(row.data.at("weight") == std::to_string(rel.weight()));
    CHECK(row.data.at("evidence") == kg.sentence(rel.best_evidence()));
    CHECK(row.data.at("evidence_article") == kg.article_id(rel.best_evidence()));
    CHECK(row.data.at("evidence_offsets") ==
          std::to_string(rel.best_evidence().begin) + "-" + std::to_string(rel.best_evidence().end));
    CHECK(row.data.at("rule") == kg.rule(rel.best_evidence()));
    CHECK(row.data.at("sources") == exporting::join(kg.article_ids(rel), '|'));
    CHECK(row.data.at("symmetric") == (rel.symmetric() ? "true" : "false"));
    if (rel.type == RelationType::MetWith) {
      CHECK(row.data.at("status") == "held");
      CHECK(row.data.at("weight") == "2");
    }
    if (rel.type == RelationType::Claimed) CHECK(row.data.at("text") == "the talks were useful");
    ++i;
  }
}

TEST_CASE("GraphML keys are declared once, typed, and never use an id Gephi treats specially", "[export]") {
  const KnowledgeGraph kg = newsgraph::testing::simple_graph();
  TempDir dir;
  const std::string path = dir.file("graph.graphml");
  REQUIRE(write_graphml(kg, path).is_ok());
  const ReadGraph read = read_graphml(path);
  const std::set<std::string> special = {"label", "nodelabel", "edgelabel", "weight", "edge weight", "x", "y", "z",
                                         "xpos", "ypos", "zpos", "size", "r", "g", "b", "color", "d3", "d7"};
  for (const auto& [id, key] : read.keys) {
    INFO(id);
    CHECK(special.count(id) == 0);
    CHECK(!key.at("attr.type").empty());
    CHECK((key.at("for") == "node" || key.at("for") == "edge"));
  }
  CHECK(read.keys.at("e_weight").at("attr.name") == "weight");
  CHECK(read.keys.at("e_weight").at("attr.type") == "double");
  CHECK(read.keys.at("n_label").at("attr.name") == "label");
  CHECK(read.keys.at("e_symmetric").at("attr.type") == "boolean");
}

TEST_CASE("write_graphml output is valid against the GraphML XSD, offline, for nasty strings too", "[export]") {
  TempDir dir;
  for (const KnowledgeGraph& kg : {newsgraph::testing::simple_graph(), newsgraph::testing::nasty_graph()}) {
    const std::string path = dir.file("graph.graphml");
    REQUIRE(write_graphml(kg, path).is_ok());
    CHECK(validate_against_xsd(path) == "");
  }
}

TEST_CASE("write_graphml escapes markup and drops control characters but keeps every other character", "[export]") {
  const KnowledgeGraph kg = newsgraph::testing::nasty_graph();
  TempDir dir;
  const std::string path = dir.file("graph.graphml");
  REQUIRE(write_graphml(kg, path).is_ok());
  const std::string bytes = newsgraph::testing::read_bytes(path);
  CHECK(bytes.find('\x01') == std::string::npos);
  CHECK(bytes.find('\x1B') == std::string::npos);
  CHECK(bytes.find("<b>") == std::string::npos);

  const ReadGraph read = read_graphml(path);
  std::map<std::string, std::map<std::string, std::string>> by_id(read.nodes.begin(), read.nodes.end());
  CHECK(by_id.at("person:dr-quote").at("label") ==
        exporting::clean_text(kg.graph[kg.index.at("person:dr-quote")].label));
  CHECK(by_id.at("person:dr-quote").at("label").find("]]> <b>&amp;</b>") != std::string::npos);
  CHECK(by_id.at("person:controls").at("label") == "ctlend");
  CHECK(by_id.at("place:long").at("label").size() == 10000);
  CHECK(by_id.at("person:emoji").at("label") == "Emoji \xF0\x9F\x98\x80 \xF0\x9F\x87\xBA\xF0\x9F\x87\xA6 face");
  CHECK(by_id.at("organization:rtl").at("label").rfind("\xE2\x80\x8F", 0) == 0);
  // An id that is not an NMTOKEN is escaped, the same way in edges.
  const std::string escaped = exporting::export_node_id("person:bad id/with spaces\"");
  CHECK(by_id.count(escaped) == 1);
  bool edge_uses_escaped = false;
  for (const auto& edge : read.edges) edge_uses_escaped |= edge.source == escaped;
  CHECK(edge_uses_escaped);
}

TEST_CASE("write_graphml into a missing directory fails naming the path and leaves nothing", "[export]") {
  TempDir dir;
  const std::string path = dir.file("missing/graph.graphml");
  const Status s = write_graphml(newsgraph::testing::simple_graph(), path);
  REQUIRE_FALSE(s.is_ok());
  CHECK_THAT(s.message(), Catch::Contains(path));
  CHECK(dir.listing().empty());
}

TEST_CASE("write_graphml keeps an existing file when the write fails and leaves no temp file", "[export]") {
  TempDir dir;
  const std::string path = dir.file("graph.graphml");
  REQUIRE(write_graphml(newsgraph::testing::simple_graph(), path).is_ok());
  const std::string before = newsgraph::testing::read_bytes(path);
  // A directory where the temp file should go makes the open fail.
  std::filesystem::create_directory(path + ".tmp");
  CHECK_FALSE(write_graphml(newsgraph::testing::nasty_graph(), path).is_ok());
  CHECK(newsgraph::testing::read_bytes(path) == before);
}

TEST_CASE("write_graphml writes the same bytes twice", "[export]") {
  TempDir dir;
  REQUIRE(write_graphml(newsgraph::testing::nasty_graph(), dir.file("a.graphml")).is_ok());
  REQUIRE(write_graphml(newsgraph::testing::nasty_graph(), dir.file("b.graphml")).is_ok());
  CHECK(newsgraph::testing::read_bytes(dir.file("a.graphml")) == newsgraph::testing::read_bytes(dir.file("b.graphml")));
  CHECK(dir.listing() == std::vector<std::string>{"a.graphml", "b.graphml"});
}

TEST_CASE("the offline XSD check rejects GraphML whose edge names an undeclared node", "[export]") {
  TempDir dir;
  const std::string path = dir.file("bad.graphml");
  std::ofstream(path) << "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
                         "<graph edgedefault=\"directed\"><node id=\"a\"/><edge source=\"a\" target=\"b\"/></graph>"
                         "</graphml>\n";
  CHECK(validate_against_xsd(path) != "");
}
