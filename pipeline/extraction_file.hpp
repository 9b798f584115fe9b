// Extraction files (issue 8): what `newsgraph extract` writes and `newsgraph merge` reads.
// One JSON object per line: first a header line
//   {"format":"newsgraph-extraction","version":1}
// then one line per article with everything merge needs: the article's metadata, its place in
// build order (source, ordinal: pipeline.hpp, run_extract) and its ArticleGraph's entities and
// relations with their evidence. In-article references (token spans) are not stored: merge
// does not read them. docs/scale.md shows the commands; docs/output.md is unaffected.
//
// Thread safety: free functions on their arguments only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "core/status.hpp"
#include "merge/held_articles.hpp"

namespace newsgraph {

inline constexpr int kExtractionFormatVersion = 1;

// The header line, with its newline.
std::string extraction_header_line();

// Appends one article's line (with its newline) to `out`. Deterministic: fields in a fixed
// order, no floating point.
void append_extraction_line(const ArticleGraph& graph, std::uint64_t ordinal, std::string& out);

// Parses one article line (as append_extraction_line writes it, without its newline) and adds
// it to `articles`; returns the problem (then nothing is added), empty when the line is good.
std::string add_extraction_line(std::string_view line, HeldArticles& articles);

struct ExtractionRead {
  HeldArticles articles;  // in compact form, for merge_extractions()
  std::vector<std::string> errors;     // "shard-1.jsonl:7: ...": the line is skipped
};

// Reads one extraction file, appending to `read`. A file that is missing, empty or lacks the
// header is one error and adds nothing; a bad article line is one error naming the line.
void read_extraction_file(const std::string& path, ExtractionRead& read);

}  // namespace newsgraph
