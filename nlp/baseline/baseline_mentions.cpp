#include "nlp/baseline/baseline_mentions.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/utf8.hpp"

namespace newsgraph::baseline {
namespace {

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Capitalised words that start sentences without naming anything.
constexpr std::array<std::string_view, 48> kFunctionWords = {
    "The", "A", "An", "In", "On", "At", "For", "From", "With", "By", "To", "Of", "And", "But",
    "Or", "If", "As", "After", "Before", "When", "While", "This", "That", "These", "Those", "It",
    "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "There", "Here", "What",
    "Why", "How", "Now", "Then", "Yesterday", "Today", "Some", "No", "Yes"};
constexpr std::array<std::string_view, 12> kMonthsAndDays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "December"};
constexpr std::array<std::string_view, 20> kOrganizationCues = {
    "Ministry", "Fund", "Party", "Council", "Commission", "Bank", "Agency", "Inc", "Corp",
    "University", "Embassy", "Committee", "Union", "Organization", "Organisation", "Court",
    "Institute", "Group", "News", "Times"};
constexpr std::array<std::string_view, 6> kPlacePrepositions = {"in", "at", "from", "to", "near", "across"};

bool is_capitalised(std::string_view word) {
  if (word.empty()) return false;
  std::size_t length = 0;
  return utf8::is_upper(utf8::decode(word, 0, length));
}

EntityType guess_type(const Document& doc, std::uint32_t first, std::uint32_t end, std::uint32_t sentence_start) {
  for (std::uint32_t i = first; i < end; ++i)
    if (contains(kOrganizationCues, doc.token_text(i))) return EntityType::Organization;
  if (end - first >= 2) return EntityType::Person;
  if (first > sentence_start && contains(kPlacePrepositions, doc.token_text(first - 1))) return EntityType::Place;
  return EntityType::Place;
}

}  // namespace

void find_mentions(Document& doc) {
  doc.mentions.clear();
  for (const Sentence& sent : doc.sentences) {
    std::uint32_t i = sent.first_token;
    while (i < sent.end_token) {
      const std::string_view word = doc.token_text(i);
      const bool starts = is_capitalised(word) && !contains(kMonthsAndDays, word) &&
                          !(i == sent.first_token && contains(kFunctionWords, word));
      if (!starts) {
        ++i;
        continue;
      }
      std::uint32_t end = i + 1;
      while (end < sent.end_token && is_capitalised(doc.token_text(end)) &&
             !contains(kMonthsAndDays, doc.token_text(end)))
        ++end;
      // A lone capitalised word opening a sentence is too often an ordinary word.
      if (!(i == sent.first_token && end == i + 1))
        doc.mentions.push_back({i, end, guess_type(doc, i, end, sent.first_token), 0.5f});
      i = end;
    }
  }
}

}  // namespace newsgraph::baseline
