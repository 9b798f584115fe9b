#include "export/nquads.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "export/test_graph.hpp"

using namespace newsgraph;
using newsgraph::testing::TempDir;

namespace {

const std::string kBase = "https://newsgraph.example/";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string iri(const std::string& path) { return "<" + kBase + path + ">"; }

}  // namespace

TEST_CASE("nquads_string escapes what an N-Quads string literal cannot hold", "[export][nquads]") {
  const std::pair<std::string, std::string> table[] = {
      {"plain", "plain"},
      {"say \"hi\"", "say \\\"hi\\\""},
      {"back\\slash", "back\\\\slash"},
      {"two\nlines", "two\\nlines"},
      {"cr\rtab\t", "cr\\rtab\\t"},
      {std::string("nul\x01\x1F\x7F", 6), "nul\\u0001\\u001F\\u007F"},
      {"\xCE\xB1 \xF0\x9F\x98\x80 ]]> <b>", "\xCE\xB1 \xF0\x9F\x98\x80 ]]> <b>"},
  };
  for (const auto& [text, escaped] : table) {
    INFO(text);
    CHECK(exporting::nquads_string(text) == escaped);
  }
}

TEST_CASE("nquads_iri escapes the characters an IRIREF cannot hold", "[export][nquads]") {
  CHECK(exporting::nquads_iri("https://a.example/x%20y?q=1#f") == "https://a.example/x%20y?q=1#f");
  CHECK(exporting::nquads_iri("https://a.example/a b<c>\"{|}^`\\") ==
        "https://a.example/a\\u0020b\\u003Cc\\u003E\\u0022\\u007B\\u007C\\u007D\\u005E\\u0060\\u005C");
  CHECK(exporting::nquads_iri("https://a.example/\xCE\xB1") == "https://a.example/\xCE\xB1");
}

TEST_CASE("canonical_double writes whole numbers as JSON-LD's toRdf does", "[export][nquads]") {
  CHECK(exporting::canonical_double("0") == "0.0E0");
  CHECK(exporting::canonical_double("5") == "5.0E0");
  CHECK(exporting::canonical_double("10") == "1.0E1");
  CHECK(exporting::canonical_double("12") == "1.2E1");
  CHECK(exporting::canonical_double("1200") == "1.2E3");
}

TEST_CASE("write_nquads puts each article's provenance in the article's named graph", "[export][nquads]") {
  TempDir dir;
  REQUIRE(write_nquads(newsgraph::testing::simple_graph(), dir.file("graph.nq")).is_ok());
  const std::vector<std::string> lines = lines_of(newsgraph::testing::read_bytes(dir.file("graph.nq")));
  const std::set<std::string> quads(lines.begin(), lines.end());
  CHECK(quads.size() == lines.size());  // no quad twice
  for (const std::string& line : lines) {
    INFO(line);
    CHECK(line.substr(line.size() - 2) == " .");
    CHECK(line.find("_:") == std::string::npos);  // no blank nodes
  }
  const std::string witkoff = iri("id/person/steve-witkoff"), putin = iri("id/person/vladimir-putin");
  const std::string met_with = iri("vocab#metWith");
  // The relation supported by a1 and a2 is asserted in both articles' graphs, not the default one.
  CHECK(quads.count(witkoff + " " + met_with + " " + putin + " " + iri("article/a1") + " .") == 1);
  CHECK(quads.count(witkoff + " " + met_with + " " + putin + " " + iri("article/a2") + " .") == 1);
  CHECK(quads.count(witkoff + " " + met_with + " " + putin + " .") == 0);
  // The merged view is in the default graph, with JSON-LD's literal forms.
  CHECK(quads.count(witkoff + " <https://schema.org/name> \"Steve Witkoff\" .") == 1);
  CHECK(quads.count(witkoff + " " + iri("vocab#mentions") + " \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .") ==
        1);
  const std::string statement = iri("statement/person%3Asteve-witkoff/met-with/person%3Avladimir-putin");
  CHECK(quads.count(statement + " " + iri("vocab#weight") + " \"2.0E0\"^^<http://www.w3.org/2001/XMLSchema#double> .") ==
        1);
  CHECK(quads.count(statement + " " + iri("vocab#symmetric") +
                    " \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .") == 1);
  // Evidence read from a2 lives in a2's graph, with the link to it.
  const std::string evidence = "<" + statement.substr(1, statement.size() - 2) + "/evidence/1>";
  CHECK(quads.count(statement + " " + iri("vocab#evidence") + " " + evidence + " " + iri("article/a2") + " .") == 1);
  CHECK(quads.count(evidence + " " + iri("vocab#sentence") + " \"Witkoff and Putin met again.\" " +
                    iri("article/a2") + " .") == 1);
  // The article describes itself in its own graph.
  CHECK(quads.count(iri("article/a1") + " <https://schema.org/name> \"Putin meets Witkoff\" " + iri("article/a1") +
                    " .") == 1);
  CHECK(quads.count(iri("article/a1") + " <https://schema.org/datePublished> "
                    "\"2025-08-06\"^^<http://www.w3.org/2001/XMLSchema#date> " + iri("article/a1") + " .") == 1);
}

TEST_CASE("write_nquads escapes hostile strings and writes the same bytes twice", "[export][nquads]") {
  TempDir dir;
  REQUIRE(write_nquads(newsgraph::testing::nasty_graph(), dir.file("a.nq")).is_ok());
  REQUIRE(write_nquads(newsgraph::testing::nasty_graph(), dir.file("b.nq")).is_ok());
  const std::string bytes = newsgraph::testing::read_bytes(dir.file("a.nq"));
  CHECK(bytes == newsgraph::testing::read_bytes(dir.file("b.nq")));
  // One statement per line: every newline inside a literal is escaped.
  for (const std::string& line : lines_of(bytes)) {
    INFO(line);
    CHECK(line.substr(line.size() - 2) == " .");
    CHECK(line.front() == '<');
  }
  CHECK(bytes.find("\"claim with \\\"quotes\\\" and \\\\ and\\nnewline\"") != std::string::npos);
  CHECK(bytes.find(iri("article/art%20%221%22")) != std::string::npos);
  // An impossible date stays a plain string; an unknown place stays a literal.
  CHECK(bytes.find(iri("id/event/summit") + " <https://schema.org/startDate> \"2025-02-30\" .") != std::string::npos);
}

TEST_CASE("write_nquads rejects a bad base IRI and a missing folder, leaving nothing", "[export][nquads]") {
  TempDir dir;
  const Status bad_base = write_nquads(newsgraph::testing::simple_graph(), dir.file("g.nq"), {"no-scheme/"});
  REQUIRE_FALSE(bad_base.is_ok());
  CHECK_THAT(bad_base.message(), Catch::Contains("base IRI"));
  const std::string path = dir.file("missing/g.nq");
  const Status missing = write_nquads(newsgraph::testing::simple_graph(), path);
  REQUIRE_FALSE(missing.is_ok());
  CHECK_THAT(missing.message(), Catch::Contains(path));
  CHECK(dir.listing().empty());
}
