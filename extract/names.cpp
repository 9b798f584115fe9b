#include "extract/names.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>
#include <unordered_set>

#include "core/utf8.hpp"

namespace newsgraph {
namespace {

bool is_word_char(char32_t cp) { return utf8::is_letter(cp) || utf8::is_digit(cp); }

}  // namespace

std::string name_key(std::string_view name) {
  // Fold case, drop combining marks, straighten apostrophes, keep letters, digits and inner
  // '-' / '.' / '\''; everything else separates words.
  std::u32string folded;
  if (std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    // ASCII (most tokens; extraction keys every token): NFKD leaves it as it is, it has no
    // combining marks and its case folding is A-Z to a-z, so ICU would give the same.
    folded.reserve(name.size());
    for (const char c : name) folded += static_cast<char32_t>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  } else {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    const icu::UnicodeString decomposed = nfkd->normalize(
        icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size()))), status);
    for (int32_t i = 0; i < decomposed.length();) {
      UChar32 cp = decomposed.char32At(i);
      i += U16_LENGTH(cp);
      if (u_getCombiningClass(cp) != 0 || u_charType(cp) == U_NON_SPACING_MARK) continue;
      if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) cp = '\'';
      folded += static_cast<char32_t>(u_foldCase(cp, U_FOLD_CASE_DEFAULT));
    }
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

// --- Name parts (issue 6) ---

namespace {

const std::unordered_set<std::string_view>& person_titles() {
  static const std::unordered_set<std::string_view> words = {
      "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "sir",
      "dame", "lord", "lady", "president", "vice-president", "chancellor", "vice-chancellor", "premier",
      "prime", "minister", "secretary", "secretary-general", "undersecretary", "under-secretary",
      "envoy", "ambassador", "senator", "sen", "sen.", "congressman", "congresswoman", "rep",
      "rep.", "representative", "governor", "gov", "gov.", "mayor", "king", "queen", "prince",
      "princess", "pope", "emperor", "empress", "sheikh", "emir", "ayatollah", "general", "gen",
      "gen.", "colonel", "col", "col.", "admiral", "adm", "captain", "capt", "capt.", "lieutenant",
      "lt", "lt.", "sergeant", "sgt", "major", "marshal", "commander", "judge", "justice",
      "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chairperson",
      "ceo", "cfo", "coo", "archbishop", "bishop", "cardinal", "father", "rev", "rev.",
      "reverend", "rabbi", "imam", "mp", "mep", "adviser", "advisor", "aide", "diplomat",
      "negotiator", "mufti", "saint", "st", "sultan", "tsar", "czar", "crown", "dep", "deputy",
      "foreign", "defence", "defense", "interior", "finance", "economy", "trade", "health",
      "justice", "state", "special", "chief", "head", "leader", "director", "director-general",
      "commissioner", "coach", "manager", "founder", "co-founder", "owner", "mrs", "messrs",
      "attorney", "attorney-general", "solicitor", "solicitor-general", "inspector", "officer",
      "agent", "detective", "speaker", "mayor-elect", "president-elect",
      "acting", "former", "ex", "late", "undersecretaries", "envoys", "presidents", "ministers",
      "senior", "top", "chief-executive", "executive", "vice", "assistant", "national",
      "lawmaker", "legislator", "premier", "dictator",
      "counsellor", "counselor", "secretary-of-state", "hon", "hon.", "honourable",
      "honorable", "excellency", "majesty", "highness"};
  return words;
}

// Titles that by themselves say the bearer is a person (a subset of the words above).
const std::unordered_set<std::string_view>& strong_person_titles() {
  static const std::unordered_set<std::string_view> words = {
      "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame",
      "president", "chancellor", "premier", "envoy", "ambassador", "senator", "sen", "sen.",
      "congressman", "congresswoman", "governor", "gov.", "mayor", "king", "queen", "prince",
      "princess", "pope", "sheikh", "emir", "ayatollah", "gen.", "colonel", "admiral", "captain",
      "lieutenant", "sergeant", "judge", "spokesman", "spokeswoman", "spokesperson", "chairman",
      "chairwoman", "archbishop", "bishop", "cardinal", "rev.", "reverend", "rabbi", "imam",
      "secretary-general", "minister", "mp", "mep", "undersecretary", "president-elect"};
  return words;
}

const std::unordered_set<std::string_view>& organization_words() {
  static const std::unordered_set<std::string_view> words = {
      "ministry", "department", "fund", "party", "council", "commission", "bank", "agency",
      "inc", "inc.", "corp", "corp.", "corporation", "company", "co", "co.", "ltd", "ltd.",
      "llc", "plc", "gmbh", "ag", "sa", "spa", "university", "college", "school", "embassy",
      "committee", "union", "organization", "organisation", "court", "institute", "institution",
      "group", "news", "times", "post", "journal", "association", "federation", "foundation",
      "society", "league", "alliance", "army", "navy", "force", "forces", "police", "office",
      "administration", "government", "parliament", "congress", "senate", "assembly", "board",
      "authority", "service", "services", "network", "channel", "press", "agency", "tribunal",
      "church", "movement", "front", "brigade", "brigades", "centre", "center", "club",
      "airlines", "airways", "motors", "holdings", "industries", "group", "reuters", "bureau",
      "directorate", "secretariat", "cabinet", "municipality", "coalition", "council", "fed"};
  return words;
}

const std::unordered_set<std::string_view>& initial_skip_words() {
  static const std::unordered_set<std::string_view> words = {"of", "and", "the", "for", "de", "du", "des",
                                                              "la", "le", "del", "di", "on", "in", "&", "und", "a"};
  return words;
}

std::u32string to_u32(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 0;
    out += utf8::decode(text, i, length);
    i += length;
  }
  return out;
}

}  // namespace

bool is_title_word(std::string_view key_word) { return person_titles().count(key_word) > 0; }
bool is_person_title(std::string_view key_word) { return strong_person_titles().count(key_word) > 0; }
bool is_organization_word(std::string_view key_word) { return organization_words().count(key_word) > 0; }

std::vector<std::string> key_words(std::string_view name) {
  const std::string key = name_key(name);
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < key.size()) {
    std::size_t space = key.find(' ', start);
    if (space == std::string::npos) space = key.size();
    if (space > start) words.emplace_back(key.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

std::vector<std::string> strip_titles(const std::vector<std::string>& words) {
  std::size_t first = 0;
  while (first < words.size() && (words[first] == "the" || is_title_word(words[first]))) ++first;
  return std::vector<std::string>(words.begin() + static_cast<std::ptrdiff_t>(first), words.end());
}

bool is_acronym(std::string_view name) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    } else if (c == '.' || (c == '&' && i > 0)) {
      continue;
    } else {
      return false;
    }
  }
  return letters >= 2 && letters <= 8;
}

std::string acronym_letters(std::string_view name) {
  std::string out;
  for (char c : name)
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string initials(const std::vector<std::string>& words) {
  std::string out;
  std::size_t counted = 0;
  for (const std::string& word : words) {
    if (initial_skip_words().count(word)) continue;
    const std::string ascii = ascii_fold(word);
    // Hyphenated words give one letter per part ("Al-Qaeda" stays one word: its first letter).
    if (!ascii.empty() && ascii[0] >= 'a' && ascii[0] <= 'z') out += ascii[0];
    ++counted;
  }
  return counted >= 2 ? out : std::string();
}

std::string ascii_fold(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out(text);  // ASCII already: only the case to fold, no transliterator needed
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  thread_local std::unique_ptr<icu::Transliterator> to_ascii = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (to_ascii) to_ascii->transliterate(unicode);
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

std::string phonetic_key(std::string_view word) {
  const std::string ascii = ascii_fold(word);
  const auto code = [](char c) -> char {
    switch (c) {
      case 'b': case 'f': case 'p': case 'v': case 'w': return '1';
      case 'c': case 'g': case 'j': case 'k': case 'q': case 's': case 'x': case 'z': return '2';
      case 'd': case 't': return '3';
      case 'l': return '4';
      case 'm': case 'n': return '5';
      case 'r': return '6';
      case 'h': return 'h';
      default: return '0';  // vowels and y
    }
  };
  std::string key;
  char last = 0;
  for (char c : ascii) {
    if (c < 'a' || c > 'z') continue;
    const char digit = code(c);
    if (key.empty()) {
      key += static_cast<char>(c - 'a' + 'A');
      last = digit;
      continue;
    }
    if (digit == 'h') continue;  // h separates nothing, as in Soundex
    if (digit != '0' && digit != last) key += digit;
    last = digit;
  }
  return key;
}

std::size_t edit_distance(std::string_view a_text, std::string_view b_text, std::size_t bound) {
  const std::u32string a = to_u32(a_text);
  const std::u32string b = to_u32(b_text);
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > bound) return bound + 1;
  std::vector<std::size_t> two_back(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], two_back[j - 2] + 1);
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > bound) return bound + 1;
    std::swap(two_back, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], bound + 1);
}

std::size_t spelling_bound(std::size_t length) { return length < 6 ? 0 : length < 9 ? 1 : 2; }

std::string spelling_skeleton(std::string_view word) {
  const std::string ascii = ascii_fold(word);
  std::string letters;
  for (std::size_t i = 0; i < ascii.size(); ++i) {
    char c = ascii[i];
    if (c < 'a' || c > 'z') continue;
    const char next = i + 1 < ascii.size() ? ascii[i + 1] : 0;
    if (c == 'p' && next == 'h') {
      c = 'f';
      ++i;
    } else if (c == 'c' && next == 'k') {
      c = 'k';
      ++i;
    } else if (c == 'v') {
      c = 'f';
    }
    if (letters.empty() || letters.back() != c) letters += c;  // doubled letters count once
  }
  return letters;
}

bool vowel_substitutions_only(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a == b) return false;
  const auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i] && !(vowel(a[i]) && vowel(b[i]))) return false;
  return true;
}

bool spelling_variants(std::string_view a, std::string_view b, std::size_t* distance) {
  const std::string sa = spelling_skeleton(a), sb = spelling_skeleton(b);
  const std::size_t length = std::min(to_u32(a).size(), to_u32(b).size());
  const std::size_t bound = spelling_bound(length);
  const std::size_t d = sa == sb ? 0 : edit_distance(sa, sb, bound);
  if (distance) *distance = d;
  if (d > bound) return false;
  // Names that differ only in a vowel ("Müller" / "Möller") are different names unless long.
  if (length < 9 && vowel_substitutions_only(sa, sb)) return false;
  return true;
}

bool compatible_given_names(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const std::string fa = ascii_fold(a), fb = ascii_fold(b);
  if (fa == fb) return true;
  const auto is_initial = [](const std::string& x) { return x.size() == 1 || (x.size() == 2 && x[1] == '.'); };
  if ((is_initial(fa) || is_initial(fb)) && !fa.empty() && !fb.empty()) return fa[0] == fb[0];
  return spelling_variants(fa, fb, nullptr);
}

}  // namespace newsgraph
