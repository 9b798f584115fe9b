#include "core/utf8.hpp"

#include <catch2/catch.hpp>

using namespace newsgraph;

TEST_CASE("utf8::repair replaces each invalid sequence and records its offset", "[core]") {
  std::vector<utf8::InvalidByte> invalid;
  const std::string out = utf8::repair("ab\xFF" "c\xC3", &invalid);
  CHECK(out == "ab\xEF\xBF\xBD" "c\xEF\xBF\xBD");
  REQUIRE(invalid.size() == 2);
  CHECK(invalid[0].offset == 2);
  CHECK(invalid[1].offset == 4);
}

TEST_CASE("utf8::decode rejects overlong forms and surrogates", "[core]") {
  std::size_t length = 0;
  CHECK(utf8::decode("\xC0\xAF", 0, length) == utf8::kReplacement);
  CHECK(length == 1);
  CHECK(utf8::decode("\xED\xA0\x80", 0, length) == utf8::kReplacement);
  CHECK(utf8::decode("\xCE\xA9", 0, length) == U'\u03A9');
  CHECK(length == 2);
  CHECK(utf8::decode("\xF0\x9F\x98\x80", 0, length) == U'\U0001F600');
  CHECK(length == 4);
}

TEST_CASE("utf8 character classes cover Greek and Cyrillic", "[core]") {
  CHECK(utf8::is_letter(U'Ο'));
  CHECK(utf8::is_upper(U'Ο'));
  CHECK(utf8::is_letter(U'ж'));
  CHECK_FALSE(utf8::is_upper(U'ж'));
  CHECK(utf8::is_space(0xA0));
  CHECK(utf8::is_forbidden_control(0x0B));
  CHECK_FALSE(utf8::is_forbidden_control('\n'));
}

TEST_CASE("utf8::append round-trips through decode", "[core]") {
  for (char32_t cp : {U'a', U'é', U'€', U'\U0001F600'}) {
    std::string s;
    utf8::append(s, cp);
    std::size_t length = 0;
    CHECK(utf8::decode(s, 0, length) == cp);
    CHECK(length == s.size());
  }
}
