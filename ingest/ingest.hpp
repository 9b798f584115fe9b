// ingest/: the first stage. Turns input files (.txt, .html/.htm, .jsonl/.ndjson, or
// directories of them) into Articles: valid UTF-8 text, title as the first paragraph,
// boilerplate and repeated paragraphs removed, and a map from each paragraph back to its
// byte offset in the source file (see ../shared/docs/design.md, "Stages", and issue 3).
//
// Bad input is an expected outcome: nothing here throws for it or prints. Each function
// returns what it could read plus messages that name the file, the position and the problem.
// The cleaning rules live in ingest/clean.hpp.
//
// Thread safety: every function is safe to call concurrently on different inputs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace newsgraph::ingest {

// Defaults of `newsgraph build --max-article-bytes` and `--max-html-depth` (docs/limits.md).
// 1 MiB is ten times the longest news article, and bounds the per-article work: 1 MiB of
// garbage text is about 400,000 tokens through the tagger and the parser.
inline constexpr std::size_t kMaxArticleBytes = 1u << 20;
inline constexpr std::size_t kMaxHtmlDepth = 512;

struct IngestOptions {
  // An article whose cleaned text would be larger is cut at the last paragraph boundary that
  // fits (inside the first paragraph, at a character boundary, when even that one is too
  // large), with a warning. A .txt or .html file is read up to 4 times this size (the rest
  // is ignored, with a warning), and so is a line of a JSON lines file (a longer line is
  // rejected), so that memory stays bounded whatever the input.
  std::size_t max_article_bytes = kMaxArticleBytes;
  // Elements nested deeper in an HTML page are ignored (their text is kept, under the
  // deepest element kept), with a warning: libxml2's parser slows down quadratically with
  // depth. The DOM walk itself never recurses.
  std::size_t max_html_depth = kMaxHtmlDepth;
};

struct ReadReport {
  std::vector<Article> articles;      // in file order
  // Data kept but repaired, one line per kind of repair and file (or JSON line):
  //   "a.txt: byte 1234: invalid UTF-8 replaced by U+FFFD"
  //   "a.txt: 57 invalid UTF-8 sequences replaced by U+FFFD (first at bytes 3, 9, 12, 40, 77)"
  //   "a.txt: 2 control characters replaced by spaces (first at bytes 10, 20)"
  //   "a.txt: article truncated to 1048576 bytes at a paragraph boundary (max_article_bytes)"
  //   "a.txt: file larger than 4194304 bytes, only the first 4194304 read (4 x max_article_bytes)"
  //   "a.html: nested deeper than 512 elements; 99490 tags past the limit ignored, their
  //    text kept (max_html_depth)"
  std::vector<std::string> warnings;
  // An input, or part of it, rejected:
  //   "a.jsonl:3: invalid JSON at byte 118: Missing a comma or '}' after an object member."
  //     (the byte is an offset in the file, not in the line)
  //   "a.txt: empty file"
  //   "a.txt: binary file (NUL bytes at byte 17), not an article"
  //   "a.html: no article text found"
  //   "a.txt: cannot read: No such file or directory"
  //   "a.jsonl:7: line of 200000000 bytes, longer than 4194304 (4 x max_article_bytes); skipped"
  std::vector<std::string> errors;
};

// Expands `inputs` into the files to read.
// - A directory is walked (depth-first, without recursion), keeping .txt .html .htm .jsonl
//   .ndjson (any letter case). Symlinked directories are followed, except into a directory
//   already walked; a symlink back into a directory being walked adds "dir/link: directory
//   loop through a symlink (back to /abs/dir), skipped" to `errors`. A directory or entry
//   that cannot be read adds "path: cannot read directory: Permission denied" (or the
//   like) and the walk goes on; a FIFO, socket or device with an article extension adds
//   "path: a FIFO, not a file to read; skipped".
// - A file named directly is kept whatever its extension (read_file reads an unknown
//   extension as plain text); a FIFO or device named directly is reported as above.
// - A missing path adds "path: no such file or directory" to `errors`.
// The result is sorted by path (byte order) and holds each file once, even when it is
// reached twice (listed twice, or listed and inside a listed directory), so the order in
// which inputs are given does not matter. Paths keep the spelling of the input they came
// from (relative stays relative).
std::vector<std::string> list_input_files(const std::vector<std::string>& inputs,
                                          std::vector<std::string>& errors);

// Reads one file; the extension picks the reader (.html/.htm, .jsonl/.ndjson, else text).
ReadReport read_file(const std::string& path, const IngestOptions& options = {});

// The same from bytes already in memory (tests, stdin). `kind` is "txt", "html" (or "htm")
// or "jsonl" (or "ndjson"); anything else is read as "txt". `path` is used for ids, for
// Article::source and in messages.
//
// Article fields by reader:
// - id: the file stem for txt and html; for JSON lines the "id" field (string or number)
//   or "<stem>-<line number>".
// - source: `path` as given.
// - title: the first paragraph of text. txt: the first non-boilerplate line. html: <title>
//   (its " | Site" / " - Site" suffix cut when an <h1> confirms the left part), else <h1>.
//   JSON: the "title" field, else the first paragraph of the text.
// - date: ISO 8601 (YYYY-MM-DD, or the full date-time as written when it is ISO) from JSON
//   "date"/"published", html meta article:published_time, <time datetime>, meta name=date,
//   or a dateline paragraph among the first three ("Sunday, August 17, 2008"), which is
//   then dropped from the text. Empty when nothing recognisable is found.
// - url: JSON "url"; html <link rel=canonical> or meta og:url.
// - text, source_map: see clean.hpp. source_map offsets are byte offsets in the bytes read.
//   For html and JSON lines the offset of a paragraph is best effort: the first word of
//   the paragraph is searched forward in the raw bytes (from the line libxml2 reports for
//   html, from the line start for JSON); when it is not found (entities, escapes) the
//   previous offset is used.
ReadReport read_bytes(std::string_view bytes, const std::string& path, std::string_view kind,
                      const IngestOptions& options = {});

// A JSON-lines input (a file, or stdin for `newsgraph build -`) read piece by piece, so that
// one of any size is never held whole in memory (issue 8). Each chunk holds whole lines;
// read_jsonl_chunk() gives for them the same articles, ids, warnings, errors and offsets that
// read_file() gives for the whole file.
struct JsonlChunk {
  std::string bytes;            // whole lines
  std::size_t lines_before = 0;  // lines of the input before `bytes` (for line numbers)
  std::uint64_t offset = 0;     // byte offset of `bytes` in the input
};

// Not thread-safe: one reader thread calls next().
class JsonlStream {
 public:
  // Reads `path`, or stdin when `path` is "-"; stdin is then named `stdin_name`.
  explicit JsonlStream(const std::string& path, const std::string& stdin_name = "stdin");
  ~JsonlStream();
  JsonlStream(const JsonlStream&) = delete;
  JsonlStream& operator=(const JsonlStream&) = delete;

  // The name used in ids, Article::source and messages: the path, or stdin's name.
  const std::string& name() const { return name_; }

  // Fills `chunk` with the next whole lines, about `max_bytes` of them (a longer line comes
  // whole). Returns false at the end of the input, with `chunk` empty.
  bool next(JsonlChunk& chunk, std::size_t max_bytes);

  // Set once next() returned false when the input could not be read or held no line:
  // "a.jsonl: cannot read: ...", "a.jsonl: empty file". Empty otherwise.
  const std::string& error() const { return error_; }

 private:
  std::string name_;
  std::FILE* file_ = nullptr;
  bool owned_ = false;
  bool at_start_ = true;
  bool has_content_ = false;
  std::string pending_;  // read, not yet handed out
  std::size_t lines_ = 0;
  std::uint64_t offset_ = 0;
  std::string error_;
};

// The articles of one chunk of `stream_name` (JsonlStream::name()).
ReadReport read_jsonl_chunk(const JsonlChunk& chunk, const std::string& stream_name,
                            const IngestOptions& options = {});

// True for the extensions read as JSON lines (.jsonl, .ndjson, any letter case).
bool is_jsonl_path(const std::string& path);

}  // namespace newsgraph::ingest
