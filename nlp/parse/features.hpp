// Feature templates of the dependency parser: what the move classifier and the label
// classifier see of a configuration. Zhang and Nivre (2011) templates adapted to the arc-
// hybrid system: words, tags and labels of s0-s2, b0-b2 and of the outermost dependents,
// word pairs and tag triples, distances, valencies and dependent label sets; plus, to make
// the parser less sensitive to the tagger's errors (about 94% XPOS accuracy on EWT dev),
// ambiguity classes of known words, word shapes, 3-letter suffixes and coarse tags.
//
// Feature-set version kFeatureVersion is stored in the model; change it whenever a template
// changes, since feature hashes are not comparable across versions.
//
// Thread safety: pure functions over caller-owned buffers.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "nlp/parse/transition.hpp"

namespace newsgraph::parse {

inline constexpr std::uint32_t kFeatureVersion = 3;

// Ambiguity classes (as in taggers): for each frequent training word (normalised form), the
// set of tags it was seen with, so that a wrong tag on a known word is partly corrected by
// what the word can be. Stored in the model (section "word-classes").
class WordClasses {
 public:
  // Counts (word, gold tag) pairs of the training data; classes keep the tags seen with at
  // least `min_share` of a word's occurrences, for words seen at least `min_count` times.
  static WordClasses build(const std::vector<std::vector<std::string>>& words,
                           const std::vector<std::vector<std::string>>& tags, int min_count, double min_share);
  // The class hash of a word hash (SentenceContext::word), or 0 when the word has none.
  std::uint64_t find(std::uint64_t word_hash) const;
  std::size_t size() const { return entries_.size(); }
  // Little-endian: u64 count, then (word hash, class hash) pairs sorted by word hash.
  void serialize(std::string& out) const;
  static Result<WordClasses> deserialize(std::string_view bytes);

 private:
  std::vector<std::pair<std::uint64_t, std::uint64_t>> entries_;  // sorted by word hash
};

// The per-sentence values the templates combine: for each word and the root (index n), and
// for "no such node" (index n + 1), the hashes of its normalised form, its tag, the pair,
// and a coarse word-class (suffix) value.
struct SentenceContext {
  std::vector<std::uint64_t> word;
  std::vector<std::uint64_t> tag;
  std::vector<std::uint64_t> word_tag;
  std::vector<std::uint64_t> suffix;
  std::vector<std::uint64_t> word_class;  // ambiguity class, or an "unknown word" value
  std::vector<std::uint64_t> shape;       // capitalisation, digits, hyphen, punctuation
  std::vector<std::uint64_t> coarse;      // coarse tag (noun, verb, adjective, ...): robust to
                                          // the tagger's NNP/NN, VBD/VBN confusions
  int num_words = 0;
  int none() const { return num_words + 1; }
};

// The normalised form used for word features: lower-cased ASCII, digits as '9' (build_context
// first maps the token through pos::pos_form(): curly quotes to ASCII and so on).
std::string normalize_form(std::string_view form);

// The hash of a normalised word form, as in SentenceContext::word.
std::uint64_t word_hash(std::string_view normalised_form);

// Fills `context` for one sentence. REQUIRES: words.size() == tags.size().
void build_context(std::span<const std::string_view> words, std::span<const std::string_view> tags,
                   const WordClasses& classes, SentenceContext& context);

// The move classifier's features fall into three groups by what they read, so that decoding
// can keep the sums of the first two (issue 8: the parser's time goes to looking up weights):
//   stack   the values of s0, s1, s2 and of the word before s0, s0's left dependents, s1's
//           dependents and the s1-s0 distance: fixed while the same word is on top of the
//           stack (s0's left dependents were attached while it was b0; the words below it
//           take dependents only once it is gone);
//   buffer  the bias and the values of b0, b1, b2: a function of b0 (the buffer is a range);
//   state   the rest: s0's right and b0's left dependents and all that pairs s0 with b0.
// Each writes its features to `out` and returns the end.
inline constexpr std::size_t kStackFeatures = 66, kBufferFeatures = 20, kStateFeatures = 60;
inline constexpr std::size_t kMoveFeatures = kStackFeatures + kBufferFeatures + kStateFeatures;
std::uint64_t* stack_features(const State& state, const SentenceContext& context, std::uint64_t* out);
std::uint64_t* buffer_features(const State& state, const SentenceContext& context, std::uint64_t* out);
std::uint64_t* state_features(const State& state, const SentenceContext& context, std::uint64_t* out);

// All the move-classifier features of `state` (the three groups in order) into `out`.
void move_features(const State& state, const SentenceContext& context, std::vector<std::uint64_t>& out);

// Label-classifier features for the arc head -> dependent that `move` (kLeft or kRight) is
// about to add in `state`.
void label_features(const State& state, const SentenceContext& context, Move move, int head, int dependent,
                    std::vector<std::uint64_t>& out);

}  // namespace newsgraph::parse
