// The CoNLL-2003 reader and conlleval-style span scoring.
//
// File format (../shared/data/README.md): one token per line, "token POS chunk NER"
// separated by single spaces; an empty line ends a sentence; "-DOCSTART- -X- O O" starts a
// document. The NER column is IOB1 (see spans_from_iob1). Only the token and NER columns
// are kept: the POS column came from another tagger, and our features must use the POS
// tagger that runs at inference.
//
// Thread safety: pure functions; SpanScores is a plain value.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "nlp/ner/labels.hpp"

namespace newsgraph::ner {

struct ConllSentence {
  std::vector<std::string> tokens;
  std::vector<Span> entities;  // sorted, non-overlapping
};

// A document: the sentences between two -DOCSTART- lines (document-level features look
// across them). A file without -DOCSTART- is one document.
struct ConllDocument {
  std::vector<ConllSentence> sentences;
};

// Parses CoNLL-2003 text; `name` prefixes error messages ("dev.txt:17: ...").
Result<std::vector<ConllDocument>> parse_conll(std::string_view text, std::string_view name);
// Reads and parses a file.
Result<std::vector<ConllDocument>> read_conll(const std::string& path);

// Counts of one entity type, conlleval style: an entity is correct only when its span and
// type both match.
struct TypeCounts {
  std::uint64_t gold = 0;
  std::uint64_t predicted = 0;
  std::uint64_t correct = 0;
  double precision() const { return predicted ? 100.0 * correct / predicted : 0.0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct SpanScores {
  std::array<TypeCounts, kNumTypes> per_type;
  // Adds one sentence's gold and predicted entities.
  void add(std::span<const Span> gold, std::span<const Span> predicted);
  // Micro-averaged over the four types (conlleval's "overall").
  TypeCounts micro() const;
};

}  // namespace newsgraph::ner
