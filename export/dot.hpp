// Graphviz DOT export. Node shapes and colours per type, edge colours per relation type and
// every attribute are specified in docs/output.md ("DOT"). The text lays out with `dot` and
// `sfdp` without a single warning.
#pragma once

#include <string>

#include "core/status.hpp"
#include "graph/knowledge_graph.hpp"

namespace newsgraph {

// The whole graph as DOT text: `digraph newsgraph { ... }`, node ids as in GraphML (always
// double-quoted), every string escaped. With `legend`, the graph also gets a label: a table of
// the node and relation types present, in their colours, with counts (for rendered pictures;
// graph.dot has none). Deterministic. Thread-safe.
std::string dot_text(const KnowledgeGraph& kg, bool legend = false);

// Writes the same text to `path`, streamed. Atomic: "<path>.tmp", then rename; on failure
// nothing is left at `path` and the Status names the path and the problem.
Status write_dot(const KnowledgeGraph& kg, const std::string& path);

}  // namespace newsgraph
