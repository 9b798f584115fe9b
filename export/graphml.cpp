#include "export/graphml.hpp"

#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>

#include <cstdio>
#include <string_view>

#include "core/atomic_file.hpp"
#include "export/escape.hpp"

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

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* x(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

// Wraps the writer so that the first failing call is remembered and later calls are no-ops.
class Writer {
 public:
  explicit Writer(xmlTextWriterPtr writer) : writer_(writer) {}

  bool ok() const { return ok_; }
  void check(int rc) {
    if (rc < 0) ok_ = false;
  }
  void start(const char* element) {
    if (ok_) check(xmlTextWriterStartElement(writer_, x(element)));
  }
  void end() {
    if (ok_) check(xmlTextWriterEndElement(writer_));
  }
  // REQUIRES: `value` is clean (exporting::clean_text) or a literal.
  void attribute(const char* name, const std::string& value) {
    if (ok_) check(xmlTextWriterWriteAttribute(writer_, x(name), x(value)));
  }
  void attribute(const char* name, const char* value) { attribute(name, std::string(value)); }
  void attribute_ns(const char* prefix, const char* name, const char* uri, const char* value) {
    if (ok_) check(xmlTextWriterWriteAttributeNS(writer_, x(prefix), x(name), uri ? x(uri) : nullptr, x(value)));
  }
  // <data key="...">value</data>; the value is cleaned here.
  void data(const char* key, std::string_view value) {
    start("data");
    attribute("key", key);
    const std::string cleaned = clean_text(value);
    if (ok_) check(xmlTextWriterWriteString(writer_, x(cleaned)));
    end();
  }
  void comment(const char* text) {
    if (ok_) check(xmlTextWriterWriteComment(writer_, x(text)));
  }

 private:
  xmlTextWriterPtr writer_;
  bool ok_ = true;
};

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

void write_node(Writer& out, const EntityNode& node) {
  out.start("node");
  out.attribute("id", exporting::export_node_id(node.id));
  out.data("n_label", node.label);
  out.data("n_type", to_string(node.type));
  out.data("n_aliases", join(node.aliases, '|'));
  out.data("n_mentions", decimal(node.mentions));
  out.data("n_articles", decimal(node.sources.size()));
  out.data("n_sources", join(node.sources, '|'));
  if (!node.date.empty()) out.data("n_date", node.date);
  if (!node.place.empty()) out.data("n_place", node.place);
  out.end();
}

void write_edge(Writer& out, const KnowledgeGraph& kg, Edge e, std::size_t index) {
  const RelationEdge& rel = kg.graph[e];
  out.start("edge");
  out.attribute("id", "e" + decimal(index));
  out.attribute("source", exporting::export_node_id(kg.graph[boost::source(e, kg.graph)].id));
  out.attribute("target", exporting::export_node_id(kg.graph[boost::target(e, kg.graph)].id));
  const std::string_view type = to_string(rel.type);
  out.data("e_label", type);
  out.data("e_type", type);
  out.data("e_weight", decimal(rel.weight()));
  out.data("e_articles", decimal(rel.sources.size()));
  if (!rel.evidence.empty()) {
    const Evidence& best = rel.best_evidence();
    out.data("e_evidence", best.sentence_text);
    out.data("e_evidence_article", best.article_id);
    out.data("e_evidence_offsets", decimal(best.begin) + "-" + decimal(best.end));
    out.data("e_rule", best.rule);
  }
  out.data("e_sources", join(rel.sources, '|'));
  if (!rel.text.empty()) out.data("e_text", rel.text);
  if (!rel.status.empty()) out.data("e_status", rel.status);
  out.data("e_symmetric", rel.symmetric() ? "true" : "false");
  out.end();
}

}  // namespace

Status write_graphml(const KnowledgeGraph& kg, const std::string& path) {
  AtomicFile file;
  if (Status s = file.open(path); !s) return s;

  // The buffer writes through the FILE* and does not close it: AtomicFile owns it.
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateFile(file.file(), nullptr);
  if (!buffer) return Status::error(path + ": cannot create the XML output buffer");
  xmlTextWriterPtr writer = xmlNewTextWriter(buffer);  // takes ownership of `buffer`
  if (!writer) {
    xmlOutputBufferClose(buffer);
    return Status::error(path + ": cannot create the XML writer");
  }
  Writer out(writer);
  out.check(xmlTextWriterSetIndent(writer, 1));
  out.check(xmlTextWriterSetIndentString(writer, x(" ")));
  out.check(xmlTextWriterStartDocument(writer, nullptr, "UTF-8", nullptr));
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
    write_node(out, kg.graph[v]);
  }
  std::size_t index = 0;
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) {
    if (!out.ok()) break;
    write_edge(out, kg, e, index++);
  }
  if (out.ok()) out.check(xmlTextWriterEndDocument(writer));  // closes graph and graphml
  if (out.ok()) out.check(xmlTextWriterFlush(writer));
  xmlFreeTextWriter(writer);  // closes `buffer`, not the FILE*
  if (!out.ok() || std::ferror(file.file()))
    return Status::error(path + ": GraphML write failed (I/O error or disk full)");
  return file.commit();
}

}  // namespace newsgraph
