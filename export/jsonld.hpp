// JSON-LD export: one document with an inline @context, schema.org types, our own
// vocabulary (<base>vocab#) for the relations, and one reified statement per edge carrying
// its provenance (articles, evidence sentences, byte offsets, rule). The vocabulary, the IRI
// scheme and example SPARQL queries are in docs/output.md ("JSON-LD").
#pragma once

#include <string>

#include "core/status.hpp"
#include "graph/knowledge_graph.hpp"

namespace newsgraph {

struct JsonLdOptions {
  // Every IRI we mint lives under this base: <base>id/..., <base>article/..., <base>statement/...,
  // and the vocabulary <base>vocab#. `newsgraph build --base-iri IRI` overrides it. It must be
  // an absolute IRI without a '#'; a '/' is appended when it does not end in one.
  std::string base_iri = "https://newsgraph.example/";
};

// Writes `kg` to `path` as JSON-LD, streamed through RapidJSON's PrettyWriter (memory does
// not grow with the graph). Fails, writing nothing, when `options.base_iri` is not an
// absolute IRI. Atomic: "<path>.tmp", then rename; on failure nothing is left at `path` and
// the Status names the path and the problem. Deterministic. Thread-safe for distinct paths.
Status write_jsonld(const KnowledgeGraph& kg, const std::string& path, const JsonLdOptions& options = {});

}  // namespace newsgraph
