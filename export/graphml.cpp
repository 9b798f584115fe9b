#include "export/graphml.hpp"

#include <cstdio>
#include <string_view>

#include "core/atomic_file.hpp"
#include "export/escape.hpp"
#include "export/xml_writer.hpp"

namespace newsgraph {
namespace {

using exporting::clean_text;
using exporting::decimal;
using exporting::join;

// One <key>. Ids never collide with the names Gephi matches on the key id (label, weight,
// x, y, size, r, g, b, color, d3, d7...); the special meanings are reached via attr.name.
struct Key {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;
  const char* type;
};

constexpr Key kKeys[] = {
    {"n_label", "node", "label", "string"},
    {"n_type", "node", "type", "string"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_mentions", "node", "mentions", "int"},
    {"n_articles", "node", "articles", "int"},
    {"n_sources", "node", "sources", "string"},
    {"n_date", "node", "date", "string"},
    {"n_place", "node", "place", "string"},
    {"e_label", "edge", "label", "string"},
    {"e_type", "edge", "type", "string"},
    {"e_weight", "edge", "weight", "double"},
    {"e_articles", "edge", "articles", "int"},
    {"e_evidence", "edge", "evidence", "string"},
    {"e_sources", "edge", "sources", "string"},
    {"e_evidence_article", "edge", "evidence_article", "string"},
    {"e_evidence_offsets", "edge", "evidence_offsets", "string"},
    {"e_rule", "edge", "rule", "string"},
    {"e_text", "edge", "text", "string"},
    {"e_status", "edge", "status", "string"},
    {"e_symmetric", "edge", "symmetric", "boolean"},
};

using Writer = exporting::XmlWriter;

// <data key="...">value</data>; the value is cleaned by the writer.
void data(Writer& out, const char* key, std::string_view value) {
  out.start("data");
  out.attribute("key", key);
  out.text(value);
  out.end();
}

void write_keys(Writer& out) {
  for (const Key& key : kKeys) {
    out.start("key");
    out.attribute("id", key.id);
    out.attribute("for", key.domain);
    out.attribute("attr.name", key.name);
    out.attribute("attr.type", key.type);
    out.end();
  }
}

void write_node(Writer& out, const KnowledgeGraph& kg, const EntityNode& node) {
  out.start("node");
  out.attribute("id", exporting::export_node_id(node.id));
  data(out, "n_label", node.label);
  data(out, "n_type", to_string(node.type));
  data(out, "n_aliases", join(node.aliases, '|'));
  data(out, "n_mentions", decimal(node.mentions));
  data(out, "n_articles", decimal(node.sources.size()));
  data(out, "n_sources", join(kg.article_ids(node.sources), '|'));
  if (!node.date.empty()) data(out, "n_date", node.date);
  if (!node.place.empty()) data(out, "n_place", node.place);
  out.end();
}

void write_edge(Writer& out, const KnowledgeGraph& kg, Edge e, std::size_t index) {
  const RelationEdge& rel = kg.graph[e];
  out.start("edge");
  out.attribute("id", std::string("e").append(decimal(index)));  // not "e" + ...: GCC 12 warns falsely (-Wrestrict)
  out.attribute("source", exporting::export_node_id(kg.graph[boost::source(e, kg.graph)].id));
  out.attribute("target", exporting::export_node_id(kg.graph[boost::target(e, kg.graph)].id));
  const std::string_view type = to_string(rel.type);
  data(out, "e_label", type);
  data(out, "e_type", type);
  data(out, "e_weight", decimal(rel.weight()));
  const std::vector<std::string> sources = kg.article_ids(rel);
  data(out, "e_articles", decimal(sources.size()));
  if (!rel.evidence.empty()) {
    const EdgeEvidence& best = rel.best_evidence();
    data(out, "e_evidence", kg.sentence(best));
    data(out, "e_evidence_article", kg.article_id(best));
    data(out, "e_evidence_offsets", decimal(best.begin) + "-" + decimal(best.end));
    data(out, "e_rule", kg.rule(best));
  }
  data(out, "e_sources", join(sources, '|'));
  if (!rel.text.empty()) data(out, "e_text", rel.text);
  if (!rel.status.empty()) data(out, "e_status", rel.status);
  data(out, "e_symmetric", rel.symmetric() ? "true" : "false");
  out.end();
}

}  // namespace

Status write_graphml(const KnowledgeGraph& kg, const std::string& path) {
  AtomicFile file;
  if (Status s = file.open(path); !s) return s;

  Writer out(file.file());
  out.start("graphml");
  out.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
  out.attribute_ns("xmlns", "xsi", nullptr, "http://www.w3.org/2001/XMLSchema-instance");
  out.attribute_ns("xsi", "schemaLocation", nullptr,
                   "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  out.comment(" newsgraph knowledge graph; attributes: docs/output.md ");
  write_keys(out);
  out.start("graph");
  out.attribute("id", "newsgraph");
  out.attribute("edgedefault", "directed");
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph))) {
    if (!out.ok()) break;
    write_node(out, kg, kg.graph[v]);
  }
  std::size_t index = 0;
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) {
    if (!out.ok()) break;
    write_edge(out, kg, e, index++);
  }
  const bool written = out.finish();  // closes graph and graphml
  if (!written || std::ferror(file.file()))
    return Status::error(path + ": GraphML write failed (I/O error or disk full)");
  return file.commit();
}

}  // namespace newsgraph
