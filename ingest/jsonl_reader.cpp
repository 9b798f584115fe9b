// JSON lines: one article object per line (design.md, "Command line"). A bad line is
// reported with its line number and skipped; the other lines are still read.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "ingest/date.hpp"
#include "ingest/readers.hpp"

namespace newsgraph::ingest::detail {
namespace {

// The string member `name` of `object`, or nullptr when absent or not a string.
const rapidjson::Value* string_member(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) return nullptr;
  return &it->value;
}

std::string_view view(const rapidjson::Value& value) {
  return std::string_view(value.GetString(), value.GetStringLength());
}

// The start of `text` up to anything JSON may have escaped (quotes, backslashes, controls,
// non-ASCII written as \uXXXX): bytes that appear as such in the raw line.
std::string_view raw_prefix(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && end < 32) {
    const unsigned char c = static_cast<unsigned char>(text[end]);
    if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\' || c == '/') break;
    ++end;
  }
  return text.substr(0, end);
}

// Best-effort offset of each paragraph: its start searched forward in the raw line, else
// the previous offset (escapes may hide it).
void locate_paragraphs(std::vector<Paragraph>& paragraphs, std::string_view line, std::uint64_t line_offset) {
  std::size_t from = 0;
  for (auto& paragraph : paragraphs) {
    const std::string_view prefix = raw_prefix(paragraph.text);
    const auto found = prefix.empty() ? std::string_view::npos : line.find(prefix, from);
    paragraph.source_offset = line_offset + (found != std::string_view::npos ? found : from);
    if (found != std::string_view::npos) from = found + prefix.size();
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of the escape "\uXXXX" at `pos`, or -1 when there is none.
long escaped_unit(std::string_view line, std::size_t pos) {
  if (pos + 6 > line.size() || line[pos] != '\\' || line[pos + 1] != 'u') return -1;
  long unit = 0;
  for (std::size_t k = pos + 2; k < pos + 6; ++k) {
    const int digit = hex_value(line[k]);
    if (digit < 0) return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

// Scrapers write lone UTF-16 surrogates ("\ud800" without its pair), which RapidJSON
// rejects with the whole line: each becomes "\ufffd" (same length, so offsets hold).
// Returns the offsets (in `line`) of those replaced.
std::vector<std::size_t> replace_lone_surrogates(std::string& line) {
  std::vector<std::size_t> replaced;
  for (std::size_t pos = 0; pos < line.size(); ++pos) {
    if (line[pos] != '\\') continue;
    const long unit = escaped_unit(line, pos);
    if (unit < 0) {
      ++pos;  // an escape of one character ("\\", "\""): skip it
      continue;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const long low = escaped_unit(line, pos + 6);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        pos += 11;  // a good pair
        continue;
      }
    }
    if (unit >= 0xD800 && unit <= 0xDFFF) {
      line.replace(pos + 2, 4, "fffd");
      replaced.push_back(pos);
    }
    pos += 5;
  }
  return replaced;
}

}  // namespace

void read_jsonl_lines(std::string_view bytes, const std::string& path, const IngestOptions& options,
                      std::size_t line_number, std::uint64_t base_offset, ReadReport& report) {
  const std::string stem = file_stem(path);
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    ++line_number;
    std::size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    const std::uint64_t line_offset = base_offset + pos;
    std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t\f\v") == std::string_view::npos) continue;
    const std::string where = path + ":" + std::to_string(line_number);
    if (line.size() > max_file_bytes(options)) {
      report.errors.push_back(where + ": line of " + std::to_string(line.size()) + " bytes, longer than " +
                              std::to_string(max_file_bytes(options)) + " (4 x max_article_bytes); skipped");
      continue;
    }

    // Invalid UTF-8 is repaired (a warning), not a reason to lose the line.
    SanitizeOptions repair_only;
    repair_only.drop_bom = false;
    repair_only.normalize_newlines = false;
    repair_only.replace_controls = false;
    SanitizedText repaired = sanitize(line, repair_only);
    SanitizedText shifted = repaired;  // offsets reported in the file
    for (auto& offset : shifted.invalid_offsets) offset += line_offset;
    add_repair_warnings(shifted, where, report);
    if (const auto lone = replace_lone_surrogates(repaired.text); !lone.empty()) {
      report.warnings.push_back(where + ": " + std::to_string(lone.size()) + " lone UTF-16 surrogate escape" +
                                (lone.size() > 1 ? "s" : "") + " replaced by \\ufffd (first at byte " +
                                std::to_string(line_offset + repaired.to_source(lone[0])) + ")");
    }

    rapidjson::Document json;
    json.Parse<rapidjson::kParseValidateEncodingFlag>(repaired.text.data(), repaired.text.size());
    if (json.HasParseError()) {
      const std::uint64_t at = line_offset + repaired.to_source(json.GetErrorOffset());
      report.errors.push_back(where + ": invalid JSON at byte " + std::to_string(at) + ": " +
                              rapidjson::GetParseError_En(json.GetParseError()));
      continue;
    }
    if (!json.IsObject()) {
      report.errors.push_back(where + ": not a JSON object, not an article");
      continue;
    }
    const rapidjson::Value* body = nullptr;
    for (const char* name : {"text", "body", "content"}) {
      if ((body = string_member(json, name)) != nullptr && body->GetStringLength() > 0) break;
      body = nullptr;
    }
    if (body == nullptr) {
      report.errors.push_back(where + ": no article text (no \"text\", \"body\" or \"content\" string)");
      continue;
    }

    std::vector<Paragraph> paragraphs;
    std::string title;
    if (const auto* value = string_member(json, "title")) title = std::string(view(*value));
    if (!title.empty()) paragraphs.push_back({title, 0});
    const SanitizedText text = sanitize(view(*body));
    for (auto& paragraph : split_plain_text(text.text)) paragraphs.push_back(std::move(paragraph));
    locate_paragraphs(paragraphs, line, line_offset);

    CleanOptions clean_options;
    clean_options.max_text_bytes = options.max_article_bytes;
    CleanedText cleaned = clean_paragraphs(std::move(paragraphs), clean_options);
    map_to_source(cleaned, SanitizedText{}, line_offset + line.size());  // offsets are in the file already
    if (cleaned.text.empty()) {
      report.errors.push_back(where + ": no article text found");
      continue;
    }
    add_truncation_warning(cleaned, where, options, report);

    Article article;
    const auto id = json.FindMember("id");
    if (id != json.MemberEnd() && id->value.IsString() && id->value.GetStringLength() > 0) {
      article.id = std::string(view(id->value));
    } else if (id != json.MemberEnd() && id->value.IsNumber()) {
      rapidjson::StringBuffer buffer;
      rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
      id->value.Accept(writer);
      article.id = buffer.GetString();
    } else {
      article.id = stem + "-" + std::to_string(line_number);
    }
    article.source = path;
    article.title = std::move(cleaned.title);
    for (const char* name : {"date", "published"}) {
      if (const auto* value = string_member(json, name)) {
        article.date = normalize_date(view(*value), /*alone=*/false);
        if (!article.date.empty()) break;
      }
    }
    if (article.date.empty()) article.date = std::move(cleaned.dateline);
    if (const auto* value = string_member(json, "url")) article.url = std::string(view(*value));
    article.text = std::move(cleaned.text);
    article.source_map = std::move(cleaned.source_map);
    report.articles.push_back(std::move(article));
  }
}

ReadReport read_jsonl(std::string_view bytes, const std::string& path, const IngestOptions& options) {
  ReadReport report;
  std::string_view rest = bytes;
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
  if (rest.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    report.errors.push_back(path + ": empty file");
    return report;
  }
  read_jsonl_lines(rest, path, options, 0, bytes.size() - rest.size(), report);
  return report;
}

}  // namespace newsgraph::ingest::detail
