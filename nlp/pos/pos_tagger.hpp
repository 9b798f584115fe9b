// nlp/pos: the part-of-speech tagger. Penn Treebank tags (the XPOS column of UD English EWT:
// PTB plus ADD, AFX, GW, HYPH, NFP), one per token, greedy left to right.
//
// Model: a multi-class averaged perceptron (learn/perceptron.hpp; Collins 2002) over hashed
// features in the style of Honnibal's "A good POS tagger in about 200 lines": the word,
// its lower case, prefixes 1-3, suffixes 1-4, shape, flags, the two words on either side with
// their suffixes and shapes, the two previous tags and their conjunction, and the
// "ambiguity class" (the tags a training word was seen with) of the word and the next two,
// and what WordNet says about the word and its neighbours (open classes of the form, and
// the regular inflections that lead to a WordNet lemma: detail::wordnet_signature).
// Frequent unambiguous words are tagged from a tag dictionary without scoring (fast path).
// Token text goes through pos_form() (curly quotes → ASCII) before any feature.
//
// Model file: learn/model_file.hpp with kind "pos-tagger" and sections "weights"
// (perceptron, int16), "lexicon" (word → ambiguity class and dictionary tag), "wordnet"
// (data/wordnet-pos.tsv as trained with; optional). See
// docs/model-format.md and models/README.md.
//
// Thread safety: a loaded PosTagger is immutable; tag() may run concurrently from any
// number of threads.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "core/status.hpp"
#include "learn/model_file.hpp"
#include "learn/perceptron.hpp"
#include "nlp/conllu/conllu.hpp"
#include "nlp/pos/hash_index.hpp"
#include "nlp/pos/pos_form.hpp"

namespace newsgraph::pos {

inline constexpr std::string_view kPosModelKind = "pos-tagger";
// Bump when feature extraction changes: models of another feature set are refused.
inline constexpr std::uint32_t kPosFeatureSet = 2;

// What the tagger knows about a frequent training word.
struct LexiconEntry {
  std::string tag_class;       // tags seen with >= 10% of its occurrences, sorted, '|'-joined
  std::int32_t dict_tag = -1;  // the tag when the word is frequent and unambiguous, else -1
};

class PosTagger {
 public:
  PosTagger() = default;

  // Loads a model written by save(). Errors name the path and the problem (wrong kind,
  // newer format, unknown feature set, corrupt section).
  static Result<PosTagger> load(const std::string& path);
  // Parses a model already in memory.
  static Result<PosTagger> from_model(const learn::ModelFile& file, const std::string& name);
  // Writes the model atomically, with header() as its header.
  Status save(const std::string& path) const;

  // Tags one sentence: tags[i] is the tag of words[i]. The views point into tags() and stay
  // valid as long as this tagger. `tags` is replaced.
  void tag(std::span<const std::string_view> words, std::vector<std::string_view>& tags) const;
  // The same with tag ids (indices into tags()).
  void tag_ids(std::span<const std::string_view> words, std::vector<std::uint16_t>& tag_ids) const;

  // The tag set, sorted.
  const std::vector<std::string>& tags() const { return tags_; }
  // The model header (labels, hyper-parameters, seed, training data, dev scores). The
  // training command fills in training_data and dev scores before save().
  const learn::ModelHeader& header() const { return header_; }
  learn::ModelHeader& header() { return header_; }
  std::size_t num_features() const { return model_.num_features() + second_.num_features(); }
  // The WordNet lexicon the model was trained with (section "wordnet", data/wordnet-pos.tsv's
  // text), or empty. Retraining with the same options (e.g. jackknife taggers) needs
  // PosTrainOptions::wordnet = wordnet_text(): the header's hyper-parameters do not hold it.
  const std::string& wordnet_text() const { return wordnet_text_; }

 private:
  friend class PosTrainer;
  struct LexiconValue {
    std::uint64_t class_hash = 0;  // 0: no entry
    std::int32_t dict_tag = -1;
  };

  void build_index();
  void serialize_lexicon(std::string& out) const;
  // Installs the WordNet lexicon (data/wordnet-pos.tsv's text; see scripts/build-wordnet-pos).
  Status set_wordnet(std::string text);
  std::uint32_t wordnet_lookup(std::uint64_t key) const;

  learn::Perceptron model_;
  learn::Perceptron second_;  // the second pass (also sees the first pass's right tags), or empty
  std::vector<std::string> tags_;
  learn::ModelHeader header_;
  std::vector<std::pair<std::string, LexiconEntry>> lexicon_;  // sorted by word
  detail::HashIndex<LexiconValue> lexicon_index_;        // hash of the word
  std::string wordnet_text_;  // section "wordnet": data/wordnet-pos.tsv as trained with, or empty
  detail::HashIndex<std::uint8_t> wordnet_index_;       // wordnet_key(form) → bits
};

// Fills doc.pos with one tag per token of doc.tokens, sentence by sentence (doc.sentences).
// Reads doc.text(), doc.tokens, doc.sentences; writes doc.pos only.
void tag_pos(const PosTagger& tagger, Document& doc);

struct PosTrainOptions {
  int max_epochs = 15;
  int patience = 3;             // stop after this many epochs without a better dev score
  std::uint64_t seed = 1;       // shuffles the training sentences, epoch by epoch
  float prune_below = 0.02f;    // drop feature rows whose averaged weights are all smaller
  int dict_min_count = 20;      // tag dictionary: words seen at least this often ...
  double dict_min_share = 0.97; // ... with one tag at least this share of the time
  int class_min_count = 3;      // ambiguity classes for words seen at least this often
  bool rejoin_hyphens = true;   // train on TreebankTokens::kRejoinedHyphens
  bool two_pass = false;        // add a second pass that also sees the first pass's right tags
                                // (measured on EWT dev: +0.03 for 5x the training time; off)
  int jackknife_folds = 5;      // folds for the first pass's tags that the second learns from
  std::vector<TaggedSentence> extra;  // more training sentences (e.g. read_conll2003_pos), after
                                      // the treebank's; their updates count extra_weight
  float extra_weight = 1.0f;
  std::string wordnet;          // open-class lexicon (data/wordnet-pos.tsv's text), embedded in
                                // the model as section "wordnet"; empty: no WordNet features
};

// Trains a tagger on `train`, choosing the epoch by accuracy on `dev` (the last epoch when
// dev is null). Deterministic: the same data and options give the same model, byte for byte.
// `log` receives one line per epoch (may be empty). The returned tagger holds the weights
// exactly as save() stores them (quantised), so its scores are those of the saved file.
PosTagger train_pos_tagger(const std::vector<conllu::TreebankSentence>& train,
                           const std::vector<conllu::TreebankSentence>* dev, const PosTrainOptions& options,
                           std::function<void(std::string_view)> log);

// The POS column of a CoNLL-2003 file (word POS chunk NE, blank line between sentences,
// -DOCSTART- lines skipped) mapped to the EWT tag set: "(" ")" → -LRB- -RRB-, '"' → `` or ''
// (alternately, per sentence); sentences with a tag outside `tags` (NN|SYM) are dropped.
Result<std::vector<TaggedSentence>> read_conll2003_pos(const std::string& path);

struct PosEvaluation {
  double accuracy = 0;  // percent of tokens tagged right
  std::size_t tokens = 0;
  double tokens_per_s = 0;  // tagging only, one thread
};

// Accuracy on the treebank's words as they are in the file (TreebankTokens::kWords), or
// with hyphen-split words re-joined.
PosEvaluation evaluate_pos(const PosTagger& tagger, const std::vector<conllu::TreebankSentence>& sentences,
                           TreebankTokens mode = TreebankTokens::kWords);
PosEvaluation evaluate_pos(const PosTagger& tagger, const std::vector<TaggedSentence>& sentences);

}  // namespace newsgraph::pos
