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
