#include "export/html.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string_view>

#include "core/atomic_file.hpp"
#include "export/escape.hpp"
#include "export/explorer/assets.hpp"

namespace newsgraph {
namespace {

using exporting::clean_text;

// The page around the drawing. The Content-Security-Policy forbids every fetch (scripts,
// styles, images, fonts, connections) except the inline ones, so the page cannot reach the
// network even by mistake; links to an article's url still open on a click.
constexpr std::string_view kPageHead =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
    "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<meta name=\"generator\" content=\"newsgraph\">\n"
    "<title>newsgraph explorer</title>\n"
    "<style>\n";

constexpr std::string_view kPageBodyStart =
    "</style>\n"
    "</head>\n"
    "<body>\n"
    "<header id=\"bar\">\n"
    "<h1>newsgraph</h1>\n"
    "<div id=\"summary\"></div>\n"
    "<div id=\"search\"><input id=\"search-input\" type=\"search\" placeholder=\"Search a name or alias\" "
    "autocomplete=\"off\" spellcheck=\"false\" aria-label=\"Search a name or alias\">"
    "<ul id=\"search-results\" role=\"listbox\" hidden></ul></div>\n"
    "</header>\n"
    "<aside id=\"legend\" aria-label=\"Legend and filters\"></aside>\n"
    "<main id=\"canvas\">\n";

constexpr std::string_view kPageDataStart =
    "</main>\n"
    "<aside id=\"details\" aria-live=\"polite\" hidden></aside>\n"
    "<noscript><p class=\"noscript\">The search, filters and evidence panels need JavaScript; the drawing "
    "above is the whole graph.</p></noscript>\n"
    "<script type=\"application/json\" id=\"graph-data\">";

constexpr std::string_view kPageScriptStart = "</script>\n<script>\n";
constexpr std::string_view kPageEnd = "</script>\n</body>\n</html>\n";

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void string(JsonWriter& w, std::string_view text) {
  const std::string clean = clean_text(text);
  w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

void member(JsonWriter& w, const char* key, std::string_view text) {
  w.Key(key);
  string(w, text);
}

void string_array(JsonWriter& w, const char* key, const std::vector<std::string>& items) {
  w.Key(key);
  w.StartArray();
  for (const std::string& item : items) string(w, item);
  w.EndArray();
}

void write_articles(JsonWriter& w, const KnowledgeGraph& kg) {
  w.Key("articles");
  w.StartArray();
  for (const ArticleInfo& article : kg.articles) {
    w.StartObject();
    member(w, "id", article.id);
    member(w, "title", kg.title(article));
    member(w, "date", article.date);
    // Only a well-formed http(s) IRI becomes a link on the page.
    member(w, "url", exporting::normalize_http_url(article.url));
    member(w, "source", article.source);
    w.EndObject();
  }
  w.EndArray();
}

void write_nodes(JsonWriter& w, const KnowledgeGraph& kg) {
  w.Key("nodes");
  w.StartArray();
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph))) {
    const EntityNode& node = kg.graph[v];
    w.StartObject();
    member(w, "id", node.id);
    member(w, "label", node.label);
    member(w, "type", to_string(node.type));
    string_array(w, "aliases", node.aliases);
    w.Key("mentions");
    w.Uint(node.mentions);
    string_array(w, "sources", kg.article_ids(node.sources));
    if (!node.date.empty()) member(w, "date", node.date);
    if (!node.place.empty()) member(w, "place", node.place);
    w.EndObject();
  }
  w.EndArray();
}

void write_edges(JsonWriter& w, const KnowledgeGraph& kg) {
  w.Key("edges");
  w.StartArray();
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) {
    const RelationEdge& rel = kg.graph[e];
    w.StartObject();
    w.Key("source");
    w.Uint64(boost::source(e, kg.graph));
    w.Key("target");
    w.Uint64(boost::target(e, kg.graph));
    member(w, "type", to_string(rel.type));
    w.Key("weight");
    w.Uint(rel.weight());
    w.Key("symmetric");
    w.Bool(rel.symmetric());
    if (!rel.status.empty()) member(w, "status", rel.status);
    if (!rel.text.empty()) member(w, "text", rel.text);
    string_array(w, "sources", kg.article_ids(rel));
    w.Key("evidence");
    w.StartArray();
    for (const EdgeEvidence& evidence : rel.evidence) {
      w.StartObject();
      member(w, "article", kg.article_id(evidence));
      w.Key("begin");
      w.Uint(evidence.begin);
      w.Key("end");
      w.Uint(evidence.end);
      member(w, "rule", kg.rule(evidence));
      member(w, "sentence", kg.sentence(evidence));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

// '<', '>' and '&' only occur inside JSON strings, where their \u escapes mean the same;
// without them a "</script>" in a sentence would end the data element.
std::string escape_for_script(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (const char c : json) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

// Graphviz's SVG document as an element for the page: the XML declaration, doctype, comments
// and <title> lines dropped (one of each per node and edge, naming its ids: the page's panels
// say more, and on a big graph they are megabytes to parse).
std::string inline_svg(std::string_view svg) {
  const std::size_t start = svg.find("<svg");
  if (start != std::string_view::npos) svg.remove_prefix(start);
  std::string out;
  out.reserve(svg.size());
  while (!svg.empty()) {
    const std::size_t eol = svg.find('\n');
    const std::string_view line = svg.substr(0, eol == std::string_view::npos ? svg.size() : eol + 1);
    svg.remove_prefix(line.size());
    if (line.starts_with("<!--") && line.find("-->") != std::string_view::npos) continue;
    if (line.starts_with("<title>") && line.find("</title>") != std::string_view::npos) continue;
    out += line;
  }
  return out;
}

}  // namespace

std::string html_graph_json(const KnowledgeGraph& kg) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  write_articles(w, kg);
  write_nodes(w, kg);
  write_edges(w, kg);
  w.EndObject();
  return escape_for_script(std::string_view(buffer.GetString(), buffer.GetSize()));
}

Status write_html(const KnowledgeGraph& kg, const std::string& path, const RenderOptions& options) {
  Result<std::string> svg = render_svg_text(kg, path, options);
  if (!svg) return svg.status();
  std::string page;
  page += kPageHead;
  page += explorer::stylesheet();
  page += kPageBodyStart;
  page += inline_svg(*svg);
  page += kPageDataStart;
  page += html_graph_json(kg);
  page += kPageScriptStart;
  page += explorer::script();
  page += kPageEnd;
  return write_file_atomically(path, page);
}

}  // namespace newsgraph
