#include "export/jsonld.hpp"

#include <rapidjson/filewritestream.h>
#include <rapidjson/prettywriter.h>

#include <cstdio>
#include <map>
#include <string_view>
#include <vector>

#include "core/atomic_file.hpp"
#include "export/escape.hpp"

namespace newsgraph {
namespace {

using exporting::clean_text;
using exporting::percent_encode;

// Our vocabulary term for each relation (kg:<term>, kg = <base>vocab#).
const char* relation_term(RelationType type) {
  switch (type) {
    case RelationType::CoOccurs: return "coOccurs";
    case RelationType::MetWith: return "metWith";
    case RelationType::Represents: return "represents";
    case RelationType::Claimed: return "claimed";
    case RelationType::ParticipatedIn: return "participatedIn";
    case RelationType::LocatedIn: return "locatedIn";
  }
  return "coOccurs";
}

constexpr RelationType kRelationTypes[] = {RelationType::CoOccurs,   RelationType::MetWith,
                                           RelationType::Represents, RelationType::Claimed,
                                           RelationType::ParticipatedIn, RelationType::LocatedIn};

// The context term of each node type (schema.org; Misc has no better class than Thing).
const char* type_term(EntityType type) {
  switch (type) {
    case EntityType::Person: return "Person";
    case EntityType::Organization: return "Organization";
    case EntityType::Place: return "Place";
    case EntityType::Event: return "Event";
    case EntityType::Misc: return "Thing";
  }
  return "Thing";
}

using JsonWriter = rapidjson::PrettyWriter<rapidjson::FileWriteStream>;

class Out {
 public:
  Out(JsonWriter& writer, std::string base) : w_(writer), base_(std::move(base)) {}

  const std::string& base() const { return base_; }
  void key(const char* k) { w_.Key(k); }
  void raw_string(std::string_view s) { w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void string(std::string_view s) { raw_string(clean_text(s)); }
  void uint(std::uint64_t value) { w_.Uint64(value); }
  void boolean(bool value) { w_.Bool(value); }
  void begin_object() { w_.StartObject(); }
  void end_object() { w_.EndObject(); }
  void begin_array() { w_.StartArray(); }
  void end_array() { w_.EndArray(); }
  void member(const char* k, std::string_view value) {
    key(k);
    string(value);
  }
  // A value object that overrides the term's coercion: {"@value": v[, "@type": "xsd:T"]}.
  void value_object(std::string_view value, std::string_view xsd_type) {
    begin_object();
    key("@value");
    string(value);
    if (!xsd_type.empty()) {
      key("@type");
      raw_string("xsd:" + std::string(xsd_type));
    }
    end_object();
  }
  // A date-valued term coerced to xsd:date: plain when it is a date, else typed as what it is
  // (dateTime, gYearMonth, gYear) or a plain string.
  void date_member(const char* k, std::string_view value) {
    key(k);
    const std::string_view type = exporting::xsd_date_type(value);
    if (type == "date")
      string(value);
    else
      value_object(value, type);
  }

  std::string node_iri(std::string_view node_id) const { return base_ + exporting::node_iri_path(node_id); }
  std::string article_iri(std::string_view article_id) const { return base_ + "article/" + percent_encode(article_id); }
  std::string vocab_iri(std::string_view term) const { return base_ + "vocab#" + std::string(term); }
  std::string statement_iri(std::string_view source_id, RelationType type, std::string_view target_id) const {
    return base_ + "statement/" + percent_encode(source_id) + "/" + std::string(to_string(type)) + "/" +
           percent_encode(target_id);
  }

 private:
  JsonWriter& w_;
  std::string base_;
};

void term(Out& out, const char* name, const char* id, const char* type) {
  out.key(name);
  if (!type) {
    out.raw_string(id);
    return;
  }
  out.begin_object();
  out.key("@id");
  out.raw_string(id);
  out.key("@type");
  out.raw_string(type);
  out.end_object();
}

void write_context(Out& out) {
  out.key("@context");
  out.begin_object();
  term(out, "schema", "https://schema.org/", nullptr);
  out.key("kg");
  out.raw_string(out.vocab_iri(""));
  term(out, "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", nullptr);
  term(out, "xsd", "http://www.w3.org/2001/XMLSchema#", nullptr);
  term(out, "prov", "http://www.w3.org/ns/prov#", nullptr);
  // Classes.
  term(out, "Person", "schema:Person", nullptr);
  term(out, "Organization", "schema:Organization", nullptr);
  term(out, "Place", "schema:Place", nullptr);
  term(out, "Event", "schema:Event", nullptr);
  term(out, "Thing", "schema:Thing", nullptr);
  term(out, "NewsArticle", "schema:NewsArticle", nullptr);
  term(out, "Statement", "rdf:Statement", nullptr);
  term(out, "Evidence", "kg:Evidence", nullptr);
  // Node properties.
  term(out, "identifier", "schema:identifier", nullptr);
  term(out, "name", "schema:name", nullptr);
  term(out, "alternateName", "schema:alternateName", nullptr);
  term(out, "mentions", "kg:mentions", "xsd:integer");
  term(out, "mentionedIn", "kg:mentionedIn", "@id");
  term(out, "startDate", "schema:startDate", "xsd:date");
  term(out, "location", "schema:location", "@id");
  // Relations, as properties of the source node.
  for (RelationType type : kRelationTypes) {
    const std::string id = std::string("kg:") + relation_term(type);
    term(out, relation_term(type), id.c_str(), "@id");
  }
  // Reified statements and their evidence.
  term(out, "subject", "rdf:subject", "@id");
  term(out, "predicate", "rdf:predicate", "@id");
  term(out, "object", "rdf:object", "@id");
  term(out, "relation", "kg:relation", nullptr);
  term(out, "weight", "kg:weight", "xsd:double");
  term(out, "articleCount", "kg:articleCount", "xsd:integer");
  term(out, "symmetric", "kg:symmetric", "xsd:boolean");
  term(out, "claimText", "kg:claimText", nullptr);
  term(out, "status", "kg:status", nullptr);
  term(out, "wasDerivedFrom", "prov:wasDerivedFrom", "@id");
  term(out, "evidence", "kg:evidence", "@id");
  term(out, "sentence", "kg:sentence", nullptr);
  term(out, "article", "kg:article", "@id");
  term(out, "start", "kg:start", "xsd:integer");
  term(out, "end", "kg:end", "xsd:integer");
  term(out, "rule", "kg:rule", nullptr);
  // Articles.
  term(out, "url", "schema:url", "@id");
  term(out, "datePublished", "schema:datePublished", "xsd:date");
  term(out, "source", "kg:source", nullptr);
  out.end_object();
}

// Place label -> the one Place node with that label ("" when none or ambiguous), so that an
// event's place becomes a link when it can be.
std::map<std::string, std::string> places_by_label(const KnowledgeGraph& kg) {
  std::map<std::string, std::string> places;
  std::map<std::string, int> counts;
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph))) {
    const EntityNode& node = kg.graph[v];
    if (node.type != EntityType::Place) continue;
    if (++counts[node.label] == 1)
      places[node.label] = node.id;
    else
      places[node.label].clear();
  }
  return places;
}

void write_iri_array(Out& out, const char* k, const std::vector<std::string>& iris) {
  if (iris.empty()) return;
  out.key(k);
  out.begin_array();
  for (const std::string& iri : iris) out.raw_string(iri);
  out.end_array();
}

void write_node(Out& out, const KnowledgeGraph& kg, Vertex v, const std::map<std::string, std::string>& places) {
  const EntityNode& node = kg.graph[v];
  out.begin_object();
  out.key("@id");
  out.raw_string(out.node_iri(node.id));
  out.key("@type");
  out.raw_string(type_term(node.type));
  out.member("identifier", node.id);
  out.member("name", node.label);
  if (!node.aliases.empty()) {
    out.key("alternateName");
    out.begin_array();
    for (const std::string& alias : node.aliases) out.string(alias);
    out.end_array();
  }
  out.key("mentions");
  out.uint(node.mentions);
  std::vector<std::string> articles;
  for (const std::string& source : node.sources) articles.push_back(out.article_iri(source));
  write_iri_array(out, "mentionedIn", articles);
  if (!node.date.empty()) out.date_member("startDate", node.date);
  if (!node.place.empty()) {
    out.key("location");
    const auto place = places.find(node.place);
    if (place != places.end() && !place->second.empty())
      out.raw_string(out.node_iri(place->second));
    else
      out.value_object(node.place, "");
  }
  // Relations of which this node is the source, grouped by type, targets in graph order.
  std::map<RelationType, std::vector<std::string>> targets;
  for (auto e : boost::make_iterator_range(boost::out_edges(v, kg.graph)))
    targets[kg.graph[e].type].push_back(out.node_iri(kg.graph[boost::target(e, kg.graph)].id));
  for (const auto& [type, iris] : targets) write_iri_array(out, relation_term(type), iris);
  out.end_object();
}

void write_statement(Out& out, const KnowledgeGraph& kg, Edge e) {
  const RelationEdge& rel = kg.graph[e];
  const std::string& source_id = kg.graph[boost::source(e, kg.graph)].id;
  const std::string& target_id = kg.graph[boost::target(e, kg.graph)].id;
  const std::string iri = out.statement_iri(source_id, rel.type, target_id);
  out.begin_object();
  out.key("@id");
  out.raw_string(iri);
  out.key("@type");
  out.raw_string("Statement");
  out.key("subject");
  out.raw_string(out.node_iri(source_id));
  out.key("predicate");
  out.raw_string(out.vocab_iri(relation_term(rel.type)));
  out.key("object");
  out.raw_string(out.node_iri(target_id));
  out.member("relation", to_string(rel.type));
  out.key("weight");
  out.uint(rel.weight());
  out.key("articleCount");
  out.uint(rel.sources.size());
  out.key("symmetric");
  out.boolean(rel.symmetric());
  if (!rel.text.empty()) out.member("claimText", rel.text);
  if (!rel.status.empty()) out.member("status", rel.status);
  std::vector<std::string> articles;
  for (const std::string& source : rel.sources) articles.push_back(out.article_iri(source));
  write_iri_array(out, "wasDerivedFrom", articles);
  if (!rel.evidence.empty()) {
    out.key("evidence");
    out.begin_array();
    for (std::size_t i = 0; i < rel.evidence.size(); ++i) {
      const Evidence& ev = rel.evidence[i];
      out.begin_object();
      out.key("@id");
      out.raw_string(iri + "/evidence/" + exporting::decimal(i));
      out.key("@type");
      out.raw_string("Evidence");
      out.member("sentence", ev.sentence_text);
      out.key("article");
      out.raw_string(out.article_iri(ev.article_id));
      out.key("start");
      out.uint(ev.begin);
      out.key("end");
      out.uint(ev.end);
      if (!ev.rule.empty()) out.member("rule", ev.rule);
      out.end_object();
    }
    out.end_array();
  }
  out.end_object();
}

void write_article(Out& out, const ArticleInfo& article) {
  out.begin_object();
  out.key("@id");
  out.raw_string(out.article_iri(article.id));
  out.key("@type");
  out.raw_string("NewsArticle");
  out.member("identifier", article.id);
  if (!article.title.empty()) out.member("name", article.title);
  if (const std::string url = exporting::normalize_http_url(clean_text(article.url)); !url.empty()) {
    out.key("url");
    out.raw_string(url);
  }
  if (!article.date.empty()) out.date_member("datePublished", article.date);
  if (!article.source.empty()) out.member("source", article.source);
  out.end_object();
}

}  // namespace

Status write_jsonld(const KnowledgeGraph& kg, const std::string& path, const JsonLdOptions& options) {
  std::string base = options.base_iri;
  if (!exporting::is_absolute_iri(base) || base.find('#') != std::string::npos)
    return Status::error(path + ": base IRI '" + clean_text(base) +
                         "' is not an absolute IRI without a fragment (e.g. https://example.org/kg/)");
  if (base.back() != '/') base += '/';

  AtomicFile file;
  if (Status s = file.open(path); !s) return s;
  char buffer[1 << 16];
  rapidjson::FileWriteStream stream(file.file(), buffer, sizeof buffer);
  JsonWriter writer(stream);
  writer.SetIndent(' ', 1);
  Out out(writer, base);

  out.begin_object();
  write_context(out);
  out.key("@graph");
  out.begin_array();
  const auto places = places_by_label(kg);
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph))) write_node(out, kg, v, places);
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) write_statement(out, kg, e);
  for (const ArticleInfo& article : kg.articles) write_article(out, article);
  out.end_array();
  out.end_object();
  stream.Put('\n');
  stream.Flush();
  if (!writer.IsComplete() || std::ferror(file.file()))
    return Status::error(path + ": JSON-LD write failed (I/O error or disk full)");
  return file.commit();
}

}  // namespace newsgraph
