// CoNLL-2003 reading and span scoring (see conll.hpp).
#include "nlp/ner/conll.hpp"

#include <fstream>
#include <sstream>

namespace newsgraph::ner {

namespace {

struct PendingSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;
  std::size_t first_line = 0;
};

Status flush(PendingSentence& pending, std::vector<ConllDocument>& docs, std::string_view name) {
  if (pending.tokens.empty()) return Status::ok();
  std::vector<std::string_view> tags(pending.tags.begin(), pending.tags.end());
  auto spans = spans_from_iob1(tags);
  if (!spans) {
    return Status::error(std::string(name) + ":" + std::to_string(pending.first_line) +
                         ": sentence starting here: " + spans.status().message());
  }
  if (docs.empty()) docs.emplace_back();
  docs.back().sentences.push_back(ConllSentence{std::move(pending.tokens), std::move(*spans)});
  pending = PendingSentence{};
  return Status::ok();
}

}  // namespace

Result<std::vector<ConllDocument>> parse_conll(std::string_view text, std::string_view name) {
  std::vector<ConllDocument> docs;
  PendingSentence pending;
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      if (Status s = flush(pending, docs, name); !s) return s;
      continue;
    }
    if (line.starts_with("-DOCSTART-")) {
      if (Status s = flush(pending, docs, name); !s) return s;
      docs.emplace_back();
      continue;
    }
    // The token is the first field, the NER tag the last.
    const std::size_t first_space = line.find_first_of(" \t");
    const std::size_t last_space = line.find_last_of(" \t");
    if (first_space == std::string_view::npos || first_space == 0) {
      return Status::error(std::string(name) + ":" + std::to_string(line_number) +
                           ": want 'token POS chunk NER', got '" + std::string(line.substr(0, 80)) + "'");
    }
    if (pending.tokens.empty()) pending.first_line = line_number;
    pending.tokens.emplace_back(line.substr(0, first_space));
    pending.tags.emplace_back(line.substr(last_space + 1));
  }
  if (Status s = flush(pending, docs, name); !s) return s;
  // Drop empty documents (a -DOCSTART- at the very end, or before the first one).
  std::erase_if(docs, [](const ConllDocument& doc) { return doc.sentences.empty(); });
  return docs;
}

Result<std::vector<ConllDocument>> read_conll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::error(path + ": read error");
  return parse_conll(buffer.str(), path);
}

void SpanScores::add(std::span<const Span> gold, std::span<const Span> predicted) {
  for (const Span& span : gold) ++per_type[static_cast<int>(span.type)].gold;
  for (const Span& span : predicted) ++per_type[static_cast<int>(span.type)].predicted;
  // Both lists are sorted and non-overlapping: merge.
  std::size_t g = 0, p = 0;
  while (g < gold.size() && p < predicted.size()) {
    if (gold[g].first < predicted[p].first) {
      ++g;
    } else if (predicted[p].first < gold[g].first) {
      ++p;
    } else {
      if (gold[g] == predicted[p]) ++per_type[static_cast<int>(gold[g].type)].correct;
      ++g, ++p;
    }
  }
}

TypeCounts SpanScores::micro() const {
  TypeCounts total;
  for (const TypeCounts& counts : per_type) {
    total.gold += counts.gold;
    total.predicted += counts.predicted;
    total.correct += counts.correct;
  }
  return total;
}

}  // namespace newsgraph::ner
