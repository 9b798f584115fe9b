// UTF-8 helpers shared by the stages: decoding one code point, validation with repair,
// and the character classes the tokenizer and the cleaners need. No locale is consulted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at `pos` of `text`. On success returns it and sets `length` to its
// byte count (1-4). On an invalid or truncated sequence (overlong forms and surrogates
// included) returns kReplacement with `length` = 1, so callers always advance.
// REQUIRES: pos < text.size().
char32_t decode(std::string_view text, std::size_t pos, std::size_t& length);

// Appends the UTF-8 encoding of `cp` (kReplacement for surrogates or values past U+10FFFF).
void append(std::string& out, char32_t cp);

// A byte offset in the input where an invalid sequence started.
struct InvalidByte {
  std::size_t offset;
};

// Returns `text` as valid UTF-8: each invalid sequence is replaced by U+FFFD and its offset
// (in `text`) recorded in `invalid` (when not null). A leading BOM is kept; callers drop it.
std::string repair(std::string_view text, std::vector<InvalidByte>* invalid = nullptr);

bool is_valid(std::string_view text);

// Character classes over the whole of Unicode, through ICU.
bool is_letter(char32_t cp);
bool is_digit(char32_t cp);
bool is_upper(char32_t cp);
bool is_space(char32_t cp);  // Unicode White_Space, including NBSP
// C0/C1 controls other than tab and newline, noncharacters, and the XML-forbidden range.
bool is_forbidden_control(char32_t cp);

}  // namespace newsgraph::utf8
