#include "extract/names.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

#include "core/utf8.hpp"

namespace newsgraph {
namespace {

bool is_word_char(char32_t cp) { return utf8::is_letter(cp) || utf8::is_digit(cp); }

}  // namespace

std::string name_key(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  const icu::UnicodeString decomposed =
      nfkd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size()))), status);
  // Fold case, drop combining marks, straighten apostrophes, keep letters, digits and inner
  // '-' / '.' / '\''; everything else separates words.
  std::u32string folded;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 cp = decomposed.char32At(i);
    i += U16_LENGTH(cp);
    if (u_getCombiningClass(cp) != 0 || u_charType(cp) == U_NON_SPACING_MARK) continue;
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) cp = '\'';
    folded += static_cast<char32_t>(u_foldCase(cp, U_FOLD_CASE_DEFAULT));
  }
  std::string out;
  std::u32string word;
  const auto flush = [&] {
    while (!word.empty() && !is_word_char(word.back())) word.pop_back();
    if (word.size() >= 2 && word.substr(word.size() - 2) == U"'s") word.resize(word.size() - 2);
    while (!word.empty() && !is_word_char(word.back())) word.pop_back();
    if (!word.empty()) {
      if (!out.empty()) out += ' ';
      for (char32_t cp : word) utf8::append(out, cp);
    }
    word.clear();
  };
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char32_t cp = folded[i];
    const bool inner = (cp == '-' || cp == '.' || cp == '\'') && !word.empty();
    if (is_word_char(cp) || inner) {
      word += cp;
    } else {
      flush();
    }
  }
  flush();
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

std::string name_slug(std::string_view name) {
  static std::unique_ptr<icu::Transliterator> to_ascii = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (to_ascii) to_ascii->transliterate(text);
  std::string ascii;
  text.toUTF8String(ascii);
  std::string slug;
  for (char c : ascii) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      slug += c;
    } else if (c >= 'A' && c <= 'Z') {
      slug += static_cast<char>(c - 'A' + 'a');
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "x" : slug;
}

}  // namespace newsgraph
