// The sentence splitter: one pass over the tokens, looking only at a terminator, the quotes
// and brackets glued to it, the whitespace after them and the next token. The rules are
// listed in tokenize.hpp, above split_sentences().
#include <unicode/uchar.h>

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "core/utf8.hpp"
#include "tokenize/tokenize.hpp"
#include "tokenize/word_lists.hpp"

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
         token == "\u037E" /* Greek ; */ || token == "\u3002" /* 。 */ || token == "\uFF01" /* ！ */ ||
         token == "\uFF1F" /* ？ */ || token == "\u061F" /* ؟ */ || token == "\u0964" /* । */;
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
    case AbbreviationKind::kNone:  // not expected: the scanner keeps no other period
      return Terminator::kMayEnd;
  }
  return Terminator::kMayEnd;
}

// Closing quotes and brackets that stay with the sentence they end. Straight quotes count
// only when glued to the terminator (the caller checks).
bool is_closer(std::string_view token) {
  return token == ")" || token == "]" || token == "}" || token == "\"" || token == "'" || token == "''" ||
         token == "\u201D" /* ” */ || token == "\u2019" /* ’ */ || token == "\u00BB" /* » */ ||
         token == "\u203A" /* › */;
}

bool is_closing_quote(std::string_view token) {
  return token == "\"" || token == "'" || token == "''" || token == "\u201D" /* ” */ || token == "\u2019" /* ’ */ ||
         token == "\u00BB" /* » */ || token == "\u203A" /* › */;
}

bool is_opening_quote(std::string_view token) {
  return token == "\"" || token == "'" || token == "``" || token == "\u201C" /* “ */ || token == "\u2018" /* ‘ */ ||
         token == "\u00AB" /* « */ || token == "\u201E" /* „ */ || token == "\u2039" /* ‹ */;
}

// Opening quotes and brackets that can only open.
bool is_unambiguous_opener(std::string_view token) {
  return token == "(" || token == "[" || token == "{" || token == "``" || token == "`" || token == "\u201C" /* “ */ ||
         token == "\u2018" /* ‘ */ || token == "\u00AB" /* « */ || token == "\u201E" /* „ */ ||
         token == "\u2039" /* ‹ */ || token == "\u00BF" /* ¿ */ || token == "\u00A1" /* ¡ */;
}

bool is_opener(std::string_view token) { return is_unambiguous_opener(token) || token == "\"" || token == "'"; }

// Does a token starting with `cp` look like the first word of a sentence?
bool starts_like_sentence(char32_t cp) {
  if (utf8::is_upper(cp) || utf8::is_digit(cp)) return true;
  // Scripts without case (Arabic, Hebrew, CJK, ...) cannot be told apart: break.
  return cp >= 0x80 && utf8::is_letter(cp) && !u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_CASED);
}

// U+0085, U+2028 and U+2029 break lines too.
bool has_line_break(std::string_view gap) {
  for (std::size_t i = 0; i < gap.size(); ++i) {
    const char c = gap[i];
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f') return true;
    if (c == '\xC2' && i + 1 < gap.size() && gap[i + 1] == '\x85') return true;
    if (c == '\xE2' && i + 2 < gap.size() && gap[i + 1] == '\x80' && (gap[i + 2] == '\xA8' || gap[i + 2] == '\xA9')) {
      return true;
    }
  }
  return false;
}

// "Inc.", "U.S.", "J.": a word that kept its period (not a list number "1.", not "...").
bool is_abbreviation_token(std::string_view token) {
  if (token.size() < 2 || token.back() != '.') return false;
  const std::string_view word = token.substr(0, token.size() - 1);
  return word.find_first_not_of("0123456789") != std::string_view::npos &&
         word.find_first_not_of('.') != std::string_view::npos;
}

class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<Token>& tokens, std::vector<Sentence>& sentences,
           std::vector<std::size_t>& final_periods, std::size_t max_tokens)
      : text_(text), tokens_(tokens), sentences_(sentences), final_periods_(final_periods),
        max_tokens_(std::max(max_tokens, kMinSentenceTokens)) {}

  // Sentences that reached the limit and were cut.
  std::size_t cut_sentences() const { return cut_sentences_; }

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
      bool closed = false;  // by a closing quote
      bool exclaimed = token(i) == "!" || token(i) == "?";
      while (j < n && tokens_[j].begin == tokens_[j - 1].end) {
        if (is_plain_terminator(token(j))) {
          exclaimed = exclaimed || token(j) == "!" || token(j) == "?";
          ++j;
        } else if (is_closer(token(j))) {
          closed = closed || is_closing_quote(token(j));
          ++j;
        } else {
          break;
        }
      }
      if (j < n && breaks_before(j, kind, closed) && !(closed && exclaimed && reporting_verb_follows(j))) {
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

  // Does a sentence start at token `next`, after a terminator of `kind` and the closers
  // glued to it (`closed`: among them a closing quote)?
  bool breaks_before(std::size_t next, Terminator kind, bool closed) const {
    const std::string_view word = token(next);
    const bool spaced = tokens_[next].begin > tokens_[next - 1].end;
    if (!spaced) return is_unambiguous_opener(word);
    // "(U.S.) 6-4", "Acme Inc. (ACME.N)": a bracket is no sign of a sentence end here.
    if (kind == Terminator::kMayEnd && !closed) {
      return is_opening_quote(word) || is_sentence_opener(word);
    }
    if (is_opener(word)) return true;
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

  // Adds the sentence [first, end), cut into pieces of at most max_tokens_ tokens:
  // after the last ';' in the second half of the allowance, else the last ',', else hard.
  // Notes its last word when that is an abbreviation, whose period is then split off.
  void close(std::size_t first, std::size_t end) {
    // Only closing quotes may follow: "(U.S.)" keeps its period, as in CoNLL-2003.
    std::size_t last = end - 1;
    while (last > first && is_closing_quote(token(last))) --last;
    const bool final_period = is_abbreviation_token(token(last));
    const std::size_t extra = final_period ? 1 : 0;  // the split adds a token
    if (end - first + extra > max_tokens_) ++cut_sentences_;
    while (end - first + extra > max_tokens_) {
      std::size_t cut = find_last(first, ";");
      if (cut == 0) cut = find_last(first, ",");
      if (cut == 0) cut = first + max_tokens_;
      if (cut >= end) cut = end - 1;
      add(first, cut);
      first = cut;
    }
    if (final_period && last >= first) final_periods_.push_back(last);
    add(first, end);
  }

  // One past the last `punct` token among tokens [first + max/2, first + max), or 0.
  std::size_t find_last(std::size_t first, std::string_view punct) const {
    for (std::size_t k = first + max_tokens_; k-- > first + max_tokens_ / 2;) {
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
  std::vector<std::size_t>& final_periods_;
  std::size_t max_tokens_;
  std::size_t cut_sentences_ = 0;
};

// Splits "Inc." into "Inc" "." for each index in `final_periods` (ascending) and shifts the
// sentences to match. In place, back to front.
void split_final_periods(const std::vector<std::size_t>& final_periods, std::vector<Token>& tokens,
                         std::vector<Sentence>& sentences) {
  if (final_periods.empty()) return;
  const std::size_t old_size = tokens.size();
  tokens.resize(old_size + final_periods.size());
  std::size_t write = tokens.size();
  std::size_t pending = final_periods.size();
  for (std::size_t read = old_size; read-- > 0;) {
    const Token token = tokens[read];
    if (pending > 0 && final_periods[pending - 1] == read) {
      --pending;
      tokens[--write] = {token.end - 1, token.end};
      tokens[--write] = {token.begin, token.end - 1};
    } else {
      tokens[--write] = token;
    }
  }
  std::size_t before = 0;  // splits before the token looked at
  for (Sentence& sent : sentences) {
    while (before < final_periods.size() && final_periods[before] < sent.first_token) ++before;
    sent.first_token += static_cast<std::uint32_t>(before);
    while (before < final_periods.size() && final_periods[before] < sent.end_token) ++before;
    sent.end_token += static_cast<std::uint32_t>(before);
  }
}

}  // namespace

std::size_t split_sentences(std::string_view text, std::vector<Token>& tokens, std::vector<Sentence>& sentences,
                            std::size_t max_sentence_tokens) {
  sentences.clear();
  std::vector<std::size_t> final_periods;
  Splitter splitter(text, tokens, sentences, final_periods, max_sentence_tokens);
  splitter.run();
  split_final_periods(final_periods, tokens, sentences);
  return splitter.cut_sentences();
}

}  // namespace newsgraph
