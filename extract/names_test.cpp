#include "extract/names.hpp"

#include <catch2/catch.hpp>

using namespace newsgraph;

TEST_CASE("name_key folds case, diacritics, possessives and a leading 'the'", "[extract]") {
  CHECK(name_key("The Kremlin’s") == "kremlin");
  CHECK(name_key("Zelenskyy") == "zelenskyy");
  CHECK(name_key("François  Hollande") == "francois hollande");
  CHECK(name_key("U.S.") == "u.s");
  CHECK(name_key("Jean-Claude Juncker's") == "jean-claude juncker");
  CHECK(name_key("«Gazprom»") == "gazprom");
  CHECK(name_key("ΟΥΚΡΑΝΙΑΣ") == name_key("Ουκρανιας"));
}

TEST_CASE("name_slug gives NMTOKEN-safe ASCII ids, transliterating other scripts", "[extract]") {
  CHECK(name_slug("Steve Witkoff") == "steve-witkoff");
  CHECK(name_slug("Ουκρανία") == "oukrania");
  CHECK(name_slug("Москва") == "moskva");
  CHECK(name_slug("A&B  Corp.") == "a-b-corp");
  CHECK(name_slug("!!!") == "x");
}

TEST_CASE("phonetic_key and spelling_variants accept spellings and refuse different names", "[extract]") {
  CHECK(phonetic_key("Gorbachev") == phonetic_key("Gorbachov"));
  CHECK(phonetic_key("Zhirinovsky") == phonetic_key("Zhirinovskiy"));
  CHECK(phonetic_key("Jong-un") != phonetic_key("Jong-il"));
  CHECK(spelling_skeleton("Primakoff") == spelling_skeleton("Primakov"));
  CHECK(spelling_variants("gorbachev", "gorbachov", nullptr));
  CHECK(spelling_variants("zhirinovsky", "zhirinovskiy", nullptr));
  CHECK_FALSE(spelling_variants("smith", "smyth", nullptr));     // under six letters: exact only
  CHECK_FALSE(spelling_variants("muller", "moller", nullptr));   // a lone vowel change
  CHECK_FALSE(spelling_variants("hassan", "hussein", nullptr));
  CHECK(edit_distance("abcdef", "abdcef", 3) == 1);              // a transposition counts once
  CHECK(edit_distance("a", "abcdefgh", 2) == 3);                 // bound + 1 past the bound
}

TEST_CASE("compatible_given_names takes initials and close spellings, not different names", "[extract]") {
  CHECK(compatible_given_names("j", "john"));
  CHECK(compatible_given_names("j.", "john"));
  CHECK_FALSE(compatible_given_names("h", "w"));
  CHECK_FALSE(compatible_given_names("john", "jane"));
  CHECK_FALSE(compatible_given_names("maria", "mario"));
}

TEST_CASE("strip_titles, is_acronym and initials read names the way news writes them", "[extract]") {
  CHECK(strip_titles(key_words("Mr. Halvorsen")) == std::vector<std::string>{"halvorsen"});
  CHECK(strip_titles(key_words("Secretary-General Ana Ruiz")) == std::vector<std::string>{"ana", "ruiz"});
  CHECK(is_acronym("NATO"));
  CHECK(is_acronym("U.N."));
  CHECK_FALSE(is_acronym("Nato"));
  CHECK_FALSE(is_acronym("A"));
  CHECK(acronym_letters("U.S.") == "us");
  CHECK(initials(key_words("Bank for International Settlements")) == "bis");
  CHECK(initials(key_words("Acme")).empty());
  CHECK(ascii_fold("Ελλάδα") == "ellada");
}
