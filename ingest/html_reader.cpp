// HTML articles through libxml2's HTML parser (recovering, no network). The DOM walk is
// iterative: it follows parent/sibling pointers, so the input's nesting depth never
// reaches the C++ stack.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>

#include "ingest/date.hpp"
#include "ingest/readers.hpp"

namespace newsgraph::ingest::detail {
namespace {

constexpr std::size_t kSearchWindowBytes = 64 * 1024;  // how far a paragraph's first word is searched

bool is_named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && node->name != nullptr &&
         xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

bool is_one_of(const xmlNode* node, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (is_named(node, name)) return true;
  }
  return false;
}

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Elements never part of the article text.
bool is_dropped_element(const xmlNode* node, bool keep_header) {
  if (is_one_of(node, {"script", "style", "noscript", "nav", "footer", "aside", "form", "button", "iframe",
                       "svg", "template", "select", "textarea", "input", "object", "embed", "canvas", "head",
                       "title", "dialog", "menu"})) {
    return true;
  }
  if (!keep_header && is_named(node, "header")) return true;
  if (is_one_of(node, {"html", "body", "article", "main"})) return false;
  if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  // Page furniture named by class or id: each word of the attribute ("cookie-banner" ->
  // "cookie", "banner") against a short list.
  static constexpr std::string_view kFurniture[] = {
      "cookie", "cookies", "consent", "banner", "newsletter", "share", "sharing", "social", "related",
      "comments", "comment", "advert", "advertisement", "ad", "ads", "promo", "sponsored", "popup",
      "modal", "breadcrumb", "breadcrumbs", "paywall", "subscribe", "subscription"};
  for (const char* name : {"class", "id"}) {
    const std::string value = lower(attribute(node, name));
    std::size_t pos = 0;
    while (pos < value.size()) {
      while (pos < value.size() && !std::isalnum(static_cast<unsigned char>(value[pos]))) ++pos;
      std::size_t end = pos;
      while (end < value.size() && std::isalnum(static_cast<unsigned char>(value[end]))) ++end;
      const std::string_view word(value.data() + pos, end - pos);
      if (!word.empty() && std::find(std::begin(kFurniture), std::end(kFurniture), word) != std::end(kFurniture)) {
        return true;
      }
      pos = end;
    }
  }
  return false;
}

bool is_block(const xmlNode* node) {
  return is_one_of(node, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
                          "br", "tr", "table", "section", "article", "main", "header", "footer", "figure",
                          "figcaption", "pre", "dl", "dt", "dd", "hr", "address", "caption", "details",
                          "summary", "body", "center"});
}

// Visits the subtree of `root` in document order without recursion. `enter(node)` returns
// whether to visit the node's children; `leave(node)` is called after the children of every
// node entered that way.
template <typename Enter, typename Leave>
void walk(xmlNode* root, Enter enter, Leave leave) {
  if (root == nullptr) return;
  xmlNode* node = root;
  while (true) {
    const bool descend = enter(node);
    if (descend && node->children != nullptr) {
      node = node->children;
      continue;
    }
    if (descend) leave(node);
    while (node != root && node->next == nullptr) {
      node = node->parent;
      leave(node);
    }
    if (node == root) return;
    node = node->next;
  }
}

// The first element named `name` under `root`, outside dropped elements.
xmlNode* find_element(xmlNode* root, const char* name, bool keep_header) {
  xmlNode* found = nullptr;
  walk(
      root,
      [&](xmlNode* node) {
        if (found != nullptr || node->type != XML_ELEMENT_NODE) return false;
        if (node != root && is_dropped_element(node, keep_header)) return false;
        if (is_named(node, name)) {
          found = node;
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  return found;
}

// The outermost <article> (outside dropped elements) holding the most text: a page may
// also mark teasers as <article>.
xmlNode* largest_article(xmlNode* body) {
  xmlNode* best = nullptr;
  std::size_t best_bytes = 0;
  xmlNode* current = nullptr;
  std::size_t current_bytes = 0;
  walk(
      body,
      [&](xmlNode* node) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
          if (current != nullptr && node->content != nullptr) current_bytes += xmlStrlen(node->content);
          return false;
        }
        if (node->type != XML_ELEMENT_NODE) return false;
        if (node != body && is_dropped_element(node, false)) return false;
        if (current == nullptr && is_named(node, "article")) {
          current = node;
          current_bytes = 0;
        }
        return true;
      },
      [&](xmlNode* node) {
        if (node != current) return;
        if (best == nullptr || current_bytes > best_bytes) best = current, best_bytes = current_bytes;
        current = nullptr;
      });
  return best;
}

// Text content with HTML white-space runs collapsed to one space, trimmed.
std::string collapsed_text(xmlNode* root) {
  std::string out;
  bool space = false;
  walk(
      root,
      [&](xmlNode* node) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
          for (const xmlChar* c = node->content; c != nullptr && *c != 0; ++c) {
            if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r' || *c == '\f') {
              space = true;
            } else {
              if (space && !out.empty()) out += ' ';
              space = false;
              out += static_cast<char>(*c);
            }
          }
          return false;
        }
        return node->type == XML_ELEMENT_NODE && !is_one_of(node, {"script", "style"});
      },
      [](xmlNode*) {});
  return out;
}

// Finds where a paragraph starts in the raw bytes (best effort; see ingest.hpp).
class Locator {
 public:
  explicit Locator(std::string_view buffer) : buffer_(buffer) {
    line_starts_.push_back(0);
    for (std::size_t pos = buffer.find('\n'); pos != std::string_view::npos; pos = buffer.find('\n', pos + 1)) {
      line_starts_.push_back(pos + 1);
    }
  }

  // Offset in the buffer of `text` (a paragraph's first text), read inside `node`.
  std::size_t locate(const xmlNode* node, std::string_view text) {
    std::size_t from = last_;
    for (const xmlNode* n = node; n != nullptr; n = n->parent) {
      if (n->type != XML_ELEMENT_NODE) continue;
      const long line = xmlGetLineNo(n);
      if (line > 0 && line < 65535 && static_cast<std::size_t>(line) <= line_starts_.size()) {
        from = std::max(from, line_starts_[line - 1]);
      }
      break;
    }
    // The first word (letters and digits), which an entity cannot have produced.
    std::size_t begin = 0;
    while (begin < text.size() && !std::isalnum(static_cast<unsigned char>(text[begin]))) ++begin;
    std::size_t end = begin;
    while (end < text.size() && end - begin < 24 && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
    if (end > begin) {
      const std::string_view word = text.substr(begin, end - begin);
      const std::string_view window = buffer_.substr(from, kSearchWindowBytes);
      const auto found = window.find(word);
      if (found != std::string_view::npos) from += found;
    }
    last_ = from;
    return from;
  }

 private:
  std::string_view buffer_;
  std::vector<std::size_t> line_starts_;
  std::size_t last_ = 0;
};

// Collects the paragraphs under `root`: block elements end paragraphs, white space collapses.
class ParagraphCollector {
 public:
  ParagraphCollector(Locator& locator, bool keep_header, bool only_p)
      : locator_(locator), keep_header_(keep_header), only_p_(only_p) {}

  std::vector<Paragraph> collect(xmlNode* root) {
    walk(
        root, [&](xmlNode* node) { return enter(node, root); }, [&](xmlNode* node) { leave(node); });
    flush();
    return std::move(paragraphs_);
  }

 private:
  bool enter(xmlNode* node, xmlNode* root) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (!only_p_ || in_p_ > 0) append(node);
      return false;
    }
    if (node->type != XML_ELEMENT_NODE) return false;
    if (node != root && is_dropped_element(node, keep_header_)) return false;
    if (is_block(node)) flush();
    if (is_named(node, "p")) ++in_p_;
    return true;
  }

  void leave(xmlNode* node) {
    if (is_named(node, "p") && in_p_ > 0) --in_p_;
    if (is_block(node)) flush();
  }

  void append(const xmlNode* node) {
    for (const xmlChar* c = node->content; c != nullptr && *c != 0; ++c) {
      if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r' || *c == '\f') {
        space_ = true;
        continue;
      }
      if (text_.empty()) {
        offset_ = locator_.locate(node, reinterpret_cast<const char*>(c));
      } else if (space_) {
        text_ += ' ';
      }
      space_ = false;
      text_ += static_cast<char>(*c);
    }
  }

  void flush() {
    if (!text_.empty()) paragraphs_.push_back({std::move(text_), offset_});
    text_.clear();
    space_ = false;
  }

  Locator& locator_;
  bool keep_header_;
  bool only_p_;
  int in_p_ = 0;
  std::string text_;
  bool space_ = false;
  std::size_t offset_ = 0;
  std::vector<Paragraph> paragraphs_;
};

// "utf-8" when the page declares no other charset in its first bytes.
bool declares_other_charset(std::string_view bytes) {
  const std::string head = lower(std::string(bytes.substr(0, 4096)));
  const auto at = head.find("charset=");
  if (at == std::string::npos) return false;
  std::size_t pos = at + 8;
  while (pos < head.size() && (head[pos] == '"' || head[pos] == '\'' || head[pos] == ' ')) ++pos;
  const std::string_view value = std::string_view(head).substr(pos, 8);
  return !(value.substr(0, 5) == "utf-8" || value.substr(0, 4) == "utf8" || value.substr(0, 8) == "us-ascii");
}

// The title: <title> with its " | Site" suffix cut when the <h1> confirms the left part.
std::string choose_title(const std::string& title, const std::string& h1) {
  if (title.empty()) return h1;
  if (h1.empty() || title == h1) return title;
  for (std::string_view separator : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 "}) {
    for (auto pos = title.rfind(separator); pos != std::string::npos && pos > 0;
         pos = title.rfind(separator, pos - 1)) {
      if (title.compare(0, pos, h1) == 0 && pos == h1.size()) return h1;
    }
  }
  return title;
}

}  // namespace

ReadReport read_html(std::string_view bytes, const std::string& path, const IngestOptions& options) {
  ReadReport report;
  if (!accept_text_file(bytes, path, report)) return report;
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    report.errors.push_back(path + ": file too large for the HTML parser (" + std::to_string(bytes.size()) + " bytes)");
    return report;
  }
  // A UTF-8 page is repaired first (libxml2 would otherwise switch to Latin-1 at the first
  // bad byte); a page in another declared charset is left to libxml2's converters.
  const bool other_charset = declares_other_charset(bytes);
  SanitizedText sanitized;
  if (!other_charset) {
    sanitized = sanitize(bytes);
    add_repair_warnings(sanitized, path, report);
  }
  if (other_charset) sanitized.text.assign(bytes);  // unchanged bytes, a copy the depth limit may edit
  if (const std::size_t flattened = limit_html_depth(sanitized.text, options.max_html_depth); flattened > 0) {
    report.warnings.push_back(path + ": nested deeper than " + std::to_string(options.max_html_depth) + " elements; " +
                              std::to_string(flattened) + " tags past the limit ignored, their text kept (max_html_depth)");
  }
  const std::string_view buffer = sanitized.text;
  // XML_PARSE_HUGE lifts libxml2's depth limit of 256 (past it the rest of the page is
  // lost) and its 10 MB limit on one text node. Safe here: libxml2's HTML parser keeps open
  // elements on a heap stack, and our walk does not recurse.
  const int parse_options = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_RECOVER |
                            HTML_PARSE_COMPACT | XML_PARSE_HUGE;
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlReadMemory(buffer.data(), static_cast<int>(buffer.size()), path.c_str(), other_charset ? nullptr : "UTF-8",
                     parse_options),
      xmlFreeDoc);
  xmlNode* html = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  xmlNode* body = html ? find_element(html, "body", true) : nullptr;
  if (body == nullptr) {
    // find_element skips <head>; a page without <body> has no article.
    report.errors.push_back(path + ": no article text found");
    return report;
  }

  // Metadata: title, date, url.
  std::string title_text;
  std::string date;
  int date_rank = 4;  // 1 article:published_time, 2 <time datetime>, 3 meta name=date
  std::string url;
  xmlNode* title_node = nullptr;
  walk(
      html,
      [&](xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return false;
        if (is_named(node, "title") && title_node == nullptr) {
          title_node = node;
          title_text = collapsed_text(node);
        } else if (is_named(node, "meta")) {
          const std::string property = lower(attribute(node, "property"));
          const std::string name = lower(attribute(node, "name"));
          const std::string itemprop = lower(attribute(node, "itemprop"));
          const std::string content = attribute(node, "content");
          if (date_rank > 1 && (property == "article:published_time" || itemprop == "datepublished")) {
            std::string iso = normalize_date(content, false);
            if (!iso.empty()) date = std::move(iso), date_rank = 1;
          } else if (date_rank > 3 && (name == "date" || name == "pubdate" || name == "publishdate" ||
                                       name == "dc.date" || name == "article:published_time")) {
            std::string iso = normalize_date(content, false);
            if (!iso.empty()) date = std::move(iso), date_rank = 3;
          } else if (url.empty() && property == "og:url") {
            url = content;
          }
        } else if (is_named(node, "time") && date_rank > 2) {
          std::string iso = normalize_date(attribute(node, "datetime"), false);
          if (!iso.empty()) date = std::move(iso), date_rank = 2;
        } else if (is_named(node, "link") && lower(attribute(node, "rel")) == "canonical") {
          const std::string href = attribute(node, "href");
          if (!href.empty()) url = href;
        }
        return !is_one_of(node, {"script", "style", "svg"});
      },
      [](xmlNode*) {});

  // The content root: <article>, else <main>, else the <p>s of <body>.
  xmlNode* root = largest_article(body);
  if (root == nullptr) root = find_element(body, "main", false);
  const bool in_body = root == nullptr;
  xmlNode* h1 = root ? find_element(root, "h1", true) : nullptr;
  if (h1 == nullptr) h1 = find_element(body, "h1", false);
  const std::string h1_text = h1 ? collapsed_text(h1) : std::string();
  const std::string title = choose_title(title_text, h1_text);

  Locator locator(buffer);
  std::vector<Paragraph> paragraphs;
  if (!title.empty()) {
    xmlNode* from = (h1 != nullptr && title == h1_text) ? h1 : title_node;
    Locator title_locator(buffer);
    paragraphs.push_back({title, title_locator.locate(from, title)});
  }
  std::vector<Paragraph> body_paragraphs;
  if (in_body) {
    body_paragraphs = ParagraphCollector(locator, false, true).collect(body);
    if (body_paragraphs.empty()) {
      Locator again(buffer);
      body_paragraphs = ParagraphCollector(again, false, false).collect(body);
    }
  } else {
    body_paragraphs = ParagraphCollector(locator, true, false).collect(root);
  }
  if (body_paragraphs.empty()) {
    report.errors.push_back(path + ": no article text found");
    return report;
  }
  for (auto& paragraph : body_paragraphs) paragraphs.push_back(std::move(paragraph));

  CleanOptions clean_options;
  clean_options.max_text_bytes = options.max_article_bytes;
  CleanedText cleaned = clean_paragraphs(std::move(paragraphs), clean_options);
  map_to_source(cleaned, sanitized, bytes.size());  // identity for another charset: no anchors
  const bool only_title = !title.empty() && cleaned.source_map.size() < 2;
  if (cleaned.text.empty() || only_title) {
    report.errors.push_back(path + ": no article text found");
    return report;
  }
  add_truncation_warning(cleaned, path, options, report);
  Article article;
  article.id = file_stem(path);
  article.source = path;
  article.title = std::move(cleaned.title);
  article.date = date.empty() ? std::move(cleaned.dateline) : std::move(date);
  article.url = std::move(url);
  article.text = std::move(cleaned.text);
  article.source_map = std::move(cleaned.source_map);
  report.articles.push_back(std::move(article));
  return report;
}

}  // namespace newsgraph::ingest::detail
