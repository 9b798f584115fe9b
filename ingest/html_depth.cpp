// The HTML nesting limit (IngestOptions::max_html_depth, docs/limits.md). libxml2's HTML
// parser matches every end tag against its stack of open elements, so a page that nests
// deeply and then closes what is not open costs time quadratic in the depth (20,000 levels:
// 4 s; 40,000: 11 s). Before parsing, a linear scan estimates the depth the parser will
// reach; when it passes the limit, the start tags past it and the end tags that match
// nothing open are overwritten with spaces. Their text stays (under the deepest element
// kept) and every byte keeps its offset, so the map back to the source is unchanged.
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/readers.hpp"

namespace newsgraph::ingest::detail {
namespace {

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_';
}

std::string lower_name(std::string_view html, std::size_t begin, std::size_t& end) {
  std::string name;
  end = begin;
  while (end < html.size() && is_name_char(html[end])) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[end])));
    ++end;
  }
  return name;
}

// The end of the tag starting at `pos` ('<'): one past its '>', quoted attribute values
// skipped; the end of the page when it is not closed.
std::size_t tag_end(std::string_view html, std::size_t pos) {
  char quote = 0;
  for (std::size_t i = pos + 1; i < html.size(); ++i) {
    const char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

bool is_void(std::string_view name) {
  static constexpr std::array<std::string_view, 16> kVoid = {"area", "base", "br", "col", "embed", "hr", "img",
                                                            "input", "link", "meta", "param", "source", "track",
                                                            "wbr", "basefont", "keygen"};
  for (std::string_view v : kVoid)
    if (v == name) return true;
  return false;
}

bool is_raw_text(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp";
}

// Whether a start tag `next` closes the open element `top` first, as libxml2 does for
// elements whose end tag HTML lets you leave out (it looks at the innermost one only).
bool start_closes(std::string_view next, std::string_view top) {
  if (top == "p") {
    static constexpr std::array<std::string_view, 22> kBlocks = {
        "p", "div", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
        "form", "blockquote", "address", "hr", "section", "article", "header", "footer", "li"};
    for (std::string_view b : kBlocks)
      if (b == next) return true;
    return false;
  }
  if (top == "li") return next == "li";
  if (top == "dt" || top == "dd") return next == "dt" || next == "dd";
  if (top == "td" || top == "th") return next == "td" || next == "th" || next == "tr";
  if (top == "tr") return next == "tr";
  if (top == "option") return next == "option";
  return false;
}

// One pass over the page. With `blank` false, only measures; with it, overwrites the tags
// past `max_depth` and the end tags that close nothing, and counts them.
struct DepthScan {
  std::size_t deepest = 0;
  std::size_t blanked = 0;
};

DepthScan scan(std::string& html, std::size_t max_depth, bool blank) {
  DepthScan result;
  std::vector<std::string> open;
  std::map<std::string, std::size_t, std::less<>> open_count;  // bounds the end-tag search
  const auto pop = [&] {
    --open_count[open.back()];
    open.pop_back();
  };
  const auto erase = [&](std::size_t begin, std::size_t end) {
    if (!blank) return;
    for (std::size_t i = begin; i < end; ++i) html[i] = html[i] == '\n' ? '\n' : ' ';
    ++result.blanked;
  };
  std::size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string::npos) {
    const std::string_view view(html);
    if (view.substr(pos, 4) == "<!--") {
      const std::size_t close = html.find("-->", pos + 4);
      pos = close == std::string::npos ? html.size() : close + 3;
      continue;
    }
    if (pos + 1 < html.size() && (html[pos + 1] == '!' || html[pos + 1] == '?')) {
      pos = tag_end(view, pos);
      continue;
    }
    const bool end_tag = pos + 1 < html.size() && html[pos + 1] == '/';
    const std::size_t name_begin = pos + (end_tag ? 2 : 1);
    std::size_t name_end;
    const std::string name = lower_name(view, name_begin, name_end);
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) {
      ++pos;  // a '<' in text
      continue;
    }
    const std::size_t end = tag_end(view, pos);
    if (end_tag) {
      if (const auto it = open_count.find(name); it != open_count.end() && it->second > 0) {
        while (open.back() != name) pop();
        pop();
      } else {
        erase(pos, end);
      }
      pos = end;
      continue;
    }
    while (!open.empty() && start_closes(name, open.back())) pop();
    const bool self_closing = end >= 2 && html[end - 2] == '/';
    if (is_raw_text(name)) {
      // Its content is text up to its end tag, whatever it looks like.
      std::size_t close = end;
      while ((close = html.find("</", close)) != std::string::npos) {
        std::size_t close_name_end;
        if (lower_name(view, close + 2, close_name_end) == name) break;
        close += 2;
      }
      pos = close == std::string::npos ? html.size() : close;
      // The end tag is read by the next round and matches nothing open: keep it.
      if (close != std::string::npos) pos = tag_end(view, close);
      continue;
    }
    if (!is_void(name) && !self_closing) {
      if (open.size() >= max_depth) {
        erase(pos, end);
      } else {
        open.push_back(name);
        ++open_count[name];
        result.deepest = std::max(result.deepest, open.size());
      }
    }
    pos = end;
  }
  return result;
}

}  // namespace

std::size_t limit_html_depth(std::string& html, std::size_t max_depth) {
  // A page within the limit is left exactly as it is; it reaches max_depth + 1 in the
  // estimate only when some start tag must go.
  if (scan(html, max_depth + 1, false).deepest <= max_depth) return 0;
  return scan(html, max_depth, true).blanked;
}

}  // namespace newsgraph::ingest::detail
