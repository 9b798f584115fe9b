// See key_index.hpp.
#include "learn/key_index.hpp"

#include <cmath>
#include <stdexcept>

namespace newsgraph::learn {

void KeyIndex::reset(std::size_t home_buckets) {
  if (home_buckets > (std::size_t{1} << 32)) throw std::length_error("KeyIndex: too many buckets");
  home_buckets_ = home_buckets;
  size_ = 0;
  buckets_.clear();
  buckets_.reserve(home_buckets + kSpareBuckets);  // appending a few buckets does not move the table
  buckets_.resize(home_buckets, Bucket{});
}

std::size_t KeyIndex::home_buckets_for(std::size_t num_keys, double load) {
  return std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(static_cast<double>(num_keys) / (kPerBucket * load))));
}

KeyIndex::Payload& KeyIndex::insert(std::uint64_t key) {
  std::size_t b = home(key);
  for (; b < buckets_.size() && buckets_[b].used == kPerBucket; ++b) buckets_[b].overflow_filter |= overflow_bit(key);
  if (b == buckets_.size()) buckets_.push_back(Bucket{});
  Bucket& bucket = buckets_[b];
  const unsigned j = bucket.used++;
  bucket.keys[j] = key;
  ++size_;
  return bucket.payload[j];
}

std::size_t KeyIndex::probe_length(std::uint64_t key) const {
  if (home_buckets_ == 0) return 0;
  std::size_t length = 1;
  for (std::size_t b = home(key); buckets_[b].overflow_filter & overflow_bit(key); ++b) {
    bool here = false;
    for (unsigned j = 0; j < buckets_[b].used; ++j) here |= buckets_[b].keys[j] == key;
    if (here) break;
    ++length;
  }
  return length;
}

}  // namespace newsgraph::learn
