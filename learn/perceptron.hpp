// A multi-class averaged perceptron (Collins 2002) over hashed features.
//
// Weights are stored sparsely: a hash index (learn/key_index.hpp: cache-line buckets of four
// full 64-bit keys with their payloads) maps a feature hash to its row. While training, the
// rows (num_labels() floats each) sit one after another in one contiguous array; a finalized
// model keeps only each row's non-zero weights, as (label, weight) entries in one contiguous
// array (compressed rows), which makes it several times smaller in memory, faster to load
// and faster to score. A model holds only the features that were updated in training;
// scoring an absent feature costs one bucket read, nearly always one cache line.
//
// Averaging is lazy (Daume's trick, equivalent to timestamped averaging): next to each weight
// w we keep u, the sum of clock * delta over its updates, so the average over the clock's
// examples is w - u / clock, computed at finalize() or averaged_copy() without touching
// every weight on every example.
//
// Serialised form: docs/model-format.md, section "Perceptron weights".
//
// Thread safety: const methods may run concurrently; update()/next_example()/finalize() need
// exclusive access.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "learn/key_index.hpp"
#include "learn/table_memory.hpp"

namespace newsgraph::learn {

// How serialize() stores the weights.
enum class WeightEncoding : std::uint8_t {
  kFloat32 = 0,  // exact
  kInt16 = 1,    // w = q * 2^exponent, one power-of-two scale for the whole table: half the
                 // size, round-trips byte for byte, scores change by < 2^exponent per weight
  kSparseInt16 = 2,  // as kInt16, but each row stores only its non-zero weights as
                     // (label, q) pairs: a fraction of the size for sparse rows
};

class Perceptron {
 public:
  explicit Perceptron(std::uint32_t num_labels = 0);
  Perceptron(const Perceptron&) = default;
  Perceptron(Perceptron&&) noexcept = default;
  Perceptron& operator=(const Perceptron&) = default;
  Perceptron& operator=(Perceptron&&) noexcept = default;

  std::uint32_t num_labels() const { return num_labels_; }

  // scores[l] += sum over present features f of weight(f, l). Duplicate features count
  // twice. REQUIRES: scores.size() == num_labels().
  void score(std::span<const std::uint64_t> features, std::span<float> scores) const;

  // Exact scoring in integers (issue 8). A model read from int16 weights holds every weight
  // as an int16 multiple of quantum(); score_units() adds up those multiples. Sums of such
  // weights are exact in float as long as they stay below 2^24 quanta, which holds for at
  // most kMaxExactTerms terms, so then score() does not depend on the order of its terms and
  // quantum() * units == score() to the bit: a caller may keep the units of a part of its
  // features and add them to those of the rest later.
  static constexpr std::size_t kMaxExactTerms = 512;  // 512 * 32767 < 2^24
  bool integer_weights() const { return integer_weights_; }
  float quantum() const { return quantum_; }
  // units[l] += sum over present features f of weight(f, l) / quantum().
  // REQUIRES: integer_weights(); units.size() == num_labels().
  void score_units(std::span<const std::uint64_t> features, std::span<std::int32_t> units) const;

  // The weight of (feature, label); 0 when the model lacks the feature.
  float weight(std::uint64_t feature, std::uint32_t label) const;
  bool has_feature(std::uint64_t feature) const { return index_.find(feature) != nullptr; }

  // The perceptron update: weight(f, truth) += step, weight(f, guess) -= step for every f.
  // A no-op when truth == guess. REQUIRES: !finalized(); truth, guess < num_labels().
  void update(std::span<const std::uint64_t> features, std::uint32_t truth, std::uint32_t guess,
              float step = 1.0f);

  // Advances the averaging clock: call once per training example (token), after its update.
  void next_example() { ++clock_; }

  // The averaged weights as a new, finalized perceptron (prune as in finalize()); training of
  // this one can go on. For evaluating on dev between epochs.
  Perceptron averaged_copy(float prune_below = 0.0f) const;

  // Replaces the weights by their averages and frees the training state. Weights below
  // `prune_below` in magnitude become zero, and rows left all zero are dropped. Rows end
  // sorted by feature hash. After this, update() is not allowed.
  void finalize(float prune_below = 0.0f);
  bool finalized() const { return finalized_; }

  // Number of feature rows held.
  std::size_t num_features() const { return keys_.size(); }

  // Appends the weights to `out` (format in docs/model-format.md): little-endian,
  // deterministic (rows sorted by feature hash, whatever the insertion order). On a
  // perceptron still training this stores the current (not averaged) weights.
  void serialize(std::string& out, WeightEncoding encoding = WeightEncoding::kFloat32) const;
  // Reads what serialize() wrote; the result is finalized. Errors say what is wrong
  // ("perceptron weights: truncated: ..."); callers prefix the file name.
  static Result<Perceptron> deserialize(std::string_view bytes);

 private:
  static constexpr std::uint32_t kMaxRows = 0xffffffffu;
  // The index (learn/key_index.hpp) maps a feature to a 6-byte payload. While training the
  // payload is the row (u32 in words 0-1). Scoring is the pipeline's hot loop and bound by
  // cache misses (issue 8), so a finalized payload carries what scoring needs: the row's entry
  // range (first entry in words 0-1, count in word 2; one dependent access less than going
  // through row_begin_) or, for a model of at most kInlineLabels classes read from int16
  // weights (the parser's moves: 1.8 M rows, most of the scoring), the row itself as int16
  // multiples of quantum_, so that such a feature costs one cache line.
  static constexpr std::uint32_t kInlineLabels = 3;
  // Keys per entry of the index's buckets. A finalized index is filled densely, to fit more of it in the
  // caches: at 0.65 it takes 25 bytes per row, against 64 for the table of 16-byte slots at
  // load 1/4 it replaces (bench/results/2026-11-23-session6-table.md: 0.65 was faster than
  // 0.8, where more hits overflow into a second line, and as fast as 0.5); a training index
  // keeps room to grow.
  static constexpr double kFinalizedLoad = 0.65;
  static constexpr double kTrainingLoad = 0.5;
  bool inline_rows() const { return quantum_ != 0.0f && num_labels_ <= kInlineLabels; }
  static std::uint32_t payload_u32(const KeyIndex::Payload& payload) {
    return payload[0] | static_cast<std::uint32_t>(payload[1]) << 16;
  }
  // The inline weight of `label` in `payload` (REQUIRES inline_rows()).
  float inline_weight(const KeyIndex::Payload& payload, std::uint32_t label) const {
    return static_cast<float>(static_cast<std::int16_t>(payload[label])) * quantum_;
  }

  // The payloads of those of `count` (at most kBatch) features the model has, in feature
  // order, into `found`; returns how many. Prefetches the home buckets of all features first
  // and then the rows not held in the index, so that the cache misses of a batch overlap
  // instead of queueing;
  static constexpr std::size_t kBatch = 64;
  // `for_units`: prefetch the rows of unit_entries_ (score_units) rather than of entries_.
  std::size_t find_batch(const std::uint64_t* features, std::size_t count, const KeyIndex::Payload** found,
                         bool for_units) const;
  std::uint32_t find_or_insert(std::uint64_t key);
  // Rebuilds the index over keys_, with room for at least `min_keys` keys; a finalized one
  // gets its heaviest rows first, in their home buckets.
  void rebuild_index(std::size_t min_keys);
  // Replaces the weights by `source` (dense rows in keys_ order) in compressed form, pruned,
  // rows sorted by key; rebuilds the index; frees the training state.
  void compact_sorted(const std::vector<float>& source, float prune_below);
  // The dense weights of row r into out[0, num_labels_).
  void dense_row(std::uint32_t r, float* out) const;

  std::uint32_t num_labels_ = 0;
  KeyIndex index_;
  float quantum_ = 0.0f;  // read from int16 weights: every weight is an int16 times this
  bool integer_weights_ = false;  // quantum_ != 0 and 2^24 quanta are still a normal float
  std::vector<std::uint64_t> keys_;    // keys_[row]
  std::vector<float> weights_;         // training: row r at [r * num_labels_, (r + 1) * num_labels_)
  struct Entry {
    float value;
    std::uint32_t label;
  };
  std::vector<std::uint32_t> row_begin_;  // finalized: row r's entries [row_begin_[r], row_begin_[r + 1])
  std::vector<Entry, TableAllocator<Entry>> entries_;  // finalized: non-zero weights, by row, labels ascending
  // integer_weights() and rows not inline: entries_ again as multiples of quantum_, half the
  // bytes, so that score_units() reads fewer cache lines (NER, the parser's labels).
  struct UnitEntry {
    std::int16_t units;
    std::uint16_t label;
  };
  std::vector<UnitEntry, TableAllocator<UnitEntry>> unit_entries_;
  std::vector<double> update_sums_;    // training only: u per weight (see top of file)
  std::uint64_t clock_ = 0;            // examples seen (next_example() calls)
  bool finalized_ = false;
};

}  // namespace newsgraph::learn
