// BILOU labels, transition constraints and IOB1 reading (see labels.hpp).
#include "nlp/ner/labels.hpp"

#include <array>
#include <string>

namespace newsgraph::ner {

namespace {
constexpr std::array<std::string_view, kNumTypes> kTypeNames = {"PER", "ORG", "LOC", "MISC"};
constexpr std::array<std::string_view, kNumLabels> kLabelNames = {
    "O",      "B-PER",  "I-PER",  "L-PER",  "U-PER",  "B-ORG",  "I-ORG",  "L-ORG",  "U-ORG",
    "B-LOC",  "I-LOC",  "L-LOC",  "U-LOC",  "B-MISC", "I-MISC", "L-MISC", "U-MISC"};
}  // namespace

std::string_view to_string(NerType type) { return kTypeNames[static_cast<int>(type)]; }

bool parse_type(std::string_view text, NerType& type) {
  for (int t = 0; t < kNumTypes; ++t) {
    if (kTypeNames[t] == text) {
      type = static_cast<NerType>(t);
      return true;
    }
  }
  return false;
}

EntityType entity_type(NerType type) {
  switch (type) {
    case NerType::Per: return EntityType::Person;
    case NerType::Org: return EntityType::Organization;
    case NerType::Loc: return EntityType::Place;
    case NerType::Misc: return EntityType::Misc;
  }
  return EntityType::Misc;
}

std::string_view label_name(Label label) { return label < kNumLabels ? kLabelNames[label] : "?"; }

bool allowed(Label prev, Label next, bool next_is_last) {
  const bool prev_open = prev != kOutside && (label_part(prev) == Part::B || label_part(prev) == Part::I);
  if (prev_open) {
    // An open entity must go on with I or close with L, same type.
    if (next == kOutside || label_type(next) != label_type(prev)) return false;
    const Part part = label_part(next);
    if (part == Part::L) return true;
    return part == Part::I && !next_is_last;
  }
  if (next == kOutside) return true;
  const Part part = label_part(next);
  if (part == Part::U) return true;
  if (part == Part::B) return !next_is_last;
  return false;  // I or L without an open entity
}

std::vector<Label> encode_bilou(std::span<const Span> spans, std::size_t num_tokens) {
  std::vector<Label> labels(num_tokens, kOutside);
  for (const Span& span : spans) {
    if (span.end == span.first + 1) {
      labels[span.first] = make_label(span.type, Part::U);
      continue;
    }
    labels[span.first] = make_label(span.type, Part::B);
    for (std::uint32_t i = span.first + 1; i + 1 < span.end; ++i) labels[i] = make_label(span.type, Part::I);
    labels[span.end - 1] = make_label(span.type, Part::L);
  }
  return labels;
}

std::vector<Span> decode_bilou(std::span<const Label> labels) {
  std::vector<Span> spans;
  bool open = false;
  Span current;
  for (std::uint32_t i = 0; i < labels.size(); ++i) {
    const Label label = labels[i];
    if (label == kOutside) {
      if (open) spans.push_back(current), open = false;
      continue;
    }
    const NerType type = label_type(label);
    const Part part = label_part(label);
    const bool starts = !open || part == Part::B || part == Part::U || type != current.type;
    if (starts) {
      if (open) spans.push_back(current);
      current = Span{i, i + 1, type};
      open = true;
    } else {
      current.end = i + 1;
    }
    if (part == Part::L || part == Part::U) spans.push_back(current), open = false;
  }
  if (open) spans.push_back(current);
  return spans;
}

Result<std::vector<Span>> spans_from_iob1(std::span<const std::string_view> tags) {
  std::vector<Span> spans;
  bool open = false;
  Span current;
  for (std::uint32_t i = 0; i < tags.size(); ++i) {
    const std::string_view tag = tags[i];
    if (tag == "O") {
      if (open) spans.push_back(current), open = false;
      continue;
    }
    NerType type;
    if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-' || !parse_type(tag.substr(2), type)) {
      return Status::error("token " + std::to_string(i + 1) + ": bad NER tag '" + std::string(tag) +
                           "' (want O, I-TYPE or B-TYPE with TYPE one of PER ORG LOC MISC)");
    }
    if (tag[0] == 'B' || !open || current.type != type) {
      if (open) spans.push_back(current);
      current = Span{i, i + 1, type};
      open = true;
    } else {
      current.end = i + 1;
    }
  }
  if (open) spans.push_back(current);
  return spans;
}

}  // namespace newsgraph::ner
