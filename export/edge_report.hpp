// The edge report behind `newsgraph build --explain-edges FILE` (issue 7): every edge of the
// graph with every sentence that supports it — article, byte offsets, the rule that read
// it — as plain UTF-8 text, one block per edge in graph order. Written atomically.
#pragma once

#include <string>

#include "core/status.hpp"
#include "graph/knowledge_graph.hpp"

namespace newsgraph {

// One block per edge:
//   <type> <source id> -> <target id> weight=N articles=N [status=..] [claim="..."]
//     <article id> [begin,end) <rule>: <sentence>
std::string edge_report(const KnowledgeGraph& kg);
Status write_edge_report(const KnowledgeGraph& kg, const std::string& path);

}  // namespace newsgraph
