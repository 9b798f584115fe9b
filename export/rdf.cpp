#include "export/rdf.hpp"

#include <map>

#include "export/escape.hpp"

namespace newsgraph::rdf {
namespace {

using exporting::clean_text;
using exporting::percent_encode;

constexpr Prefix kPrefixes[] = {
    {"schema", "https://schema.org/"},
    {"kg", ""},
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    {"prov", "http://www.w3.org/ns/prov#"},
};

// The index of each term in kTerms, named after it.
enum TermIndex : std::size_t {
  kPerson, kOrganization, kPlace, kEvent, kThing, kNewsArticle, kStatement, kEvidence,
  kIdentifier, kName, kAlternateName, kMentions, kMentionedIn, kStartDate, kLocation,
  kCoOccurs, kMetWith, kRepresents, kClaimed, kParticipatedIn, kLocatedIn,
  kSubject, kPredicate, kObject, kRelation, kWeight, kArticleCount, kSymmetric, kClaimText, kStatus,
  kWasDerivedFrom, kEvidenceLink, kSentence, kArticle, kStart, kEnd, kRule,
  kUrl, kDatePublished, kSource,
};

constexpr Term kTerms[] = {
    // Classes (schema.org; Misc has no better class than Thing).
    {"Person", "schema:Person"},
    {"Organization", "schema:Organization"},
    {"Place", "schema:Place"},
    {"Event", "schema:Event"},
    {"Thing", "schema:Thing"},
    {"NewsArticle", "schema:NewsArticle"},
    {"Statement", "rdf:Statement"},
    {"Evidence", "kg:Evidence"},
    // Node properties.
    {"identifier", "schema:identifier"},
    {"name", "schema:name"},
    {"alternateName", "schema:alternateName"},
    {"mentions", "kg:mentions", Coercion::Integer},
    {"mentionedIn", "kg:mentionedIn", Coercion::Id},
    {"startDate", "schema:startDate", Coercion::Date},
    {"location", "schema:location", Coercion::Id},
    // Relations, as properties of the source node.
    {"coOccurs", "kg:coOccurs", Coercion::Id},
    {"metWith", "kg:metWith", Coercion::Id},
    {"represents", "kg:represents", Coercion::Id},
    {"claimed", "kg:claimed", Coercion::Id},
    {"participatedIn", "kg:participatedIn", Coercion::Id},
    {"locatedIn", "kg:locatedIn", Coercion::Id},
    // Reified statements and their evidence.
    {"subject", "rdf:subject", Coercion::Id},
    {"predicate", "rdf:predicate", Coercion::Id},
    {"object", "rdf:object", Coercion::Id},
    {"relation", "kg:relation"},
    {"weight", "kg:weight", Coercion::Double},
    {"articleCount", "kg:articleCount", Coercion::Integer},
    {"symmetric", "kg:symmetric", Coercion::Boolean},
    {"claimText", "kg:claimText"},
    {"status", "kg:status"},
    {"wasDerivedFrom", "prov:wasDerivedFrom", Coercion::Id},
    {"evidence", "kg:evidence", Coercion::Id},
    {"sentence", "kg:sentence"},
    {"article", "kg:article", Coercion::Id},
    {"start", "kg:start", Coercion::Integer},
    {"end", "kg:end", Coercion::Integer},
    {"rule", "kg:rule"},
    // Articles.
    {"url", "schema:url", Coercion::Id},
    {"datePublished", "schema:datePublished", Coercion::Date},
    {"source", "kg:source"},
};
static_assert(kTerms[kSource].name == "source" && kTerms[kEvidenceLink].name == "evidence" &&
                  kTerms[kCoOccurs].name == "coOccurs" && kTerms[kUrl].name == "url",
              "TermIndex and kTerms are out of step");

const Term* term(TermIndex index) { return &kTerms[index]; }

const Term* relation_term(RelationType type) {
  switch (type) {
    case RelationType::CoOccurs: return term(kCoOccurs);
    case RelationType::MetWith: return term(kMetWith);
    case RelationType::Represents: return term(kRepresents);
    case RelationType::Claimed: return term(kClaimed);
    case RelationType::ParticipatedIn: return term(kParticipatedIn);
    case RelationType::LocatedIn: return term(kLocatedIn);
  }
  return term(kCoOccurs);
}

const Term* class_term(EntityType type) {
  switch (type) {
    case EntityType::Person: return term(kPerson);
    case EntityType::Organization: return term(kOrganization);
    case EntityType::Place: return term(kPlace);
    case EntityType::Event: return term(kEvent);
    case EntityType::Misc: return term(kThing);
  }
  return term(kThing);
}

// The IRIs minted under the base (docs/output.md, "Base IRI").
struct Iris {
  const std::string& base;

  std::string node(std::string_view node_id) const { return base + exporting::node_iri_path(node_id); }
  std::string article(std::string_view article_id) const { return base + "article/" + percent_encode(article_id); }
  std::string vocab(std::string_view compact) const { return expand(compact, base); }
  std::string statement(std::string_view source_id, RelationType type, std::string_view target_id) const {
    return base + "statement/" + percent_encode(source_id) + "/" + std::string(to_string(type)) + "/" +
           percent_encode(target_id);
  }
};

Value iri(std::string text) {
  Value value;
  value.kind = Value::Kind::Iri;
  value.text = std::move(text);
  return value;
}

Value literal(std::string_view text, std::string_view datatype = {}) {
  Value value;
  value.kind = Value::Kind::Literal;
  value.text = clean_text(text);
  value.datatype = datatype;
  return value;
}

Value integer(std::uint64_t number) { return literal(exporting::decimal(number), "integer"); }

// A date literal typed as what it is (date, dateTime, gYearMonth, gYear) or a plain string.
Value date(std::string_view text) {
  const std::string cleaned = clean_text(text);
  return literal(cleaned, exporting::xsd_date_type(cleaned));
}

Property& add(Resource& resource, TermIndex index, bool list = false) {
  resource.properties.push_back(Property{term(index), list, {}});
  return resource.properties.back();
}

void add_one(Resource& resource, TermIndex index, Value value) { add(resource, index).values.push_back(std::move(value)); }

// Article IRIs as a list property (left out when there are none).
void add_articles(Resource& resource, TermIndex index, const Iris& iris, const std::vector<std::string>& ids) {
  if (ids.empty()) return;
  Property& property = add(resource, index, true);
  for (const std::string& id : ids) property.values.push_back(iri(iris.article(id)));
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

Resource node_resource(const KnowledgeGraph& kg, Vertex v, const Iris& iris,
                       const std::map<std::string, std::string>& places) {
  const EntityNode& node = kg.graph[v];
  Resource resource{iris.node(node.id), class_term(node.type), {}, {}, {}};
  add_one(resource, kIdentifier, literal(node.id));
  add_one(resource, kName, literal(node.label));
  if (!node.aliases.empty()) {
    Property& aliases = add(resource, kAlternateName, true);
    for (const std::string& alias : node.aliases) aliases.values.push_back(literal(alias));
  }
  add_one(resource, kMentions, integer(node.mentions));
  add_articles(resource, kMentionedIn, iris, kg.article_ids(node.sources));
  if (!node.date.empty()) add_one(resource, kStartDate, date(node.date));
  if (!node.place.empty()) {
    const auto place = places.find(node.place);
    const bool linked = place != places.end() && !place->second.empty();
    add_one(resource, kLocation, linked ? iri(iris.node(place->second)) : literal(node.place));
  }
  // Relations of which this node is the source, grouped by type, targets in graph order; each
  // triple in the graph of every article that supports it.
  std::map<RelationType, Property> relations;
  for (auto e : boost::make_iterator_range(boost::out_edges(v, kg.graph))) {
    const RelationEdge& rel = kg.graph[e];
    Property& property = relations[rel.type];
    property.term = relation_term(rel.type);
    property.list = true;
    Value target = iri(iris.node(kg.graph[boost::target(e, kg.graph)].id));
    for (const std::string& source : kg.article_ids(rel)) target.graphs.push_back(iris.article(source));
    property.values.push_back(std::move(target));
  }
  for (auto& [type, property] : relations) resource.properties.push_back(std::move(property));
  return resource;
}

Resource statement_resource(const KnowledgeGraph& kg, Edge e, const Iris& iris) {
  const RelationEdge& rel = kg.graph[e];
  const std::string& source_id = kg.graph[boost::source(e, kg.graph)].id;
  const std::string& target_id = kg.graph[boost::target(e, kg.graph)].id;
  Resource resource{iris.statement(source_id, rel.type, target_id), term(kStatement), {}, {}, {}};
  add_one(resource, kSubject, iri(iris.node(source_id)));
  add_one(resource, kPredicate, iri(iris.vocab(relation_term(rel.type)->iri)));
  add_one(resource, kObject, iri(iris.node(target_id)));
  add_one(resource, kRelation, literal(to_string(rel.type)));
  add_one(resource, kWeight, literal(exporting::decimal(rel.weight()), "double"));
  const std::vector<std::string> sources = kg.article_ids(rel);
  add_one(resource, kArticleCount, integer(sources.size()));
  add_one(resource, kSymmetric, literal(rel.symmetric() ? "true" : "false", "boolean"));
  if (!rel.text.empty()) add_one(resource, kClaimText, literal(rel.text));
  if (!rel.status.empty()) add_one(resource, kStatus, literal(rel.status));
  add_articles(resource, kWasDerivedFrom, iris, sources);
  if (!rel.evidence.empty()) {
    Property& links = add(resource, kEvidenceLink, true);
    for (std::size_t i = 0; i < rel.evidence.size(); ++i) {
      const EdgeEvidence& ev = rel.evidence[i];
      const std::string article = iris.article(kg.article_id(ev));
      Resource evidence{resource.iri + "/evidence/" + exporting::decimal(i), term(kEvidence), {}, {}, article};
      add_one(evidence, kSentence, literal(kg.sentence(ev)));
      add_one(evidence, kArticle, iri(article));
      add_one(evidence, kStart, integer(ev.begin));
      add_one(evidence, kEnd, integer(ev.end));
      if (const std::string& rule = kg.rule(ev); !rule.empty()) add_one(evidence, kRule, literal(rule));
      Value link = iri(evidence.iri);
      link.kind = Value::Kind::Embedded;
      link.embedded = resource.embedded.size();
      link.graphs.push_back(article);
      links.values.push_back(std::move(link));
      resource.embedded.push_back(std::move(evidence));
    }
  }
  return resource;
}

Resource article_resource(const KnowledgeGraph& kg, const ArticleInfo& article, const Iris& iris) {
  const std::string article_iri = iris.article(article.id);
  Resource resource{article_iri, term(kNewsArticle), {}, {}, article_iri};
  add_one(resource, kIdentifier, literal(article.id));
  if (const std::string title = kg.title(article); !title.empty()) add_one(resource, kName, literal(title));
  if (std::string url = exporting::normalize_http_url(clean_text(article.url)); !url.empty())
    add_one(resource, kUrl, iri(std::move(url)));
  if (!article.date.empty()) add_one(resource, kDatePublished, date(article.date));
  if (!article.source.empty()) add_one(resource, kSource, literal(article.source));
  return resource;
}

}  // namespace

std::span<const Prefix> prefixes() { return kPrefixes; }

std::span<const Term> vocabulary() { return kTerms; }

std::string expand(std::string_view compact_iri, std::string_view base) {
  const std::size_t colon = compact_iri.find(':');
  const std::string_view prefix = compact_iri.substr(0, colon);
  const std::string_view local = colon == std::string_view::npos ? "" : compact_iri.substr(colon + 1);
  if (prefix == "kg") return std::string(base) + "vocab#" + std::string(local);
  for (const Prefix& p : kPrefixes)
    if (p.name == prefix) return std::string(p.iri) + std::string(local);
  return std::string(compact_iri);
}

std::string_view coerced_datatype(Coercion coercion) {
  switch (coercion) {
    case Coercion::Integer: return "integer";
    case Coercion::Double: return "double";
    case Coercion::Boolean: return "boolean";
    case Coercion::Date: return "date";
    case Coercion::None:
    case Coercion::Id: return "";
  }
  return "";
}

Result<std::string> checked_base(const std::string& base, const std::string& path) {
  if (!exporting::is_absolute_iri(base) || base.find('#') != std::string::npos)
    return Status::error(path + ": base IRI '" + clean_text(base) +
                         "' is not an absolute IRI without a fragment (e.g. https://example.org/kg/)");
  return base.back() == '/' ? base : base + '/';
}

void for_each_resource(const KnowledgeGraph& kg, const std::string& base,
                       const std::function<void(const Resource&)>& visit) {
  const Iris iris{base};
  const auto places = places_by_label(kg);
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph))) visit(node_resource(kg, v, iris, places));
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) visit(statement_resource(kg, e, iris));
  for (const ArticleInfo& article : kg.articles) visit(article_resource(kg, article, iris));
}

}  // namespace newsgraph::rdf
