// The dependency parser: a greedy arc-hybrid transition parser (transition.hpp) with two
// averaged perceptrons (learn/perceptron.hpp), one choosing the move (SHIFT, LEFT, RIGHT) and
// one choosing the UD relation of each new arc (labels with subtypes, e.g. "nmod:poss").
// Trained on UD English EWT by train.hpp; the model file format is docs/model-format.md with
// kind "parser" and the sections "moves" and "labels".
//
// Input is what the pipeline has: word forms and Penn Treebank tags (the tagger's, nlp/pos).
// The parser parses the tokens it is given: the pipeline's tokenizer keeps hyphenated words
// whole ("long-term") while EWT splits them, so such tokens get one node.
//
// Thread safety: a loaded DependencyParser is immutable; parse() and parse_document() may run
// concurrently on one parser (each thread uses its own scratch space).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "core/status.hpp"
#include "learn/perceptron.hpp"
#include "nlp/parse/features.hpp"
#include "nlp/parse/transition.hpp"

namespace newsgraph {

// What a parser model holds; DependencyParser wraps it, training builds it.
struct ParserModel {
  learn::Perceptron moves{3};        // scores SHIFT, LEFT, RIGHT
  learn::Perceptron labels;          // one class per entry of label_names
  std::vector<std::string> label_names;  // sorted; includes "root"
  int root_label = -1;               // index of "root" in label_names
  parse::WordClasses word_classes;   // ambiguity classes of frequent training words
};

class DependencyParser {
 public:
  DependencyParser() = default;
  explicit DependencyParser(ParserModel model) : model_(std::move(model)) {}

  // Reads a model written by train_parser(). Errors name the file and the problem (wrong kind,
  // newer format, unknown feature-set version, truncated weights).
  static Result<DependencyParser> load(const std::string& path);

  // Parses one sentence. arcs receives words.size() arcs: arcs[i].head is the index (into
  // words) of word i's head, or -1 for the one root word; arcs[i].label its UD relation.
  // The result is always a single-rooted projective tree. An empty sentence gives no arcs.
  // REQUIRES: tags.size() == words.size().
  void parse(std::span<const std::string_view> words, std::span<const std::string_view> tags,
             std::vector<Arc>& arcs) const;

  const ParserModel& model() const { return model_; }
  const std::vector<std::string>& labels() const { return model_.label_names; }

 private:
  ParserModel model_;
};

// Parses every sentence of `doc`. Reads doc.tokens, doc.sentences and doc.pos (one tag per
// token; REQUIRES: doc.pos.size() == doc.tokens.size()); writes doc.arcs, one per token:
// arc.head is a DOCUMENT token index (always inside the token's own sentence) or -1 for the
// sentence root. Tokens outside every sentence get {-1, "root"}.
void parse_document(const DependencyParser& parser, Document& doc);

namespace parse {

// The model file's "kind" and the feature-set version this build reads and writes.
inline constexpr std::string_view kModelKind = "parser";

// Model headers allow no ':' in labels, so the subtype separator is written as '/'
// ("nmod:poss" is stored as "nmod/poss").
std::string label_to_header(std::string_view relation);
std::string label_from_header(std::string_view stored);

// Reusable per-thread buffers for decode().
struct Scratch {
  State state;
  SentenceContext context;
  std::vector<std::uint64_t> features;
  std::vector<float> label_scores;
  std::vector<std::int32_t> label_units;
  // For move_scores() with a model of integer weights: the units (learn::Perceptron::
  // score_units) of the stack features by the word on top of the stack (none() when it is
  // empty) and of the buffer features by b0, of the current sentence, once known.
  std::vector<std::array<std::int32_t, kNumMoves>> stack_units, buffer_units;
  std::vector<std::uint8_t> stack_known, buffer_known;
};

// Readies `scratch` for the sentence `words`: build_context() and the move-score
// caches. decode() calls it.
void start_sentence(const ParserModel& model, std::span<const std::string_view> words,
                    std::span<const std::string_view> tags, Scratch& scratch);

// The move scores of `state` (SHIFT, LEFT, RIGHT) into scores[0, kNumMoves). For a model of
// integer weights (learn::Perceptron::integer_weights) the sums of the stack and buffer
// features (features.hpp) are kept in `scratch` and used again while the same word is on top
// of the stack or at b0, which spares about a third of the weight lookups; the scores are the
// same to the bit as plain_move_scores()'s, which looks every feature up.
// REQUIRES: start_sentence() for this sentence, then states of that sentence only.
void move_scores(const ParserModel& model, const State& state, Scratch& scratch, float* scores);
void plain_move_scores(const ParserModel& model, const State& state, Scratch& scratch, float* scores);

// Greedy decoding: heads[i] is word i's head (a word index, or -1 for the root), labels[i]
// an index into model.label_names. Used by DependencyParser::parse() and by training.
void decode(const ParserModel& model, std::span<const std::string_view> words,
            std::span<const std::string_view> tags, Scratch& scratch, std::vector<int>& heads,
            std::vector<int>& labels);

// The best legal move by `scores` (SHIFT, LEFT, RIGHT). REQUIRES: !state.terminal().
Move best_legal_move(const State& state, const float* scores);

// The best label for an arc from `head` (the root is state.root()): "root" for the root arc,
// never "root" otherwise.
int best_label(const ParserModel& model, const State& state, int head, const float* scores);

}  // namespace parse

}  // namespace newsgraph
