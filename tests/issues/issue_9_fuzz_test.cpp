// Inputs the fuzzers of tests/fuzz/ found (issue 9), each pinned to the behaviour fixed.
#include <catch2/catch.hpp>
#include <string>

#include "ingest/ingest.hpp"

namespace newsgraph::ingest {
namespace {

// html_reader_fuzz: a paragraph that starts with invalid bytes. clean_paragraphs() cut its
// leading U+FFFD run (3 bytes each in the repaired text, 1 in the file) and moved the
// paragraph's source offset by the repaired length, past the end of the file.
TEST_CASE("issue 9: source offsets stay inside the file when a paragraph starts with invalid bytes", "[issue9][ingest]") {
  std::string invalid(60, '\xC7');
  for (const auto& [kind, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"html", "<html><body><p>Title here</p><p>" + invalid + " ht\x97\x93 tail words</p></body></html>"},
           {"txt", "Title here\n\n" + invalid + " second paragraph words\n"}}) {
    INFO(kind);
    const ReadReport report = read_bytes(bytes, "f." + kind, kind);
    REQUIRE(report.articles.size() == 1);
    for (const SourceSpan& span : report.articles[0].source_map) CHECK(span.source_offset <= bytes.size());
  }
}

}  // namespace
}  // namespace newsgraph::ingest
