// Dates as written in news pages and feeds -> ISO 8601. Internal to ingest/.
#pragma once

#include <string>
#include <string_view>

namespace newsgraph::ingest {

// Returns the ISO 8601 form of `text`, or "" when it is not a recognisable date:
// - ISO dates are kept as written ("2025-12-02", "2025-12-02T10:15:00Z"); "2025/12/02" -> "2025-12-02";
// - "[Weekday,] Month D[st|nd|rd|th][,] YYYY", "[Weekday,] D Month YYYY" (English month
//   names, full or abbreviated, any case) -> "YYYY-MM-DD".
// With `alone` the text must be the date and nothing else (a dateline paragraph); without,
// anything after the year (a time, a zone: "Tue, 02 Dec 2025 10:15:00 GMT") is ignored.
// Numeric day/month orders other than ISO (03/12/2025) are ambiguous and not recognised.
std::string normalize_date(std::string_view text, bool alone);

}  // namespace newsgraph::ingest
