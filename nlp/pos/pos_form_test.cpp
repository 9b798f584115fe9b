#include "nlp/pos/pos_form.hpp"

#include <catch2/catch.hpp>

using namespace newsgraph;
using namespace newsgraph::pos;

TEST_CASE("pos_form maps curly quotes, dashes and ellipses to their PTB forms", "[pos]") {
  std::string buffer;
  CHECK(pos_form("plain", buffer) == "plain");
  CHECK(pos_form("\u2019s", buffer) == "'s");
  CHECK(pos_form("n\u2019t", buffer) == "n't");
  CHECK(pos_form("O\u2019Brien", buffer) == "O'Brien");
  CHECK(pos_form("\u201c", buffer) == "\"");
  CHECK(pos_form("\u201d", buffer) == "\"");
  CHECK(pos_form("\u2014", buffer) == "--");
  CHECK(pos_form("1990\u20131995", buffer) == "1990-1995");
  CHECK(pos_form("\u2026", buffer) == "...");
  CHECK(pos_form("caf\u00e9", buffer) == "caf\u00e9");
}

TEST_CASE("treebank hyphen splits written without spaces are re-joined with the last part's tag", "[pos]") {
  conllu::TreebankSentence sent;
  auto word = [&](const char* form, const char* xpos, bool space_after) {
    conllu::TreebankWord w;
    w.form = form;
    w.xpos = xpos;
    w.space_after = space_after;
    sent.words.push_back(w);
  };
  word("a", "DT", true);
  word("long", "JJ", false);
  word("-", "HYPH", false);
  word("term", "NN", true);
  word("plan", "NN", true);
  word("-", ":", true);  // spaced dash: kept
  word("state", "NN", false);
  word("-", "HYPH", false);
  word("of", "IN", false);
  word("-", "HYPH", false);
  word("art", "NN", true);
  const auto joined = to_tagged({sent}, TreebankTokens::kRejoinedHyphens);
  REQUIRE(joined.size() == 1);
  CHECK(joined[0].words == std::vector<std::string>{"a", "long-term", "plan", "-", "state-of-art"});
  CHECK(joined[0].tags == std::vector<std::string>{"DT", "NN", "NN", ":", "NN"});
  const auto raw = to_tagged({sent}, TreebankTokens::kWords);
  CHECK(raw[0].words.size() == 11);
}
