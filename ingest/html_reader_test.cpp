#include <catch2/catch.hpp>

#include "ingest/ingest.hpp"
#include "ingest/readers.hpp"
#include "ingest/test_util.hpp"

namespace newsgraph::ingest {
namespace {

using testing::contains;

ReadReport read_html(const std::string& html) { return read_bytes(html, "pages/story.html", "html"); }

TEST_CASE("html reader takes the title from <title>, cutting the site name the <h1> confirms", "[ingest]") {
  const ReadReport report = read_html(
      "<html><head><title>Ferry strike ends | Elwin Gazette</title></head><body><article>"
      "<h1>Ferry strike ends</h1><p>The strike ended on Friday.</p></article></body></html>");
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].id == "story");
  CHECK(report.articles[0].title == "Ferry strike ends");
  CHECK(report.articles[0].text == "Ferry strike ends\n\nThe strike ended on Friday.");
}

TEST_CASE("html reader keeps the whole <title> when no <h1> confirms the cut", "[ingest]") {
  const ReadReport report = read_html(
      "<html><head><title>Ferry strike ends - Elwin Gazette</title></head><body>"
      "<p>The strike ended on Friday.</p></body></html>");
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].title == "Ferry strike ends - Elwin Gazette");
}

TEST_CASE("html reader takes the title from <h1> when there is no <title>", "[ingest]") {
  const ReadReport report =
      read_html("<html><body><main><h1>Ferry strike ends</h1><p>The strike ended on Friday.</p></main></body></html>");
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].title == "Ferry strike ends");
}

TEST_CASE("html reader drops scripts, styles, menus, asides, footers and cookie banners", "[ingest]") {
  const ReadReport report = read_html(R"(<!DOCTYPE html><html><head><title>T</title>
    <style>p { color: red }</style><script>var s = "<p>no</p>";</script></head><body>
    <div class="cookie-banner">We use cookies. <button>Accept</button></div>
    <header><a href="/">Site</a><nav><a href="/w">World</a></nav></header>
    <article><h1>T</h1><p>Kept one.</p><noscript>Enable JS</noscript>
    <div class="social-share">Share on X</div><form><input value="q"></form>
    <p>Kept two.</p></article>
    <aside><h2>Related stories</h2><p>Other story.</p></aside>
    <footer><p>Copyright Site</p></footer></body></html>)");
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].text == "T\n\nKept one.\n\nKept two.");
}

TEST_CASE("html reader reads the <article> with the most text when teasers are articles too", "[ingest]") {
  const ReadReport report = read_html(
      "<html><body><article><h2>Teaser</h2><p>Short.</p></article>"
      "<article><h1>Main</h1><p>The main story has much more text than the teaser.</p></article></body></html>");
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].text == "Main\n\nThe main story has much more text than the teaser.");
}

TEST_CASE("html reader decodes entities and collapses source white space", "[ingest]") {
  const ReadReport report = read_html(
      "<html><head><title>A &amp; B</title></head><body><article><p>Trump&rsquo;s\n   envoy &ldquo;met&rdquo;"
      "&nbsp;them &#233;t&eacute;.</p></article></body></html>");
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].text ==
        "A & B\n\nTrump\xE2\x80\x99s envoy \xE2\x80\x9Cmet\xE2\x80\x9D\xC2\xA0them \xC3\xA9t\xC3\xA9.");
}

TEST_CASE("html reader makes block elements and <br> paragraph breaks", "[ingest]") {
  const ReadReport report = read_html(
      "<html><body><article><h1>Head</h1><div>One <b>bold</b> word</div>Two<br>Three"
      "<ul><li>Four</li><li>Five</li></ul><blockquote>Six</blockquote></article></body></html>");
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].text == "Head\n\nOne bold word\n\nTwo\n\nThree\n\nFour\n\nFive\n\nSix");
}

TEST_CASE("html reader reads the date from meta, <time datetime> or meta name=date, in that order", "[ingest]") {
  const std::string body = "<body><article><h1>T</h1><p>Text.</p></article></body></html>";
  CHECK(read_html("<html><head><meta name=\"date\" content=\"2025-03-05\">"
                  "<meta property=\"article:published_time\" content=\"2025-03-04T10:00:00Z\"></head>" + body)
            .articles.at(0)
            .date == "2025-03-04T10:00:00Z");
  CHECK(read_html("<html><head><meta name=\"date\" content=\"March 5, 2025\"></head><body><article><h1>T</h1>"
                  "<time datetime=\"2025-03-06\">6 March</time><p>Text.</p></article></body></html>")
            .articles.at(0)
            .date == "2025-03-06");
  CHECK(read_html("<html><head><meta name=\"date\" content=\"March 5, 2025\"></head>" + body).articles.at(0).date ==
        "2025-03-05");
  CHECK(read_html("<html><head><meta name=\"date\" content=\"last week\"></head>" + body).articles.at(0).date.empty());
}

TEST_CASE("html reader reads the canonical url", "[ingest]") {
  const ReadReport report = read_html(
      "<html><head><link rel=\"canonical\" href=\"https://news.example/a\"></head>"
      "<body><p>Text here.</p></body></html>");
  CHECK(report.articles.at(0).url == "https://news.example/a");
}

TEST_CASE("html reader without <article> or <main> keeps only the <p>s of the body", "[ingest]") {
  const ReadReport report = read_html(
      "<html><head><title>T</title></head><body><div class=\"menu\">Home World</div>"
      "<p>First.</p><div><p>Second.</p><span>stray</span></div></body></html>");
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].text == "T\n\nFirst.\n\nSecond.");
}

TEST_CASE("html reader: a page with only a head, a menu and scripts has no article text", "[ingest]") {
  const ReadReport report = read_html("<html><head><title>T</title><script>x()</script></head>"
                                      "<body><nav>Home</nav></body></html>");
  CHECK(report.articles.empty());
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0] == "pages/story.html: no article text found");
}

TEST_CASE("html reader maps each paragraph to the raw bytes of its first word", "[ingest]") {
  const std::string html =
      "<html><head><title>Title</title></head>\n<body><article>\n<h1>Title</h1>\n"
      "<p>Alpha paragraph.</p>\n<p>\n  &ldquo;Beta&rdquo; paragraph.</p>\n</article></body></html>\n";
  const ReadReport report = read_html(html);
  REQUIRE(report.articles.size() == 1);
  const auto& map = report.articles[0].source_map;
  REQUIRE(map.size() == 3);
  CHECK(html.substr(map[1].source_offset, 5) == "Alpha");
  CHECK(html.substr(map[2].source_offset, 4) == "Beta");
}

TEST_CASE("html reader repairs invalid UTF-8 before parsing and reports the raw offset", "[ingest]") {
  const std::string html = "<html><body><article><h1>Title</h1><p>caf\xE9 au lait</p></article></body></html>";
  const ReadReport report = read_html(html);
  REQUIRE(report.articles.size() == 1);
  CHECK(contains(report.articles[0].text, "caf\xEF\xBF\xBD au lait"));
  REQUIRE(report.warnings.size() == 1);
  CHECK(report.warnings[0] == "pages/story.html: byte " + std::to_string(html.find('\xE9')) +
                                  ": invalid UTF-8 replaced by U+FFFD");
}

TEST_CASE("html reader walks a 100,000-level nesting without recursion", "[ingest]") {
  const int depth = 100000;
  std::string html = "<html><head><title>Deep</title></head><body><article><h1>Deep</h1>";
  for (int i = 0; i < depth; ++i) html += "<div>";
  html += "Deep text.";
  for (int i = 0; i < depth; ++i) html += "</div>";
  html += "<p>After.</p></article></body></html>";
  const ReadReport report = read_html(html);
  REQUIRE(report.articles.size() == 1);
  CHECK(contains(report.articles[0].text, "Deep text."));
}

TEST_CASE("html reader walks 100,000 unclosed nested inline elements", "[ingest]") {
  std::string html = "<html><body><article><h1>Deep</h1><p>";
  for (int i = 0; i < 100000; ++i) html += "<span>";
  html += "Inner text.";
  const ReadReport report = read_html(html);
  REQUIRE(report.articles.size() == 1);
  CHECK(contains(report.articles[0].text, "Inner text."));
}

TEST_CASE("html reader reads a page nested 100,000 deep: its text kept, a warning naming the limit", "[ingest][limits]") {
  std::string html = "<html><body><article><h1>Deep page</h1>";
  for (int i = 0; i < 100000; ++i) html += "<div><span>";
  html += "<p>The text at the bottom of the page.</p>";
  for (int i = 0; i < 100000; ++i) html += "</i></span></div>";
  html += "</article></body></html>";
  const ReadReport report = read_html(html);
  REQUIRE(report.articles.size() == 1);
  CHECK(report.articles[0].text == "Deep page\n\nThe text at the bottom of the page.");
  REQUIRE(report.warnings.size() == 1);
  CHECK(contains(report.warnings[0], "pages/story.html: nested deeper than 512 elements; "));
  CHECK(contains(report.warnings[0], "tags past the limit ignored, their text kept (max_html_depth)"));
}

TEST_CASE("the HTML depth limit leaves a page within it byte for byte as it was", "[ingest][limits]") {
  std::string html = "<html><body><ul><li>one<li>two<li><p>three<p>four";
  for (int i = 0; i < 600; ++i) html += "<p>para <b>bold</b> <br> <img src=x> <td>cell</td>";  // flat: auto-closed
  html += "<script>if (a < b) { x = '<div><div><div>'; }</script><!-- <div><div> --></body></html>";
  std::string copy = html;
  CHECK(detail::limit_html_depth(copy, 8) == 0);
  CHECK(copy == html);
  const std::string deep = "<div><div><div><div>text</div></div></div></div></x></y>";
  std::string limited = deep;
  CHECK(detail::limit_html_depth(limited, 2) == 6);  // two start tags, two of their end tags, </x>, </y>
  CHECK(limited == "<div><div>          text</div></div>                    ");
}

}  // namespace
}  // namespace newsgraph::ingest
