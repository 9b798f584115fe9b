#include "extract/lexicon.hpp"

#include <catch2/catch.hpp>

using namespace newsgraph;

TEST_CASE("NameLexicon::builtin folds country short forms and knows demonyms", "[extract]") {
  const NameLexicon& lexicon = NameLexicon::builtin();
  CHECK(lexicon.canonical_place("u.s") == "United States");
  CHECK(lexicon.canonical_place("usa") == "United States");
  CHECK(lexicon.canonical_place("britain") == "United Kingdom");
  CHECK(lexicon.canonical_place("france").empty());
  CHECK(lexicon.demonym_place("russian") == "Russia");
  CHECK(lexicon.is_country("jordan"));
  CHECK(lexicon.is_country("u.s"));
  CHECK_FALSE(lexicon.is_country("paris"));
}

TEST_CASE("NameLexicon reads gazetteer rows, keeping the first demonym link and one-word cities apart", "[extract]") {
  NameLexicon lexicon = NameLexicon::builtin();
  const Status status = lexicon.add_gazetteer_tsv(
      "# comment\n"
      "Ruritanian\tMISC.demonym\tsrc\tRuritania\n"
      "American\tMISC.demonym\tsrc\tGuam\n"
      "Ruritania\tLOC.country\tsrc\t\n"
      "Strelsau\tLOC.city\tsrc\t\n"
      "Zenda Castle\tLOC.city\tsrc\t\n"
      "Hentzau\tPER.last\tsrc\t\n"
      "Ruritanian Rail\tORG.wn\tsrc\t\n",
      "test.tsv");
  REQUIRE(status.is_ok());
  CHECK(lexicon.demonym_place("ruritanian") == "Ruritania");
  CHECK(lexicon.demonym_place("american") == "United States");  // the built-in link stays
  CHECK(lexicon.is_country("ruritania"));
  CHECK(lexicon.is_known_place("zenda castle"));
  CHECK_FALSE(lexicon.is_known_place("strelsau"));  // one-word city names collide with surnames
  CHECK(lexicon.is_any_place_name("strelsau"));
  CHECK(lexicon.is_surname("hentzau"));
  CHECK(lexicon.is_known_organization("ruritanian rail"));
  CHECK_FALSE(lexicon.add_gazetteer_tsv("no type here\n", "bad.tsv").is_ok());
}
