// Paragraph cleaning (see clean.hpp for the rules). Linear in the text size: repeats are
// found through hash sets, never by searching earlier text.
#include "ingest/clean.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <unordered_set>

#include "core/utf8.hpp"
#include "ingest/date.hpp"

namespace newsgraph::ingest {
namespace {

constexpr std::size_t kRepeatGram = 5;           // words per shingle of the pull-quote rule
constexpr std::size_t kPullQuoteMinWords = 8;    // shorter lines (bylines) are never dropped
constexpr std::size_t kPullQuoteMaxWords = 400;
// At most 1 in 10 shingles of a repeat may be new (a stray character glued to a copy).
constexpr std::size_t kRepeatOneNewIn = 10;
constexpr std::size_t kMaxIndexedWords = 1'000'000;
constexpr std::size_t kDatelineSearch = 3;       // paragraphs in which a dateline is looked for

// Page furniture, as case-folded words with punctuation removed (is_boilerplate).
constexpr std::string_view kBoilerplate[] = {
    "ad", "ads", "ad code", "advertisement", "advertisements", "advertising", "sponsored",
    "sponsored content", "paid content", "share", "share this", "share this article",
    "share this story", "share this post", "share article", "tweet", "print", "email",
    "e mail", "whatsapp", "read more", "read more here", "continue reading", "read full story",
    "read the full story", "subscribe", "subscribe now", "subscribe here", "sign up", "sign in",
    "log in", "login", "register", "related", "related stories", "related articles",
    "related content", "related posts", "related sources", "related news", "see also",
    "more stories", "more news", "you may also like", "recommended", "recommended for you",
    "most read", "most popular", "trending", "trending now", "comments", "leave a comment",
    "show comments", "post a comment", "add a comment", "no comments", "shares", "follow us", "skip to content", "skip to main content", "back to top",
    "source", "sources", "loading"};

constexpr std::string_view kBoilerplatePrefixes[] = {
    "click here", "share on ", "share via ", "follow us on ", "sign up for ", "subscribe to ",
    "read more:", "advertisement -"};

bool is_space_cp(char32_t cp) { return utf8::is_space(cp) || cp == 0x200B || cp == 0xFEFF; }

// Letters and digits, ASCII case-folded, other characters as word breaks.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t length;
    const char32_t cp = utf8::decode(text, pos, length);
    if (utf8::is_letter(cp) || utf8::is_digit(cp)) {
      if (cp < 0x80) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(cp)));
      } else {
        utf8::append(word, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)));
      }
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
    pos += length;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

bool ends_with_sentence_mark(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '"' || text.back() == '\'' || text.back() == ')')) {
    text.remove_suffix(1);
  }
  if (text.size() >= 3) {
    const std::string_view tail = text.substr(text.size() - 3);
    if (tail == "\xE2\x80\x9D" || tail == "\xE2\x80\x99") return ends_with_sentence_mark(text.substr(0, text.size() - 3));
    if (tail == "\xE2\x80\xA6") return true;  // …
  }
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

std::size_t word_count(std::string_view text) {
  std::size_t count = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++count;
    in_word = !space;
  }
  return count;
}

bool has_letter_or_digit(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t length;
    const char32_t cp = utf8::decode(text, pos, length);
    if (utf8::is_letter(cp) || utf8::is_digit(cp)) return true;
    pos += length;
  }
  return false;
}

// Valid UTF-8, no forbidden control, no line break or tab inside (they become spaces).
std::string sanitize_paragraph(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x20 && byte < 0x7F) {
      out += static_cast<char>(byte);
      ++pos;
      continue;
    }
    std::size_t length;
    const char32_t cp = utf8::decode(text, pos, length);
    if (cp == '\n' || cp == '\t' || cp == '\r' || utf8::is_forbidden_control(cp)) {
      out += ' ';
    } else {
      out.append(text.substr(pos, length));  // U+FFFD for an invalid byte: decode gave 1 byte
      if (cp == utf8::kReplacement && length == 1) {
        out.pop_back();
        utf8::append(out, utf8::kReplacement);
      }
    }
    pos += length;
  }
  return out;
}

// Emoji and other pictographs, with their joiners and modifiers.
bool is_pictographic(char32_t cp) {
  if (cp < 0x80) return false;
  if (cp == 0x200D || cp == 0x20E3 || (cp >= 0xFE00 && cp <= 0xFE0F)) return true;
  const auto type = u_charType(static_cast<UChar32>(cp));
  return type == U_OTHER_SYMBOL || type == U_MODIFIER_SYMBOL;
}

// Trims white space at both ends and a leading "📰 " run; returns the bytes cut at the start.
std::size_t trim_paragraph(std::string& text) {
  std::size_t begin = 0;
  const auto skip_space = [&](std::size_t pos) {
    while (pos < text.size()) {
      std::size_t length;
      const char32_t cp = utf8::decode(text, pos, length);
      if (!is_space_cp(cp)) break;
      pos += length;
    }
    return pos;
  };
  begin = skip_space(0);
  // A leading run of pictographs followed by white space and then more text.
  std::size_t pos = begin;
  while (pos < text.size()) {
    std::size_t length;
    const char32_t cp = utf8::decode(text, pos, length);
    if (!is_pictographic(cp)) break;
    pos += length;
  }
  if (pos > begin && pos < text.size()) {
    const std::size_t after = skip_space(pos);
    if (after > pos && after < text.size()) begin = after;
  }
  // Trailing white space: walk back over whole code points.
  std::size_t end = text.size();
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t length;
    const char32_t cp = utf8::decode(text, start, length);
    if (start + length != end || !is_space_cp(cp)) break;
    end = start;
  }
  text = text.substr(begin, end - begin);
  return begin;
}

// White-space runs collapsed to one space: the key of the exact-repeat rule.
std::string whitespace_key(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  bool space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    std::size_t length = 1;
    const bool is_space = byte < 0x80 ? (byte == ' ' || byte == '\t' || byte == '\n')
                                      : is_space_cp(utf8::decode(text, pos, length));
    if (is_space) {
      space = true;
    } else {
      if (space && !key.empty()) key += ' ';
      space = false;
      key.append(text.substr(pos, length));
    }
    pos += length;
  }
  return key;
}

// FNV-1a hashes of the words of `text` (as words_of() splits and folds them), without
// building the words: this runs over every byte of every article.
std::vector<std::uint64_t> word_hashes(std::string_view text) {
  constexpr std::uint64_t kBasis = 1469598103934665603ull;
  constexpr std::uint64_t kPrime = 1099511628211ull;
  std::vector<std::uint64_t> hashes;
  std::uint64_t hash = kBasis;
  bool in_word = false;
  const auto add_byte = [&](unsigned char byte) { hash = (hash ^ byte) * kPrime; };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    std::size_t length = 1;
    bool word_char;
    if (byte < 0x80) {
      word_char = (byte >= '0' && byte <= '9') || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z');
      if (word_char) add_byte(static_cast<unsigned char>(std::tolower(byte)));
    } else {
      const char32_t cp = utf8::decode(text, pos, length);
      word_char = utf8::is_letter(cp) || utf8::is_digit(cp);
      if (word_char) {
        std::string folded;
        utf8::append(folded, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)));
        for (char c : folded) add_byte(static_cast<unsigned char>(c));
      }
    }
    if (!word_char && in_word) {
      hashes.push_back(hash);
      hash = kBasis;
    }
    in_word = word_char;
    pos += length;
  }
  if (in_word) hashes.push_back(hash);
  return hashes;
}

// Hashes of every run of kRepeatGram consecutive words.
std::vector<std::uint64_t> shingles(const std::vector<std::uint64_t>& hashes) {
  std::vector<std::uint64_t> out;
  if (hashes.size() < kRepeatGram) return out;
  out.reserve(hashes.size() - kRepeatGram + 1);
  for (std::size_t i = 0; i + kRepeatGram <= hashes.size(); ++i) {
    std::uint64_t hash = 0;
    for (std::size_t j = 0; j < kRepeatGram; ++j) hash = hash * 0x9E3779B97F4A7C15ull + hashes[i + j] + j;
    out.push_back(hash);
  }
  return out;
}

// Cuts `text` to at most `max_bytes`, at a code point boundary, preferring a space.
void cut_at_boundary(std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  const auto space = text.rfind(' ', end);
  if (space != std::string::npos && space > end / 2) end = space;
  text.resize(end);
}

}  // namespace

bool is_boilerplate(std::string_view paragraph) {
  if (!has_letter_or_digit(paragraph)) return true;
  if (paragraph.size() > 160) return false;
  const std::size_t words = word_count(paragraph);
  if (words <= 8 && !ends_with_sentence_mark(paragraph)) {
    std::vector<std::string> key_words = words_of(paragraph);
    // A count before the words ("0 Comments", "12 shares") is part of the furniture.
    if (key_words.size() > 1 && std::all_of(key_words[0].begin(), key_words[0].end(),
                                            [](char c) { return c >= '0' && c <= '9'; })) {
      key_words.erase(key_words.begin());
    }
    const std::string key = join(key_words);
    if (std::find(std::begin(kBoilerplate), std::end(kBoilerplate), key) != std::end(kBoilerplate)) return true;
  }
  if (words <= 12) {
    std::string lowered(paragraph.substr(0, 32));
    for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view prefix : kBoilerplatePrefixes) {
      if (lowered.compare(0, prefix.size(), prefix) == 0) return true;
    }
  }
  if (paragraph.size() <= 100 && paragraph.find('|') != std::string_view::npos) {
    std::size_t segments = 0;
    std::size_t pos = 0;
    bool all_short = true;
    while (pos <= paragraph.size()) {
      auto end = paragraph.find('|', pos);
      if (end == std::string_view::npos) end = paragraph.size();
      const std::string_view segment = paragraph.substr(pos, end - pos);
      if (word_count(segment) > 6 || ends_with_sentence_mark(segment)) all_short = false;
      ++segments;
      pos = end + 1;
    }
    if (all_short && segments >= 2) return true;
  }
  return false;
}

CleanedText clean_paragraphs(std::vector<Paragraph> paragraphs, const CleanOptions& options) {
  CleanedText out;
  std::unordered_set<std::string> seen;
  std::unordered_set<std::uint64_t> seen_shingles;
  std::size_t indexed_words = 0;
  std::size_t kept = 0;
  for (auto& paragraph : paragraphs) {
    std::string text = sanitize_paragraph(paragraph.text);
    const std::size_t cut = trim_paragraph(text);
    if (text.empty()) continue;
    if (is_boilerplate(text)) {
      ++out.dropped_boilerplate;
      continue;
    }
    if (options.drop_dateline && out.dateline.empty() && kept < kDatelineSearch && text.size() <= 48) {
      std::string date = normalize_date(text, /*alone=*/true);
      if (!date.empty()) {
        out.dateline = std::move(date);
        continue;
      }
    }
    std::string key = whitespace_key(text);
    if (!seen.insert(std::move(key)).second) {
      ++out.dropped_repeats;
      continue;
    }
    const std::vector<std::uint64_t> words = word_hashes(text);
    const std::vector<std::uint64_t> grams = shingles(words);
    if (words.size() >= kPullQuoteMinWords && words.size() <= kPullQuoteMaxWords) {
      const auto known = static_cast<std::size_t>(std::count_if(
          grams.begin(), grams.end(), [&](std::uint64_t gram) { return seen_shingles.count(gram) != 0; }));
      if ((grams.size() - known) * kRepeatOneNewIn <= grams.size()) {
        ++out.dropped_repeats;
        continue;
      }
    }
    // The index is bounded (memory); past the bound, only exact repeats are found.
    const std::size_t budget = indexed_words < kMaxIndexedWords ? kMaxIndexedWords - indexed_words : 0;
    const std::size_t take = std::min(budget, grams.size());
    seen_shingles.insert(grams.begin(), grams.begin() + static_cast<std::ptrdiff_t>(take));
    indexed_words += take;

    const std::size_t separator = out.text.empty() ? 0 : 2;
    if (out.text.size() + separator + text.size() > options.max_text_bytes) {
      out.truncated = true;
      if (!out.text.empty()) break;
      cut_at_boundary(text, options.max_text_bytes);  // even the first paragraph is too large
    }
    if (separator) out.text += "\n\n";
    out.source_map.push_back({out.text.size(), paragraph.source_offset + cut});
    if (out.title.empty()) out.title = text;
    out.text += text;
    ++kept;
    if (out.truncated) break;
  }
  return out;
}

}  // namespace newsgraph::ingest
