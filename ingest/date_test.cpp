#include <catch2/catch.hpp>

#include "ingest/date.hpp"

namespace newsgraph::ingest {
namespace {

TEST_CASE("normalize_date turns recognisable dates into ISO 8601 and refuses the rest", "[ingest]") {
  struct Case {
    const char* text;
    bool alone;
    const char* iso;
  };
  const Case cases[] = {
      {"Sunday, August 17, 2008", true, "2008-08-17"},
      {"May 01, 2009", true, "2009-05-01"},
      {"Thursday, October 22, 2009", true, "2009-10-22"},
      {"3 December 2025", true, "2025-12-03"},
      {"Dec. 3rd, 2025", true, "2025-12-03"},
      {"2025-12-03", true, "2025-12-03"},
      {"2025/12/03", true, "2025-12-03"},
      {"2025-12-03T09:00:00+00:00", false, "2025-12-03T09:00:00+00:00"},
      {"2025-12-03 09:00:00", false, "2025-12-03"},
      {"Wed, 03 Dec 2025 09:00:00 GMT", false, "2025-12-03"},
      {"Wed, 03 Dec 2025 09:00:00 GMT", true, ""},
      {"Sunday, August 17, 2008 was a hot day", true, ""},
      {"03/12/2025", true, ""},
      {"2025-13-03", true, ""},
      {"yesterday", false, ""},
      {"May the talks succeed", true, ""},
      {"", false, ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(normalize_date(c.text, c.alone) == c.iso);
  }
}

}  // namespace
}  // namespace newsgraph::ingest
