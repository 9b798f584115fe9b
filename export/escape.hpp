// Text helpers shared by the exporters: one cleaning rule for every format, node ids that
// are valid GraphML NMTOKENs (and therefore safe DOT IDs), DOT string quoting, IRI minting
// and literal typing for JSON-LD. The output contract is docs/output.md.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::exporting {

// `text` as every exporter writes it: valid UTF-8 (invalid sequences become U+FFFD) with the
// characters XML cannot carry removed (C0/C1 controls other than tab and newline, U+FFFE/
// U+FFFF and the other noncharacters, surrogates). Applied to every string in every format,
// so all formats carry the same text.
std::string clean_text(std::string_view text);

// The node id written to GraphML and DOT. An id that is already an XML NMTOKEN (the contract
// of EntityNode::id) is returned unchanged; any other (empty, spaces, '/', quotes, ...) is
// escaped to ASCII: every character other than [A-Za-z0-9.:-] becomes "_xHHHH_" (its code
// point in hex, at least 4 digits), and an empty id becomes "_x_". Deterministic.
std::string export_node_id(std::string_view id);

// A DOT double-quoted string for an escString attribute (label, tooltip): the text is
// cleaned, '\' doubled, '"' escaped, a newline becomes "\n" (a centred line break), a tab
// becomes a space, and a '&' that Graphviz would decode as an HTML entity ("&amp;", "&#0;")
// becomes "&amp;" (a lone '&', as in "AT&T", stays). The result includes the surrounding quotes.
std::string dot_string(std::string_view text);

// Percent-encodes every byte outside RFC 3986 "unreserved" (A-Z a-z 0-9 - . _ ~), so the
// result is one safe IRI path segment ('/' and ':' are encoded too).
std::string percent_encode(std::string_view text);

// The IRI path of a node under the base: "person:steve-witkoff" -> "id/person/steve-witkoff"
// (the part before the first ':' and the rest, each percent-encoded); an id without ':'
// gives "id/<encoded id>".
std::string node_iri_path(std::string_view node_id);

// `url` as an absolute http(s) IRI that every RDF parser accepts, or "" when it is not one
// (relative, another scheme, no host). Characters not allowed in a URI (spaces, '"', '<',
// non-ASCII bytes, a stray '%', a second '#', ...) are percent-encoded.
std::string normalize_http_url(std::string_view url);

// True when `iri` has a scheme, and nothing an IRI cannot contain (controls, space,
// <>"{}|\^`).
bool is_absolute_iri(std::string_view iri);

// The XML Schema datatype of an ISO 8601 value: "date" (2025-08-15, checked as a calendar
// date), "dateTime" (2025-08-15T10:30:00[.5][Z|+02:00]), "gYearMonth" (2025-08), "gYear"
// (2025), or "" for anything else.
std::string_view xsd_date_type(std::string_view value);

// Joins `parts` with `sep` (the '|' lists of the output contract).
std::string join(const std::vector<std::string>& parts, char sep);

// Locale-free decimal text (std::to_chars).
std::string decimal(std::uint64_t value);

}  // namespace newsgraph::exporting
