#include "export/render.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdio>
#include <map>
#include <tuple>

#include "core/atomic_file.hpp"
#include "export/dot.hpp"
#include "export/escape.hpp"

namespace newsgraph {
namespace {

// Graphviz reports through a process-global callback; render_svg is documented as
// not thread-safe, so one collector at a time.
std::string* g_messages = nullptr;

int collect_message(char* text) {
  if (g_messages && text) *g_messages += text;
  return 0;
}

// Routes Graphviz's messages into `messages` (never stderr) for its lifetime.
class CaptureGraphvizMessages {
 public:
  explicit CaptureGraphvizMessages(std::string& messages) {
    g_messages = &messages;
    previous_handler_ = agseterrf(collect_message);
    previous_level_ = agseterr(AGWARN);
    agreseterrors();
  }
  ~CaptureGraphvizMessages() {
    agseterr(previous_level_);
    agseterrf(previous_handler_);
    g_messages = nullptr;
  }
  CaptureGraphvizMessages(const CaptureGraphvizMessages&) = delete;
  CaptureGraphvizMessages& operator=(const CaptureGraphvizMessages&) = delete;

 private:
  agusererrf previous_handler_;
  agerrlevel_t previous_level_;
};

// One Graphviz context for the whole process, never freed. Graphviz 2.42's pango plugin
// caches a pointer to the last font name, which lives in the context's font table: freeing
// a context and laying out in a new one reads freed memory (found by AddressSanitizer).
GVC_t* graphviz_context() {
  static GVC_t* const gvc = gvContext();
  return gvc;
}

std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text.empty() ? "unknown Graphviz error" : text;
}

// Reads DOT text to lay out. start=1 seeds the force-directed layouts' random numbers: without
// it sfdp places some graphs' edge labels differently from run to run (Graphviz 2.42), and the
// same graph must always give the same picture.
Agraph_t* read_for_layout(const std::string& text) {
  Agraph_t* g = agmemread(text.c_str());
  if (g) agsafeset(g, const_cast<char*>("start"), const_cast<char*>("1"), const_cast<char*>(""));
  return g;
}

// Lays out the graph with its legend and renders it in `format` ("svg" or "png") to `path`.
Status render(const KnowledgeGraph& kg, const std::string& path, const RenderOptions& options, const char* format) {
  const std::string text = dot_text(kg, true);
  std::string messages;
  CaptureGraphvizMessages capture(messages);
  if (options.warnings) options.warnings->clear();

  Agraph_t* g = read_for_layout(text);
  if (!g) return Status::error(path + ": Graphviz could not read the DOT text: " + one_line(messages));

  GVC_t* gvc = graphviz_context();
  if (!gvc) {
    agclose(g);
    return Status::error(path + ": cannot create a Graphviz context");
  }
  Status status = Status::ok();
  AtomicFile file;
  if (gvLayout(gvc, g, options.layout.c_str()) != 0) {
    status = Status::error(path + ": Graphviz layout '" + options.layout + "' failed: " + one_line(messages));
  } else {
    if (Status s = file.open(path); !s) {
      status = s;
    } else if (gvRender(gvc, g, format, file.file()) != 0 || agerrors() > 0) {
      status = Status::error(path + ": Graphviz " + format + " rendering failed: " + one_line(messages));
    }
    gvFreeLayout(gvc, g);
  }
  agclose(g);
  if (options.warnings) *options.warnings = messages;
  if (!status) return status;  // `file` abandons the temp file
  return file.commit();
}

}  // namespace

Status render_svg(const KnowledgeGraph& kg, const std::string& path, const RenderOptions& options) {
  return render(kg, path, options, "svg");
}

Status render_png(const KnowledgeGraph& kg, const std::string& path, const RenderOptions& options) {
  return render(kg, path, options, "png");
}

namespace {

// Above this many edges the page's drawing leaves out the edge labels (the relation type,
// which the edge's colour and the page's panel also give): on a 2,000-article graph they are
// 15,000 <text> elements, a third of the page's parse time.
constexpr std::size_t kPageEdgeLabelsUpTo = 3000;

// Prepares `g` (read from dot_text(kg)) for the explorer page: every node and edge gets the SVG
// id of its index in `kg` ("n<i>", "e<j>"), edge tooltips are cleared (and edge labels on big
// graphs), and text is sized for a sans-serif font, which the page uses. Graphviz's own ids ("node1", "edge1") follow its
// internal order, which is not promised to be ours. An edge is known by (tail, head, type):
// the graph has one edge per such triple.
void prepare_for_page(const KnowledgeGraph& kg, Agraph_t* g) {
  std::map<std::string, Vertex> node_index;  // export id -> vertex (= its index: vecS)
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph)))
    node_index.emplace(exporting::export_node_id(kg.graph[v].id), v);
  std::map<std::tuple<Vertex, Vertex, std::string>, std::size_t> edge_index;
  std::size_t j = 0;
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph)))
    edge_index.emplace(std::tuple(boost::source(e, kg.graph), boost::target(e, kg.graph),
                                  std::string(to_string(kg.graph[e].type))),
                       j++);
  char id_name[] = "id";
  char tooltip_name[] = "tooltip";
  char type_name[] = "type";
  char empty[] = "";
  char fontname_name[] = "fontname";
  char sans[] = "Helvetica,Arial,sans-serif";
  agattr(g, AGNODE, fontname_name, sans);
  agattr(g, AGEDGE, fontname_name, sans);
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    const auto it = node_index.find(agnameof(n));
    if (it == node_index.end()) continue;
    std::string id = "n";  // built with += : GCC 12 warns (-Wrestrict) on "n" + std::string
    id += exporting::decimal(it->second);
    agsafeset(n, id_name, id.data(), empty);
  }
  char label_name[] = "label";
  const bool edge_labels = boost::num_edges(kg.graph) <= kPageEdgeLabelsUpTo;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
      agsafeset(e, tooltip_name, empty, empty);
      if (!edge_labels) agsafeset(e, label_name, empty, empty);
      const auto tail = node_index.find(agnameof(agtail(e)));
      const auto head = node_index.find(agnameof(aghead(e)));
      if (tail == node_index.end() || head == node_index.end()) continue;
      const auto it = edge_index.find({tail->second, head->second, std::string(agget(e, type_name))});
      if (it == edge_index.end()) continue;
      std::string id = "e";
      id += exporting::decimal(it->second);
      agsafeset(e, id_name, id.data(), empty);
    }
  }
}

}  // namespace

Result<std::string> render_svg_text(const KnowledgeGraph& kg, const std::string& name_for_messages,
                                    const RenderOptions& options) {
  const std::string text = dot_text(kg);
  std::string messages;
  CaptureGraphvizMessages capture(messages);
  if (options.warnings) options.warnings->clear();

  Agraph_t* g = read_for_layout(text);
  if (!g) return Status::error(name_for_messages + ": Graphviz could not read the DOT text: " + one_line(messages));
  prepare_for_page(kg, g);

  GVC_t* gvc = graphviz_context();
  if (!gvc) {
    agclose(g);
    return Status::error(name_for_messages + ": cannot create a Graphviz context");
  }
  std::string svg;
  Status status = Status::ok();
  if (gvLayout(gvc, g, options.layout.c_str()) != 0) {
    status = Status::error(name_for_messages + ": Graphviz layout '" + options.layout + "' failed: " + one_line(messages));
  } else {
    char* data = nullptr;
    unsigned int size_bytes = 0;
    if (gvRenderData(gvc, g, "svg", &data, &size_bytes) != 0 || agerrors() > 0 || !data)
      status = Status::error(name_for_messages + ": Graphviz SVG rendering failed: " + one_line(messages));
    else
      svg.assign(data, size_bytes);
    gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
  }
  agclose(g);
  if (options.warnings) *options.warnings = messages;
  if (!status) return status;
  return svg;
}

}  // namespace newsgraph
