#include "export/dot.hpp"

#include <cstdio>
#include <functional>
#include <string_view>

#include "core/atomic_file.hpp"
#include "export/escape.hpp"
#include "export/palette.hpp"

namespace newsgraph {
namespace {

using exporting::decimal;
using exporting::dot_string;

// One shape per node type (docs/output.md, "DOT"); colours from the shared palette.
const char* node_shape(EntityType type) {
  switch (type) {
    case EntityType::Person: return "ellipse";
    case EntityType::Organization: return "box";
    case EntityType::Place: return "house";
    case EntityType::Event: return "diamond";
    case EntityType::Misc: return "octagon";
  }
  return "octagon";
}

// Node ids: the GraphML id (an NMTOKEN: no quote, backslash or newline), always quoted so
// that keywords (node, edge, graph...) and ids with ':' stay plain IDs.
// Appends only: GCC 12 warns falsely (-Wrestrict) on "\"" + std::string.
std::string quoted_id(const std::string& id) {
  std::string out = "\"";
  out += exporting::export_node_id(id);
  out += '"';
  return out;
}

using Sink = std::function<bool(std::string_view)>;

// Emits the DOT text in pieces (one statement at a time) so that write_dot streams.
// For rendered pictures: a size limit and a legend, a graph label (an HTML-like table, so it adds no node) with
// one cell per node type and relation type present in the graph, in the drawing's colours.
std::string legend_line(const KnowledgeGraph& kg) {
  std::string cells;
  for (const auto& [type, count] : count_nodes_by_type(kg))
    cells += std::string("<TD BGCOLOR=\"") + exporting::node_colour(type) + "\">" + std::string(to_string(type)) + " " +
             decimal(count) + "</TD>";
  std::string relations;
  for (const auto& [type, count] : count_edges_by_type(kg))
    relations += std::string("<TD><FONT COLOR=\"") + exporting::relation_colour(type) + "\">" +
                 std::string(to_string(type)) + " " + decimal(count) + "</FONT></TD>";
  // size: at most 300 inches a side, scaled down beyond that, so that a huge graph stays under
  // cairo's 32767-pixel bitmap limit (past it the PNG renderer writes to stderr itself).
  return "  graph [size=\"300,300\", labelloc=b, fontsize=14, label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" "
         "CELLPADDING=\"3\"><TR>" + cells + "</TR><TR>" + relations + "</TR></TABLE>>];\n";
}

bool emit_dot(const KnowledgeGraph& kg, bool legend, const Sink& sink) {
  // Portable attributes only: both dot and sfdp must lay this out without a warning
  // (no overlap=prism: it needs GTS; no splines: sfdp warns when nodes touch).
  if (!sink("// newsgraph knowledge graph; attributes: docs/output.md\n"
            "digraph newsgraph {\n"
            "  graph [overlap=false, outputorder=edgesfirst];\n"
            "  node [style=filled, fontsize=10];\n"
            "  edge [fontsize=8];\n"))
    return false;
  if (legend && !sink(legend_line(kg))) return false;
  std::string line;
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph))) {
    const EntityNode& node = kg.graph[v];
    line = "  " + quoted_id(node.id) + " [label=" + dot_string(node.label) + ", type=\"" +
           std::string(to_string(node.type)) + "\", shape=" + node_shape(node.type) + ", fillcolor=\"" + exporting::node_colour(node.type) +
           "\", mentions=" + decimal(node.mentions) + ", articles=" + decimal(node.sources.size()) + "];\n";
    if (!sink(line)) return false;
  }
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) {
    const RelationEdge& rel = kg.graph[e];
    const std::string type(to_string(rel.type));
    const char* color = exporting::relation_colour(rel.type);
    line = "  " + quoted_id(kg.graph[boost::source(e, kg.graph)].id) + " -> " +
           quoted_id(kg.graph[boost::target(e, kg.graph)].id) + " [label=\"" + type + "\", type=\"" + type +
           "\", color=\"" + color + "\", fontcolor=\"" + color + "\", weight=" + decimal(rel.weight());
    if (rel.symmetric()) line += ", dir=none";
    if (!rel.evidence.empty()) line += ", tooltip=" + dot_string(kg.sentence(rel.best_evidence()));
    line += "];\n";
    if (!sink(line)) return false;
  }
  return sink("}\n");
}

}  // namespace

std::string dot_text(const KnowledgeGraph& kg, bool legend) {
  std::string out;
  emit_dot(kg, legend, [&out](std::string_view piece) {
    out += piece;
    return true;
  });
  return out;
}

Status write_dot(const KnowledgeGraph& kg, const std::string& path) {
  AtomicFile file;
  if (Status s = file.open(path); !s) return s;
  Status failure = Status::ok();
  const bool ok = emit_dot(kg, false, [&](std::string_view piece) {
    failure = file.write(piece);
    return failure.is_ok();
  });
  if (!ok) return failure;
  return file.commit();
}

}  // namespace newsgraph
