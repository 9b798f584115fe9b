// The explorer page (issue 11): one self-contained graph.html that opens from disk in any
// browser, with nothing fetched. The drawing is the DOT export laid out by Graphviz (sfdp,
// through render_svg_text) and inlined as SVG; the graph itself is inlined as JSON for the
// page's script (search, filters, the evidence behind every edge). docs/output.md ("HTML")
// describes the page and its JSON.
#pragma once

#include <string>

#include "core/status.hpp"
#include "export/render.hpp"
#include "graph/knowledge_graph.hpp"

namespace newsgraph {

// The graph as the page's JSON: articles, nodes (in vertex order) and edges (in edge order,
// endpoints as node indices) with every evidence sentence. Strings cleaned like every export;
// '<', '>' and '&' written as \u003c, \u003e, \u0026 so the text can sit inside a <script>
// element whatever the graph holds. Deterministic.
std::string html_graph_json(const KnowledgeGraph& kg);

// Writes the page to `path`: Graphviz layout `options.layout` (default sfdp), the stylesheet
// and script of export/explorer/, the JSON above. Atomic ("<path>.tmp", then rename); an error
// names the path. Same thread-safety as render_svg (Graphviz is process-global).
Status write_html(const KnowledgeGraph& kg, const std::string& path, const RenderOptions& options = {});

}  // namespace newsgraph
