#include "cli/limit_options.hpp"

#include <charconv>

namespace newsgraph::cli {

bool is_limit_flag(std::string_view flag) {
  return flag == "--max-article-bytes" || flag == "--max-sentence-tokens" || flag == "--max-html-depth" ||
         flag == "--max-entities-per-article";
}

std::string set_limit(std::string_view flag, const std::string& value, ingest::IngestOptions& ingest,
                      ArticleLimits& limits) {
  std::size_t& limit = flag == "--max-article-bytes"     ? ingest.max_article_bytes
                       : flag == "--max-sentence-tokens" ? limits.max_sentence_tokens
                       : flag == "--max-html-depth"      ? ingest.max_html_depth
                                                         : limits.max_entities;
  std::size_t number = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc() || end != value.data() + value.size() || number == 0)
    return std::string(flag) + " takes a whole number from 1 on, not '" + value + "'";
  if (flag == "--max-sentence-tokens" && number < kMinSentenceTokens)
    return "--max-sentence-tokens must be at least " + std::to_string(kMinSentenceTokens) + ", not " + value;
  limit = number;
  return {};
}

}  // namespace newsgraph::cli
