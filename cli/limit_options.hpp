// The per-article limit flags (docs/limits.md) that `build` and `extract` share, so that an
// extraction made with some limits merges to the graph `build` makes with the same ones.
#pragma once

#include <string>
#include <string_view>

#include "ingest/ingest.hpp"
#include "pipeline/annotators.hpp"

namespace newsgraph::cli {

// The help text block for the limit flags: a macro, so that it joins the commands' usage
// string literals at compile time.
#define NEWSGRAPH_LIMITS_HELP                                                                           \
  "limits (docs/limits.md; a limit reached is a warning naming the file, never a failure):\n"          \
  "  --max-article-bytes N       cut an article's text at N bytes, at a paragraph boundary;\n"         \
  "                              read a .txt/.html file or a JSON line up to 4 x N (default 1048576)\n" \
  "  --max-sentence-tokens N     split longer sentences into pieces of at most N tokens (default 200,\n" \
  "                              at least 8)\n"                                                        \
  "  --max-html-depth N          ignore HTML elements nested deeper, keeping their text (default 512)\n" \
  "  --max-entities-per-article N  keep the N most mentioned entities of an article (default 1000)\n\n"

// True when `flag` is one of the limit flags.
bool is_limit_flag(std::string_view flag);

// Sets the limit `flag` names from `value`; returns the problem ("" when fine).
std::string set_limit(std::string_view flag, const std::string& value, ingest::IngestOptions& ingest,
                      ArticleLimits& limits);

}  // namespace newsgraph::cli
