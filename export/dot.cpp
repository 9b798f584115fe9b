#include "export/dot.hpp"

#include <cstdio>
#include <functional>
#include <string_view>

#include "core/atomic_file.hpp"
#include "export/escape.hpp"

namespace newsgraph {
namespace {

using exporting::decimal;
using exporting::dot_string;

struct NodeStyle {
  const char* shape;
  const char* fill;
};

// One shape and fill colour per node type (docs/output.md, "DOT").
NodeStyle node_style(EntityType type) {
  switch (type) {
    case EntityType::Person: return {"ellipse", "#a6cee3"};
    case EntityType::Organization: return {"box", "#b2df8a"};
    case EntityType::Place: return {"house", "#fdbf6f"};
    case EntityType::Event: return {"diamond", "#fb9a99"};
    case EntityType::Misc: return {"octagon", "#d9d9d9"};
  }
  return {"octagon", "#d9d9d9"};
}

// One colour per relation type.
const char* edge_color(RelationType type) {
  switch (type) {
    case RelationType::CoOccurs: return "#969696";
    case RelationType::MetWith: return "#e31a1c";
    case RelationType::Represents: return "#1f78b4";
    case RelationType::Claimed: return "#6a3d9a";
    case RelationType::ParticipatedIn: return "#33a02c";
    case RelationType::LocatedIn: return "#ff7f00";
  }
  return "#969696";
}

// Node ids: the GraphML id (an NMTOKEN: no quote, backslash or newline), always quoted so
// that keywords (node, edge, graph...) and ids with ':' stay plain IDs.
std::string quoted_id(const std::string& id) { return "\"" + exporting::export_node_id(id) + "\""; }

using Sink = std::function<bool(std::string_view)>;

// Emits the DOT text in pieces (one statement at a time) so that write_dot streams.
bool emit_dot(const KnowledgeGraph& kg, const Sink& sink) {
  // Portable attributes only: both dot and sfdp must lay this out without a warning
  // (no overlap=prism: it needs GTS; no splines: sfdp warns when nodes touch).
  if (!sink("// newsgraph knowledge graph; attributes: docs/output.md\n"
            "digraph newsgraph {\n"
            "  graph [overlap=false, outputorder=edgesfirst];\n"
            "  node [style=filled, fontsize=10];\n"
            "  edge [fontsize=8];\n"))
    return false;
  std::string line;
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph))) {
    const EntityNode& node = kg.graph[v];
    const NodeStyle style = node_style(node.type);
    line = "  " + quoted_id(node.id) + " [label=" + dot_string(node.label) + ", type=\"" +
           std::string(to_string(node.type)) + "\", shape=" + style.shape + ", fillcolor=\"" + style.fill +
           "\", mentions=" + decimal(node.mentions) + ", articles=" + decimal(node.sources.size()) + "];\n";
    if (!sink(line)) return false;
  }
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) {
    const RelationEdge& rel = kg.graph[e];
    const std::string type(to_string(rel.type));
    const char* color = edge_color(rel.type);
    line = "  " + quoted_id(kg.graph[boost::source(e, kg.graph)].id) + " -> " +
           quoted_id(kg.graph[boost::target(e, kg.graph)].id) + " [label=\"" + type + "\", type=\"" + type +
           "\", color=\"" + color + "\", fontcolor=\"" + color + "\", weight=" + decimal(rel.weight());
    if (rel.symmetric()) line += ", dir=none";
    if (!rel.evidence.empty()) line += ", tooltip=" + dot_string(rel.best_evidence().sentence_text);
    line += "];\n";
    if (!sink(line)) return false;
  }
  return sink("}\n");
}

}  // namespace

std::string dot_text(const KnowledgeGraph& kg) {
  std::string out;
  emit_dot(kg, [&out](std::string_view piece) {
    out += piece;
    return true;
  });
  return out;
}

Status write_dot(const KnowledgeGraph& kg, const std::string& path) {
  AtomicFile file;
  if (Status s = file.open(path); !s) return s;
  Status failure = Status::ok();
  const bool ok = emit_dot(kg, [&](std::string_view piece) {
    failure = file.write(piece);
    return failure.is_ok();
  });
  if (!ok) return failure;
  return file.commit();
}

}  // namespace newsgraph
