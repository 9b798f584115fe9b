#include "tokenize/normalize.hpp"

#include <cstddef>

#include "core/utf8.hpp"

namespace newsgraph {
namespace {

// The PTB replacement of `cp` inside a token; `changed` false when it stays.
std::string_view replacement(char32_t cp, bool& changed) {
  changed = true;
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x02BC:
    case 0x00B4:
    case 0x2039:
    case 0x203A:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212:
      return "-";
    case 0x2014:
    case 0x2015:
      return "--";
    case 0x2026:
      return "...";
    case 0x00AD:
      return "";
    default:
      changed = false;
      return {};
  }
}

}  // namespace

std::string_view ptb_form(std::string_view token, std::string& buffer) {
  std::size_t pos = 0;
  while (pos < token.size() && static_cast<unsigned char>(token[pos]) < 0x80) ++pos;
  if (pos == token.size()) return token;  // ASCII: already PTB

  std::size_t length;
  const char32_t first = utf8::decode(token, 0, length);
  if (length == token.size() && first >= 0x2012 && first <= 0x2015) {
    buffer.assign("--");  // a dash on its own: – — ― ‒
    return buffer;
  }

  bool changed_any = false;
  std::size_t copied = 0;  // token[0, copied) is already in buffer
  while (pos < token.size()) {
    const char32_t cp = utf8::decode(token, pos, length);
    bool changed;
    const std::string_view form = replacement(cp, changed);
    if (changed) {
      if (!changed_any) buffer.clear();
      changed_any = true;
      buffer.append(token.substr(copied, pos - copied));
      buffer.append(form);
      copied = pos + length;
    }
    pos += length;
  }
  if (!changed_any) return token;
  buffer.append(token.substr(copied));
  return buffer;
}

}  // namespace newsgraph
