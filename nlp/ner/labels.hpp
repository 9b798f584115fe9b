// Entity spans and the BILOU label scheme of the named-entity tagger.
//
// The tagger predicts one label per token: O, or B-/I-/L-/U-TYPE (Begin, Inside, Last,
// Unit-length) for the four CoNLL-2003 types. BILOU needs constraints on which label may
// follow which (B-PER is followed by I-PER or L-PER, ...); allowed() states them, and the
// decoder only picks allowed labels, so every decoded sequence is well formed.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "core/status.hpp"

namespace newsgraph::ner {

// The CoNLL-2003 entity types, in the order used for label ids and score tables.
enum class NerType : std::uint8_t { Per = 0, Org = 1, Loc = 2, Misc = 3 };
inline constexpr int kNumTypes = 4;

// "PER", "ORG", "LOC", "MISC".
std::string_view to_string(NerType type);
// Parses "PER"/"ORG"/"LOC"/"MISC"; false for anything else.
bool parse_type(std::string_view text, NerType& type);
// PER -> Person, ORG -> Organization, LOC -> Place, MISC -> Misc.
EntityType entity_type(NerType type);

// An entity: tokens [first, end) of a sentence, with its type.
struct Span {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  NerType type = NerType::Per;
  friend bool operator==(const Span&, const Span&) = default;
};

// Label ids: 0 is O; type t has B = 1 + 4t, I = 2 + 4t, L = 3 + 4t, U = 4 + 4t.
using Label = std::uint8_t;
inline constexpr Label kOutside = 0;
inline constexpr int kNumLabels = 1 + 4 * kNumTypes;
enum class Part : std::uint8_t { B = 0, I = 1, L = 2, U = 3 };

constexpr Label make_label(NerType type, Part part) {
  return static_cast<Label>(1 + 4 * static_cast<int>(type) + static_cast<int>(part));
}
// REQUIRES: label != kOutside.
constexpr NerType label_type(Label label) { return static_cast<NerType>((label - 1) / 4); }
constexpr Part label_part(Label label) { return static_cast<Part>((label - 1) % 4); }
// "O", "B-PER", "L-MISC", ...
std::string_view label_name(Label label);

// Whether `next` may follow `prev` (kOutside before the first token). When `next_is_last`,
// `next` must also close any entity (no B or I on the last token of a sentence).
bool allowed(Label prev, Label next, bool next_is_last);

// The BILOU labels of a sentence of `num_tokens` tokens with the given entities.
// REQUIRES: spans sorted, non-overlapping, within [0, num_tokens).
std::vector<Label> encode_bilou(std::span<const Span> spans, std::size_t num_tokens);
// The entities of a label sequence. Well-formed sequences round-trip with encode_bilou();
// an ill-formed one is read leniently (an entity ends where its type changes or an O/B/U
// starts), so every token labelled with a type ends up in exactly one span.
std::vector<Span> decode_bilou(std::span<const Label> labels);

// Entities of a sentence tagged in IOB1 (CoNLL-2003's NER column): an entity starts at any
// B-X, or at an I-X whose previous tag is not of type X; it goes on over I-X tags. Fails on
// a tag that is not O, I-TYPE or B-TYPE, naming it and its position.
Result<std::vector<Span>> spans_from_iob1(std::span<const std::string_view> tags);

}  // namespace newsgraph::ner
