// A hash index from 64-bit keys to a 6-byte payload, one cache line per lookup (issue 8).
//
// The index is an array of 64-byte buckets, each holding up to kPerBucket entries: the full
// key (so a lookup never confuses two keys) and its payload, three 16-bit words. A key's home
// bucket comes from its hash, scaled to the number of home buckets (any number, so the load
// can be chosen freely); a key whose home bucket is full goes into the next bucket with room
// (linear probing by bucket), leaving its mark in the overflow filter of every bucket it
// passes. A lookup reads the home bucket and moves on only while the bucket it read has the
// key's mark (a filter: it may send a lookup on needlessly, never stop it too early), so at
// a load of 0.65 about 91% of hits and 99% of misses read one cache line (key_index_test).
// Probing never wraps around: buckets are appended past the home range when the last one
// overflows.
//
// Against one 16-byte slot per key at load 1/4 (the table before this one), at load 0.65 the
// index takes 38% of the memory per key, so that more of the hot keys stay in the caches.
//
// Keys are only inserted, never removed. Thread safety: const methods may run concurrently.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "learn/table_memory.hpp"

namespace newsgraph::learn {

class KeyIndex {
 public:
  static constexpr std::size_t kPerBucket = 4;
  using Payload = std::array<std::uint16_t, 3>;

  // An empty index with `home_buckets` home buckets (0 allowed: then nothing can be inserted
  // until reset()).
  explicit KeyIndex(std::size_t home_buckets = 0) { reset(home_buckets); }
  // Drops every key and sizes the index for `home_buckets` home buckets.
  void reset(std::size_t home_buckets);
  // The number of home buckets for `num_keys` keys at load `load` (entries / slots).
  static std::size_t home_buckets_for(std::size_t num_keys, double load);

  std::size_t size() const { return size_; }
  std::size_t home_buckets() const { return home_buckets_; }
  // All buckets, including those appended past the home range by overflow.
  std::size_t num_buckets() const { return buckets_.size(); }
  std::size_t bytes() const { return buckets_.size() * sizeof(Bucket); }

  // The bucket a lookup of `key` starts at. REQUIRES: home_buckets() > 0.
  std::size_t home(std::uint64_t key) const {
    // The top 32 bits of a multiplicative hash, scaled to [0, home_buckets_) without a division.
    const std::uint64_t hash = (key * 0x9e3779b97f4a7c15ULL) >> 32;
    return static_cast<std::size_t>((hash * home_buckets_) >> 32);
  }
  // One of the 56 bits of a bucket's overflow filter, from hash bits that home() does not use.
  static std::uint64_t overflow_bit(std::uint64_t key) {
    const std::uint64_t hash = (key * 0xff51afd7ed558ccdULL) >> 32;
    return std::uint64_t{1} << ((hash * 56) >> 32);
  }
  // The address of bucket `b`, for prefetching.
  const void* bucket_address(std::size_t b) const { return &buckets_[b]; }

  // The payload of `key`, or nullptr. `from` is home(key).
  const Payload* find(std::uint64_t key, std::size_t from) const {
    for (std::size_t b = from;; ++b) {
      const Bucket& bucket = buckets_[b];
      // All candidates compared at once: which entry matches is random, a branch on it would
      // be mispredicted.
      unsigned match = 0;
      for (unsigned j = 0; j < kPerBucket; ++j) match |= static_cast<unsigned>(bucket.keys[j] == key) << j;
      match &= (1u << bucket.used) - 1;
      if (match != 0) return &bucket.payload[__builtin_ctz(match)];
      if ((bucket.overflow_filter & overflow_bit(key)) == 0) return nullptr;
    }
  }
  const Payload* find(std::uint64_t key) const { return home_buckets_ == 0 ? nullptr : find(key, home(key)); }
  Payload* find(std::uint64_t key) { return const_cast<Payload*>(static_cast<const KeyIndex*>(this)->find(key)); }

  // Adds `key` with a zero payload and returns its payload. REQUIRES: key absent,
  // home_buckets() > 0.
  Payload& insert(std::uint64_t key);

  // The number of buckets a lookup of `key` reads (1 + the buckets it passes); for
  // tests and benchmarks.
  std::size_t probe_length(std::uint64_t key) const;

 private:
  struct alignas(64) Bucket {
    std::uint64_t keys[kPerBucket];
    Payload payload[kPerBucket];
    std::uint8_t used;  // entries [0, used) hold keys
    // Bit overflow_bit(k) of every key k that passed this bucket, full, for a later one: a
    // lookup that misses here reads the next bucket only when its key's bit is set (a miss
    // whose home is a full bucket would otherwise read a second line nearly every time).
    std::uint64_t overflow_filter : 56;
  };
  static_assert(sizeof(Bucket) == 64, "a bucket is one cache line");

  static constexpr std::size_t kSpareBuckets = 16;
  std::vector<Bucket, TableAllocator<Bucket>> buckets_;
  std::size_t home_buckets_ = 0;
  std::size_t size_ = 0;
};

}  // namespace newsgraph::learn
