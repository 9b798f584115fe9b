// Token boundaries: tables of news-like inputs with the CoNLL-2003 / PTB tokens they must
// give, then properties (offsets, coverage) over hand-made text and the samples.
#include "tokenize/tokenize.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.hpp"

using namespace newsgraph;

namespace {

struct Case {
  std::string text;
  std::vector<std::string> tokens;
};

std::vector<std::string> token_strings(std::string_view text) {
  std::vector<Token> tokens;
  split_tokens(text, tokens);
  std::vector<std::string> out;
  for (const Token& token : tokens) out.emplace_back(text.substr(token.begin, token.end - token.begin));
  return out;
}

void check_table(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO("text: " << c.text);
    CHECK(token_strings(c.text) == c.tokens);
  }
}

// Every token is a non-empty in-bounds range after the previous one; every byte outside
// the tokens is part of a separator (space, zero-width, control); no token holds one.
void check_offsets_and_coverage(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<int> owner(text.size(), -1);
  std::uint32_t previous_end = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    REQUIRE(token.begin < token.end);
    REQUIRE(token.end <= text.size());
    REQUIRE(token.begin >= previous_end);
    previous_end = token.end;
    for (std::uint32_t b = token.begin; b < token.end; ++b) owner[b] = static_cast<int>(i);
  }
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t length;
    const char32_t cp = utf8::decode(text, pos, length);
    const bool separator =
        utf8::is_space(cp) || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp < 0x20 || cp == 0x200E || cp == 0x200F;
    INFO("byte " << pos << " code point U+" << std::hex << static_cast<std::uint32_t>(cp));
    if (separator) {
      CHECK(owner[pos] == -1);
    } else {
      // A code point lies whole inside one token.
      CHECK(owner[pos] != -1);
      CHECK(owner[pos + length - 1] == owner[pos]);
    }
    pos += length;
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::filesystem::path> sample_files() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(NEWSGRAPH_SOURCE_DIR) / "samples")) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

TEST_CASE("tokenizer splits clitics PTB-style and keeps the original apostrophe", "[tokenize]") {
  check_table({
      {"Trump's aides don't know.", {"Trump", "'s", "aides", "do", "n't", "know", "."}},
      {"She can't and won't go.", {"She", "ca", "n't", "and", "wo", "n't", "go", "."}},
      {"They're sure we'll win; I'd say I'm told they've left.",
       {"They", "'re", "sure", "we", "'ll", "win", ";", "I", "'d", "say", "I", "'m", "told", "they", "'ve", "left",
        "."}},
      {"Zelensky’s office said it isn’t over.", {"Zelensky", "’s", "office", "said", "it", "is", "n’t", "over", "."}},
      {"O'Brien's book and d'Estaing", {"O'Brien", "'s", "book", "and", "d'Estaing"}},
      {"CHINA'S EXPORTS DIDN'T FALL", {"CHINA", "'S", "EXPORTS", "DID", "N'T", "FALL"}},
      {"the Joneses' house", {"the", "Joneses", "'", "house"}},
      {"He cannot stay at 5 o'clock", {"He", "cannot", "stay", "at", "5", "o'clock"}},
      {"the 1990's boom", {"the", "1990", "'s", "boom"}},
      {"the '90s and the class of ’96, not '1234'",
       {"the", "'90s", "and", "the", "class", "of", "’96", ",", "not", "'", "1234", "'"}},
      {"Trump´s plan, Trumpʼs deal", {"Trump", "´s", "plan", ",", "Trump", "ʼs", "deal"}},
  });
}

TEST_CASE("tokenizer keeps hyphenated words, dates, scores and numbers whole", "[tokenize]") {
  check_table({
      {"The German-born envoy joined Putin-Witkoff talks on 1996-08-22, losing 6-4.",
       {"The", "German-born", "envoy", "joined", "Putin-Witkoff", "talks", "on", "1996-08-22", ",", "losing", "6-4",
        "."}},
      {"About 5,000 people, or 3.5 percent, came on 27/11 at 10:30.",
       {"About", "5,000", "people", ",", "or", "3.5", "percent", ",", "came", "on", "27/11", "at", "10:30", "."}},
      {"a 12-year-old boy in the U.S.-led coalition and/or S&P 500 or AT&T",
       {"a", "12-year-old", "boy", "in", "the", "U.S.-led", "coalition", "and/or", "S&P", "500", "or", "AT&T"}},
      {"the 1990\u20131995 war, the Trump\u2013Putin call",
       {"the", "1990\u20131995", "war", ",", "the", "Trump\u2013Putin", "call"}},
      {"German\u2011born", {"German\u2011born"}},
      {"Call +44 20 or -5 degrees; he hit .500 in 2,1",
       {"Call", "+44", "20", "or", "-5", "degrees", ";", "he", "hit", ".500", "in", "2,1"}},
      {"pre- and post-war, anti- terrorist, three- , five-year",
       {"pre-", "and", "post-war", ",", "anti-", "terrorist", ",", "three-", ",", "five-year"}},
      {"ratings AA+ and BBB- from S&P; C++ code", {"ratings", "AA+", "and", "BBB-", "from", "S&P", ";", "C++", "code"}},
      {"the Iraq-U.N. memorandum", {"the", "Iraq-U.N.", "memorandum"}},
      {"ratio 1:2, and then:", {"ratio", "1:2", ",", "and", "then", ":"}},
  });
}

TEST_CASE("tokenizer splits currency signs and percent from numbers", "[tokenize]") {
  check_table({
      {"Prices rose 100% to $5 and US$7.50, or £3 and 5€.",
       {"Prices", "rose", "100", "%", "to", "$", "5", "and", "US$", "7.50", ",", "or", "£", "3", "and", "5", "€", "."}},
      {"HK$10 and C$2, A$ 1.26 billion (in million NZ$)",
       {"HK$", "10", "and", "C$", "2", ",", "A$", "1.26", "billion", "(", "in", "million", "NZ$", ")"}},
  });
}

TEST_CASE("tokenizer keeps the period of abbreviations and initials only", "[tokenize]") {
  check_table({
      {"The U.S. and U.K. envoys met Mr. Smith at 5 p.m. in Washington.",
       {"The", "U.S.", "and", "U.K.", "envoys", "met", "Mr.", "Smith", "at", "5", "p.m.", "in", "Washington", "."}},
      {"Acme Inc. hired J. K. Rowling, Dr. Who and others, etc.",
       {"Acme", "Inc.", "hired", "J.", "K.", "Rowling", ",", "Dr.", "Who", "and", "others", ",", "etc."}},
      {"He lives on Main St. near No. 10 Downing Street.",
       {"He", "lives", "on", "Main", "St.", "near", "No.", "10", "Downing", "Street", "."}},
      {"Is it over? No. Not yet.", {"Is", "it", "over", "?", "No", ".", "Not", "yet", "."}},
      {"It ended in 1996.", {"It", "ended", "in", "1996", "."}},
      {"Visit reuters.com. Then go.", {"Visit", "reuters.com", ".", "Then", "go", "."}},
      {"Acme Corp.'s profit, the E.U.'s rules", {"Acme", "Corp.", "'s", "profit", ",", "the", "E.U.", "'s", "rules"}},
      {"Roe v. Wade, e.g. here, in Jan. 2024", {"Roe", "v.", "Wade", ",", "e.g.", "here", ",", "in", "Jan.", "2024"}},
      {"CORP. NEWS", {"CORP.", "NEWS"}},
      {"Владимир В. Путин", {"Владимир", "В.", "Путин"}},
  });
}

TEST_CASE("tokenizer keeps a list number's period only at the start of a line", "[tokenize]") {
  check_table({
      {"Key points:\n1. Talks resume.\n  2. Sanctions stay.",
       {"Key", "points", ":", "1.", "Talks", "resume", ".", "2.", "Sanctions", "stay", "."}},
      {"He won 2. Then he lost.", {"He", "won", "2", ".", "Then", "he", "lost", "."}},
  });
}

TEST_CASE("tokenizer separates quotes, brackets, dashes and ellipses", "[tokenize]") {
  check_table({
      {"He said \"no\" (twice) [sic] {x}.",
       {"He", "said", "\"", "no", "\"", "(", "twice", ")", "[", "sic", "]", "{", "x", "}", "."}},
      {"“Peace”, ‘plan’ and «talks»", {"“", "Peace", "”", ",", "‘", "plan", "’", "and", "«", "talks", "»"}},
      {"``Yes,'' he said", {"``", "Yes", ",", "''", "he", "said"}},
      {"Wait... what… really....", {"Wait", "...", "what", "…", "really", "...."}},
      {"Moscow—possibly the doors – Continuation -- and word--word",
       {"Moscow", "—", "possibly", "the", "doors", "–", "Continuation", "--", "and", "word", "--", "word"}},
      {"'Tis the 'best' deal", {"'", "Tis", "the", "'", "best", "'", "deal"}},
      {"Really?! Yes!!", {"Really", "?", "!", "Yes", "!", "!"}},
  });
}

TEST_CASE("tokenizer keeps URLs and emails whole, without trailing punctuation", "[tokenize]") {
  check_table({
      {"See https://www.reuters.com/world/story-2025-11-27/?id=5&x=(1). Or",
       {"See", "https://www.reuters.com/world/story-2025-11-27/?id=5&x=(1)", ".", "Or"}},
      {"email news.desk@example.co.uk, or www.bbc.co.uk/news.",
       {"email", "news.desk@example.co.uk", ",", "or", "www.bbc.co.uk/news", "."}},
      {"(see http://a.org/x)", {"(", "see", "http://a.org/x", ")"}},
      {"“http://a.org/b”", {"“", "http://a.org/b", "”"}},
      {"#MeToo and @Reuters", {"#MeToo", "and", "@Reuters"}},
  });
}

TEST_CASE("tokenizer handles letters of every script, emoji and Unicode spaces", "[tokenize]") {
  check_table({
      {"Ούρσουλα φον ντερ Λάιεν: Ο διαμελισμός της Ουκρανίας",
       {"Ούρσουλα", "φον", "ντερ", "Λάιεν", ":", "Ο", "διαμελισμός", "της", "Ουκρανίας"}},
      {"Владимир Путин заявил, что переговоры «продолжатся».",
       {"Владимир", "Путин", "заявил", ",", "что", "переговоры", "«", "продолжатся", "»", "."}},
      {"Зеленский’s", {"Зеленский", "’s"}},
      {"100\u00A0km\u2009north\u200Bof\u3000Kyiv\u202Fnow", {"100", "km", "north", "of", "Kyiv", "now"}},
      {"\uFEFFHeadline\u200E here", {"Headline", "here"}},
      {"Great news🎉🇺🇦 👍🏽 and 👩‍🔬!",
       {"Great", "news", "🎉", "🇺🇦", "👍🏽", "and", "👩‍🔬", "!"}},
      {"Apple™ ©2024 ❤️", {"Apple", "™", "©", "2024", "❤️"}},
      {"Cafe\u0301 owner", {"Cafe\u0301", "owner"}},
      {"Witk\u00ADoff", {"Witk\u00ADoff"}},
      {"東京 and مرحبا", {"東京", "and", "مرحبا"}},
  });
}

TEST_CASE("tokenizer returns no tokens for empty or blank text", "[tokenize]") {
  check_table({
      {"", {}},
      {" \n\n\t\u00A0\u200B ", {}},
  });
}

TEST_CASE("tokenizer gives exact offsets and covers every non-space byte once", "[tokenize]") {
  const std::vector<std::string> texts = {
      "Trump’s envoy met Putin in Moscow — again… “Really?” (Yes.) U.S.-led 5,000 $5 100%",
      "  leading spaces\u00A0and\u2003em spaces\u200Band zero width  ",
      "Ούρσουλα φον ντερ Λάιεν; Путин заявил 👩‍🔬🇺🇦",
      "bad bytes \xFF\xFE here \xC3 and \xE2\x80 end",
      "a\tb\rc\vd\fe\x01"
      "f",
      "....----****====~~~~````''''",
  };
  for (const std::string& text : texts) {
    INFO("text: " << text);
    std::vector<Token> tokens;
    split_tokens(text, tokens);
    check_offsets_and_coverage(text, tokens);
  }
}

TEST_CASE("tokenizer and splitter stay consistent on random fragment soup", "[tokenize]") {
  // Fragments chosen to collide: abbreviations, clitics, quotes, dashes, URLs, emoji, partial
  // UTF-8, Unicode spaces and line breaks. Fixed seed: the same soup every run.
  const std::vector<std::string> fragments = {
      "U.S.",    "Mr.",  "No.",   "etc.",  "J.",     "1.",          "3.5", "5,000",    "-",        "--",     "—",
      "–",       "...",  "…",     ".",     "!",      "?",           ",",   ";",        ":",        "'",      "\"",
      "’",       "‘",    "“",     "”",     "``",     "''",          "(",   ")",        "'s",       "n't",    "’s",
      "Trump",   "do",   "Путин", "Λάιεν", "東京",   "👩‍🔬", "🇺🇦",  "👍🏽", "\xF0\x9F", "\xFF",   "\xC3",
      "http://", "www.", "a@b.c", "@",     "#",      "$",           "US$", "%",        "+",        "\u00AD", "\u200D",
      "\u0301",  " ",    " ",     " ",     "\u00A0", "\u200B",      "\n",  "\n\n",     "\r\n",     "\t",     "The",
      "he",      "said", "0",     "/",     "&",      "_",
  };
  std::mt19937 random(20251122);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const std::size_t count = random() % 400;
    for (std::size_t k = 0; k < count; ++k) text += fragments[random() % fragments.size()];
    INFO("round " << round << " text: " << text);
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    tokenize_text(text, tokens, sentences);
    check_offsets_and_coverage(text, tokens);
    std::uint32_t next = 0;
    for (const Sentence& sent : sentences) {
      REQUIRE(sent.first_token == next);
      REQUIRE(sent.first_token < sent.end_token);
      REQUIRE(sent.end_token - sent.first_token <= kMaxSentenceTokens);
      next = sent.end_token;
    }
    REQUIRE(next == tokens.size());
  }
}

TEST_CASE("tokenizer covers every non-space byte of the samples once", "[tokenize]") {
  for (const auto& path : sample_files()) {
    INFO(path.string());
    Document doc;
    doc.article.text = read_file(path);
    tokenize(doc);
    REQUIRE(!doc.tokens.empty());
    check_offsets_and_coverage(doc.text(), doc.tokens);
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
      CHECK(doc.token_text(i) ==
            std::string_view(doc.text()).substr(doc.tokens[i].begin, doc.tokens[i].end - doc.tokens[i].begin));
    }
  }
}

TEST_CASE("tokenizer splits the sample sentences like CoNLL-2003", "[tokenize]") {
  // Lines taken from samples/004_*.txt.
  check_table({
      {"a peace plan “defiantly favorable” to Moscow, as French Monde described it.",
       {"a", "peace", "plan", "“", "defiantly", "favorable", "”", "to", "Moscow", ",", "as", "French", "Monde",
        "described", "it", "."}},
      {"by today (27/11) a peace plan", {"by", "today", "(", "27/11", ")", "a", "peace", "plan"}},
      {"offering advice that sabotaged Zelensky’s efforts.",
       {"offering", "advice", "that", "sabotaged", "Zelensky", "’s", "efforts", "."}},
  });
}

TEST_CASE("tokenize replaces the tokens and sentences of a document", "[tokenize]") {
  Document doc;
  doc.tokens = {{0, 1}, {5, 9}};
  doc.sentences = {{0, 2}, {2, 2}};
  doc.article.text = "Mr. Smith left. He won.";
  tokenize(doc);
  REQUIRE(doc.tokens.size() == 7);
  CHECK(doc.token_text(0) == "Mr.");
  CHECK(doc.token_text(6) == ".");
  REQUIRE(doc.sentences.size() == 2);
  CHECK(doc.span_text(doc.sentences[0].first_token, doc.sentences[0].end_token) == "Mr. Smith left.");
  CHECK(doc.span_text(doc.sentences[1].first_token, doc.sentences[1].end_token) == "He won.");
}
