// Byte-level sanitizing of raw input (see clean.hpp): one pass, linear, no allocation per
// character beyond the output string.
#include <algorithm>

#include "core/utf8.hpp"
#include "ingest/clean.hpp"

namespace newsgraph::ingest {

std::uint64_t SanitizedText::to_source(std::uint64_t text_offset) const {
  if (anchors.empty()) return text_offset;
  auto it = std::upper_bound(anchors.begin(), anchors.end(), text_offset,
                             [](std::uint64_t offset, const SourceSpan& span) { return offset < span.text_offset; });
  if (it == anchors.begin()) return text_offset;
  --it;
  return it->source_offset + (text_offset - it->text_offset);
}

SanitizedText sanitize(std::string_view raw, const SanitizeOptions& options) {
  SanitizedText out;
  out.text.reserve(raw.size());
  std::size_t pos = 0;
  if (options.drop_bom && raw.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  out.anchors.push_back({0, pos});
  // Records that the next output byte comes from raw offset `next` (after a change of length).
  const auto anchor = [&](std::size_t next) { out.anchors.push_back({out.text.size(), next}); };
  while (pos < raw.size()) {
    const unsigned char byte = static_cast<unsigned char>(raw[pos]);
    if (byte >= 0x20 && byte < 0x7F) {  // fast path: printable ASCII
      out.text += static_cast<char>(byte);
      ++pos;
      continue;
    }
    if (byte == '\r' && options.normalize_newlines) {
      out.text += '\n';
      if (pos + 1 < raw.size() && raw[pos + 1] == '\n') {
        pos += 2;
        anchor(pos);
      } else {
        ++pos;
      }
      continue;
    }
    std::size_t length;
    const char32_t cp = utf8::decode(raw, pos, length);
    if (cp == utf8::kReplacement && raw.substr(pos, 3) != "\xEF\xBF\xBD") {
      out.invalid_offsets.push_back(pos);
      utf8::append(out.text, utf8::kReplacement);
      pos += length;
      anchor(pos);
      continue;
    }
    if (options.replace_controls && cp != '\r' && utf8::is_forbidden_control(cp)) {
      out.control_offsets.push_back(pos);
      out.text += ' ';
      pos += length;
      if (length != 1) anchor(pos);
      continue;
    }
    out.text.append(raw.substr(pos, length));
    pos += length;
  }
  return out;
}

std::vector<Paragraph> split_plain_text(std::string_view text) {
  std::vector<Paragraph> paragraphs;
  const auto is_blank = [](std::string_view line) {
    return line.find_first_not_of(" \t\f\v") == std::string_view::npos;
  };
  // Sentence ends and closing quotes after which a line break is a paragraph break.
  const auto ends_sentence = [](std::string_view line) {
    const auto last = line.find_last_not_of(" \t");
    if (last == std::string_view::npos) return true;
    const char c = line[last];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '\'' || c == ')') return true;
    // ” ’ » …
    const std::string_view tail = line.substr(0, last + 1);
    for (std::string_view mark : {"\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\xE2\x80\xA6"}) {
      if (tail.size() >= mark.size() && tail.substr(tail.size() - mark.size()) == mark) return true;
    }
    return false;
  };
  const auto starts_lower = [](std::string_view line) {
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) return false;
    std::size_t length;
    const char32_t cp = utf8::decode(line, first, length);
    return utf8::is_letter(cp) && !utf8::is_upper(cp);
  };

  bool open = false;  // the last paragraph may still take a continuation line
  std::string_view previous_line;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    if (is_blank(line)) {
      open = false;
    } else if (open && !ends_sentence(previous_line) && starts_lower(line)) {
      paragraphs.back().text += ' ';
      paragraphs.back().text.append(line);
      previous_line = line;
    } else {
      paragraphs.push_back({std::string(line), pos});
      previous_line = line;
      open = true;
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  return paragraphs;
}

}  // namespace newsgraph::ingest
