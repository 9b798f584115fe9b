// The token scanner: one left-to-right pass over the text, a constant amount of work per
// code point (abbreviation checks look once at a word that ends in a period). The rules are
// listed in tokenize.hpp.
#include "tokenize/tokenize.hpp"

#include <unicode/uchar.h>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "core/utf8.hpp"
#include "tokenize/word_lists.hpp"

namespace newsgraph {
namespace {

using tokenize_detail::abbreviation_kind;
using tokenize_detail::AbbreviationKind;
using tokenize_detail::needs_number_after;

// White_Space, controls, and the invisible characters that only ever separate or format:
// zero-width space, word joiner, BOM, Mongolian vowel separator, bidi marks and embeddings.
bool is_separator(char32_t cp) {
  if (cp < 0x80) return cp <= 0x20 || cp == 0x7F;
  if (cp <= 0x9F) return true;  // C1 controls
  switch (cp) {
    case 0x200B:
    case 0x2060:
    case 0xFEFF:
    case 0x180E:
    case 0x200E:
    case 0x200F:
    case 0x061C:
      return true;
    default:
      break;
  }
  if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return true;
  return utf8::is_space(cp);
}

bool is_mark(char32_t cp) {
  if (cp < 0x300) return false;
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
      return true;
    default:
      return false;
  }
}

// Letters of every script, digits, marks, '_' and other numbers ("½", "²").
bool is_word_char(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || cp == '_';
  }
  if (utf8::is_letter(cp) || utf8::is_digit(cp)) return true;
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_CONNECTOR_PUNCTUATION:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

// ' ’ ʼ, and the acute accent ´ that some keyboards type for an apostrophe ("Trump´s").
bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x00B4; }
bool is_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
bool is_en_dash(char32_t cp) { return cp == 0x2013 || cp == 0x2012; }
bool is_regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

bool is_emoji_start(char32_t cp) {
  return cp >= 0x80 &&
         (is_regional_indicator(cp) || u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EXTENDED_PICTOGRAPHIC));
}

// What may follow an emoji inside one token: variation selectors, skin tones, the keycap,
// tag characters (subdivision flags), combining marks.
bool is_emoji_modifier(char32_t cp) {
  return cp == 0xFE0E || cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0x20E3 ||
         (cp >= 0xE0020 && cp <= 0xE007F) || is_mark(cp);
}

bool is_currency(char32_t cp) {
  return cp == '$' || (cp >= 0x80 && u_charType(static_cast<UChar32>(cp)) == U_CURRENCY_SYMBOL);
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ascii_nocase(std::string_view text, std::size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(text[pos + i]) != prefix[i]) return false;
  }
  return true;
}

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<Token>& tokens) : text_(text), tokens_(tokens) {}

  void run() {
    std::size_t pos = 0;
    while (pos < text_.size()) {
      std::size_t length;
      const char32_t cp = utf8::decode(text_, pos, length);
      pos = is_separator(cp) ? pos + length : scan_token(pos, cp, length);
    }
  }

 private:
  // The code point at `pos`, or 0 with `length` 0 past the end.
  char32_t at(std::size_t pos, std::size_t& length) const {
    if (pos >= text_.size()) {
      length = 0;
      return 0;
    }
    return utf8::decode(text_, pos, length);
  }
  char32_t at(std::size_t pos) const {
    std::size_t length;
    return at(pos, length);
  }

  void emit(std::size_t begin, std::size_t end) {
    tokens_.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
  }

  // Emits the token starting at `start` (a non-separator) and returns where it ends.
  std::size_t scan_token(std::size_t start, char32_t cp, std::size_t length) {
    if (starts_url(start)) return scan_url(start);
    if (is_word_char(cp)) return scan_word(start, start);
    const char32_t next = at(start + length);
    // A sign or a leading period belongs to the number: "+44", "-5", ".500".
    if ((cp == '+' || cp == '-' || cp == 0x2212 || cp == '.') && utf8::is_digit(next)) {
      return scan_word(start, start + length);
    }
    // Hashtags and handles.
    if ((cp == '#' || cp == '@') && is_word_char(next)) return scan_word(start, start + length);
    // Elided years: "'90s", "’96" (two digits, then no further digit).
    if ((cp == '\'' || cp == 0x2019) && utf8::is_digit(next) && start + length + 2 <= text_.size() &&
        utf8::is_digit(static_cast<unsigned char>(text_[start + length + 1])) &&
        !utf8::is_digit(at(start + length + 2))) {
      return scan_word(start, start + length);
    }
    if (is_emoji_start(cp)) return scan_emoji(start, cp, length);
    std::size_t end = start + length;
    switch (cp) {
      case '.':
      case '-':
      case '*':
      case '=':
      case '~':  // "...", "--", "***", "===="
        while (end < text_.size() && static_cast<char32_t>(text_[end]) == cp) ++end;
        break;
      case '`':
      case '\'':  // the PTB quotes `` and ''
        if (next == cp) ++end;
        break;
      default:
        break;
    }
    for (std::size_t mark_length; is_mark(at(end, mark_length));) end += mark_length;
    emit(start, end);
    return end;
  }

  bool starts_url(std::size_t pos) const {
    const char c = ascii_lower(text_[pos]);
    if (c != 'h' && c != 'f' && c != 'm' && c != 'w') return false;
    if (starts_with_ascii_nocase(text_, pos, "www.")) return is_word_char(at(pos + 4));
    return starts_with_ascii_nocase(text_, pos, "http://") || starts_with_ascii_nocase(text_, pos, "https://") ||
           starts_with_ascii_nocase(text_, pos, "ftp://") || starts_with_ascii_nocase(text_, pos, "mailto:");
  }

  // A URL runs to the next space or quote, then gives back trailing punctuation and closing
  // brackets it did not open: "(see http://a.org/x)." → "(" "http://a.org/x" ")" ".".
  std::size_t scan_url(std::size_t start) {
    std::size_t end = start;
    int parens = 0;
    int brackets = 0;
    while (end < text_.size()) {
      std::size_t length;
      const char32_t cp = utf8::decode(text_, end, length);
      if (is_separator(cp) || cp == '"' || cp == '<' || cp == '>') break;
      if (cp >= 0x80 && !is_word_char(cp)) break;  // curly quotes, dashes, "…"
      parens += cp == '(' ? 1 : cp == ')' ? -1 : 0;
      brackets += cp == '[' ? 1 : cp == ']' ? -1 : 0;
      end += length;
    }
    while (end > start + 1) {
      const char c = text_[end - 1];
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == '*') {
        --end;
      } else if (c == ')' && parens < 0) {
        --end, ++parens;
      } else if (c == ']' && brackets < 0) {
        --end, ++brackets;
      } else {
        break;
      }
    }
    emit(start, end);
    return end;
  }

  std::size_t scan_emoji(std::size_t start, char32_t cp, std::size_t length) {
    std::size_t end = start + length;
    std::size_t next_length;
    if (is_regional_indicator(cp) && is_regional_indicator(at(end, next_length))) {
      end += next_length;  // a flag is a pair
    }
    for (;;) {
      const char32_t next = at(end, next_length);
      if (next_length == 0) break;
      if (is_emoji_modifier(next)) {
        end += next_length;
        continue;
      }
      std::size_t joined_length;
      if (next == 0x200D && is_emoji_start(at(end + next_length, joined_length))) {
        end += next_length + joined_length;  // ZWJ sequence: 👩‍🔬
        continue;
      }
      break;
    }
    emit(start, end);
    return end;
  }

  // Consumes word characters and the connectors that join them, from `pos`. Sets
  // `currency` when the word ended on a currency sign glued to capitals ("US$").
  std::size_t scan_word_body(std::size_t word_start, std::size_t pos, bool& currency) const {
    char32_t prev = 0;
    for (;;) {
      std::size_t length;
      const char32_t cp = at(pos, length);
      if (length == 0) break;
      if (is_word_char(cp)) {
        prev = cp;
        pos += length;
        continue;
      }
      const char32_t next = at(pos + length);
      bool join = false;
      if (is_hyphen(cp)) {
        // A hyphen joins, or ends the word when something other than a hyphen follows:
        // "anti- terrorist", "three- and five-year", the rating "AA-" (as in CoNLL-2003).
        join = is_word_char(next) || !(is_hyphen(next) || is_en_dash(next));
        if (join && !is_word_char(next)) return pos + length;
      } else if (is_en_dash(cp) || cp == '/' || cp == '.' || cp == '@' || cp == 0x200C || cp == 0x200D ||
                 cp == 0x00AD) {
        join = is_word_char(next);
      } else if (cp == '+') {
        // "AA+", "BBB+", "C++": plus signs after a capital end the word.
        if ((prev == '+' || utf8::is_upper(prev)) && !is_word_char(next)) {
          pos += length;
          while (pos < text_.size() && text_[pos] == '+') ++pos;
          return pos;
        }
      } else if (is_apostrophe(cp)) {
        join = utf8::is_letter(next);
      } else if (cp == '&') {
        join = utf8::is_letter(prev) && is_word_char(next);
      } else if (cp == ',' || cp == ':') {
        join = utf8::is_digit(prev) && utf8::is_digit(next);
      } else if (is_currency(cp) && is_short_capitals(word_start, pos) && !utf8::is_letter(next)) {
        currency = true;
        return pos + length;
      }
      if (!join) break;
      prev = cp;
      pos += length;
    }
    return pos;
  }

  // "US", "HK", "C": one to three ASCII capitals, the whole word so far.
  bool is_short_capitals(std::size_t begin, std::size_t end) const {
    if (end <= begin || end - begin > 3) return false;
    for (std::size_t i = begin; i < end; ++i) {
      if (text_[i] < 'A' || text_[i] > 'Z') return false;
    }
    return true;
  }

  // Is the next non-separator after `pos` a digit?
  bool digit_follows(std::size_t pos) const {
    std::size_t length;
    char32_t cp = at(pos, length);
    while (length != 0 && is_separator(cp)) cp = at(pos += length, length);
    return utf8::is_digit(cp);
  }

  bool at_line_start(std::size_t pos) const {
    while (pos > 0 && (text_[pos - 1] == ' ' || text_[pos - 1] == '\t')) --pos;
    return pos == 0 || text_[pos - 1] == '\n' || text_[pos - 1] == '\r';
  }

  bool is_list_number(std::size_t begin, std::size_t end) const {
    if (end <= begin || end - begin > 3) return false;
    for (std::size_t i = begin; i < end; ++i) {
      if (text_[i] < '0' || text_[i] > '9') return false;
    }
    return at_line_start(begin);
  }

  // A word from `start`; its word characters begin at `body` (after a sign, '#' or '@').
  std::size_t scan_word(std::size_t start, std::size_t body) {
    std::size_t segment = body;  // what the abbreviation test looks at
    std::size_t end = body;
    bool kept_period = false;
    for (;;) {
      bool currency = false;
      end = scan_word_body(start, end, currency);
      if (currency) break;
      // A period not followed by a word character (else the body took it) nor by another
      // period (an ellipsis): the word keeps it only as an abbreviation.
      if (end < text_.size() && text_[end] == '.' && (end + 1 == text_.size() || text_[end + 1] != '.')) {
        const std::string_view word = text_.substr(segment, end - segment);
        const bool keep =
            (start == body && is_list_number(start, end)) || (abbreviation_kind(word) != AbbreviationKind::kNone &&
                                                              (!needs_number_after(word) || digit_follows(end + 1)));
        if (keep) {
          ++end;
          kept_period = true;
          // "U.S.-led", "U.S.'s": the word goes on.
          std::size_t length;
          const char32_t cp = at(end, length);
          if ((is_hyphen(cp) && is_word_char(at(end + length))) ||
              (is_apostrophe(cp) && utf8::is_letter(at(end + length)))) {
            end += length;
            segment = end;
            kept_period = false;
            continue;
          }
        }
      }
      break;
    }
    const std::size_t split = kept_period ? start : clitic_split(start, end);
    if (split > start) emit(start, split);
    emit(split > start ? split : start, end);
    return end;
  }

  // The byte length of an apostrophe (' ’ ʼ ´) ending at `end`, or 0.
  std::size_t apostrophe_before(std::size_t begin, std::size_t end) const {
    if (end > begin && text_[end - 1] == '\'') return 1;
    if (end >= begin + 2 && (text_.substr(end - 2, 2) == "\xCA\xBC" || text_.substr(end - 2, 2) == "\xC2\xB4")) {
      return 2;
    }
    if (end >= begin + 3 && text_.substr(end - 3, 3) == "\xE2\x80\x99") return 3;
    return 0;
  }

  bool ends_with_nocase(std::size_t begin, std::size_t end, std::string_view suffix) const {
    if (end - begin < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
      if (ascii_lower(text_[end - suffix.size() + i]) != suffix[i]) return false;
    }
    return true;
  }

  // Where a PTB clitic starts in the word [begin, end): "do|n't", "Trump|'s", "we|’re";
  // `begin` when there is none.
  std::size_t clitic_split(std::size_t begin, std::size_t end) const {
    if (ends_with_nocase(begin, end, "t")) {
      const std::size_t apostrophe = apostrophe_before(begin, end - 1);
      if (apostrophe != 0) {
        const std::size_t n_end = end - 1 - apostrophe;
        if (n_end > begin + 1 && ascii_lower(text_[n_end - 1]) == 'n') return n_end - 1;
      }
    }
    for (std::string_view clitic : {"s", "re", "ve", "ll", "d", "m"}) {
      if (!ends_with_nocase(begin, end, clitic)) continue;
      const std::size_t apostrophe = apostrophe_before(begin, end - clitic.size());
      if (apostrophe != 0 && end - clitic.size() - apostrophe > begin) {
        return end - clitic.size() - apostrophe;
      }
    }
    return begin;
  }

  std::string_view text_;
  std::vector<Token>& tokens_;
};

void check_size(std::string_view text) {
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("tokenize: text of " + std::to_string(text.size()) + " bytes; Token offsets are 32-bit");
  }
}

}  // namespace

void split_tokens(std::string_view text, std::vector<Token>& tokens) {
  check_size(text);
  tokens.clear();
  Scanner(text, tokens).run();
}

std::size_t tokenize_text(std::string_view text, std::vector<Token>& tokens, std::vector<Sentence>& sentences,
                          std::size_t max_sentence_tokens) {
  split_tokens(text, tokens);
  return split_sentences(text, tokens, sentences, max_sentence_tokens);
}

std::size_t tokenize(Document& doc, std::size_t max_sentence_tokens) {
  return tokenize_text(doc.article.text, doc.tokens, doc.sentences, max_sentence_tokens);
}

}  // namespace newsgraph
