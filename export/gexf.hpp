// GEXF 1.3 export, for Gephi: typed parallel edges kept apart (edge `kind` = relation type),
// node colour and size by type and degree (viz module), and a dynamic graph whose spells come
// from article dates and event dates, so Gephi's timeline plays the story. Valid against the
// GEXF 1.3 RELAX NG grammar (schemas/gexf/). Every element and attribute: docs/output.md ("GEXF").
#pragma once

#include <string>

#include "core/status.hpp"
#include "graph/knowledge_graph.hpp"

namespace newsgraph {

// Writes `kg` to `path` as GEXF 1.3, streamed by libxml2's xmlTextWriter. Node ids are the
// GraphML ids. Atomic: "<path>.tmp", then rename; on failure nothing is left at `path` and the
// Status names the path and the problem. Deterministic. Thread-safe for distinct paths.
Status write_gexf(const KnowledgeGraph& kg, const std::string& path);

}  // namespace newsgraph
