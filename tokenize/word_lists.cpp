#include "tokenize/word_lists.hpp"

#include <array>
#include <cstddef>

#include "core/utf8.hpp"

namespace newsgraph::tokenize_detail {
namespace {

struct Abbreviation {
  std::string_view word;
  AbbreviationKind kind;
};

constexpr AbbreviationKind N = AbbreviationKind::kNeverEnds;
constexpr AbbreviationKind M = AbbreviationKind::kMayEnd;

// Titles, name and number prefixes (never end a sentence), then abbreviations that often
// close one: company suffixes, generational suffixes, AP-style US state names, "etc.".
constexpr std::array kAbbreviations = {
    Abbreviation{"Mr", N},   Abbreviation{"Mrs", N},  Abbreviation{"Ms", N},   Abbreviation{"Messrs", N},
    Abbreviation{"Mme", N},  Abbreviation{"Dr", N},   Abbreviation{"Prof", N}, Abbreviation{"Gen", N},
    Abbreviation{"Col", N},  Abbreviation{"Lt", N},   Abbreviation{"Sgt", N},  Abbreviation{"Cpl", N},
    Abbreviation{"Pvt", N},  Abbreviation{"Capt", N}, Abbreviation{"Cmdr", N}, Abbreviation{"Adm", N},
    Abbreviation{"Maj", N},  Abbreviation{"Brig", N}, Abbreviation{"Rep", N},  Abbreviation{"Reps", N},
    Abbreviation{"Sen", N},  Abbreviation{"Sens", N}, Abbreviation{"Gov", N},  Abbreviation{"Atty", N},
    Abbreviation{"Supt", N}, Abbreviation{"Insp", N}, Abbreviation{"Det", N},  Abbreviation{"Rev", N},
    Abbreviation{"Hon", N},  Abbreviation{"Pres", N}, Abbreviation{"Amb", N},  Abbreviation{"Fr", N},
    Abbreviation{"St", N},   Abbreviation{"Mt", N},   Abbreviation{"Ft", N},   Abbreviation{"No", N},
    Abbreviation{"Nos", N},  Abbreviation{"vs", N},   Abbreviation{"v", N},    Abbreviation{"Jan", N},
    Abbreviation{"Feb", N},  Abbreviation{"Mar", N},  Abbreviation{"Apr", N},  Abbreviation{"Jun", N},
    Abbreviation{"Jul", N},  Abbreviation{"Aug", N},  Abbreviation{"Sep", N},  Abbreviation{"Sept", N},
    Abbreviation{"Oct", N},  Abbreviation{"Nov", N},  Abbreviation{"Dec", N},  Abbreviation{"Inc", M},
    Abbreviation{"Corp", M}, Abbreviation{"Ltd", M},  Abbreviation{"Co", M},   Abbreviation{"Cos", M},
    Abbreviation{"Bros", M}, Abbreviation{"Jr", M},   Abbreviation{"Sr", M},   Abbreviation{"etc", M},
    Abbreviation{"al", M},   Abbreviation{"Dept", M}, Abbreviation{"Univ", M}, Abbreviation{"Assn", M},
    Abbreviation{"Ave", M},  Abbreviation{"Blvd", M}, Abbreviation{"Rd", M},   Abbreviation{"approx", M},
    Abbreviation{"Ala", M},  Abbreviation{"Ariz", M}, Abbreviation{"Ark", M},  Abbreviation{"Calif", M},
    Abbreviation{"Colo", M}, Abbreviation{"Conn", M}, Abbreviation{"Del", M},  Abbreviation{"Fla", M},
    Abbreviation{"Ga", M},   Abbreviation{"Ill", M},  Abbreviation{"Ind", M},  Abbreviation{"Kan", M},
    Abbreviation{"Kans", M}, Abbreviation{"Ky", M},   Abbreviation{"La", M},   Abbreviation{"Md", M},
    Abbreviation{"Mass", M}, Abbreviation{"Mich", M}, Abbreviation{"Minn", M}, Abbreviation{"Miss", M},
    Abbreviation{"Mo", M},   Abbreviation{"Mont", M}, Abbreviation{"Neb", M},  Abbreviation{"Nev", M},
    Abbreviation{"Okla", M}, Abbreviation{"Ore", M},  Abbreviation{"Pa", M},   Abbreviation{"Tenn", M},
    Abbreviation{"Tex", M},  Abbreviation{"Va", M},   Abbreviation{"Vt", M},   Abbreviation{"Wash", M},
    Abbreviation{"Wis", M},  Abbreviation{"Wyo", M},
};

constexpr std::string_view kSentenceOpeners[] = {
    "A",       "According", "After",   "Also",   "Although", "Among", "An",    "And",     "Another",   "As",
    "Asked",   "At",        "Because", "Before", "Both",     "But",   "By",    "Despite", "During",    "Each",
    "Earlier", "Even",      "Every",   "For",    "From",     "He",    "Her",   "Here",    "His",       "How",
    "However", "I",         "If",      "In",     "It",       "Its",   "Last",  "Later",   "Many",      "Meanwhile",
    "More",    "Most",      "Much",    "My",     "Neither",  "Nor",   "Not",   "Now",     "Officials", "On",
    "One",     "Only",      "Or",      "Other",  "Others",   "Our",   "She",   "Since",   "So",        "Some",
    "Still",   "Such",      "That",    "The",    "Their",    "Then",  "There", "These",   "They",      "This",
    "Those",   "Though",    "Thus",    "To",     "Under",    "Until", "We",    "What",    "When",      "Where",
    "While",   "Who",       "Why",
};

constexpr std::string_view kReportingVerbs[] = {
    "acknowledged", "added",     "admitted",  "announced", "answered", "argued",    "asked",     "asks",     "claimed",
    "commented",    "concluded", "continued", "cried",     "declared", "exclaimed", "explained", "insisted", "noted",
    "posted",       "quipped",   "recalled",  "remarked",  "replied",  "responded", "said",      "says",     "shouted",
    "stated",       "tells",     "told",      "tweeted",   "warned",   "wrote",     "writes",    "yelled",
};

char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool is_ascii_upper_word(std::string_view word) {
  for (char c : word) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

bool equals_in_capitals(std::string_view word, std::string_view entry) {
  if (word.size() != entry.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] != ascii_upper(entry[i])) return false;
  }
  return true;
}

// "U.S", "a.m", "Ph.D", "E.U": two or more groups of one or two letters joined by periods.
bool is_dotted_letters(std::string_view word) {
  std::size_t groups = 0;
  std::size_t letters_in_group = 0;
  std::size_t pos = 0;
  while (pos < word.size()) {
    if (word[pos] == '.') {
      if (letters_in_group == 0) return false;
      ++groups;
      letters_in_group = 0;
      ++pos;
      continue;
    }
    std::size_t length;
    const char32_t cp = utf8::decode(word, pos, length);
    if (!utf8::is_letter(cp) || ++letters_in_group > 2) return false;
    pos += length;
  }
  if (letters_in_group == 0) return false;
  return groups + 1 >= 2;
}

}  // namespace

AbbreviationKind abbreviation_kind(std::string_view word) {
  // The part after the last hyphen (ASCII, U+2010 or U+2011).
  for (std::size_t i = word.size(); i-- > 0;) {
    if (word[i] == '-' || (i >= 2 && word.substr(i - 2, 2) == "\xE2\x80" && (word[i] == '\x90' || word[i] == '\x91'))) {
      word.remove_prefix(i + 1);
      break;
    }
  }
  if (word.empty()) return AbbreviationKind::kNone;
  const bool capitals = word.size() >= 3 && is_ascii_upper_word(word);
  for (const Abbreviation& entry : kAbbreviations) {
    if (word == entry.word || (capitals && equals_in_capitals(word, entry.word))) return entry.kind;
  }
  // "I." is more often the pronoun or a Roman numeral ("World War I.") than an initial.
  if (word == "I") return AbbreviationKind::kMayEnd;
  std::size_t length;
  const char32_t first = utf8::decode(word, 0, length);
  if (length == word.size()) {
    return utf8::is_upper(first) ? AbbreviationKind::kNeverEnds : AbbreviationKind::kNone;
  }
  return is_dotted_letters(word) ? AbbreviationKind::kMayEnd : AbbreviationKind::kNone;
}

bool needs_number_after(std::string_view word) { return word == "No" || word == "Nos"; }

bool is_sentence_opener(std::string_view word) {
  for (std::string_view opener : kSentenceOpeners) {
    if (word == opener) return true;
  }
  return false;
}

bool is_reporting_verb(std::string_view word) {
  for (std::string_view verb : kReportingVerbs) {
    if (word == verb) return true;
  }
  return false;
}

}  // namespace newsgraph::tokenize_detail
