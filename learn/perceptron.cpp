// See perceptron.hpp; the serialised layout is in docs/model-format.md.
#include "learn/perceptron.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <numeric>
#include <stdexcept>

namespace newsgraph::learn {
namespace {

constexpr char kMagic[4] = {'N', 'G', 'P', 'W'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kFixedHeaderBytes = 4 + 4 + 4 + 4 + 4 + 8;  // magic..num_rows

inline void prefetch(const void* p) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

void put_u32(std::string& out, std::uint32_t v) {
  char b[4];
  for (int i = 0; i < 4; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  out.append(b, 4);
}
void put_u64(std::string& out, std::uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  out.append(b, 8);
}
std::uint32_t get_u32(const char* p) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}
std::uint64_t get_u64(const char* p) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

// Appends `count` little-endian values of type T from `data`.
template <typename T>
void put_array(std::string& out, const T* data, std::size_t count) {
  const std::size_t at = out.size();
  out.resize(at + count * sizeof(T));
  if constexpr (std::endian::native == std::endian::little) {
    if (count) std::memcpy(out.data() + at, data, count * sizeof(T));
  } else {
    for (std::size_t i = 0; i < count; ++i) {
      auto bits = std::bit_cast<std::array<unsigned char, sizeof(T)>>(data[i]);
      std::reverse(bits.begin(), bits.end());
      std::memcpy(out.data() + at + i * sizeof(T), bits.data(), sizeof(T));
    }
  }
}
template <typename T>
void get_array(const char* p, T* data, std::size_t count) {
  if constexpr (std::endian::native == std::endian::little) {
    if (count) std::memcpy(data, p, count * sizeof(T));
  } else {
    for (std::size_t i = 0; i < count; ++i) {
      std::array<unsigned char, sizeof(T)> bits;
      std::memcpy(bits.data(), p + i * sizeof(T), sizeof(T));
      std::reverse(bits.begin(), bits.end());
      data[i] = std::bit_cast<T>(bits);
    }
  }
}

// The smallest e with max_abs / 2^e <= 32767 (0 for an all-zero table).
int int16_exponent(float max_abs) {
  if (!(max_abs > 0.0f) || !std::isfinite(max_abs)) return 0;
  int e = std::ilogb(max_abs) - 14;
  while (std::ldexp(static_cast<double>(max_abs), -e) > 32767.0) ++e;
  while (std::ldexp(static_cast<double>(max_abs), -(e - 1)) <= 32767.0) --e;
  return e;
}

}  // namespace

Perceptron::Perceptron(std::uint32_t num_labels) : num_labels_(num_labels) {}

std::uint32_t Perceptron::find_or_insert(std::uint64_t key) {
  if ((keys_.size() + 1) > index_.home_buckets() * KeyIndex::kPerBucket * kTrainingLoad)
    rebuild_index(std::max<std::size_t>(1024, keys_.size() * 2));
  if (const KeyIndex::Payload* found = index_.find(key)) return payload_u32(*found);
  if (keys_.size() >= kMaxRows) throw std::length_error("Perceptron: too many features");
  const auto row = static_cast<std::uint32_t>(keys_.size());
  KeyIndex::Payload& payload = index_.insert(key);
  payload = {static_cast<std::uint16_t>(row), static_cast<std::uint16_t>(row >> 16), 0};
  keys_.push_back(key);
  weights_.resize(weights_.size() + num_labels_, 0.0f);
  update_sums_.resize(update_sums_.size() + num_labels_, 0.0);
  return row;
}

void Perceptron::rebuild_index(std::size_t min_keys) {
  // A finalized index is only read, at random, by scoring; a training index keeps room for
  // the rows still to come.
  const double load = finalized_ ? kFinalizedLoad : kTrainingLoad;
  index_.reset(keys_.empty() && finalized_ ? 0 : KeyIndex::home_buckets_for(std::max(min_keys, keys_.size()), load));
  std::vector<std::uint32_t> order(keys_.size());
  std::iota(order.begin(), order.end(), 0u);
  if (finalized_) {
    // Rows with more weight are, as a rule, those of frequent features. Inserted first, they
    // take the places in their home buckets, and the rows that overflow into a second cache
    // line are mostly rare ones (bench_parser at load 0.8: +10% words/s). The order does not
    // change any weight a lookup finds.
    std::vector<float> mass(keys_.size(), 0.0f);
    for (std::uint32_t r = 0; r < keys_.size(); ++r)
      for (std::uint32_t e = row_begin_[r]; e < row_begin_[r + 1]; ++e) mass[r] += std::fabs(entries_[e].value);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return mass[a] > mass[b]; });
  }
  for (std::uint32_t row : order) {
    KeyIndex::Payload& payload = index_.insert(keys_[row]);
    if (!finalized_) {
      payload = {static_cast<std::uint16_t>(row), static_cast<std::uint16_t>(row >> 16), 0};
    } else if (inline_rows()) {
      for (std::uint32_t e = row_begin_[row]; e < row_begin_[row + 1]; ++e) {
        const auto multiple = static_cast<std::int16_t>(entries_[e].value / quantum_);  // exact: see deserialize()
        payload[entries_[e].label] = static_cast<std::uint16_t>(multiple);
      }
    } else {
      const std::uint32_t begin = row_begin_[row];
      payload = {static_cast<std::uint16_t>(begin), static_cast<std::uint16_t>(begin >> 16),
                 static_cast<std::uint16_t>(row_begin_[row + 1] - begin)};  // at most num_labels_ < 2^15
    }
  }
}

void Perceptron::dense_row(std::uint32_t r, float* out) const {
  if (!finalized_) {
    std::copy_n(weights_.data() + static_cast<std::size_t>(r) * num_labels_, num_labels_, out);
    return;
  }
  std::fill(out, out + num_labels_, 0.0f);
  for (std::uint32_t e = row_begin_[r]; e < row_begin_[r + 1]; ++e) out[entries_[e].label] = entries_[e].value;
}

float Perceptron::weight(std::uint64_t feature, std::uint32_t label) const {
  const KeyIndex::Payload* found = index_.find(feature);
  if (found == nullptr || label >= num_labels_) return 0.0f;
  if (inline_rows()) return inline_weight(*found, label);
  if (!finalized_) return weights_[static_cast<std::size_t>(payload_u32(*found)) * num_labels_ + label];
  const std::uint32_t begin = payload_u32(*found);
  for (std::uint32_t e = begin; e < begin + (*found)[2]; ++e)
    if (entries_[e].label == label) return entries_[e].value;
  return 0.0f;
}

std::size_t Perceptron::find_batch(const std::uint64_t* features, std::size_t count, const KeyIndex::Payload** found,
                                   bool for_units) const {
  std::size_t home[kBatch];
  for (std::size_t k = 0; k < count; ++k) {
    home[k] = index_.home(features[k]);
    prefetch(index_.bucket_address(home[k]));
  }
  const bool inline_rows = this->inline_rows();
  std::size_t num_found = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const KeyIndex::Payload* payload = index_.find(features[k], home[k]);
    if (payload == nullptr) continue;
    found[num_found++] = payload;
    if (inline_rows) continue;
    const std::uint32_t row = payload_u32(*payload);
    if (for_units) {
      prefetch(unit_entries_.data() + row);
    } else if (finalized_) {
      prefetch(entries_.data() + row);
    } else {
      const char* weights = reinterpret_cast<const char*>(weights_.data() + static_cast<std::size_t>(row) * num_labels_);
      for (std::size_t offset = 0; offset < num_labels_ * sizeof(float); offset += 64) prefetch(weights + offset);
    }
  }
  return num_found;
}

void Perceptron::score(std::span<const std::uint64_t> features, std::span<float> scores) const {
  if (index_.home_buckets() == 0) return;
  const std::uint32_t n = num_labels_;
  float* out = scores.data();
  // Each score gets its terms in the order a plain loop over the features adds them, and zero
  // weights are skipped, so the sums are the same to the bit.
  const KeyIndex::Payload* found_rows[kBatch];
  const bool inline_rows = this->inline_rows();
  for (std::size_t begin = 0; begin < features.size(); begin += kBatch) {
    const std::size_t found = find_batch(features.data() + begin, std::min(kBatch, features.size() - begin), found_rows, false);
    if (inline_rows) {
      float sum[kInlineLabels] = {0.0f, 0.0f, 0.0f};
      std::copy_n(out, n, sum);
      for (std::size_t k = 0; k < found; ++k) {
        for (std::uint32_t l = 0; l < kInlineLabels; ++l) {
          const float w = inline_weight(*found_rows[k], l);  // 0 for labels >= n
          sum[l] = w != 0.0f ? sum[l] + w : sum[l];  // a select, not a branch
        }
      }
      std::copy_n(sum, n, out);
    } else if (finalized_) {
      for (std::size_t k = 0; k < found; ++k) {
        const Entry* e = entries_.data() + payload_u32(*found_rows[k]);
        const Entry* end = e + (*found_rows[k])[2];
        for (; e != end; ++e) out[e->label] += e->value;
      }
    } else {
      for (std::size_t k = 0; k < found; ++k) {
        const float* w = weights_.data() + static_cast<std::size_t>(payload_u32(*found_rows[k])) * n;
        for (std::uint32_t l = 0; l < n; ++l) out[l] += w[l];
      }
    }
  }
}

void Perceptron::score_units(std::span<const std::uint64_t> features, std::span<std::int32_t> units) const {
  if (index_.home_buckets() == 0) return;
  std::int32_t* out = units.data();
  const KeyIndex::Payload* found_rows[kBatch];
  const bool inline_rows = this->inline_rows();
  for (std::size_t begin = 0; begin < features.size(); begin += kBatch) {
    const std::size_t found = find_batch(features.data() + begin, std::min(kBatch, features.size() - begin), found_rows, !inline_rows);
    if (inline_rows) {
      std::int32_t sum[kInlineLabels] = {0, 0, 0};
      for (std::size_t k = 0; k < found; ++k) {
        const KeyIndex::Payload& row = *found_rows[k];
        for (std::uint32_t l = 0; l < kInlineLabels; ++l) sum[l] += static_cast<std::int16_t>(row[l]);
      }
      for (std::uint32_t l = 0; l < num_labels_; ++l) out[l] += sum[l];
    } else {
      for (std::size_t k = 0; k < found; ++k) {
        const UnitEntry* e = unit_entries_.data() + payload_u32(*found_rows[k]);
        const UnitEntry* end = e + (*found_rows[k])[2];
        for (; e != end; ++e) out[e->label] += e->units;
      }
    }
  }
}

void Perceptron::update(std::span<const std::uint64_t> features, std::uint32_t truth, std::uint32_t guess,
                        float step) {
  if (truth == guess) return;
  if (finalized_) throw std::logic_error("Perceptron::update after finalize");
  const double stamp = static_cast<double>(clock_) * step;
  for (std::uint64_t f : features) {
    const std::size_t base = static_cast<std::size_t>(find_or_insert(f)) * num_labels_;
    weights_[base + truth] += step;
    weights_[base + guess] -= step;
    update_sums_[base + truth] += stamp;
    update_sums_[base + guess] -= stamp;
  }
}

void Perceptron::compact_sorted(const std::vector<float>& source, float prune_below) {
  const std::size_t n = num_labels_;
  std::vector<std::uint32_t> keep;
  keep.reserve(keys_.size());
  auto kept_weight = [prune_below](float w) { return std::fabs(w) < prune_below ? 0.0f : w; };
  for (std::uint32_t r = 0; r < keys_.size(); ++r) {
    const float* w = source.data() + r * n;
    bool any = false;
    for (std::size_t l = 0; l < n && !any; ++l) any = kept_weight(w[l]) != 0.0f;
    if (any) keep.push_back(r);
  }
  std::sort(keep.begin(), keep.end(), [&](std::uint32_t a, std::uint32_t b) { return keys_[a] < keys_[b]; });
  std::vector<std::uint64_t> keys(keep.size());
  row_begin_.assign(1, 0);
  row_begin_.reserve(keep.size() + 1);
  entries_.clear();
  for (std::size_t i = 0; i < keep.size(); ++i) {
    keys[i] = keys_[keep[i]];
    for (std::size_t l = 0; l < n; ++l) {
      const float w = kept_weight(source[keep[i] * n + l]);
      if (w != 0.0f) entries_.push_back(Entry{w, static_cast<std::uint32_t>(l)});
    }
    row_begin_.push_back(static_cast<std::uint32_t>(entries_.size()));
  }
  entries_.shrink_to_fit();
  keys_ = std::move(keys);
  weights_.clear();
  weights_.shrink_to_fit();
  update_sums_.clear();
  update_sums_.shrink_to_fit();
  finalized_ = true;
  rebuild_index(keys_.size());
}

Perceptron Perceptron::averaged_copy(float prune_below) const {
  Perceptron copy(num_labels_);
  copy.keys_ = keys_;
  std::vector<float> averaged(keys_.size() * num_labels_);
  if (finalized_) {
    for (std::uint32_t r = 0; r < keys_.size(); ++r) dense_row(r, averaged.data() + static_cast<std::size_t>(r) * num_labels_);
  } else if (clock_ == 0) {
    averaged = weights_;
  } else {
    const double clock = static_cast<double>(clock_);
    for (std::size_t i = 0; i < weights_.size(); ++i)
      averaged[i] = static_cast<float>(weights_[i] - update_sums_[i] / clock);
  }
  copy.compact_sorted(averaged, prune_below);
  return copy;
}

void Perceptron::finalize(float prune_below) {
  Perceptron averaged = averaged_copy(prune_below);
  *this = std::move(averaged);
}

void Perceptron::serialize(std::string& out, WeightEncoding encoding) const {
  const std::size_t n = num_labels_;
  std::vector<std::uint32_t> order(keys_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return keys_[a] < keys_[b]; });

  float max_abs = 0.0f;
  if (finalized_) {
    for (const Entry& e : entries_) max_abs = std::max(max_abs, std::fabs(e.value));
  } else {
    for (float w : weights_) max_abs = std::max(max_abs, std::fabs(w));
  }
  std::vector<float> dense(n);
  const int exponent = encoding == WeightEncoding::kFloat32 ? 0 : int16_exponent(max_abs);

  out.append(kMagic, 4);
  put_u32(out, kVersion);
  put_u32(out, num_labels_);
  put_u32(out, static_cast<std::uint32_t>(encoding));
  put_u32(out, static_cast<std::uint32_t>(exponent));
  put_u64(out, keys_.size());
  std::vector<std::uint64_t> keys(keys_.size());
  for (std::size_t i = 0; i < order.size(); ++i) keys[i] = keys_[order[i]];
  put_array(out, keys.data(), keys.size());
  if (encoding == WeightEncoding::kFloat32) {
    std::vector<float> rows(keys_.size() * n);
    for (std::size_t i = 0; i < order.size(); ++i) dense_row(order[i], rows.data() + i * n);
    put_array(out, rows.data(), rows.size());
  } else {
    auto quantise = [exponent](float w) {
      const double q = std::nearbyint(std::ldexp(static_cast<double>(w), -exponent));
      return static_cast<std::int16_t>(std::clamp(q, -32767.0, 32767.0));
    };
    std::vector<std::int16_t> rows;
    rows.reserve(encoding == WeightEncoding::kInt16 ? keys_.size() * n : keys_.size() * 4);
    for (std::size_t i = 0; i < order.size(); ++i) {
      dense_row(order[i], dense.data());
      const float* w = dense.data();
      if (encoding == WeightEncoding::kInt16) {
        for (std::size_t l = 0; l < n; ++l) rows.push_back(quantise(w[l]));
        continue;
      }
      // Sparse: u16 count, then count (u16 label, i16 q) pairs, all as 16-bit units.
      const std::size_t count_at = rows.size();
      rows.push_back(0);
      std::uint16_t count = 0;
      for (std::size_t l = 0; l < n; ++l) {
        const std::int16_t q = quantise(w[l]);
        if (q == 0) continue;
        rows.push_back(static_cast<std::int16_t>(static_cast<std::uint16_t>(l)));
        rows.push_back(q);
        ++count;
      }
      rows[count_at] = static_cast<std::int16_t>(count);
    }
    put_array(out, rows.data(), rows.size());
  }
}

Result<Perceptron> Perceptron::deserialize(std::string_view bytes) {
  auto fail = [](const std::string& what) { return Status::error("perceptron weights: " + what); };
  if (bytes.size() < kFixedHeaderBytes) return fail("truncated: " + std::to_string(bytes.size()) + " bytes");
  const char* p = bytes.data();
  if (std::memcmp(p, kMagic, 4) != 0) return fail("bad magic");
  const std::uint32_t version = get_u32(p + 4);
  if (version > kVersion)
    return fail("version " + std::to_string(version) + ", this build reads up to " + std::to_string(kVersion));
  const std::uint32_t num_labels = get_u32(p + 8);
  const std::uint32_t encoding = get_u32(p + 12);
  const auto exponent = static_cast<std::int32_t>(get_u32(p + 16));
  const std::uint64_t num_rows = get_u64(p + 20);
  if (encoding > 2) return fail("unknown weight encoding " + std::to_string(encoding));
  if (num_rows >= kMaxRows || num_labels > (1u << 15) || num_rows > (bytes.size() - kFixedHeaderBytes) / 8)
    return fail("truncated or corrupt: " + std::to_string(num_rows) + " rows do not fit " + std::to_string(bytes.size()) +
                " bytes");
  const std::size_t rest_bytes = bytes.size() - kFixedHeaderBytes - num_rows * 8;
  if (encoding != 2 && rest_bytes != num_rows * num_labels * (encoding == 0 ? 4 : 2))
    return fail("truncated or corrupt: " + std::to_string(num_rows) + " rows of " + std::to_string(num_labels) +
                " labels do not fit " + std::to_string(bytes.size()) + " bytes");

  Perceptron model(num_labels);
  model.finalized_ = true;
  p += kFixedHeaderBytes;
  model.keys_.resize(num_rows);
  get_array(p, model.keys_.data(), num_rows);
  p += num_rows * 8;
  for (std::size_t i = 1; i < num_rows; ++i)
    if (model.keys_[i - 1] >= model.keys_[i]) return fail("corrupt: feature hashes not in ascending order");
  const std::size_t count = num_rows * num_labels;
  const float scale = static_cast<float>(std::ldexp(1.0, exponent));
  // Every weight below is q * scale with q an int16; a power of two in the float range keeps
  // the product exact, and weight / scale gives q back (rebuild_index() stores q inline).
  const bool exact_multiples = encoding != 0 && std::isnormal(scale) && std::isnormal(scale * 32767.0f);
  model.quantum_ = exact_multiples ? scale : 0.0f;
  model.integer_weights_ = exact_multiples && std::isnormal(scale * 16777216.0f);
  model.row_begin_.reserve(num_rows + 1);
  model.row_begin_.push_back(0);
  if (encoding == 0 || encoding == 1) {
    std::vector<float> dense(count);
    if (encoding == 0) {
      get_array(p, dense.data(), count);
    } else {
      std::vector<std::int16_t> q(count);
      get_array(p, q.data(), count);
      for (std::size_t i = 0; i < count; ++i) dense[i] = static_cast<float>(q[i]) * scale;
    }
    for (std::size_t r = 0; r < num_rows; ++r) {
      for (std::uint32_t l = 0; l < num_labels; ++l)
        if (const float w = dense[r * num_labels + l]; w != 0.0f) model.entries_.push_back(Entry{w, l});
      model.row_begin_.push_back(static_cast<std::uint32_t>(model.entries_.size()));
    }
  } else {
    if (rest_bytes % 2 != 0) return fail("truncated or corrupt: odd sparse weight bytes");
    std::vector<std::int16_t> units(rest_bytes / 2);
    get_array(p, units.data(), units.size());
    model.entries_.reserve(units.size() / 2);
    std::size_t at = 0;
    for (std::size_t r = 0; r < num_rows; ++r) {
      if (at >= units.size()) return fail("truncated: sparse row " + std::to_string(r) + " missing");
      const auto pairs = static_cast<std::uint16_t>(units[at++]);
      if (pairs > num_labels || units.size() - at < 2u * pairs)
        return fail("truncated or corrupt: sparse row " + std::to_string(r));
      std::uint32_t last_label = 0;
      for (std::uint16_t k = 0; k < pairs; ++k, at += 2) {
        const auto label = static_cast<std::uint16_t>(units[at]);
        if (label >= num_labels || (k > 0 && label <= last_label))
          return fail("corrupt: label " + std::to_string(label) + " in sparse row " + std::to_string(r));
        last_label = label;
        if (units[at + 1] != 0) model.entries_.push_back(Entry{static_cast<float>(units[at + 1]) * scale, label});
      }
      model.row_begin_.push_back(static_cast<std::uint32_t>(model.entries_.size()));
    }
    if (at != units.size()) return fail("corrupt: " + std::to_string(2 * (units.size() - at)) + " bytes after the last row");
  }
  if (model.integer_weights_ && !model.inline_rows()) {
    model.unit_entries_.reserve(model.entries_.size());
    for (const Entry& e : model.entries_)  // exact: every value is an int16 times scale
      model.unit_entries_.push_back(UnitEntry{static_cast<std::int16_t>(e.value / scale), static_cast<std::uint16_t>(e.label)});
  }
  model.rebuild_index(num_rows);
  return model;
}

}  // namespace newsgraph::learn
