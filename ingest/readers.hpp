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

// "000_b83f3884dc9034e7" for "samples/000_b83f3884dc9034e7.txt".
std::string file_stem(const std::string& path);

// The checks shared by txt and html: "empty file", "binary file (NUL bytes at byte N)".
// Returns false (and adds the error) when the file is rejected.
bool accept_text_file(std::string_view bytes, const std::string& path, ReadReport& report);

// Adds the repair warnings of `sanitized` under `where` ("a.txt" or "a.jsonl:3").
void add_repair_warnings(const SanitizedText& sanitized, const std::string& where, ReadReport& report);

// Adds the truncation warning when `cleaned` was cut.
void add_truncation_warning(const CleanedText& cleaned, const std::string& where,
                            const IngestOptions& options, ReadReport& report);

}  // namespace newsgraph::ingest::detail
