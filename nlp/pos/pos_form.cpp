// See pos_form.hpp.
#include "nlp/pos/pos_form.hpp"

#include <algorithm>
#include <array>

namespace newsgraph::pos {
namespace {

enum class Kind { kNone, kSingleQuote, kDoubleQuote, kDash, kHyphen, kEllipsis, kDrop };

struct Mapping {
  std::string_view utf8;
  Kind kind;
};

constexpr std::array<Mapping, 22> kMappings = {{
    {"\u2019", Kind::kSingleQuote}, {"\u2018", Kind::kSingleQuote}, {"\u201a", Kind::kSingleQuote},
    {"\u201b", Kind::kSingleQuote}, {"\u02bc", Kind::kSingleQuote}, {"\u2039", Kind::kSingleQuote},
    {"\u203a", Kind::kSingleQuote}, {"\u201c", Kind::kDoubleQuote}, {"\u201d", Kind::kDoubleQuote},
    {"\u201e", Kind::kDoubleQuote}, {"\u201f", Kind::kDoubleQuote}, {"\u00ab", Kind::kDoubleQuote},
    {"\u00bb", Kind::kDoubleQuote}, {"\u2013", Kind::kDash},        {"\u2014", Kind::kDash},
    {"\u2015", Kind::kDash},        {"\u2012", Kind::kDash},        {"\u2010", Kind::kHyphen},
    {"\u2011", Kind::kHyphen},      {"\u2212", Kind::kHyphen},      {"\u2026", Kind::kEllipsis},
    {"\u00ad", Kind::kDrop},
}};

Kind match(std::string_view rest, std::size_t& length) {
  for (const auto& m : kMappings)
    if (rest.starts_with(m.utf8)) {
      length = m.utf8.size();
      return m.kind;
    }
  return Kind::kNone;
}

bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

std::string_view pos_form(std::string_view token, std::string& buffer) {
  if (std::all_of(token.begin(), token.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return token;
  // A token that is nothing but dashes becomes "--".
  {
    std::size_t i = 0, length = 0;
    bool all_dashes = !token.empty();
    while (i < token.size() && all_dashes) {
      if (match(token.substr(i), length) == Kind::kDash) i += length;
      else all_dashes = false;
    }
    if (all_dashes) {
      buffer = "--";
      return buffer;
    }
  }
  buffer.clear();
  bool changed = false;
  for (std::size_t i = 0; i < token.size();) {
    std::size_t length = 0;
    const Kind kind = static_cast<unsigned char>(token[i]) < 0x80 ? Kind::kNone : match(token.substr(i), length);
    switch (kind) {
      case Kind::kNone: buffer += token[i++]; continue;
      case Kind::kSingleQuote: buffer += '\''; break;
      case Kind::kDoubleQuote: buffer += '"'; break;
      case Kind::kDash:
      case Kind::kHyphen: buffer += '-'; break;
      case Kind::kEllipsis: buffer += "..."; break;
      case Kind::kDrop: break;
    }
    changed = true;
    i += length;
  }
  if (!changed) return token;
  return buffer;
}

std::vector<TaggedSentence> to_tagged(const std::vector<conllu::TreebankSentence>& sentences, TreebankTokens mode) {
  std::vector<TaggedSentence> out;
  out.reserve(sentences.size());
  for (const auto& sent : sentences) {
    TaggedSentence tagged;
    const auto& words = sent.words;
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::string form = words[i].form;
      std::string tag = words[i].xpos;
      if (mode == TreebankTokens::kRejoinedHyphens) {
        // Join "a" "-" "b" (no spaces) while the pattern repeats: "state-of-the-art".
        while (i + 2 < words.size() && !words[i].space_after && words[i + 1].form == "-" &&
               !words[i + 1].space_after && !form.empty() && is_word_byte(static_cast<unsigned char>(form.back())) &&
               !words[i + 2].form.empty() && is_word_byte(static_cast<unsigned char>(words[i + 2].form.front()))) {
          form += "-";
          form += words[i + 2].form;
          tag = words[i + 2].xpos;
          i += 2;
        }
      }
      tagged.words.push_back(std::move(form));
      tagged.tags.push_back(std::move(tag));
    }
    out.push_back(std::move(tagged));
  }
  return out;
}

}  // namespace newsgraph::pos
