// Internal to ingest/: the readers behind read_bytes() and the helpers they share.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/clean.hpp"
#include "ingest/ingest.hpp"

namespace newsgraph::ingest::detail {

ReadReport read_txt(std::string_view bytes, const std::string& path, const IngestOptions& options);
ReadReport read_html(std::string_view bytes, const std::string& path, const IngestOptions& options);
ReadReport read_jsonl(std::string_view bytes, const std::string& path, const IngestOptions& options);
// The lines of `bytes` (no byte-order mark), numbered from line_number + 1, at byte
// base_offset of the input: what read_jsonl() and read_jsonl_chunk() share.
void read_jsonl_lines(std::string_view bytes, const std::string& path, const IngestOptions& options,
                      std::size_t line_number, std::uint64_t base_offset, ReadReport& report);

// Bounds the element nesting libxml2 will build from `html` to about `max_depth` (the
// estimate and why: html_depth.cpp). A page within it is left as it is; otherwise the start
// tags past the limit and the end tags that close nothing are overwritten with spaces (same
// length, so offsets hold). Returns how many tags were overwritten. Linear time.
std::size_t limit_html_depth(std::string& html, std::size_t max_depth);

// How much of a .txt or .html file is read, and the longest JSON line read: 4 x
// max_article_bytes (cleaning drops markup and boilerplate), saturating.
inline std::size_t max_file_bytes(const IngestOptions& options) {
  return options.max_article_bytes > SIZE_MAX / 4 ? SIZE_MAX : options.max_article_bytes * 4;
}

// "000_b83f3884dc9034e7" for "samples/000_b83f3884dc9034e7.txt".
std::string file_stem(const std::string& path);

// The checks shared by txt and html: "empty file", "binary file (NUL bytes at byte N)".
// Returns false (and adds the error) when the file is rejected.
bool accept_text_file(std::string_view bytes, const std::string& path, ReadReport& report);

// Adds the repair warnings of `sanitized` under `where` ("a.txt" or "a.jsonl:3").
void add_repair_warnings(const SanitizedText& sanitized, const std::string& where, ReadReport& report);

// Maps the source_map of `cleaned` from offsets in `sanitized.text` (where the paragraphs
// were found) to offsets in the raw bytes, at most `raw_size`. After cleaning, not before:
// the bytes clean_paragraphs() cuts at a paragraph's start are counted in the sanitized text,
// where a U+FFFD takes 3 bytes for 1 raw byte (found by tests/fuzz, issue 9).
void map_to_source(CleanedText& cleaned, const SanitizedText& sanitized, std::uint64_t raw_size);

// Adds the truncation warning when `cleaned` was cut.
void add_truncation_warning(const CleanedText& cleaned, const std::string& where,
                            const IngestOptions& options, ReadReport& report);

}  // namespace newsgraph::ingest::detail
