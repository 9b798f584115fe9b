#include "core/utf8.hpp"

#include <unicode/uchar.h>

namespace newsgraph::utf8 {

char32_t decode(std::string_view text, std::size_t pos, std::size_t& length) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char b0 = byte(pos);
  length = 1;
  if (b0 < 0x80) return b0;
  std::size_t need;
  char32_t cp;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    need = 1, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    need = 2, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    need = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    return kReplacement;
  }
  if (pos + need >= text.size()) return kReplacement;
  for (std::size_t i = 1; i <= need; ++i) {
    const unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
  length = need + 1;
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string repair(std::string_view text, std::vector<InvalidByte>* invalid) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t length;
    const char32_t cp = decode(text, pos, length);
    if (cp == kReplacement && !(length == 3 && text.substr(pos, 3) == "\xEF\xBF\xBD")) {
      if (invalid) invalid->push_back({pos});
      append(out, kReplacement);
    } else {
      out.append(text.substr(pos, length));
    }
    pos += length;
  }
  return out;
}

bool is_valid(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t length;
    const char32_t cp = decode(text, pos, length);
    if (cp == kReplacement && text.substr(pos, 3) != "\xEF\xBF\xBD") return false;
    pos += length;
  }
  return true;
}

bool is_letter(char32_t cp) { return cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') : u_isalpha(static_cast<UChar32>(cp)); }
bool is_digit(char32_t cp) { return cp < 0x80 ? (cp >= '0' && cp <= '9') : u_isdigit(static_cast<UChar32>(cp)); }
bool is_upper(char32_t cp) { return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : (u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp))); }
bool is_space(char32_t cp) { return cp < 0x80 ? (cp == ' ' || (cp >= '\t' && cp <= '\r')) : u_isUWhiteSpace(static_cast<UChar32>(cp)); }

bool is_forbidden_control(char32_t cp) {
  if (cp == '\t' || cp == '\n') return false;
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return true;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
  if ((cp & 0xFFFE) == 0xFFFE) return true;
  return cp >= 0xD800 && cp <= 0xDFFF;
}

}  // namespace newsgraph::utf8
