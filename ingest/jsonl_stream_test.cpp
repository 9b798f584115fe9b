#include <catch2/catch.hpp>

#include "ingest/ingest.hpp"
#include "ingest/test_util.hpp"

namespace newsgraph::ingest {
namespace {

using testing::contains;

// Everything a reader reports, as one comparable string.
std::string describe(const ReadReport& report) {
  std::string out;
  for (const Article& article : report.articles) {
    out += article.id + "|" + article.source + "|" + article.title + "|" + article.date + "|" + article.text + "|";
    for (const SourceSpan& span : article.source_map)
      out += std::to_string(span.text_offset) + ":" + std::to_string(span.source_offset) + ",";
    out += "\n";
  }
  for (const std::string& warning : report.warnings) out += "W " + warning + "\n";
  for (const std::string& error : report.errors) out += "E " + error + "\n";
  return out;
}

// Reads `path` with JsonlStream in chunks of about `max_bytes`, as the pipeline does.
ReadReport read_streamed(const std::string& path, std::size_t max_bytes) {
  ReadReport all;
  JsonlStream stream(path);
  JsonlChunk chunk;
  while (stream.next(chunk, max_bytes)) {
    ReadReport part = read_jsonl_chunk(chunk, stream.name());
    for (Article& article : part.articles) all.articles.push_back(std::move(article));
    all.warnings.insert(all.warnings.end(), part.warnings.begin(), part.warnings.end());
    all.errors.insert(all.errors.end(), part.errors.begin(), part.errors.end());
  }
  if (!stream.error().empty()) all.errors.push_back(stream.error());
  return all;
}

TEST_CASE("jsonl stream read in chunks of any size gives what reading the whole file gives", "[ingest][scale]") {
  testing::TempDir dir("stream");
  const std::string path = (dir.path() / "feed.jsonl").string();
  // A byte-order mark, a blank line, a bad line, invalid UTF-8, CRLF and no final newline.
  testing::write_bytes(path,
                       "\xEF\xBB\xBF{\"id\": \"a\", \"title\": \"One\", \"text\": \"First story.\\n\\nMore.\"}\n"
                       "\n"
                       "{\"text\": \"Broken\" \"x\"}\n"
                       "{\"title\": \"Caf\xC3\xA9\", \"text\": \"Bad \xFF byte here.\"}\r\n"
                       "{\"id\": 7, \"date\": \"2025-01-02\", \"body\": \"Last one, no newline.\"}");
  const std::string whole = describe(read_file(path));
  REQUIRE(contains(whole, "feed.jsonl:3: invalid JSON at byte "));
  REQUIRE(contains(whole, "feed-4|"));
  for (std::size_t max_bytes : {1, 2, 10, 50, 100, 1000, 1 << 20}) {
    INFO("max_bytes " << max_bytes);
    CHECK(describe(read_streamed(path, max_bytes)) == whole);
  }
}

TEST_CASE("jsonl stream reports an empty or missing input once", "[ingest][scale]") {
  testing::TempDir dir("stream-empty");
  const std::string empty = (dir.path() / "empty.jsonl").string();
  testing::write_bytes(empty, "\xEF\xBB\xBF\n  \n");
  CHECK(describe(read_streamed(empty, 4)) == "E " + empty + ": empty file\n");
  const std::string missing = (dir.path() / "missing.jsonl").string();
  CHECK(contains(describe(read_streamed(missing, 4)), missing + ": cannot read: "));
}

}  // namespace
}  // namespace newsgraph::ingest
