// Name keys: the normalised form under which two surface forms count as the same name.
// Used within an article (extract/) and across articles (merge/).
#pragma once

#include <string>
#include <string_view>

namespace newsgraph {

// NFKD with combining marks removed, case-folded, curly apostrophes straightened, a final
// possessive "'s" and a leading "the " dropped, punctuation other than inner hyphens and
// periods turned to spaces, spaces collapsed. "The Kremlin’s" -> "kremlin"; "Zelenskyy" stays.
// Thread-safe.
std::string name_key(std::string_view name);

// An id-safe slug (XML NMTOKEN characters only): transliterated to ASCII through ICU
// ("Any-Latin; Latin-ASCII"), lower case, runs of anything but [a-z0-9] turned into one '-'.
// "Steve Witkoff" -> "steve-witkoff"; "Ουκρανία" -> "oukrania". Never empty ("x" at worst).
// Not thread-safe (shares one ICU transliterator); call from one thread.
std::string name_slug(std::string_view name);

}  // namespace newsgraph

#include <cstddef>
#include <cstdint>
#include <vector>

namespace newsgraph {

// --- Name parts (issue 6): shared by in-article resolution and cross-article merging. ---

// True for a lower-case key word that is an honorific, a title or a role ("mr", "dr",
// "president", "secretary-general", "chancellor", "envoy", "spokesman", "foreign", ...):
// words that precede a name without being part of it.
bool is_title_word(std::string_view key_word);

// True for a lower-case key word that names a personal honorific or office held only by
// people ("mr", "mrs", "president", "chancellor", "senator", ...): a vote for Person.
bool is_person_title(std::string_view key_word);

// True for a lower-case key word that marks an organisation's name ("ministry", "fund",
// "party", "inc", "university", "administration", ...): a vote for Organization.
bool is_organization_word(std::string_view key_word);

// The words of name_key(name), split on spaces.
std::vector<std::string> key_words(std::string_view name);

// `words` without leading title words (and a leading "the"); empty when only titles remain.
// Meant for person names: "mr witkoff" -> "witkoff", "secretary-general mark rutte" ->
// "mark rutte".
std::vector<std::string> strip_titles(const std::vector<std::string>& words);

// True when `name` looks like an acronym: 2-8 letters, all upper case, optionally dotted
// ("NATO", "U.N.", "U.S."). Thread-safe.
bool is_acronym(std::string_view name);
// The acronym's letters, lower case, dots dropped: "U.N." -> "un".
std::string acronym_letters(std::string_view name);
// The initials of a multiword name's content words, lower case ("Russian Direct Investment
// Fund" -> "rdif"; "of", "and", "the", "for", "de" skipped); "" for fewer than two words.
std::string initials(const std::vector<std::string>& words);

// ASCII folding through ICU "Any-Latin; Latin-ASCII", lower case: "Ουκρανία" -> "oukrania",
// "Zelenskyy" stays. Thread-safe (one transliterator per thread).
std::string ascii_fold(std::string_view text);

// A Soundex-style phonetic key of one word (ASCII-folded first): "witkoff" and "witkov"
// -> "W321". Empty for a word with no letter.
std::string phonetic_key(std::string_view word);

// Optimal-string-alignment edit distance between two UTF-8 strings, counted in code points;
// returns `bound` + 1 as soon as the distance is known to exceed `bound`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound);

// The edit distance allowed between two spellings of a name word of `length` code points:
// 0 below 6, 1 for 6-8, 2 from 9 on.
std::size_t spelling_bound(std::size_t length);

// A word reduced for spelling comparison: ASCII-folded, "ph" -> "f", "ck" -> "k", "v" -> "f",
// doubled letters once ("Witkoff" and "Witkov" -> "witkof").
std::string spelling_skeleton(std::string_view word);

// True when two name words may be spellings of one name: their skeletons are within
// spelling_bound() of the shorter word's length (the distance goes to `distance` when not
// null), and, below 9 letters, they differ in more than a vowel ("Müller" / "Möller" do not).
bool spelling_variants(std::string_view a, std::string_view b, std::size_t* distance);

// True when two first names (key words) may denote the same person: equal, or one is the
// other's initial ("j" / "john"), or spelling_variants().
bool compatible_given_names(std::string_view a, std::string_view b);

}  // namespace newsgraph
