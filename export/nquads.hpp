// N-Quads export, for the bulk loaders of triple stores (Virtuoso, Oxigraph, Jena): the same
// triples as the JSON-LD (both come from export/rdf.hpp), one named graph per article for
// provenance. docs/output.md ("N-Quads") says which triple goes in which graph;
// docs/graph-database.md shows loading and querying it.
#pragma once

#include <string>
#include <string_view>

#include "core/status.hpp"
#include "export/jsonld.hpp"
#include "graph/knowledge_graph.hpp"

namespace newsgraph {

// Writes `kg` to `path` as N-Quads (RDF 1.1), one statement per line, streamed resource by
// resource (memory does not grow with the graph). IRIs and base as write_jsonld (same
// options); fails, writing nothing, when `options.base_iri` is not an absolute IRI. Atomic:
// "<path>.tmp", then rename; on failure nothing is left at `path` and the Status names the
// path and the problem. Deterministic. Thread-safe for distinct paths.
Status write_nquads(const KnowledgeGraph& kg, const std::string& path, const JsonLdOptions& options = {});

namespace exporting {

// `text` as the body of an N-Quads string literal (without the quotes): '\\', '"', LF, CR and
// tab become \\ \" \n \r \t; other controls \uXXXX; everything else (UTF-8) unchanged.
std::string nquads_string(std::string_view text);

// `iri` as the body of an N-Quads IRIREF (without <>): the characters an IRIREF cannot hold
// (controls, space, <>"{}|^`\) become \uXXXX.
std::string nquads_iri(std::string_view iri);

// The canonical xsd:double form of a whole number, as JSON-LD's toRdf writes it: 12 -> "1.2E1",
// 5 -> "5.0E0", 0 -> "0.0E0". REQUIRES: `digits` is a decimal number without sign or leading zeros.
std::string canonical_double(std::string_view digits);

}  // namespace exporting
}  // namespace newsgraph
