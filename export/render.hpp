// SVG and PNG rendering of the DOT export, with a legend, through Graphviz's libraries
// (libcgraph + libgvc), without running a Graphviz program. See docs/output.md ("SVG and PNG").
#pragma once

#include <string>

#include "core/status.hpp"
#include "graph/knowledge_graph.hpp"

namespace newsgraph {

struct RenderOptions {
  // Graphviz layout engine: "sfdp" (multilevel force-directed; scales to large graphs) or
  // "dot" (layered; readable for small graphs), or any engine the installed Graphviz has.
  std::string layout = "sfdp";
  // When set, receives Graphviz's warnings (which never go to stderr); cleared first.
  std::string* warnings = nullptr;
};

// Lays out dot_text(kg, legend) with `options.layout` and writes SVG to `path`. Graphviz's own
// messages never reach stderr: warnings go to `options.warnings` (or nowhere), and an error (unknown layout engine, a
// failed layout or render) is returned as a Status naming the path and Graphviz's message.
// Atomic: "<path>.tmp", then rename; on failure nothing is left at `path`.
// NOT thread-safe: Graphviz's error reporting is process-global, and one Graphviz context is
// kept for the life of the process (see render.cpp); one call at a time.
Status render_svg(const KnowledgeGraph& kg, const std::string& path, const RenderOptions& options = {});

// The same picture as PNG (Graphviz's cairo renderer, 96 dpi), with the same contract.
Status render_png(const KnowledgeGraph& kg, const std::string& path, const RenderOptions& options = {});

// dot_text(kg) laid out as render_svg does, returned as SVG text for embedding (the explorer
// page, export/html.hpp): node i (in vertex order) is the SVG group with id "n<i>", edge j (in
// edge order) the group "e<j>", edges carry no tooltip link (the page shows the evidence
// itself) and, above 3,000 edges, no label, and text is sized for a sans-serif font. Errors name `name_for_messages`. Same
// thread-safety as render_svg.
Result<std::string> render_svg_text(const KnowledgeGraph& kg, const std::string& name_for_messages,
                                    const RenderOptions& options = {});

}  // namespace newsgraph
