#include <catch2/catch.hpp>

#include "ingest/ingest.hpp"
#include "ingest/test_util.hpp"

namespace newsgraph::ingest {
namespace {

using testing::contains;

TEST_CASE("txt reader: id is the file stem, source the path as given, title the first line", "[ingest]") {
  const ReadReport report = read_bytes("Harbour reopens\n\nThe harbour reopened on Monday.\n", "in/007_abc.txt", "txt");
  REQUIRE(report.errors.empty());
  REQUIRE(report.articles.size() == 1);
  const Article& article = report.articles[0];
  CHECK(article.id == "007_abc");
  CHECK(article.source == "in/007_abc.txt");
  CHECK(article.title == "Harbour reopens");
  CHECK(article.text == "Harbour reopens\n\nThe harbour reopened on Monday.");
  CHECK(article.date.empty());
}

TEST_CASE("txt reader takes a Wikinews-style dateline as the date and drops it from the text", "[ingest]") {
  const ReadReport report =
      read_bytes("Merkel visits Tbilisi\n\nSunday, August 17, 2008\n\nThe chancellor arrived on Sunday.\n", "02.txt", "txt");
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].date == "2008-08-17");
  CHECK(report.articles[0].text == "Merkel visits Tbilisi\n\nThe chancellor arrived on Sunday.");
}

TEST_CASE("txt reader drops a BOM, turns CRLF into LF and maps paragraphs to their raw offsets", "[ingest]") {
  const std::string raw = "\xEF\xBB\xBFTitle line\r\n\r\nFirst \xFF paragraph.\r\nSecond paragraph.\r\n";
  const ReadReport report = read_bytes(raw, "a.txt", "txt");
  REQUIRE(report.articles.size() == 1);
  const Article& article = report.articles[0];
  CHECK(article.text == "Title line\n\nFirst \xEF\xBF\xBD paragraph.\n\nSecond paragraph.");
  REQUIRE(article.source_map.size() == 3);
  CHECK(article.source_map[0].source_offset == 3);
  CHECK(raw.substr(article.source_map[1].source_offset, 6) == "First ");
  CHECK(raw.substr(article.source_map[2].source_offset, 6) == "Second");
  REQUIRE(report.warnings.size() == 1);
  CHECK(report.warnings[0] == "a.txt: byte 23: invalid UTF-8 replaced by U+FFFD");
}

TEST_CASE("txt reader maps every sample paragraph to the same bytes in the file", "[ingest]") {
  for (const auto& entry : std::filesystem::directory_iterator(testing::source_path("samples"))) {
    const std::string raw = testing::slurp(entry.path().string());
    const ReadReport report = read_file(entry.path().string());
    REQUIRE(report.articles.size() == 1);
    const Article& article = report.articles[0];
    for (const auto& span : article.source_map) {
      std::string_view text = std::string_view(article.text).substr(span.text_offset, 16);
      text = text.substr(0, text.find('\n'));
      INFO(entry.path().string() << " at byte " << span.source_offset);
      CHECK(std::string_view(raw).substr(span.source_offset, text.size()) == text);
    }
  }
}

TEST_CASE("txt reader cleans the samples: repeated headline and pull-quotes dropped, bylines kept", "[ingest]") {
  const auto read = [](const char* name) { return read_file(testing::source_path(std::string("samples/") + name)).articles.at(0); };
  const Article a001 = read("001_5861c99586ffce41.txt");
  const std::string headline = "A failure foretold: five hours of Putin-Witkoff talk without progress for peace";
  CHECK(a001.title == headline);
  CHECK(a001.text.find(headline, 1) == std::string::npos);
  CHECK(contains(a001.text, "\n\nYuri Ushakov\n\n"));
  CHECK(contains(a001.text, "\n\nVolodymyr Zelensky\n\n"));
  CHECK_FALSE(contains(a001.text, "\n\n\xE2\x80\x9CNo agreements have been reached yet."));
  CHECK_FALSE(contains(a001.text, "News Room USA"));

  const Article a003 = read("003_bbe6e142eb0c3a87.txt");
  CHECK(a003.title.rfind("Diplomatic Overtures:", 0) == 0);
  CHECK(a003.text.rfind("Diplomatic Overtures:", 0) == 0);
  CHECK(contains(a003.text, "\n\nThe White House has officially"));  // NBSP trimmed
  CHECK_FALSE(contains(a003.text, "Comment"));

  const Article a000 = read("000_b83f3884dc9034e7.txt");
  const std::string repeated = "The Russian delegation was notably led by President Vladimir Putin";
  CHECK(a000.text.find(repeated) == a000.text.rfind(repeated));

  const Article a002 = read("002_2d0e8a8f6b3698a3.txt");
  CHECK_FALSE(contains(a002.text, "Related Sources"));
  CHECK(a002.source_map.size() == 10);  // one paragraph per line
}

TEST_CASE("txt reader truncates an article over max_article_bytes at a paragraph boundary, with a warning", "[ingest]") {
  IngestOptions options;
  options.max_article_bytes = 40;
  const ReadReport report =
      read_bytes("Title\n\nFirst paragraph is here.\n\nSecond paragraph is here.\n", "big.txt", "txt", options);
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].text == "Title\n\nFirst paragraph is here.");
  REQUIRE(report.warnings.size() == 1);
  CHECK(contains(report.warnings[0], "big.txt: article truncated to 31 bytes at a paragraph boundary"));
}

TEST_CASE("txt reader reads a 20 MB single-line file when max_article_bytes allows it", "[ingest]") {
  testing::TempDir dir("txt-20mb");
  std::string big;
  big.reserve(20u << 20);
  const std::string sentence = "The harbour council met again on Monday and the ferry ran late. ";
  while (big.size() < (20u << 20)) big += sentence;
  const auto path = (dir.path() / "big.txt").string();
  testing::write_bytes(path, big);
  IngestOptions options;
  options.max_article_bytes = 32u << 20;
  const ReadReport report = read_file(path, options);
  REQUIRE(report.errors.empty());
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].text.size() == big.size() - 1);  // trailing space trimmed
  CHECK(report.articles[0].source_map.size() == 1);
}

TEST_CASE("txt reader reads a file only up to 4 x max_article_bytes, with a warning", "[ingest][limits]") {
  testing::TempDir dir("txt-cap");
  const auto path = (dir.path() / "big.txt").string();
  testing::write_bytes(path, "Title\n\n" + std::string(1000, 'a'));
  IngestOptions options;
  options.max_article_bytes = 100;
  const ReadReport report = read_file(path, options);
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].text.size() <= 100);
  CHECK(report.warnings.front() == path + ": file larger than 400 bytes, only the first 400 read (4 x max_article_bytes)");
}

}  // namespace
}  // namespace newsgraph::ingest
