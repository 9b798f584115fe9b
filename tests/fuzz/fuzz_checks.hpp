// Invariants the fuzz targets check on every input, beyond "no crash, no sanitizer report".
// A broken invariant aborts, so libFuzzer keeps the input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/document.hpp"
#include "core/utf8.hpp"
#include "ingest/ingest.hpp"

namespace newsgraph::fuzzing {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

inline void require(bool ok, const char* what) {
  if (!ok) fail(what);
}

// What ingest.hpp promises of every ReadReport: articles with valid UTF-8 text and a sorted
// source map pointing into the input, messages that name the file.
inline void check_read_report(const ingest::ReadReport& report, std::string_view path, std::size_t input_bytes,
                              const ingest::IngestOptions& options) {
  for (const Article& article : report.articles) {
    require(!article.text.empty(), "an article with empty text");
    require(utf8::is_valid(article.text), "article text is not valid UTF-8");
    require(utf8::is_valid(article.title), "article title is not valid UTF-8");
    require(article.text.size() <= options.max_article_bytes, "article text over max_article_bytes");
    for (std::size_t i = 0; i < article.source_map.size(); ++i) {
      const SourceSpan& span = article.source_map[i];
      require(span.text_offset < article.text.size(), "source_map text offset past the text");
      require(span.source_offset <= input_bytes, "source_map source offset past the input");
      if (i > 0) require(article.source_map[i - 1].text_offset < span.text_offset, "source_map not sorted");
    }
  }
  for (const auto* messages : {&report.warnings, &report.errors}) {
    for (const std::string& message : *messages) {
      require(std::string_view(message).substr(0, path.size()) == path, "a message that does not name the file");
    }
  }
}

// What tokenize.hpp promises: tokens in order inside the text, never empty; sentences a
// partition of the tokens, none empty, none longer than `max_sentence_tokens`.
inline void check_tokens(const Document& doc, std::size_t max_sentence_tokens) {
  const std::size_t size = doc.article.text.size();
  for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& token = doc.tokens[i];
    require(token.begin < token.end && token.end <= size, "token outside the text or empty");
    if (i > 0) require(doc.tokens[i - 1].end <= token.begin, "tokens overlap or out of order");
  }
  std::uint32_t next = 0;
  for (const Sentence& sent : doc.sentences) {
    require(sent.first_token == next, "sentences do not partition the tokens");
    require(sent.first_token < sent.end_token, "an empty sentence");
    require(sent.end_token - sent.first_token <= max_sentence_tokens, "a sentence over the token limit");
    next = sent.end_token;
  }
  require(next == doc.tokens.size(), "sentences do not cover every token");
}

}  // namespace newsgraph::fuzzing
