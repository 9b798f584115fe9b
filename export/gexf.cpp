#include "export/gexf.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <span>
#include <string_view>
#include <utility>

#include "core/atomic_file.hpp"
#include "export/escape.hpp"
#include "export/palette.hpp"
#include "export/xml_writer.hpp"

namespace newsgraph {
namespace {

using exporting::clean_text;
using exporting::decimal;
using exporting::join;
using Writer = exporting::XmlWriter;

// One declared attribute: GEXF id (also the title Gephi shows) and GEXF type.
struct Attribute {
  const char* id;
  const char* type;
};

// Edges carry their relation type as `kind` and `label`, their evidence count as `weight`.
constexpr Attribute kNodeAttributes[] = {
    {"type", "string"},     {"aliases", "string"}, {"mentions", "integer"}, {"articles", "integer"},
    {"sources", "string"},  {"date", "string"},    {"place", "string"},
};
constexpr Attribute kEdgeAttributes[] = {
    {"articles", "integer"},         {"sources", "string"}, {"evidence", "string"},
    {"evidence_article", "string"},  {"evidence_offsets", "string"}, {"rule", "string"},
    {"text", "string"},              {"status", "string"},  {"symmetric", "boolean"},
};

void write_attributes(Writer& out, const char* for_class, std::span<const Attribute> attributes) {
  out.start("attributes");
  out.attribute("class", for_class);
  out.attribute("mode", "static");
  for (const Attribute& attribute : attributes) {
    out.start("attribute");
    out.attribute("id", attribute.id);
    out.attribute("title", attribute.id);
    out.attribute("type", attribute.type);
    out.end();
  }
  out.end();
}

void attvalue(Writer& out, const char* id, std::string_view value) {
  out.start("attvalue");
  out.attribute("for", id);
  out.attribute("value", clean_text(value));
  out.end();
}

// The days an ISO 8601 value covers, as a closed interval on the timeline (timeformat="date"):
// a date or a date-time its day, a month (2022-02) its first to last day, a year its 1 January
// to 31 December; {"", ""} for anything else.
using Days = std::pair<std::string, std::string>;

Days days_of(std::string_view value) {
  const std::string_view type = exporting::xsd_date_type(value);
  if (type == "date") return {std::string(value), std::string(value)};
  if (type == "dateTime") return {std::string(value.substr(0, 10)), std::string(value.substr(0, 10))};
  if (type == "gYear") return {std::string(value) + "-01-01", std::string(value) + "-12-31"};
  if (type == "gYearMonth") {
    const int year = std::stoi(std::string(value.substr(0, 4))), month = std::stoi(std::string(value.substr(5, 2)));
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return {std::string(value) + "-01", std::string(value) + "-" + decimal(static_cast<unsigned>(last))};
  }
  return {};
}

// One spell per interval: a node or edge is on the timeline on each day an article that
// mentions it was published, and over the time of its event.
void write_spells(Writer& out, const std::set<Days>& spells) {
  if (spells.empty()) return;  // no known time: always present
  out.start("spells");
  for (const auto& [start, end] : spells) {
    out.start("spell");
    out.attribute("start", start);
    out.attribute("end", end);
    out.end();
  }
  out.end();
}

void viz_colour(Writer& out, const char* hex) {
  const auto channel = [hex](int at) {
    unsigned value = 0;
    std::from_chars(hex + at, hex + at + 2, value, 16);
    return decimal(value);
  };
  out.start("viz:color");
  out.attribute("r", channel(1));
  out.attribute("g", channel(3));
  out.attribute("b", channel(5));
  out.end();
}

// Locale-free fixed-point text with two decimals.
std::string fixed2(double value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  return ec == std::errc() ? std::string(buffer, end) : "1.00";
}

const char* viz_shape(EntityType type) {
  switch (type) {
    case EntityType::Person: return "disc";
    case EntityType::Organization: return "square";
    case EntityType::Place: return "triangle";
    case EntityType::Event: return "diamond";
    case EntityType::Misc: return "disc";
  }
  return "disc";
}

// The days of each article id (its publication date).
using ArticleDays = std::map<std::string, Days, std::less<>>;

std::set<Days> spells_of(const std::vector<std::string>& article_ids, const ArticleDays& article_days) {
  std::set<Days> spells;
  for (const std::string& id : article_ids)
    if (const auto it = article_days.find(id); it != article_days.end() && !it->second.first.empty())
      spells.insert(it->second);
  return spells;
}

void write_node(Writer& out, const KnowledgeGraph& kg, Vertex v, const ArticleDays& article_days) {
  const EntityNode& node = kg.graph[v];
  out.start("node");
  out.attribute("id", exporting::export_node_id(node.id));
  out.attribute("label", clean_text(node.label));
  out.start("attvalues");
  attvalue(out, "type", to_string(node.type));
  attvalue(out, "aliases", join(node.aliases, '|'));
  attvalue(out, "mentions", decimal(node.mentions));
  attvalue(out, "articles", decimal(node.sources.size()));
  const std::vector<std::string> sources = kg.article_ids(node.sources);
  attvalue(out, "sources", join(sources, '|'));
  if (!node.date.empty()) attvalue(out, "date", node.date);
  if (!node.place.empty()) attvalue(out, "place", node.place);
  out.end();
  std::set<Days> spells = spells_of(sources, article_days);
  if (Days days = days_of(clean_text(node.date)); !days.first.empty()) spells.insert(std::move(days));
  write_spells(out, spells);
  viz_colour(out, exporting::node_colour(node.type));
  // Size grows with the degree (in + out), logarithmically so hubs do not swamp the picture.
  const double degree = static_cast<double>(boost::in_degree(v, kg.graph) + boost::out_degree(v, kg.graph));
  out.start("viz:size");
  out.attribute("value", fixed2(10.0 + 6.0 * std::log2(1.0 + degree)));
  out.end();
  out.start("viz:shape");
  out.attribute("value", viz_shape(node.type));
  out.end();
  out.end();
}

void write_edge(Writer& out, const KnowledgeGraph& kg, Edge e, std::size_t index, const ArticleDays& article_days) {
  const RelationEdge& rel = kg.graph[e];
  const EntityNode& source = kg.graph[boost::source(e, kg.graph)];
  const EntityNode& target = kg.graph[boost::target(e, kg.graph)];
  const std::string type(to_string(rel.type));
  out.start("edge");
  out.attribute("id", std::string("e").append(decimal(index)));  // not "e" + ...: GCC 12 warns falsely (-Wrestrict)
  out.attribute("source", exporting::export_node_id(source.id));
  out.attribute("target", exporting::export_node_id(target.id));
  out.attribute("type", rel.symmetric() ? "undirected" : "directed");
  out.attribute("kind", type);
  out.attribute("label", type);
  out.attribute("weight", decimal(rel.weight()));
  out.start("attvalues");
  const std::vector<std::string> sources = kg.article_ids(rel);
  attvalue(out, "articles", decimal(sources.size()));
  attvalue(out, "sources", join(sources, '|'));
  if (!rel.evidence.empty()) {
    const EdgeEvidence& best = rel.best_evidence();
    attvalue(out, "evidence", kg.sentence(best));
    attvalue(out, "evidence_article", kg.article_id(best));
    attvalue(out, "evidence_offsets", decimal(best.begin) + "-" + decimal(best.end));
    attvalue(out, "rule", kg.rule(best));
  }
  if (!rel.text.empty()) attvalue(out, "text", rel.text);
  if (!rel.status.empty()) attvalue(out, "status", rel.status);
  attvalue(out, "symmetric", rel.symmetric() ? "true" : "false");
  out.end();
  // On the timeline on the days of its supporting articles, and on the day of an event it
  // links to.
  std::set<Days> spells = spells_of(sources, article_days);
  for (const EntityNode* end : {&source, &target})
    if (Days days = days_of(clean_text(end->date)); !days.first.empty()) spells.insert(std::move(days));
  write_spells(out, spells);
  viz_colour(out, exporting::relation_colour(rel.type));
  out.start("viz:thickness");
  out.attribute("value", decimal(rel.weight()));
  out.end();
  out.end();
}

}  // namespace

Status write_gexf(const KnowledgeGraph& kg, const std::string& path) {
  AtomicFile file;
  if (Status s = file.open(path); !s) return s;
  ArticleDays article_days;
  for (const ArticleInfo& article : kg.articles) article_days[article.id] = days_of(clean_text(article.date));

  Writer out(file.file());
  out.start("gexf");
  out.attribute("xmlns", "http://gexf.net/1.3");
  out.attribute_ns("xmlns", "viz", nullptr, "http://gexf.net/1.3/viz");
  out.attribute("version", "1.3");
  out.start("meta");
  out.start("creator");
  out.text("newsgraph");
  out.end();
  out.start("description");
  out.text("knowledge graph of news articles; attributes: docs/output.md");
  out.end();
  out.end();
  out.start("graph");
  out.attribute("mode", "dynamic");
  out.attribute("defaultedgetype", "directed");
  out.attribute("timeformat", "date");
  out.attribute("timerepresentation", "interval");
  write_attributes(out, "node", kNodeAttributes);
  write_attributes(out, "edge", kEdgeAttributes);
  out.start("nodes");
  out.attribute("count", decimal(boost::num_vertices(kg.graph)));
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph))) {
    if (!out.ok()) break;
    write_node(out, kg, v, article_days);
  }
  out.end();
  out.start("edges");
  out.attribute("count", decimal(boost::num_edges(kg.graph)));
  std::size_t index = 0;
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) {
    if (!out.ok()) break;
    write_edge(out, kg, e, index++, article_days);
  }
  const bool written = out.finish();  // closes edges, graph and gexf
  if (!written || std::ferror(file.file())) return Status::error(path + ": GEXF write failed (I/O error or disk full)");
  return file.commit();
}

}  // namespace newsgraph
