#include <catch2/catch.hpp>

#include "ingest/ingest.hpp"
#include "ingest/test_util.hpp"

namespace newsgraph::ingest {
namespace {

using testing::contains;

TEST_CASE("jsonl reader reads id, title, url, date and text of each line, in order", "[ingest]") {
  const std::string jsonl =
      R"({"id": "a1", "title": "Bridge closes", "url": "https://news.example/a1", "date": "March 1, 2025", "text": "The bridge closed.\nIt reopens in May."})"
      "\n"
      R"({"id": 42, "published": "2025-03-02T08:00:00Z", "body": "Second story.\n\nMore of it."})"
      "\n";
  const ReadReport report = read_bytes(jsonl, "feeds/day.jsonl", "jsonl");
  REQUIRE(report.errors.empty());
  REQUIRE(report.articles.size() == 2);
  const Article& first = report.articles[0];
  CHECK(first.id == "a1");
  CHECK(first.source == "feeds/day.jsonl");
  CHECK(first.title == "Bridge closes");
  CHECK(first.url == "https://news.example/a1");
  CHECK(first.date == "2025-03-01");
  CHECK(first.text == "Bridge closes\n\nThe bridge closed.\n\nIt reopens in May.");
  REQUIRE(first.source_map.size() == 3);
  CHECK(jsonl.substr(first.source_map[1].source_offset, 10) == "The bridge");
  const Article& second = report.articles[1];
  CHECK(second.id == "42");
  CHECK(second.title == "Second story.");
  CHECK(second.date == "2025-03-02T08:00:00Z");
  CHECK(second.text == "Second story.\n\nMore of it.");
}

TEST_CASE("jsonl reader names an article without id <stem>-<line number>", "[ingest]") {
  const ReadReport report = read_bytes("\n{\"content\": \"Only content.\"}\n", "feeds/day.ndjson", "ndjson");
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].id == "day-2");
}

TEST_CASE("jsonl reader reports each bad line with its number and reads the others", "[ingest]") {
  struct Case {
    const char* line;
    const char* error;
  };
  const Case cases[] = {
      {R"({"id": "x", "text": "a" "b"})", "f.jsonl:2: invalid JSON at byte 46: Missing a comma or '}' after an object member."},
      {R"(["text", "in an array"])", "f.jsonl:2: not a JSON object, not an article"},
      {R"({"title": "Only a title"})", "f.jsonl:2: no article text (no \"text\", \"body\" or \"content\" string)"},
      {R"({"text": 12})", "f.jsonl:2: no article text"},
      {R"({"text": "Advertisement"})", "f.jsonl:2: no article text found"},
      {R"({"text": "cut in the mid)", "f.jsonl:2: invalid JSON at byte 46: Missing a closing quotation mark in string."},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    const std::string jsonl = std::string(R"({"text": "Good one."})") + "\n" + c.line + "\n" + R"({"text": "Good two."})";
    const ReadReport report = read_bytes(jsonl, "f.jsonl", "jsonl");
    REQUIRE(report.errors.size() == 1);
    CHECK(contains(report.errors[0], c.error));
    REQUIRE(report.articles.size() == 2);
    CHECK(report.articles[0].id == "f-1");
    CHECK(report.articles[1].id == "f-3");
  }
}

TEST_CASE("jsonl reader repairs invalid UTF-8 in a line instead of dropping it", "[ingest]") {
  const std::string jsonl = "{\"text\": \"Caf\xE9 opens.\"}\n";
  const ReadReport report = read_bytes(jsonl, "f.jsonl", "jsonl");
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].text == "Caf\xEF\xBF\xBD opens.");
  REQUIRE(report.warnings.size() == 1);
  CHECK(report.warnings[0] == "f.jsonl:1: byte 13: invalid UTF-8 replaced by U+FFFD");
}

TEST_CASE("jsonl reader turns escaped controls into spaces and handles CRLF line ends", "[ingest]") {
  const ReadReport report = read_bytes("{\"text\": \"Tab\\there, bell\\u0007 here.\"}\r\n\r\n", "f.jsonl", "jsonl");
  REQUIRE(report.errors.empty());
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].text == "Tab here, bell  here.");
}

TEST_CASE("jsonl reader reads a 20 MB line when max_article_bytes allows it", "[ingest]") {
  std::string text;
  const std::string sentence = "The harbour council met again on Monday and the ferry ran late. ";
  while (text.size() < (20u << 20)) text += sentence;
  text.pop_back();
  const std::string jsonl = "{\"id\": \"big\", \"text\": \"" + text + "\"}\n";
  IngestOptions options;
  options.max_article_bytes = 32u << 20;
  const ReadReport report = read_bytes(jsonl, "big.jsonl", "jsonl", options);
  REQUIRE(report.errors.empty());
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].text == text);
}

TEST_CASE("jsonl reader replaces lone surrogate escapes instead of losing the line", "[ingest]") {
  const std::string jsonl = R"({"id": "s", "text": "High \ud800 low \udc00, a pair \ud83d\ude00, escaped \\ud800."})"
                            "\n";
  const ReadReport report = read_bytes(jsonl, "feeds/s.jsonl", "jsonl");
  REQUIRE(report.errors.empty());
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].text == "High \xEF\xBF\xBD low \xEF\xBF\xBD, a pair \xF0\x9F\x98\x80, escaped \\ud800.");
  CHECK(report.warnings ==
        std::vector<std::string>{"feeds/s.jsonl:1: 2 lone UTF-16 surrogate escapes replaced by \\ufffd (first at byte 26)"});
}

TEST_CASE("jsonl reader skips a line longer than 4 x max_article_bytes, naming it", "[ingest][limits]") {
  const std::string jsonl = R"({"text": "A short article that fits."})"
                            "\n"
                            R"({"text": ")" + std::string(500, 'x') + R"("})" + "\n";
  IngestOptions options;
  options.max_article_bytes = 100;
  const ReadReport report = read_bytes(jsonl, "feeds/long.jsonl", "jsonl", options);
  CHECK(report.articles.size() == 1);
  CHECK(report.errors ==
        std::vector<std::string>{"feeds/long.jsonl:2: line of 512 bytes, longer than 400 (4 x max_article_bytes); skipped"});
}

}  // namespace
}  // namespace newsgraph::ingest
