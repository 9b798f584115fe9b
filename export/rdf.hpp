// The RDF view of a KnowledgeGraph, shared by the JSON-LD and N-Quads writers so that both
// carry the same triples: the vocabulary (one Term per JSON-LD context term), the IRIs we mint
// under the base, and the mapping of nodes, edges and articles to resources with properties.
// The vocabulary and IRI scheme are documented in docs/output.md ("JSON-LD", "N-Quads").
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "graph/knowledge_graph.hpp"

namespace newsgraph::rdf {

// How JSON-LD's context coerces a term's value: to an IRI, to a typed literal, or not at all.
enum class Coercion { None, Id, Integer, Double, Boolean, Date };

// One term of the JSON-LD context: its key, its compact IRI ("schema:name", "kg:metWith") and
// its coercion. Classes are terms too ("Person" -> "schema:Person").
struct Term {
  std::string_view name;
  std::string_view iri;
  Coercion coercion = Coercion::None;
};

// The prefixes of the compact IRIs, in context order: schema, kg (<base>vocab#), rdf, xsd, prov.
struct Prefix {
  std::string_view name;
  std::string_view iri;  // empty for kg: it is <base>vocab#
};
std::span<const Prefix> prefixes();

// Every term, in the order of the @context (schemas/newsgraph-context.jsonld).
std::span<const Term> vocabulary();

// `term.iri` expanded against the prefixes, with kg: as `base` + "vocab#".
std::string expand(std::string_view compact_iri, std::string_view base);

// The XSD local name ("integer", "double", "boolean", "date") a coercion types a literal as;
// "" for None and Id.
std::string_view coerced_datatype(Coercion coercion);

// One object of a property: an IRI, a literal, or an IRI whose resource is described right
// here (JSON-LD writes it nested; N-Quads writes its triples after the link).
struct Value {
  enum class Kind { Iri, Literal, Embedded };
  Kind kind = Kind::Literal;
  std::string text;           // the IRI, or the literal's lexical form (cleaned text)
  std::string_view datatype;  // literals: XSD local name ("integer", "date", ...), "" = plain string
  std::size_t embedded = 0;   // Embedded: index into Resource::embedded
  // The named graphs (article IRIs) that hold this triple; empty: the resource's graph.
  std::vector<std::string> graphs;
};

struct Property {
  const Term* term = nullptr;
  bool list = false;  // JSON-LD writes the values as an array (even one)
  std::vector<Value> values;
};

// One subject: its IRI, its class, its properties in writing order, the resources nested in it,
// and the named graph of its triples ("" = the default graph).
struct Resource {
  std::string iri;
  const Term* type = nullptr;
  std::vector<Property> properties;
  std::vector<Resource> embedded;
  std::string graph;
};

// `base` made usable: an absolute IRI without '#', a '/' appended when it does not end with
// one. Fails (message naming `path`) otherwise.
Result<std::string> checked_base(const std::string& base, const std::string& path);

// The resources of `kg`, one at a time (memory does not grow with the graph): every node in
// graph order, then one rdf:Statement per edge with its Evidence nodes embedded, then one
// NewsArticle per article. Named graphs, for provenance: an article's description and the
// evidence read from it are in the article's graph (named by the article IRI); a relation
// triple (node kg:metWith node) is in the graph of every article that supports it; the merged
// view (names, aliases, counts, reified statements) is in the default graph.
// REQUIRES: `base` came from checked_base().
void for_each_resource(const KnowledgeGraph& kg, const std::string& base,
                       const std::function<void(const Resource&)>& visit);

}  // namespace newsgraph::rdf
