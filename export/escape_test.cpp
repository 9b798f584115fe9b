#include "export/escape.hpp"

#include <catch2/catch.hpp>

using namespace newsgraph::exporting;

TEST_CASE("clean_text removes XML-forbidden characters and repairs invalid UTF-8, keeping the rest", "[export]") {
  struct Case {
    std::string input;
    std::string want;
  };
  const Case cases[] = {
      {"plain ASCII", "plain ASCII"},
      {"tab\tand\nnewline kept", "tab\tand\nnewline kept"},
      {std::string("nul\0byte", 8), "nulbyte"},
      {"bell\x07 esc\x1B del\x7F cr\r", "bell esc del cr"},
      {"C1 \xC2\x85 NEL", "C1  NEL"},
      {"nonchar \xEF\xBF\xBE \xEF\xBF\xBF end", "nonchar   end"},
      {"invalid \xFF byte", "invalid \xEF\xBF\xBD byte"},
      {"lone surrogate \xED\xA0\x80!", "lone surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD!"},
      {"emoji \xF0\x9F\x98\x80 greek \xCE\xB1 rtl \xE2\x80\x8F", "emoji \xF0\x9F\x98\x80 greek \xCE\xB1 rtl \xE2\x80\x8F"},
      {"]]> <a> & \"q\"", "]]> <a> & \"q\""},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(clean_text(c.input) == c.want);
  }
}

TEST_CASE("export_node_id keeps NMTOKEN ids and escapes every other id to ASCII, distinctly", "[export]") {
  struct Case {
    std::string id;
    std::string want;
  };
  const Case cases[] = {
      {"person:steve-witkoff", "person:steve-witkoff"},
      {"event:talks-2025-08-06", "event:talks-2025-08-06"},
      {"person:\xCE\xB1\xCE\xBB", "person:\xCE\xB1\xCE\xBB"},  // Greek letters are NameChars
      {"a b", "a_x0020_b"},
      {"a/b", "a_x002F_b"},
      {"q\"x", "q_x0022_x"},
      {"under_score and space", "under_x005F_score_x0020_and_x0020_space"},
      {"smile \xF0\x9F\x98\x80", "smile_x0020__x1F600_"},
      {"", "_x_"},
  };
  for (const Case& c : cases) {
    INFO(c.id);
    CHECK(export_node_id(c.id) == c.want);
  }
}

TEST_CASE("dot_string escapes quotes, backslashes and newlines inside a double-quoted string", "[export]") {
  struct Case {
    std::string input;
    std::string want;
  };
  const Case cases[] = {
      {"plain", "\"plain\""},
      {"say \"hi\"", "\"say \\\"hi\\\"\""},
      {"back\\slash", "\"back\\\\slash\""},
      {"trailing backslash\\", "\"trailing backslash\\\\\""},
      {"two\nlines", "\"two\\nlines\""},
      {"\\N is not the node name", "\"\\\\N is not the node name\""},
      {"tab\there", "\"tab here\""},
      {"ctl\x01\x1B", "\"ctl\""},
      {"<html> {record|ports}", "\"<html> {record|ports}\""},
      // Graphviz decodes entities in every label (issue 9): those that look like one are kept as text.
      {"AT&T & co; &amp; &#0; &#x1F600; &bogus; &;", "\"AT&T & co; &amp;amp; &amp;#0; &amp;#x1F600; &amp;bogus; &;\""},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(dot_string(c.input) == c.want);
  }
}

TEST_CASE("IRI helpers percent-encode node ids and accept only absolute http(s) URLs", "[export]") {
  CHECK(node_iri_path("person:steve-witkoff") == "id/person/steve-witkoff");
  CHECK(node_iri_path("person:a:b") == "id/person/a%3Ab");
  CHECK(node_iri_path("person:\xCE\xB1") == "id/person/%CE%B1");
  CHECK(node_iri_path("no-colon") == "id/no-colon");
  CHECK(node_iri_path("x/y z") == "id/x%2Fy%20z");
  CHECK(percent_encode("art \"1\"%") == "art%20%221%22%25");

  CHECK(normalize_http_url("https://example.com/a?b=c#d") == "https://example.com/a?b=c#d");
  CHECK(normalize_http_url("HTTP://Example.com/a b/\"q\"?x=<1>#f#2") == "http://Example.com/a%20b/%22q%22?x=%3C1%3E#f%232");
  CHECK(normalize_http_url("https://example.com/caf\xC3\xA9%2") == "https://example.com/caf%C3%A9%252");
  CHECK(normalize_http_url("https://example.com:8080/") == "https://example.com:8080/");
  CHECK(normalize_http_url("https://example.com:http/").empty());
  CHECK(normalize_http_url("not a url").empty());
  CHECK(normalize_http_url("/relative/path").empty());
  CHECK(normalize_http_url("ftp://example.com/").empty());
  CHECK(normalize_http_url("https:///no-host").empty());

  CHECK(is_absolute_iri("https://newsgraph.example/"));
  CHECK(is_absolute_iri("urn:newsgraph:"));
  CHECK_FALSE(is_absolute_iri("newsgraph.example/"));
  CHECK_FALSE(is_absolute_iri("https://a b/"));
  CHECK_FALSE(is_absolute_iri("https://a/<b>"));
}

TEST_CASE("xsd_date_type types ISO 8601 values and rejects impossible dates", "[export]") {
  CHECK(xsd_date_type("2025-08-06") == "date");
  CHECK(xsd_date_type("2024-02-29") == "date");
  CHECK(xsd_date_type("2025-02-29") == "");
  CHECK(xsd_date_type("2025-02-30") == "");
  CHECK(xsd_date_type("2025-13-01") == "");
  CHECK(xsd_date_type("2025-08-06T10:30:00Z") == "dateTime");
  CHECK(xsd_date_type("2025-08-06T10:30:00.25+02:00") == "dateTime");
  CHECK(xsd_date_type("2025-08-06T25:30:00") == "");
  CHECK(xsd_date_type("2025-08") == "gYearMonth");
  CHECK(xsd_date_type("2025") == "gYear");
  CHECK(xsd_date_type("August 2025") == "");
  CHECK(xsd_date_type("") == "");
}
