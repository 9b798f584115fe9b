// GraphML export (Gephi, networkx, igraph, yEd, Cytoscape). The keys, their types and what
// each attribute means are specified in docs/output.md ("GraphML"); the output is valid
// against the GraphML 1.0 XSD (schemas/graphml/graphml.xsd).
#pragma once

#include <string>

#include "core/status.hpp"
#include "graph/knowledge_graph.hpp"

namespace newsgraph {

// Writes `kg` to `path` as GraphML, streaming through libxml2's xmlTextWriter (memory does
// not grow with the graph). Atomic: written to "<path>.tmp", then renamed; on any failure
// nothing is left at `path` (a previous file there is kept) and the Status names the path
// and the problem. Output depends only on `kg` (same graph, same bytes).
// Thread-safe for distinct paths.
Status write_graphml(const KnowledgeGraph& kg, const std::string& path);

}  // namespace newsgraph
