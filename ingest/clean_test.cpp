#include <catch2/catch.hpp>

#include "ingest/clean.hpp"
#include "ingest/test_util.hpp"

namespace newsgraph::ingest {
namespace {

using testing::contains;

std::vector<Paragraph> paragraphs(std::initializer_list<const char*> texts) {
  std::vector<Paragraph> out;
  std::uint64_t offset = 0;
  for (const char* text : texts) {
    out.push_back({text, offset});
    offset += std::string_view(text).size() + 2;
  }
  return out;
}

TEST_CASE("sanitize drops a BOM, turns CRLF into LF and maps offsets back to the raw bytes", "[ingest]") {
  const std::string raw = "\xEF\xBB\xBFHead\r\n\r\nBody text\r\n";
  const SanitizedText s = sanitize(raw);
  CHECK(s.text == "Head\n\nBody text\n");
  CHECK(s.invalid_offsets.empty());
  const auto body = s.text.find("Body");
  CHECK(s.to_source(0) == 3);
  CHECK(raw.substr(s.to_source(body), 4) == "Body");
}

TEST_CASE("sanitize replaces invalid UTF-8 by U+FFFD and records the raw offsets", "[ingest]") {
  const std::string raw = "ab\xFF\xFE" "cd \xE2\x80 ef";
  const SanitizedText s = sanitize(raw);
  CHECK(s.text == "ab\xEF\xBF\xBD\xEF\xBF\xBD" "cd \xEF\xBF\xBD\xEF\xBF\xBD ef");
  CHECK(s.invalid_offsets == std::vector<std::uint64_t>{2, 3, 7, 8});
  CHECK(raw.substr(s.to_source(s.text.find("cd")), 2) == "cd");
  CHECK(raw.substr(s.to_source(s.text.find("ef")), 2) == "ef");
}

TEST_CASE("sanitize replaces forbidden controls by spaces and keeps tabs and newlines", "[ingest]") {
  const SanitizedText s = sanitize(std::string("a\x01" "b\tc\nd\x7F" "e\xC2\x85" "f", 12));
  CHECK(s.text == "a b\tc\nd e f");
  CHECK(s.control_offsets == std::vector<std::uint64_t>{1, 7, 9});
}

TEST_CASE("split_plain_text makes one paragraph per line and per blank-line block", "[ingest]") {
  const auto got = split_plain_text("Title\nFirst line.\n\n\nSecond block.\n  \nLast");
  REQUIRE(got.size() == 4);
  CHECK(got[0].text == "Title");
  CHECK(got[1].text == "First line.");
  CHECK(got[2].text == "Second block.");
  CHECK(got[2].source_offset == 20);
  CHECK(got[3].text == "Last");
}

TEST_CASE("split_plain_text joins a hard-wrapped line continued in lower case", "[ingest]") {
  const auto got = split_plain_text("The council met on Monday and\nvoted for the plan.\nThe mayor left.");
  REQUIRE(got.size() == 2);
  CHECK(got[0].text == "The council met on Monday and voted for the plan.");
  CHECK(got[1].text == "The mayor left.");
}

TEST_CASE("clean_paragraphs puts the title first and joins paragraphs with a blank line", "[ingest]") {
  const CleanedText cleaned = clean_paragraphs(paragraphs({"Title here", "  Body one.  ", "", "Body two."}));
  CHECK(cleaned.title == "Title here");
  CHECK(cleaned.text == "Title here\n\nBody one.\n\nBody two.");
  REQUIRE(cleaned.source_map.size() == 3);
  CHECK(cleaned.source_map[1].text_offset == 12);
  CHECK(cleaned.source_map[1].source_offset == 12 + 2);  // past the two leading spaces
  CHECK(cleaned.source_map[2].text_offset == 23);
}

TEST_CASE("clean_paragraphs drops a headline repeated as the first paragraph", "[ingest]") {
  const CleanedText cleaned =
      clean_paragraphs(paragraphs({"Big news today", "Big  news today", "The story itself starts here."}));
  CHECK(cleaned.text == "Big news today\n\nThe story itself starts here.");
  CHECK(cleaned.dropped_repeats == 1);
}

TEST_CASE("clean_paragraphs drops a pull-quote repeating a sentence block but keeps its byline", "[ingest]") {
  const CleanedText cleaned = clean_paragraphs(paragraphs({
      "Harbour talks stall",
      "After the meeting, council chair Maria Okafor said: \xE2\x80\x9CWe have not agreed on anything yet. "
      "There is a lot of work to do.\xE2\x80\x9D She then left the building.",
      "\xE2\x80\x9CWe have not agreed on anything yet. There is a lot of work to do\xE2\x80\x9D",
      "Maria Okafor",
      "Talks resume on Friday, Okafor's office said.",
  }));
  CHECK_FALSE(contains(cleaned.text, "yet. There is a lot of work to do\xE2\x80\x9D\n"));
  CHECK(contains(cleaned.text, "\n\nMaria Okafor\n\n"));
  CHECK(cleaned.dropped_repeats == 1);
}

TEST_CASE("clean_paragraphs keeps a short line repeating a name used earlier", "[ingest]") {
  const CleanedText cleaned = clean_paragraphs(
      paragraphs({"Title", "Maria Okafor spoke to the council about the ferry timetable on Monday.", "Maria Okafor"}));
  CHECK(contains(cleaned.text, "\n\nMaria Okafor"));
  CHECK(cleaned.dropped_repeats == 0);
}

TEST_CASE("clean_paragraphs keeps a paragraph that shares a few sentences with an earlier one", "[ingest]") {
  const CleanedText cleaned = clean_paragraphs(paragraphs({
      "Title",
      "The council approved the budget on Monday after a long debate in the town hall.",
      "The council approved the budget on Monday, and the mayor then resigned in protest at the cuts.",
  }));
  CHECK(cleaned.dropped_repeats == 0);
}

TEST_CASE("clean_paragraphs takes a dateline among the first paragraphs and drops it", "[ingest]") {
  const CleanedText cleaned =
      clean_paragraphs(paragraphs({"Merger agreed", "Sunday, August 17, 2008", "The two firms merged."}));
  CHECK(cleaned.dateline == "2008-08-17");
  CHECK(cleaned.text == "Merger agreed\n\nThe two firms merged.");
}

TEST_CASE("clean_paragraphs cuts a leading emoji from a headline", "[ingest]") {
  const CleanedText cleaned = clean_paragraphs(paragraphs({"\xF0\x9F\x93\xB0 Envoys to meet", "Body."}));
  CHECK(cleaned.title == "Envoys to meet");
  CHECK(cleaned.source_map[0].source_offset == 5);
}

TEST_CASE("clean_paragraphs drops boilerplate lines and keeps section headings", "[ingest]") {
  const CleanedText cleaned = clean_paragraphs(
      paragraphs({"Advertisement", "Real title", "Share this", "Body.", "A new approach", "More body.", "0 Comments"}));
  CHECK(cleaned.text == "Real title\n\nBody.\n\nA new approach\n\nMore body.");
  CHECK(cleaned.dropped_boilerplate == 3);
}

TEST_CASE("clean_paragraphs truncates at a paragraph boundary", "[ingest]") {
  CleanOptions options;
  options.max_text_bytes = 30;
  const CleanedText cleaned = clean_paragraphs(paragraphs({"Title", "First paragraph.", "Second paragraph."}), options);
  CHECK(cleaned.truncated);
  CHECK(cleaned.text == "Title\n\nFirst paragraph.");
}

TEST_CASE("clean_paragraphs cuts a first paragraph larger than the limit at a word boundary", "[ingest]") {
  CleanOptions options;
  options.max_text_bytes = 12;
  const CleanedText cleaned = clean_paragraphs(paragraphs({"Words and more words here"}), options);
  CHECK(cleaned.truncated);
  CHECK(cleaned.text == "Words and");
}

TEST_CASE("clean_paragraphs makes paragraph text valid UTF-8 without controls", "[ingest]") {
  const CleanedText cleaned = clean_paragraphs(paragraphs({"Ti\xFFtle\x01" "x", "Line\nbreak"}));
  CHECK(cleaned.text == "Ti\xEF\xBF\xBDtle x\n\nLine break");
}

TEST_CASE("is_boilerplate: page furniture by general rules, real short lines kept", "[ingest]") {
  struct Case {
    const char* line;
    bool boilerplate;
  };
  const Case cases[] = {
      {"Ad Code", true},
      {"Advertisement", true},
      {"ADVERTISEMENT", true},
      {"Share this", true},
      {"Share on Facebook", true},
      {"Share on Twitter", true},
      {"Click here to subscribe to our newsletter", true},
      {"Read more", true},
      {"Read more: Council approves budget", true},
      {"Subscribe", true},
      {"Related Sources:", true},
      {"source", true},
      {"Post a Comment", true},
      {"0 Comments", true},
      {"\xF0\x9F\x93\xB0", true},
      {"***", true},
      {"\xE2\x80\x94", true},
      {"Home | World | Europe", true},
      {"Harbour Daily | Ferries in Port Elwin", true},
      {"Maria Okafor", false},
      {"Yuri Ushakov", false},
      {"European concern", false},
      {"Share prices rose sharply on Monday after the announcement.", false},
      {"Subscribers to the service said the changes were welcome.", false},
      {"The vote was 5 | 4 in favour, officials said.", false},
      {"Sources close to the minister said the talks would continue.", false},
      {"2025", false},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    CHECK(is_boilerplate(c.line) == c.boilerplate);
  }
}

}  // namespace
}  // namespace newsgraph::ingest
