#include "export/escape.hpp"

#include <libxml/tree.h>

#include <array>
#include <charconv>

#include "core/utf8.hpp"

namespace newsgraph::exporting {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

bool is_ascii_alnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool is_unreserved(char c) { return is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

void append_percent(std::string& out, unsigned char byte) {
  out += '%';
  out += kHex[byte >> 4];
  out += kHex[byte & 0x0F];
}

// Digits only, exactly `n` of them, starting at `pos`.
bool digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return false;
  for (std::size_t i = pos; i < pos + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number(std::string_view s, std::size_t pos, std::size_t n) {
  int value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) value = value * 10 + (s[i] - '0');
  return value;
}

bool valid_calendar_date(std::string_view s) {  // "YYYY-MM-DD", already shaped
  const int year = number(s, 0, 4), month = number(s, 5, 2), day = number(s, 8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool date_shaped(std::string_view s) {
  return s.size() >= 10 && digits(s, 0, 4) && s[4] == '-' && digits(s, 5, 2) && s[7] == '-' && digits(s, 8, 2);
}

// "hh:mm:ss[.s+][Z|(+|-)hh:mm]" from `pos` to the end.
bool time_and_zone(std::string_view s, std::size_t pos) {
  if (!(digits(s, pos, 2) && s.size() > pos + 2 && s[pos + 2] == ':' && digits(s, pos + 3, 2) &&
        s.size() > pos + 5 && s[pos + 5] == ':' && digits(s, pos + 6, 2)))
    return false;
  if (number(s, pos, 2) > 23 || number(s, pos + 3, 2) > 59 || number(s, pos + 6, 2) > 59) return false;
  pos += 8;
  if (pos < s.size() && s[pos] == '.') {
    const std::size_t start = ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == start) return false;
  }
  if (pos == s.size()) return true;
  if (s[pos] == 'Z') return pos + 1 == s.size();
  if (s[pos] != '+' && s[pos] != '-') return false;
  return pos + 6 == s.size() && digits(s, pos + 1, 2) && s[pos + 3] == ':' && digits(s, pos + 4, 2) &&
         number(s, pos + 1, 2) <= 14 && number(s, pos + 4, 2) <= 59;
}

}  // namespace

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b >= 0x20 && b < 0x7F) {  // the common case: printable ASCII
      out += static_cast<char>(b);
      ++pos;
      continue;
    }
    std::size_t length;
    const char32_t cp = utf8::decode(text, pos, length);
    if (!utf8::is_forbidden_control(cp)) {
      if (cp == utf8::kReplacement)
        utf8::append(out, cp);  // an invalid sequence, or a real U+FFFD
      else
        out.append(text.substr(pos, length));
    }
    pos += length;
  }
  return out;
}

std::string export_node_id(std::string_view id) {
  const std::string cleaned = clean_text(id);
  if (!id.empty() && cleaned == id &&
      xmlValidateNMToken(reinterpret_cast<const xmlChar*>(cleaned.c_str()), 0) == 0)
    return cleaned;
  if (id.empty()) return "_x_";
  std::string out;
  std::size_t pos = 0;
  while (pos < id.size()) {
    const char c = id[pos];
    if (is_ascii_alnum(c) || c == '.' || c == ':' || c == '-') {
      out += c;
      ++pos;
      continue;
    }
    std::size_t length;
    const char32_t cp = utf8::decode(id, pos, length);
    char buffer[16];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::uint32_t>(cp), 16);
    std::string hex(buffer, end);
    for (char& h : hex) h = static_cast<char>(h >= 'a' ? h - 'a' + 'A' : h);
    out += "_x";
    out.append(hex.size() < 4 ? 4 - hex.size() : 0, '0');
    out += hex;
    out += '_';
    pos += length;
  }
  return out;
}

namespace {

// Whether the '&' at `pos` starts what Graphviz decodes as an HTML entity in any label
// ("&amp;", "&#38;", "&#x1F600;"): '&', up to 10 letters, digits or '#', ';'. Graphviz 2.43
// turns an astral "&#x...;" into invalid UTF-8 in SVG (found by the escaping table, issue 9).
bool starts_entity(std::string_view text, std::size_t pos) {
  for (std::size_t i = pos + 1; i < text.size() && i <= pos + 11; ++i) {
    const char c = text[i];
    if (c == ';') return i > pos + 1;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '#') return false;
  }
  return false;
}

}  // namespace

std::string dot_string(std::string_view text) {
  const std::string cleaned = clean_text(text);
  std::string out;
  out.reserve(cleaned.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < cleaned.size(); ++i) {
    const char c = cleaned[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\t': out += ' '; break;
      case '&': out += starts_entity(cleaned, i) ? "&amp;" : "&"; break;
      default: out += c;
    }
  }
  out += '"';
  return out;
}

std::string percent_encode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (is_unreserved(c))
      out += c;
    else
      append_percent(out, static_cast<unsigned char>(c));
  }
  return out;
}

std::string node_iri_path(std::string_view node_id) {
  const std::size_t colon = node_id.find(':');
  if (colon == std::string_view::npos) return "id/" + percent_encode(node_id);
  return "id/" + percent_encode(node_id.substr(0, colon)) + "/" + percent_encode(node_id.substr(colon + 1));
}

std::string normalize_http_url(std::string_view url) {
  const std::size_t colon = url.find(':');
  if (colon == std::string_view::npos) return "";
  std::string scheme(url.substr(0, colon));
  for (char& c : scheme) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (scheme != "http" && scheme != "https") return "";
  if (url.substr(colon + 1, 2) != "//") return "";
  const std::size_t host_begin = colon + 3;
  const std::size_t host_end = url.find_first_of("/?#", host_begin);
  const std::string_view authority = url.substr(host_begin, host_end == std::string_view::npos ? url.npos : host_end - host_begin);
  const std::size_t at = authority.rfind('@');
  const std::string_view host_port = at == std::string_view::npos ? authority : authority.substr(at + 1);
  const std::size_t port_colon = host_port.find(':');
  const std::string_view host = host_port.substr(0, port_colon);
  if (host.empty()) return "";
  if (port_colon != std::string_view::npos)
    for (char c : host_port.substr(port_colon + 1))
      if (c < '0' || c > '9') return "";
  for (char c : host)
    if (!(is_ascii_alnum(c) || c == '-' || c == '.')) return "";  // no IDN or IP-literal hosts here
  std::string out = scheme + "://";
  bool in_fragment = false;
  for (std::size_t i = host_begin; i < url.size(); ++i) {
    const char c = url[i];
    const unsigned char b = static_cast<unsigned char>(c);
    if (c == '%' && i + 2 < url.size() && is_hex(url[i + 1]) && is_hex(url[i + 2])) {
      out += c;
    } else if (c == '#' && !in_fragment) {
      in_fragment = true;
      out += c;
    } else if (b > 0x20 && b < 0x7F && std::string_view("%#<>\"{}|\\^`[]").find(c) == std::string_view::npos) {
      out += c;
    } else {
      append_percent(out, b);
    }
  }
  return out;
}

bool is_absolute_iri(std::string_view iri) {
  const std::size_t colon = iri.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!((iri[0] >= 'A' && iri[0] <= 'Z') || (iri[0] >= 'a' && iri[0] <= 'z'))) return false;
  for (std::size_t i = 1; i < colon; ++i)
    if (!(is_ascii_alnum(iri[i]) || iri[i] == '+' || iri[i] == '-' || iri[i] == '.')) return false;
  for (std::size_t i = colon + 1; i < iri.size(); ++i) {
    const unsigned char b = static_cast<unsigned char>(iri[i]);
    if (b <= 0x20 || b == 0x7F || std::string_view("<>\"{}|\\^`").find(iri[i]) != std::string_view::npos) return false;
  }
  return utf8::is_valid(iri);
}

std::string_view xsd_date_type(std::string_view value) {
  if (value.size() == 4 && digits(value, 0, 4)) return "gYear";
  if (value.size() == 7 && digits(value, 0, 4) && value[4] == '-' && digits(value, 5, 2)) {
    const int month = number(value, 5, 2);
    return month >= 1 && month <= 12 ? "gYearMonth" : "";
  }
  if (!date_shaped(value) || !valid_calendar_date(value)) return "";
  if (value.size() == 10) return "date";
  if (value[10] == 'T' && time_and_zone(value, 11)) return "dateTime";
  return "";
}

std::string join(const std::vector<std::string>& parts, char sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string decimal(std::uint64_t value) {
  char buffer[24];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

}  // namespace newsgraph::exporting
