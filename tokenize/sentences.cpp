// The sentence splitter: one pass over the tokens, looking only at a terminator, the quotes
// and brackets glued to it, the whitespace after them and the next token. The rules are
// listed in tokenize.hpp, above split_sentences().
#include <unicode/uchar.h>

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "core/utf8.hpp"
#include "tokenize/word_lists.hpp"
#include "tokenize/tokenize.hpp"

namespace newsgraph {
namespace {

using tokenize_detail::abbreviation_kind;
using tokenize_detail::AbbreviationKind;
using tokenize_detail::is_reporting_verb;
using tokenize_detail::is_sentence_opener;

enum class Terminator {
  kNone,
  kPlain,      // . ! ? … ... and friends
  kMayEnd,     // "U.S.", "Inc.": only before a clear sentence start
  kNeverEnds,  // "Mr.", "J.", "No.", a list number "1."
};

bool is_plain_terminator(std::string_view token) {
  if (token.empty()) return false;
  if (token.find_first_not_of('.') == std::string_view::npos) return true;  // ".", "..."
  return token == "!" || token == "?" || token == "\u2026" /* … */ || token == "\u203C" /* ‼ */ ||
         token == "\u2047" /* ⁇ */ || token == "\u2048" /* ⁈ */ || token == "\u2049" /* ⁉ */ ||
         token == "\u037E" /* Greek ; */ || token == "\u3002" /* 。 */ ||
         token == "\uFF01" /* ！ */ || token == "\uFF1F" /* ？ */ || token == "\u061F" /* ؟ */ ||
         token == "\u0964" /* । */;
}

Terminator terminator_kind(std::string_view token) {
  if (is_plain_terminator(token)) return Terminator::kPlain;
  if (token.size() < 2 || token.back() != '.') return Terminator::kNone;
  const std::string_view word = token.substr(0, token.size() - 1);
  if (word.find_first_not_of("0123456789") == std::string_view::npos) return Terminator::kNeverEnds;
  switch (abbreviation_kind(word)) {
    case AbbreviationKind::kNeverEnds:
      return Terminator::kNeverEnds;
    case AbbreviationKind::kMayEnd:
    case AbbreviationKind::kNone:  // "U.S.-St.": the scanner looked at "St" only; be careful
      return Terminator::kMayEnd;
  }
  return Terminator::kMayEnd;
}

// Closing quotes and brackets that stay with the sentence they end. Straight quotes count
// only when glued to the terminator (the caller checks).
bool is_closer(std::string_view token) {
  return token == ")" || token == "]" || token == "}" || token == "\"" || token == "'" ||
         token == "''" || token == "\u201D" /* ” */ || token == "\u2019" /* ’ */ ||
         token == "\u00BB" /* » */ || token == "\u203A" /* › */;
}

// Opening quotes and brackets that can only open.
bool is_unambiguous_opener(std::string_view token) {
  return token == "(" || token == "[" || token == "{" || token == "``" || token == "`" ||
         token == "\u201C" /* “ */ || token == "\u2018" /* ‘ */ || token == "\u00AB" /* « */ ||
         token == "\u201E" /* „ */ || token == "\u2039" /* ‹ */ || token == "\u00BF" /* ¿ */ ||
         token == "\u00A1" /* ¡ */;
}

bool is_opener(std::string_view token) {
  return is_unambiguous_opener(token) || token == "\"" || token == "'";
}

// Does a token starting with `cp` look like the first word of a sentence?
bool starts_like_sentence(char32_t cp) {
  if (utf8::is_upper(cp) || utf8::is_digit(cp)) return true;
  // Scripts without case (Arabic, Hebrew, CJK, ...) cannot be told apart: break.
  return cp >= 0x80 && utf8::is_letter(cp) &&
         !u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_CASED);
}

// U+0085, U+2028 and U+2029 break lines too.
bool has_line_break(std::string_view gap) {
  for (std::size_t i = 0; i < gap.size(); ++i) {
    const char c = gap[i];
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f') return true;
    if (c == '\xC2' && i + 1 < gap.size() && gap[i + 1] == '\x85') return true;
    if (c == '\xE2' && i + 2 < gap.size() && gap[i + 1] == '\x80' &&
        (gap[i + 2] == '\xA8' || gap[i + 2] == '\xA9')) {
      return true;
    }
  }
  return false;
}

class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<Token>& tokens,
           std::vector<Sentence>& sentences)
      : text_(text), tokens_(tokens), sentences_(sentences) {}

  void run() {
    const std::size_t n = tokens_.size();
    std::size_t first = 0;
    std::size_t i = 0;
    while (i < n) {
      if (i > first && has_line_break(gap(i))) {
        close(first, i);
        first = i;
      }
      const Terminator kind = terminator_kind(token(i));
      if (kind == Terminator::kNone || kind == Terminator::kNeverEnds) {
        ++i;
        continue;
      }
      // Take the terminators and closers glued to this one: '?!', '."', '.)'.
      std::size_t j = i + 1;
      bool closed = false;
      bool exclaimed = token(i) == "!" || token(i) == "?";
      while (j < n && tokens_[j].begin == tokens_[j - 1].end) {
        if (is_plain_terminator(token(j))) {
          exclaimed = exclaimed || token(j) == "!" || token(j) == "?";
          ++j;
        } else if (is_closer(token(j))) {
          closed = true;
          ++j;
        } else {
          break;
        }
      }
      if (j < n && breaks_before(j, kind, closed) &&
          !(closed && exclaimed && reporting_verb_follows(j))) {
        close(first, j);
        first = j;
      }
      i = j;
    }
    if (first < n) close(first, n);
  }

 private:
  std::string_view token(std::size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  // The text between token i-1 and token i.
  std::string_view gap(std::size_t i) const {
    return text_.substr(tokens_[i - 1].end, tokens_[i].begin - tokens_[i - 1].end);
  }

  bool breaks_before(std::size_t next, Terminator kind, bool closed) const {
    const std::string_view word = token(next);
    const bool spaced = tokens_[next].begin > tokens_[next - 1].end;
    if (!spaced) return is_unambiguous_opener(word);
    if (is_opener(word)) return true;
    if (kind == Terminator::kMayEnd && !closed) return is_sentence_opener(word);
    std::size_t length;
    return starts_like_sentence(utf8::decode(word, 0, length));
  }

  // '"What a disaster!" Trump said Tuesday.': a speaker of up to three words and then a
  // reporting verb, within the same line.
  bool reporting_verb_follows(std::size_t next) const {
    const std::size_t last = std::min(tokens_.size(), next + 4);
    for (std::size_t k = next + 1; k < last; ++k) {
      if (has_line_break(gap(k)) || terminator_kind(token(k)) == Terminator::kPlain) return false;
      if (is_reporting_verb(token(k))) return true;
    }
    return false;
  }

  // Adds the sentence [first, end), cut into pieces of at most kMaxSentenceTokens tokens:
  // after the last ';' in the second half of the allowance, else the last ',', else hard.
  void close(std::size_t first, std::size_t end) {
    while (end - first > kMaxSentenceTokens) {
      std::size_t cut = find_last(first, ";");
      if (cut == 0) cut = find_last(first, ",");
      if (cut == 0) cut = first + kMaxSentenceTokens;
      add(first, cut);
      first = cut;
    }
    add(first, end);
  }

  // One past the last `punct` token among tokens [first + max/2, first + max), or 0.
  std::size_t find_last(std::size_t first, std::string_view punct) const {
    for (std::size_t k = first + kMaxSentenceTokens; k-- > first + kMaxSentenceTokens / 2;) {
      if (token(k) == punct) return k + 1;
    }
    return 0;
  }

  void add(std::size_t first, std::size_t end) {
    sentences_.push_back({static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(end)});
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::vector<Sentence>& sentences_;
};

}  // namespace

void split_sentences(std::string_view text, const std::vector<Token>& tokens,
                     std::vector<Sentence>& sentences) {
  sentences.clear();
  Splitter(text, tokens, sentences).run();
}

}  // namespace newsgraph
