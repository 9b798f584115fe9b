// ingest/ cleaning, shared by every reader and testable alone:
//   sanitize()          raw bytes -> valid UTF-8, BOM dropped, CRLF -> LF, forbidden
//                       controls -> space, with a map back to the raw offsets;
//   split_plain_text()  sanitized plain text -> paragraphs (blank lines and line breaks);
//   clean_paragraphs()  paragraphs with their source offsets -> Article text + source_map,
//                       with boilerplate, repeats and a dateline removed.
// Nothing here reads files, prints or throws for bad input. Linear in the input size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace newsgraph::ingest {

struct SanitizeOptions {
  bool drop_bom = true;            // a leading U+FEFF
  bool normalize_newlines = true;  // CRLF and lone CR -> LF
  bool replace_controls = true;    // utf8::is_forbidden_control -> ' '
};

struct SanitizedText {
  std::string text;                            // valid UTF-8
  std::vector<std::uint64_t> invalid_offsets;  // raw offsets of invalid sequences (-> U+FFFD)
  std::vector<std::uint64_t> control_offsets;  // raw offsets of controls replaced by ' '
  // Sorted by text_offset: text bytes from text_offset on come from raw bytes from
  // source_offset on, up to the next anchor. One anchor per change of length.
  std::vector<SourceSpan> anchors;

  // The raw offset of byte `text_offset` of `text`.
  std::uint64_t to_source(std::uint64_t text_offset) const;
};

SanitizedText sanitize(std::string_view raw, const SanitizeOptions& options = {});

// A paragraph as a reader found it. `source_offset` is where it starts in the source file.
struct Paragraph {
  std::string text;
  std::uint64_t source_offset = 0;
};

// Splits plain text (LF line ends) into paragraphs: a blank line ends a paragraph, and so
// does a line break, unless the next line reads as the continuation of a hard-wrapped line
// (the line does not end with . ! ? : or a closing quote, and the next starts with a
// lower-case letter); such line breaks become a space. `source_offset` of each paragraph is
// its offset in `text`; callers map it (SanitizedText::to_source).
std::vector<Paragraph> split_plain_text(std::string_view text);

struct CleanOptions {
  std::size_t max_text_bytes = std::size_t{32} << 20;
  bool drop_dateline = true;
};

struct CleanedText {
  std::string text;                    // paragraphs joined with "\n\n"; title first
  std::vector<SourceSpan> source_map;  // one entry per paragraph, sorted by text_offset
  std::string title;                   // the first paragraph
  std::string dateline;                // ISO date of a dropped dateline paragraph, or ""
  std::size_t dropped_boilerplate = 0;
  std::size_t dropped_repeats = 0;
  bool truncated = false;              // max_text_bytes reached
};

// Cleans paragraphs in order:
// 1. Each paragraph is made valid UTF-8 without forbidden controls (silently: readers report
//    repairs of the raw bytes), CR/LF/tab inside become spaces, Unicode white space is
//    trimmed at both ends, and a leading run of pictographic symbols followed by a space
//    ("📰 Headline") is cut. source_offset moves by the bytes cut at the start (exact when
//    the paragraph bytes are the source bytes, as for plain text).
// 2. Empty paragraphs and boilerplate (is_boilerplate) are dropped.
// 3. With drop_dateline, the first paragraph among the first three kept that is a date
//    alone ("Sunday, August 17, 2008") is dropped and returned in `dateline`.
// 4. A paragraph equal to an earlier kept one after white-space normalisation (a repeated
//    headline, a repeated block) is dropped; so is a paragraph of 8 to 400 words of which at
//    least 9 in 10 runs of 5 words (letters and digits, case-folded, punctuation ignored)
//    already appear inside earlier kept paragraphs (a pull-quote repeating a sentence
//    block, a repeated paragraph with a stray character glued to it).
//    Short lines (a byline such as a name under a quote) are never dropped by this rule.
//    The 5-word index covers the first 1,000,000 words of an article (memory bound).
// 5. Paragraphs are joined with "\n\n" up to max_text_bytes (see IngestOptions).
CleanedText clean_paragraphs(std::vector<Paragraph> paragraphs, const CleanOptions& options = {});

// True for a paragraph that carries no article content, by general rules only:
// - no letter and no digit (a lone emoji, "***", "—");
// - a short line (at most 8 words) without sentence punctuation whose words, case-folded
//   with punctuation removed, are one of a fixed list of page furniture: "advertisement",
//   "ad code", "sponsored content", "share", "share this", "share this article", "tweet",
//   "print", "email", "read more", "continue reading", "subscribe", "subscribe now",
//   "sign up", "related", "related stories", "related articles", "related sources",
//   "see also", "more stories", "you may also like", "comments" (also after a count:
//   "0 Comments"), "post a comment", "leave a comment",
//   "follow us", "skip to content", "back to top", "source", "sources", "loading", ...;
// - a short line (at most 12 words) starting with "click here", "share on", "share via",
//   "follow us on", "sign up for", "subscribe to", "read more:";
// - a line of at most 100 bytes split by '|' into short segments (at most 6 words each,
//   none ending a sentence): a site name, a menu or a breadcrumb ("Home | World | Europe").
// A short line that is not on the list (a byline, a section heading) is kept.
bool is_boilerplate(std::string_view paragraph);

}  // namespace newsgraph::ingest
