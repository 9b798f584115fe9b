// libFuzzer target: the html reader (ingest::read_bytes with kind "html") on any bytes.
// Run through scripts/fuzz; seeds in tests/fuzz/corpus/html_reader/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/ingest.hpp"
#include "tests/fuzz/fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsgraph;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ingest::IngestOptions options;
  options.max_article_bytes = 1000;  // small, so the truncation path is reached too
  options.max_html_depth = 12;       // and the depth limit (html_depth.cpp) on short inputs
  const ingest::ReadReport report = ingest::read_bytes(bytes, "fuzz.html", "html", options);
  fuzzing::check_read_report(report, "fuzz.html", size, options);
  return 0;
}
