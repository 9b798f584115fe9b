#include "nlp/conllu/conllu.hpp"

#include <catch2/catch.hpp>

using namespace newsgraph::conllu;

namespace {
// Hand-written, in the shape of UD English EWT (not taken from it).
constexpr std::string_view kSample =
    "# newdoc id = test-1\n"
    "# sent_id = test-1-0001\n"
    "# text = They don't like long-term plans.\n"
    "1\tThey\tthey\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tlike\tlike\tVERB\tVB\t_\t0\troot\t0:root\t_\n"
    "5\tlong\tlong\tADJ\tJJ\t_\t7\tamod\t7:amod\tSpaceAfter=No\n"
    "6\t-\t-\tPUNCT\tHYPH\t_\t7\tpunct\t7:punct\tSpaceAfter=No\n"
    "7\tterm\tterm\tNOUN\tNN\t_\t8\tcompound\t8:compound\t_\n"
    "7.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t4:conj\t_\n"
    "8\tplans\tplan\tNOUN\tNNS\t_\t4\tobj\t4:obj\tSpaceAfter=No\n"
    "9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "# sent_id = test-1-0002\n"
    "# text = Won't!\n"
    "1-2\tWon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
    "1\tWo\twill\tAUX\tMD\t_\t0\troot\t0:root\t_\n"
    "2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t1:advmod\t_\n"
    "3\t!\t!\tPUNCT\t.\t_\t1\tpunct\t1:punct\t_\n";
}  // namespace

TEST_CASE("conllu reader keeps syntactic words, multiword tokens and SpaceAfter", "[conllu]") {
  auto result = parse_conllu(kSample, "sample.conllu");
  REQUIRE(result);
  const auto& sentences = *result;
  REQUIRE(sentences.size() == 2);
  const auto& s = sentences[0];
  CHECK(s.id == "test-1-0001");
  CHECK(s.text == "They don't like long-term plans.");
  CHECK(s.line == 4);
  REQUIRE(s.words.size() == 9);  // the empty node 7.1 is skipped
  CHECK(s.words[1].form == "do");
  CHECK(s.words[1].xpos == "VBP");
  CHECK(s.words[1].head == 4);
  CHECK(s.words[2].deprel == "advmod");
  CHECK(s.words[0].feats == "Case=Nom");
  CHECK(s.words[1].space_after == false);  // inside "don't"
  CHECK(s.words[2].space_after == true);
  CHECK(s.words[4].space_after == false);  // long-
  CHECK(s.words[6].space_after == true);
  REQUIRE(s.tokens.size() == 8);
  CHECK(s.tokens[1].form == "don't");
  CHECK(s.tokens[1].first_word == 1);
  CHECK(s.tokens[1].end_word == 3);
  CHECK(s.words[2].token == 1);
  CHECK(s.words[3].token == 2);
  const auto& t = sentences[1];
  CHECK(t.words.size() == 3);
  CHECK(t.words[1].space_after == false);  // the multiword token "Won't" has SpaceAfter=No
  CHECK(t.tokens[0].space_after == false);
}

TEST_CASE("conllu reader errors name file and line", "[conllu]") {
  struct Case {
    std::string text, fragment;
  };
  const Case cases[] = {
      {"1\tA\ta\tX\tX\t_\t0\troot\n", "bad.conllu:1: expected 10 tab-separated fields, got 8"},
      {"1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n", "bad.conllu:2: word ID 3 out of order"},
      {"1\tA\ta\tX\tX\t_\tzero\troot\t_\t_\n", "bad.conllu:1: bad HEAD 'zero'"},
      {"1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n\n", "HEAD 5 is not a word"},
      {"1-2\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n\n", "multiword token runs past"},
  };
  for (const auto& c : cases) {
    auto result = parse_conllu(c.text, "bad.conllu");
    REQUIRE_FALSE(result);
    INFO(result.status().message());
    CHECK(result.status().message().find(c.fragment) != std::string::npos);
  }
  auto missing = read_conllu("/nonexistent/x.conllu");
  REQUIRE_FALSE(missing);
  CHECK(missing.status().message().find("/nonexistent/x.conllu") == 0);
}
