// The five samples as .txt, as JSON lines and as HTML pages must read to the same article
// (tests/data/make_fixtures.py writes the JSON lines and the pages from samples/).
#include <catch2/catch.hpp>

#include "ingest/ingest.hpp"
#include "ingest/test_util.hpp"

namespace newsgraph::ingest {
namespace {

std::vector<Article> txt_samples() {
  std::vector<std::string> errors;
  std::vector<Article> articles;
  for (const auto& file : list_input_files({testing::source_path("samples")}, errors)) {
    const ReadReport report = read_file(file);
    REQUIRE(report.errors.empty());
    REQUIRE(report.articles.size() == 1);
    articles.push_back(report.articles[0]);
  }
  REQUIRE(articles.size() == 5);
  return articles;
}

TEST_CASE("the JSON-lines samples read to the same title and text as samples/*.txt", "[ingest]") {
  const auto txt = txt_samples();
  const ReadReport report = read_file(testing::source_path("tests/data/samples-jsonl/samples.jsonl"));
  CHECK(report.errors.empty());
  CHECK(report.warnings.empty());
  REQUIRE(report.articles.size() == txt.size());
  for (std::size_t i = 0; i < txt.size(); ++i) {
    INFO(txt[i].id);
    CHECK(report.articles[i].id == txt[i].id);
    CHECK(report.articles[i].title == txt[i].title);
    CHECK(report.articles[i].text == txt[i].text);
    CHECK(report.articles[i].source_map.size() == txt[i].source_map.size());
  }
}

TEST_CASE("the HTML samples read to the same text as samples/*.txt, up to white space", "[ingest]") {
  const auto txt = txt_samples();
  for (const auto& article : txt) {
    INFO(article.id);
    const std::string path = testing::source_path("tests/data/samples-html/" + article.id + ".html");
    const ReadReport report = read_file(path);
    CHECK(report.errors.empty());
    CHECK(report.warnings.empty());
    REQUIRE(report.articles.size() == 1);
    const Article& html = report.articles[0];
    CHECK(html.id == article.id);
    CHECK(testing::squeeze(html.title) == testing::squeeze(article.title));
    CHECK(testing::squeeze(html.text) == testing::squeeze(article.text));
    CHECK(html.source_map.size() == article.source_map.size());
    CHECK(html.date == "2025-12-03T09:00:00+00:00");
    CHECK(html.url == "https://news.example/world/" + article.id);
  }
}

TEST_CASE("HTML sample paragraphs map to the raw bytes of their first word", "[ingest]") {
  const std::string path = testing::source_path("tests/data/samples-html/000_b83f3884dc9034e7.html");
  const std::string raw = testing::slurp(path);
  const ReadReport report = read_file(path);
  REQUIRE(report.articles.size() == 1);
  const Article& article = report.articles[0];
  for (const auto& span : article.source_map) {
    const std::string_view text = std::string_view(article.text).substr(span.text_offset);
    const std::string_view word = text.substr(0, text.find(' '));
    INFO(word);
    CHECK(raw.substr(span.source_offset, word.size()) == word);
  }
}

}  // namespace
}  // namespace newsgraph::ingest
