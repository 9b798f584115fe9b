// Plain-text articles: one paragraph per line or blank-line block (split_plain_text), the
// title on the first line, an optional dateline among the first lines.
#include <algorithm>
#include <filesystem>

#include "ingest/readers.hpp"

namespace newsgraph::ingest::detail {

std::string file_stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

bool accept_text_file(std::string_view bytes, const std::string& path, ReadReport& report) {
  const auto nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    report.errors.push_back(path + ": binary file (NUL bytes at byte " + std::to_string(nul) + "), not an article");
    return false;
  }
  std::string_view rest = bytes;
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
  if (rest.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    report.errors.push_back(path + ": empty file");
    return false;
  }
  return true;
}

namespace {

std::string offsets_list(const std::vector<std::uint64_t>& offsets) {
  std::string out;
  for (std::size_t i = 0; i < offsets.size() && i < 5; ++i) {
    if (i) out += ", ";
    out += std::to_string(offsets[i]);
  }
  if (offsets.size() > 5) out += ", ...";
  return out;
}

}  // namespace

void add_repair_warnings(const SanitizedText& sanitized, const std::string& where, ReadReport& report) {
  const auto& invalid = sanitized.invalid_offsets;
  if (invalid.size() == 1) {
    report.warnings.push_back(where + ": byte " + std::to_string(invalid[0]) + ": invalid UTF-8 replaced by U+FFFD");
  } else if (!invalid.empty()) {
    report.warnings.push_back(where + ": " + std::to_string(invalid.size()) +
                              " invalid UTF-8 sequences replaced by U+FFFD (first at bytes " + offsets_list(invalid) + ")");
  }
  const auto& controls = sanitized.control_offsets;
  if (controls.size() == 1) {
    report.warnings.push_back(where + ": byte " + std::to_string(controls[0]) + ": control character replaced by a space");
  } else if (!controls.empty()) {
    report.warnings.push_back(where + ": " + std::to_string(controls.size()) +
                              " control characters replaced by spaces (first at bytes " + offsets_list(controls) + ")");
  }
}

void map_to_source(CleanedText& cleaned, const SanitizedText& sanitized, std::uint64_t raw_size) {
  for (SourceSpan& span : cleaned.source_map) span.source_offset = std::min(sanitized.to_source(span.source_offset), raw_size);
}

void add_truncation_warning(const CleanedText& cleaned, const std::string& where,
                            const IngestOptions& options, ReadReport& report) {
  if (!cleaned.truncated) return;
  report.warnings.push_back(where + ": article truncated to " + std::to_string(cleaned.text.size()) +
                            " bytes at a paragraph boundary (max_article_bytes " +
                            std::to_string(options.max_article_bytes) + ")");
}

ReadReport read_txt(std::string_view bytes, const std::string& path, const IngestOptions& options) {
  ReadReport report;
  if (!accept_text_file(bytes, path, report)) return report;
  const SanitizedText sanitized = sanitize(bytes);
  add_repair_warnings(sanitized, path, report);
  std::vector<Paragraph> paragraphs = split_plain_text(sanitized.text);
  CleanOptions clean_options;
  clean_options.max_text_bytes = options.max_article_bytes;
  CleanedText cleaned = clean_paragraphs(std::move(paragraphs), clean_options);
  map_to_source(cleaned, sanitized, bytes.size());
  if (cleaned.text.empty()) {
    report.errors.push_back(path + ": no article text found");
    return report;
  }
  add_truncation_warning(cleaned, path, options, report);
  Article article;
  article.id = file_stem(path);
  article.source = path;
  article.title = std::move(cleaned.title);
  article.date = std::move(cleaned.dateline);
  article.text = std::move(cleaned.text);
  article.source_map = std::move(cleaned.source_map);
  report.articles.push_back(std::move(article));
  return report;
}

}  // namespace newsgraph::ingest::detail
