// The tagging engine shared by training, evaluation and tag_entities(): feature extraction
// and BILOU decoding (greedy in training, a small beam at inference) over one document.
// Internal to nlp/ner.
//
// Features (feature-set version kFeatureSetVersion; bump it whenever anything here changes
// what a feature means, since old models would silently score garbage):
//   local   word form, lower case, shape and short shape, prefixes and suffixes 1-4, lower
//           case of the words at -2..+2, bigrams with the neighbours, short shapes at -1..+1
//           and their trigram, position (sentence-initial, all-capitals headline sentence,
//           table-like sentence of mostly numbers), POS tags at -1..+1 and their bigrams
//           when the model uses POS;
//   gazetteer  longest matches of each gazetteer type marked B/I/L/U on the token, alone,
//           with the token's short shape and with the previous word; the types matched at
//           -1 and +1;
//   document  (Ratinov & Roth 2009) how the same word is capitalised elsewhere in the
//           document where capitalisation is informative; the words seen at -2..+2 around
//           its occurrences (context aggregation, at most 24); the entity types predicted
//           for it in the earlier sentences of the document (extended prediction history);
//   history  the previous two predicted labels, the previous one with the word and with its
//           short shape.
//
// Thread safety: TaggerState is per thread; the Perceptron and Gazetteer are only read
// (except in training, where one thread owns the perceptron).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "learn/perceptron.hpp"
#include "nlp/ner/gazetteer.hpp"
#include "nlp/ner/labels.hpp"

namespace newsgraph::ner {

inline constexpr std::uint32_t kFeatureSetVersion = 1;

// One document ready for tagging: token forms (PTB forms), optional POS tags and sentence
// token ranges. Views must outlive the tagging call.
struct TaggerInput {
  std::vector<std::string_view> forms;
  std::vector<std::string_view> pos;  // empty, or one tag per token
  struct Range {
    std::uint32_t first;
    std::uint32_t end;
  };
  std::vector<Range> sentences;  // cover the tokens in order
};

// A partial label sequence in beam search.
struct Hypothesis {
  float score;
  Label prev1, prev2;
  std::uint32_t back;  // index of the parent hypothesis at the previous token
  Label label;
};

// Reusable buffers for tagging one document after another (no allocation once warm).
struct TaggerState {
  // Per token.
  std::vector<std::uint64_t> lower;
  std::vector<std::uint64_t> form;
  std::vector<std::uint64_t> shape;
  std::vector<std::uint64_t> short_shape;
  std::vector<std::uint64_t> pos;
  std::vector<std::uint64_t> gaz_key;
  std::vector<std::uint8_t> flags;
  std::vector<std::uint32_t> feature_begin;  // static features of token i: [begin[i], begin[i+1])
  std::vector<std::uint64_t> features;
  std::vector<GazetteerMark> marks;
  std::vector<std::uint32_t> mark_begin;
  std::string lower_buffer, shape_buffer;
  std::unordered_map<std::uint64_t, std::uint32_t> doc_case;  // lower -> (cap << 16 | lowercase) counts
  std::unordered_map<std::uint64_t, std::vector<std::uint64_t>> contexts;
  std::unordered_map<std::uint64_t, std::array<std::uint16_t, kNumTypes + 1>> history;
  std::vector<std::uint64_t> buffer;
  std::vector<float> token_scores;
  std::vector<std::int32_t> token_units;  // token_scores as learn::Perceptron::score_units
  // The units of the label-dependent features, each computed once per document (pairs) or
  // per token of the sentence (words) instead of once per beam hypothesis: the units of
  // kPrev1 + kPrev2 by (prev2, prev1), and of kPrevLower + kPrevShape by (token, prev1);
  // the *_known masks say which are filled.
  std::vector<std::int32_t> pair_units;
  std::array<bool, kNumLabels * kNumLabels> pair_known{};
  std::vector<std::int32_t> word_units;
  std::vector<std::uint32_t> word_known;  // per token of the sentence: bit prev1
  std::vector<Hypothesis> lattice;
  std::vector<std::uint32_t> lattice_offsets;
  std::vector<Hypothesis> candidates;
};

struct TaggerConfig {
  bool use_pos = false;
  std::uint32_t beam = 1;  // 1: greedy, unconstrained; more: beam search over well-formed BILOU
};

// Computes the static (label-independent) features of every token of `input`.
void extract_static(const TaggerConfig& config, const Gazetteer& gazetteer, const TaggerInput& input,
                    TaggerState& state);

// Decodes the whole document, one label per token into `labels`, sentence by sentence, with
// the margin of each decision (its score minus the best other label's) into `margins` when
// non-null. `beam` 1 is greedy and unconstrained (ill-formed sequences are read leniently by
// decode_bilou); a wider beam keeps only well-formed BILOU sequences. The history features
// of a sentence come from the labels of the sentences before it.
// Training: when `train` is non-null, decoding is greedy, `gold` gives the correct labels and
// the perceptron is updated on every mistake (then `model` must be the same object as
// `*train`).
// REQUIRES: extract_static() was called on the same input and state.
void decode(const learn::Perceptron& model, const TaggerInput& input, TaggerState& state, std::vector<Label>& labels,
            std::vector<float>* margins, learn::Perceptron* train = nullptr, std::span<const Label> gold = {},
            std::uint32_t beam = 1);

}  // namespace newsgraph::ner
