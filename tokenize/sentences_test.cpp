// Sentence boundaries: tables of news-like text with the sentences they must give, the
// length cap, and the partition property over the samples.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tokenize/tokenize.hpp"

using namespace newsgraph;

namespace {

struct Case {
  std::string text;
  std::vector<std::string> sentences;
};

std::vector<std::string> sentence_strings(const std::string& text) {
  Document doc;
  doc.article.text = text;
  tokenize(doc);
  std::vector<std::string> out;
  for (const Sentence& sent : doc.sentences) {
    out.emplace_back(doc.span_text(sent.first_token, sent.end_token));
  }
  return out;
}

void check_table(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO("text: " << c.text);
    CHECK(sentence_strings(c.text) == c.sentences);
  }
}

// Sentences are non-empty, in order, and together hold every token exactly once.
void check_partition(const std::vector<Token>& tokens, const std::vector<Sentence>& sentences) {
  std::uint32_t next = 0;
  for (const Sentence& sent : sentences) {
    CHECK(sent.first_token == next);
    CHECK(sent.first_token < sent.end_token);
    CHECK(sent.end_token - sent.first_token <= kMaxSentenceTokens);
    next = sent.end_token;
  }
  CHECK(next == tokens.size());
}

}  // namespace

TEST_CASE("sentence splitter breaks after . ! ? before a capital, digit or quote", "[tokenize]") {
  check_table({
      {"The talks ended. Both sides left.", {"The talks ended.", "Both sides left."}},
      {"Is it over? No. Not yet! Maybe.", {"Is it over?", "No.", "Not yet!", "Maybe."}},
      {"Prices rose 5 percent. 20 people were hurt.", {"Prices rose 5 percent.", "20 people were hurt."}},
      {"He left. \"We will return,\" she said.", {"He left.", "\"We will return,\" she said."}},
      {"He left. “We will return,” she said.", {"He left.", "“We will return,” she said."}},
      {"Really?! Yes.", {"Really?!", "Yes."}},
      {"It was item 3. the rest followed", {"It was item 3. the rest followed"}},
      {"Growth was 3.5 percent in 2024. Inflation fell to 2.1.",
       {"Growth was 3.5 percent in 2024.", "Inflation fell to 2.1."}},
      {"He wrote (see below.) Then he left.", {"He wrote (see below.)", "Then he left."}},
  });
}

TEST_CASE("sentence splitter keeps 'Dr. Smith' and other titles in one sentence", "[tokenize]") {
  check_table({
      {"Dr. Smith arrived. He left.", {"Dr. Smith arrived.", "He left."}},
      {"Mr. and Mrs. Jones met Gen. Lee and Sen. Warren at St. Paul's.",
       {"Mr. and Mrs. Jones met Gen. Lee and Sen. Warren at St. Paul's."}},
      {"J. K. Rowling wrote it. The book sold.", {"J. K. Rowling wrote it.", "The book sold."}},
      {"Roe v. Wade was cited on Jan. 5 at No. 10 Downing Street.",
       {"Roe v. Wade was cited on Jan. 5 at No. 10 Downing Street."}},
      {"Prof. Ivanova and Lt. Col. Reyes spoke.", {"Prof. Ivanova and Lt. Col. Reyes spoke."}},
  });
}

TEST_CASE("sentence splitter ends at U.S., Inc. and the like only before a clear start", "[tokenize]") {
  check_table({
      {"The talks moved to the U.S. The next round is in May.",
       {"The talks moved to the U.S.", "The next round is in May."}},
      {"The U.S. Senate voted. It passed.", {"The U.S. Senate voted.", "It passed."}},
      {"The vote in the U.S. \"It is over,\" he said.", {"The vote in the U.S.", "\"It is over,\" he said."}},
      {"It closed at 5 p.m. Monday in New York.", {"It closed at 5 p.m. Monday in New York."}},
      {"Acme Inc. said profit rose.", {"Acme Inc. said profit rose."}},
      {"He joined Acme Inc. The firm grew.", {"He joined Acme Inc.", "The firm grew."}},
      {"They bought fuel, food, etc. But prices rose.", {"They bought fuel, food, etc.", "But prices rose."}},
      {"It was made in the U.S.\" Trump said so.", {"It was made in the U.S.\"", "Trump said so."}},
      {"The U.S.-led force withdrew. It was late.", {"The U.S.-led force withdrew.", "It was late."}},
      {"Michael Joyce (U.S.) 3-6 6-4", {"Michael Joyce (U.S.) 3-6 6-4"}},
      {"shares were at A$6.39 at 2.00 p.m. (0400 GMT) in a soft market.",
       {"shares were at A$6.39 at 2.00 p.m. (0400 GMT) in a soft market."}},
      {"It was the bloodiest war since World War I. The talks ended.",
       {"It was the bloodiest war since World War I.", "The talks ended."}},
  });
}

TEST_CASE("tokenize splits the period off an abbreviation that ends a sentence", "[tokenize]") {
  // CoNLL-2003 writes "... Lockhart Industries Inc ." and "... by the U.S ." at sentence end.
  struct TokenCase {
    std::string text;
    std::vector<std::string> tokens;
  };
  const TokenCase cases[] = {
      {"He joined Acme Inc. The firm grew.", {"He", "joined", "Acme", "Inc", ".", "The", "firm", "grew", "."}},
      {"Talks moved to the U.S.", {"Talks", "moved", "to", "the", "U.S", "."}},
      {"the U.S. Senate", {"the", "U.S.", "Senate"}},
      {"made in the U.S.\" Trump said so.", {"made", "in", "the", "U.S", ".", "\"", "Trump", "said", "so", "."}},
      {"PONTIAC, Mich.\nDr. Kevorkian said", {"PONTIAC", ",", "Mich", ".", "Dr.", "Kevorkian", "said"}},
      {"Key points:\n1.\n", {"Key", "points", ":", "1."}},
      {"Wait...", {"Wait", "..."}},
      {"Chris Woodruff (U.S.)", {"Chris", "Woodruff", "(", "U.S.", ")"}},
  };
  for (const TokenCase& c : cases) {
    INFO("text: " << c.text);
    Document doc;
    doc.article.text = c.text;
    tokenize(doc);
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) tokens.emplace_back(doc.token_text(i));
    CHECK(tokens == c.tokens);
    check_partition(doc.tokens, doc.sentences);
  }
}

TEST_CASE("sentence splitter keeps closing quotes and brackets with the sentence", "[tokenize]") {
  check_table({
      {"He said: \"It is over.\" Then he left.", {"He said: \"It is over.\"", "Then he left."}},
      {"“Stop!” she shouted. Nobody did.", {"“Stop!” she shouted.", "Nobody did."}},
      {"They agreed (in principle.) Talks resume.", {"They agreed (in principle.)", "Talks resume."}},
      {"“Is it over?” “No.”", {"“Is it over?”", "“No.”"}},
  });
}

TEST_CASE("sentence splitter keeps '\"Stop!\" Trump said' in one sentence", "[tokenize]") {
  check_table({
      {"“What a disaster!” Trump said Tuesday. Then he left.",
       {"“What a disaster!” Trump said Tuesday.", "Then he left."}},
      {"\"Is it over?\" Sky News asked. Nobody knew.", {"\"Is it over?\" Sky News asked.", "Nobody knew."}},
      {"“Stop!” The crowd dispersed.", {"“Stop!”", "The crowd dispersed."}},
      {"“It is over.” Trump said so.", {"“It is over.”", "Trump said so."}},
  });
}

TEST_CASE("sentence splitter breaks after an ellipsis only before a sentence start", "[tokenize]") {
  check_table({
      {"The adviser who … advises Russia left.", {"The adviser who … advises Russia left."}},
      {"He paused… Then he spoke.", {"He paused…", "Then he spoke."}},
      {"Wait... The end.", {"Wait...", "The end."}},
  });
}

TEST_CASE("sentence splitter breaks at every line and paragraph break", "[tokenize]") {
  check_table({
      {"Trump closes the doors\nBy Jane Doe\n\nThe talks ended. He left.",
       {"Trump closes the doors", "By Jane Doe", "The talks ended.", "He left."}},
      {"Key points:\n1. Talks resume.\n2. Sanctions stay.", {"Key points:", "1. Talks resume.", "2. Sanctions stay."}},
      {"line one\r\nline two\u2029line three", {"line one", "line two", "line three"}},
      {"a Mr.\nSmith", {"a Mr.", "Smith"}},
  });
}

TEST_CASE("sentence splitter handles Greek and Cyrillic", "[tokenize]") {
  check_table({
      {"Ο πρόεδρος μίλησε. Η συνάντηση έληξε.", {"Ο πρόεδρος μίλησε.", "Η συνάντηση έληξε."}},
      {"Путин выступил. Переговоры продолжатся в пятницу.", {"Путин выступил.", "Переговоры продолжатся в пятницу."}},
      {"Встреча В. Путина прошла.", {"Встреча В. Путина прошла."}},
      // From samples/004_*.txt: the Greek headline is one sentence.
      {"Ούρσουλα φον ντερ Λάιεν: Ο διαμελισμός της Ουκρανίας ανοίγει τον δρόμο σε πολέμους",
       {"Ούρσουλα φον ντερ Λάιεν: Ο διαμελισμός της Ουκρανίας ανοίγει τον δρόμο σε πολέμους"}},
  });
}

TEST_CASE("sentence splitter cuts a run-on sentence at kMaxSentenceTokens", "[tokenize]") {
  SECTION("after the last ';' or ',' in the second half of the allowance") {
    std::string text;
    for (int i = 0; i < 150; ++i) text += "alpha beta, ";  // 450 tokens, a comma every third
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    tokenize_text(text, tokens, sentences);
    REQUIRE(tokens.size() == 450);
    REQUIRE(sentences.size() == 3);
    CHECK(sentences[0].end_token == 198);  // the ',' at token 197 closes the first piece
    CHECK(sentences[1].end_token == 396);
    check_partition(tokens, sentences);
  }
  SECTION("preferring ';' to ','") {
    std::string text;
    for (int i = 0; i < 150; ++i) text += i == 40 ? "alpha beta; " : "alpha beta, ";
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    tokenize_text(text, tokens, sentences);
    REQUIRE(sentences.size() >= 2);
    CHECK(sentences[0].end_token == 123);  // the ';' at token 122
    check_partition(tokens, sentences);
  }
  SECTION("hard at the limit without punctuation") {
    std::string text;
    for (int i = 0; i < 450; ++i) text += "word ";
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    tokenize_text(text, tokens, sentences);
    REQUIRE(sentences.size() == 3);
    CHECK(sentences[0].end_token == kMaxSentenceTokens);
    CHECK(sentences[1].end_token == 2 * kMaxSentenceTokens);
    CHECK(sentences[2].end_token == 450);
  }
}

TEST_CASE("sentence splitter cuts at a given limit, counts the sentences cut, and honours at least kMinSentenceTokens",
          "[tokenize][limits]") {
  std::string text = "Short one. ";
  for (int i = 0; i < 25; ++i) text += "word ";
  text += "end. Another short one.";
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  CHECK(tokenize_text(text, tokens, sentences, 10) == 1);  // "Short one. word ... end." (30 tokens) only
  check_partition(tokens, sentences);
  for (const Sentence& sent : sentences) CHECK(sent.end_token - sent.first_token <= 10);
  CHECK(sentences.size() == 4);  // pieces of 10, 10, 10, then "Another short one."
  CHECK(tokenize_text(text, tokens, sentences, 1) == 1);
  for (const Sentence& sent : sentences) CHECK(sent.end_token - sent.first_token <= kMinSentenceTokens);
  CHECK(tokenize_text(text, tokens, sentences) == 0);
}

TEST_CASE("sentence splitter gives no sentence for empty text", "[tokenize]") {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences = {{0, 1}};
  tokenize_text("  \n\n ", tokens, sentences);
  CHECK(tokens.empty());
  CHECK(sentences.empty());
}

TEST_CASE("sentence splitter partitions the tokens of every sample in order", "[tokenize]") {
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(NEWSGRAPH_SOURCE_DIR) / "samples")) {
    if (entry.path().extension() != ".txt") continue;
    INFO(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    Document doc;
    doc.article.text = content.str();
    tokenize(doc);
    REQUIRE(!doc.sentences.empty());
    check_partition(doc.tokens, doc.sentences);
    // Paragraphs are separated by blank lines, so there are at least as many sentences.
    std::size_t paragraphs = 1;
    for (std::size_t pos = doc.text().find("\n\n"); pos != std::string::npos; pos = doc.text().find("\n\n", pos + 2)) {
      ++paragraphs;
    }
    CHECK(doc.sentences.size() >= paragraphs - 1);
  }
}
