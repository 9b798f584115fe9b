#include "ingest/date.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <vector>

namespace newsgraph::ingest {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string lower(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// 1-12, or 0 when `word` is not an English month name or its abbreviation ("sept" too).
int month_number(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december"};
  const std::string w = lower(word);
  for (int i = 0; i < 12; ++i) {
    if (w == kMonths[i]) return i + 1;
    if (w.size() >= 3 && w.size() < kMonths[i].size() && kMonths[i].substr(0, w.size()) == w) {
      if (w.size() == 3 || w == "sept") return i + 1;
    }
  }
  return 0;
}

bool is_weekday(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  const std::string w = lower(word);
  for (std::string_view day : kDays) {
    if (w == day || (w.size() >= 3 && w.size() < day.size() && day.substr(0, w.size()) == w)) return true;
  }
  return false;
}

// Day of month, with an optional ordinal suffix; 0 when not one.
int day_number(std::string_view word) {
  std::size_t digits = 0;
  while (digits < word.size() && is_digit(word[digits])) ++digits;
  if (digits == 0 || digits > 2) return 0;
  const std::string suffix = lower(word.substr(digits));
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return 0;
  int day = 0;
  std::from_chars(word.data(), word.data() + digits, day);
  return day >= 1 && day <= 31 ? day : 0;
}

int year_number(std::string_view word) {
  if (word.size() != 4) return 0;
  for (char c : word) {
    if (!is_digit(c)) return 0;
  }
  int year = 0;
  std::from_chars(word.data(), word.data() + 4, year);
  return year >= 1000 ? year : 0;
}

std::string iso(int year, int month, int day) {
  std::string out(10, '0');
  out[0] = static_cast<char>('0' + year / 1000);
  out[1] = static_cast<char>('0' + year / 100 % 10);
  out[2] = static_cast<char>('0' + year / 10 % 10);
  out[3] = static_cast<char>('0' + year % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + month / 10);
  out[6] = static_cast<char>('0' + month % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// "YYYY-MM-DD" or "YYYY/MM/DD" at the start of `text`: the ISO date, or "".
std::string numeric_date(std::string_view text, bool alone) {
  if (text.size() < 10) return {};
  const char sep = text[4];
  if ((sep != '-' && sep != '/') || text[7] != sep) return {};
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[i])) return {};
  }
  const int year = year_number(text.substr(0, 4));
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  const int day = (text[8] - '0') * 10 + (text[9] - '0');
  if (year == 0 || month < 1 || month > 12 || day < 1 || day > 31) return {};
  if (text.size() == 10) return iso(year, month, day);
  if (sep == '-' && (text[10] == 'T' || text[10] == 't' || (text[10] == ' ' && !alone))) {
    if (text[10] == 'T' || text[10] == 't') {
      // A full ISO date-time: kept as written when it has no space inside.
      if (text.find_first_of(" \t") == std::string_view::npos) return std::string(text);
      return alone ? std::string() : iso(year, month, day);
    }
    return iso(year, month, day);
  }
  return alone ? std::string() : iso(year, month, day);
}

}  // namespace

std::string normalize_date(std::string_view text, bool alone) {
  text = trim(text);
  if (text.empty() || text.size() > 64) return {};
  if (is_digit(text[0])) {
    std::string numeric = numeric_date(text, alone);
    if (!numeric.empty()) return numeric;
  }
  // Words split on spaces, commas and periods ("Dec. 2, 2025").
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == ',' || text[pos] == '.' || text[pos] == '\t')) ++pos;
    std::size_t end = pos;
    while (end < text.size() && text[end] != ' ' && text[end] != ',' && text[end] != '.' && text[end] != '\t') ++end;
    if (end > pos) words.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  std::size_t i = 0;
  if (i < words.size() && is_weekday(words[i])) ++i;
  if (i + 3 > words.size()) return {};
  int month = 0;
  int day = 0;
  if ((month = month_number(words[i])) != 0) {
    day = day_number(words[i + 1]);
  } else if ((day = day_number(words[i])) != 0) {
    month = month_number(words[i + 1]);
  }
  if (month == 0 || day == 0) return {};
  const int year = year_number(words[i + 2]);
  if (year == 0) return {};
  if (alone && i + 3 != words.size()) return {};
  return iso(year, month, day);
}

}  // namespace newsgraph::ingest
