#include "export/render.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdio>

#include "core/atomic_file.hpp"
#include "export/dot.hpp"

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

// Lays out the graph with its legend and renders it in `format` ("svg" or "png") to `path`.
Status render(const KnowledgeGraph& kg, const std::string& path, const RenderOptions& options, const char* format) {
  const std::string text = dot_text(kg, true);
  std::string messages;
  CaptureGraphvizMessages capture(messages);
  if (options.warnings) options.warnings->clear();

  Agraph_t* g = agmemread(text.c_str());
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

}  // namespace newsgraph
