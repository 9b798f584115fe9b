// See conllu.hpp.
#include "nlp/conllu/conllu.hpp"

#include <array>
#include <charconv>

#include "learn/model_file.hpp"

namespace newsgraph::conllu {
namespace {

bool parse_int(std::string_view s, int& out) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
}

bool misc_has_no_space(std::string_view misc) {
  std::size_t i = 0;
  while (i <= misc.size()) {
    const auto bar = misc.find('|', i);
    const auto end = bar == std::string_view::npos ? misc.size() : bar;
    if (misc.substr(i, end - i) == "SpaceAfter=No") return true;
    i = end + 1;
  }
  return false;
}

}  // namespace

Result<std::vector<TreebankSentence>> parse_conllu(std::string_view text, const std::string& name) {
  std::vector<TreebankSentence> sentences;
  TreebankSentence sent;
  int multiword_end = 0;  // last word ID of the open multiword token, 0 when none
  std::uint32_t line_no = 0;
  auto fail = [&](const std::string& what) { return Status::error(name + ":" + std::to_string(line_no) + ": " + what); };

  auto finish = [&]() -> Status {
    if (sent.words.empty()) {
      if (!sent.id.empty() || !sent.text.empty()) sent = TreebankSentence{};
      return Status::ok();
    }
    if (multiword_end != 0) return fail("multiword token runs past the end of the sentence");
    const int n = static_cast<int>(sent.words.size());
    for (const auto& word : sent.words)
      if (word.head < -1 || word.head > n)
        return fail("sentence '" + sent.id + "': HEAD " + std::to_string(word.head) + " is not a word of the sentence");
    sentences.push_back(std::move(sent));
    sent = TreebankSentence{};
    return Status::ok();
  };

  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (Status st = finish(); !st) return st;
      continue;
    }
    if (line.front() == '#') {
      if (line.starts_with("# sent_id = ")) sent.id = std::string(line.substr(12));
      else if (line.starts_with("# text = ")) sent.text = std::string(line.substr(9));
      continue;
    }
    std::array<std::string_view, 10> field;
    std::size_t count = 0, begin = 0;
    for (;;) {
      const auto tab = line.find('\t', begin);
      if (count < 10) field[count] = line.substr(begin, tab == std::string_view::npos ? std::string_view::npos : tab - begin);
      ++count;
      if (tab == std::string_view::npos) break;
      begin = tab + 1;
    }
    if (count != 10) return fail("expected 10 tab-separated fields, got " + std::to_string(count));
    const std::string_view id = field[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    const bool no_space = misc_has_no_space(field[9]);
    if (const auto dash = id.find('-'); dash != std::string_view::npos) {
      int first = 0, last = 0;
      if (!parse_int(id.substr(0, dash), first) || !parse_int(id.substr(dash + 1), last) || last < first)
        return fail("bad multiword token ID '" + std::string(id) + "'");
      if (first != static_cast<int>(sent.words.size()) + 1 || multiword_end != 0)
        return fail("multiword token '" + std::string(id) + "' does not start at the next word");
      multiword_end = last;
      sent.tokens.push_back({std::string(field[1]), static_cast<std::uint32_t>(first - 1),
                             static_cast<std::uint32_t>(last), !no_space});
      continue;
    }
    int index = 0;
    if (!parse_int(id, index)) return fail("bad word ID '" + std::string(id) + "'");
    if (index != static_cast<int>(sent.words.size()) + 1)
      return fail("word ID " + std::to_string(index) + " out of order (expected " +
                  std::to_string(sent.words.size() + 1) + ")");
    TreebankWord word;
    word.form = std::string(field[1]);
    word.lemma = std::string(field[2]);
    word.upos = std::string(field[3]);
    word.xpos = std::string(field[4]);
    word.feats = std::string(field[5]);
    if (field[6] == "_") word.head = -1;  // unknown head: kept, checked by users that need trees
    else if (!parse_int(field[6], word.head)) return fail("bad HEAD '" + std::string(field[6]) + "'");
    word.deprel = std::string(field[7]);
    if (sent.words.empty()) sent.line = line_no;
    if (multiword_end != 0) {
      word.token = static_cast<std::uint32_t>(sent.tokens.size() - 1);
      word.space_after = index == multiword_end ? sent.tokens.back().space_after : false;
      if (index == multiword_end) multiword_end = 0;
    } else {
      word.token = static_cast<std::uint32_t>(sent.tokens.size());
      word.space_after = !no_space;
      sent.tokens.push_back({word.form, static_cast<std::uint32_t>(index - 1), static_cast<std::uint32_t>(index), !no_space});
    }
    sent.words.push_back(std::move(word));
  }
  ++line_no;
  if (Status st = finish(); !st) return st;
  return sentences;
}

Result<std::vector<TreebankSentence>> read_conllu(const std::string& path) {
  Result<std::string> bytes = learn::read_file(path);
  if (!bytes) return bytes.status();
  return parse_conllu(*bytes, path);
}

}  // namespace newsgraph::conllu
