// See conllu_writer.hpp.
#include "nlp/parse/conllu_writer.hpp"

#include <charconv>

namespace newsgraph {
namespace {

void append_number(std::string& out, std::int64_t value) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, r.ptr);
}

void append_clean(std::string& out, std::string_view text) {
  if (text.empty()) {
    out += '_';
    return;
  }
  for (char c : text) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

}  // namespace

std::string to_conllu(const Document& doc) {
  std::string out;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    if (sent.end_token <= sent.first_token) continue;
    out += "# sent_id = ";
    append_number(out, static_cast<std::int64_t>(s + 1));
    out += "\n# text = ";
    append_clean(out, doc.span_text(sent.first_token, sent.end_token));
    out += '\n';
    for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
      append_number(out, static_cast<std::int64_t>(i - sent.first_token + 1));
      out += '\t';
      append_clean(out, doc.token_text(i));
      out += "\t_\t_\t";
      append_clean(out, i < doc.pos.size() ? std::string_view(doc.pos[i]) : std::string_view());
      out += "\t_\t";
      if (i < doc.arcs.size()) {
        const std::int32_t head = doc.arcs[i].head;
        const bool inside = head >= static_cast<std::int32_t>(sent.first_token) &&
                            head < static_cast<std::int32_t>(sent.end_token);
        append_number(out, inside ? head - static_cast<std::int32_t>(sent.first_token) + 1 : 0);
        out += '\t';
        append_clean(out, doc.arcs[i].label);
      } else {
        out += "_\t_";
      }
      out += "\t_\t";
      const bool space_after = i + 1 >= sent.end_token || doc.tokens[i + 1].begin != doc.tokens[i].end;
      out += space_after ? "_" : "SpaceAfter=No";
      out += '\n';
    }
    out += '\n';
  }
  return out;
}

}  // namespace newsgraph
