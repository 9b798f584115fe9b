// The bad-input table (style.md, "Test errors as data"): each fixture of tests/data/bad/
// with the message it must produce and the articles that must still be read.
#include <catch2/catch.hpp>

#include "ingest/ingest.hpp"
#include "ingest/test_util.hpp"

namespace newsgraph::ingest {
namespace {

using testing::contains;

TEST_CASE("bad inputs are rejected or repaired with a message naming file, position and problem", "[ingest]") {
  struct Case {
    const char* file;        // under tests/data/bad/
    const char* error;       // fragment of the one error, or "" for none
    const char* warning;     // fragment of the one warning, or "" for none
    std::size_t articles;    // articles still read
  };
  const Case cases[] = {
      {"empty.txt", "empty.txt: empty file", "", 0},
      {"blank.txt", "blank.txt: empty file", "", 0},
      {"binary.txt", "binary.txt: binary file (NUL bytes at byte 7), not an article", "", 0},
      {"invalid-utf8.txt", "", "invalid-utf8.txt: 4 invalid UTF-8 sequences replaced by U+FFFD (first at bytes 83, 84, 159, 160)", 1},
      {"truncated.jsonl", "truncated.jsonl:3: invalid JSON at byte ", "", 2},
      {"no-text.jsonl", "no-text.jsonl:1: no article text", "", 1},
      {"no-body.html", "no-body.html: no article text found", "", 0},
      {"missing.txt", "missing.txt: cannot read: No such file or directory", "", 0},
      {"mixed/feed.jsonl", "feed.jsonl:2: invalid JSON at byte ", "", 1},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    const ReadReport report = read_file(testing::source_path(std::string("tests/data/bad/") + c.file));
    if (*c.error) {
      REQUIRE(report.errors.size() == 1);
      CHECK(contains(report.errors[0], c.error));
    } else {
      CHECK(report.errors.empty());
    }
    if (*c.warning) {
      REQUIRE(report.warnings.size() == 1);
      CHECK(contains(report.warnings[0], c.warning));
    } else {
      CHECK(report.warnings.empty());
    }
    CHECK(report.articles.size() == c.articles);
  }
}

TEST_CASE("invalid UTF-8 is replaced by U+FFFD and the rest of the sentence kept", "[ingest]") {
  const ReadReport report = read_file(testing::source_path("tests/data/bad/invalid-utf8.txt"));
  REQUIRE(report.articles.size() == 1);
  const std::string& text = report.articles[0].text;
  CHECK(contains(text, "on Friday \xEF\xBF\xBD\xEF\xBF\xBD after talks with the operator"));
  CHECK(contains(text, "Port Elwin \xEF\xBF\xBD\xEF\xBF\xBD on Saturday."));
}

TEST_CASE("a truncated JSON line does not lose the good lines before it", "[ingest]") {
  const ReadReport report = read_file(testing::source_path("tests/data/bad/truncated.jsonl"));
  REQUIRE(report.articles.size() == 2);
  CHECK(report.articles[0].id == "t1");
  CHECK(report.articles[0].date == "2025-03-01");
  CHECK(report.articles[1].id == "2");
}

TEST_CASE("the mixed folder reads one article from each good file", "[ingest]") {
  std::vector<std::string> errors;
  const auto files = list_input_files({testing::source_path("tests/data/bad/mixed")}, errors);
  CHECK(errors.empty());
  std::size_t articles = 0;
  std::size_t rejected = 0;
  for (const auto& file : files) {
    const ReadReport report = read_file(file);
    articles += report.articles.size();
    rejected += report.errors.size();
  }
  CHECK(articles == 3);
  CHECK(rejected == 1);
  const ReadReport txt = read_file(testing::source_path("tests/data/bad/mixed/good.txt"));
  REQUIRE(txt.articles.size() == 1);
  CHECK(txt.articles[0].date == "2025-03-04");
  CHECK_FALSE(contains(txt.articles[0].text, "Advertisement"));
  const ReadReport html = read_file(testing::source_path("tests/data/bad/mixed/good.html"));
  REQUIRE(html.articles.size() == 1);
  CHECK(html.articles[0].title == "Library reopens after flood repairs");
  CHECK(html.articles[0].date == "2025-03-05");
}

}  // namespace
}  // namespace newsgraph::ingest
