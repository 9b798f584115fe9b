// ptb_form: a table of tokens and their Penn Treebank forms.
#include "tokenize/normalize.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace newsgraph;

TEST_CASE("ptb_form maps curly quotes, dashes and ellipses to their PTB forms", "[tokenize]") {
  struct Case {
    std::string token;
    std::string form;
  };
  const Case cases[] = {
      {"’s", "'s"},
      {"’S", "'S"},
      {"n’t", "n't"},
      {"O’Brien", "O'Brien"},
      {"‘", "'"},
      {"’", "'"},
      {"‚", "'"},
      {"“", "\""},
      {"”", "\""},
      {"„", "\""},
      {"«", "\""},
      {"»", "\""},
      {"–", "--"},
      {"—", "--"},
      {"―", "--"},
      {"1990–1995", "1990-1995"},
      {"6–4", "6-4"},
      {"Trump–Putin", "Trump-Putin"},
      {"German‑born", "German-born"},
      {"−5", "-5"},
      {"…", "..."},
      {"Witk\u00ADoff", "Witkoff"},
      {"\u00AD", ""},
      {"Trumpʼs", "Trump's"},
      {"´s", "'s"},
  };
  std::string buffer;
  for (const Case& c : cases) {
    INFO("token: " << c.token);
    CHECK(ptb_form(c.token, buffer) == c.form);
  }
}

TEST_CASE("ptb_form returns an unchanged token without copying it", "[tokenize]") {
  const std::string tokens[] = {"Trump", "'s",   "n't",   "``",    "''", "\"",          "--",
                                "...",   "U.S.", "Λάιεν", "Путин", "€",  "👩‍🔬", ""};
  std::string buffer = "untouched";
  for (const std::string& token : tokens) {
    INFO("token: " << token);
    const std::string_view form = ptb_form(token, buffer);
    CHECK(form == token);
    CHECK(form.data() == token.data());
  }
  CHECK(buffer == "untouched");
}

TEST_CASE("ptb_form reuses one buffer across calls", "[tokenize]") {
  std::string buffer;
  const std::string first = "“";
  const std::string second = "Zelensky’s";
  CHECK(std::string(ptb_form(first, buffer)) == "\"");
  CHECK(ptb_form(second, buffer) == "Zelensky's");
  CHECK(buffer == "Zelensky's");
}
