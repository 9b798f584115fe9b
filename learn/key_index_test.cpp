#include "learn/key_index.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "learn/features.hpp"

using namespace newsgraph::learn;

namespace {
KeyIndex::Payload payload_of(std::uint64_t key) {
  return {static_cast<std::uint16_t>(key), static_cast<std::uint16_t>(key >> 16), static_cast<std::uint16_t>(key >> 32)};
}

// `count` distinct keys whose home is bucket `bucket` in `index`, counting up from `from`.
std::vector<std::uint64_t> keys_homed_at(const KeyIndex& index, std::size_t bucket, std::size_t count,
                                         std::uint64_t from = 1) {
  std::vector<std::uint64_t> keys;
  for (std::uint64_t key = from; keys.size() < count; ++key)
    if (index.home(key) == bucket) keys.push_back(key);
  return keys;
}
}  // namespace

TEST_CASE("key index finds every inserted key with its payload and no other key", "[learn]") {
  KeyIndex index(KeyIndex::home_buckets_for(1000, 0.8));
  CHECK(index.home_buckets() == 313);
  for (std::uint64_t k = 0; k < 1000; ++k) index.insert(k * 7919) = payload_of(k * 7919);
  CHECK(index.size() == 1000);
  for (std::uint64_t k = 0; k < 1000; ++k) {
    const KeyIndex::Payload* found = index.find(k * 7919);
    REQUIRE(found != nullptr);
    CHECK(*found == payload_of(k * 7919));
  }
  for (std::uint64_t k = 0; k < 1000; ++k) CHECK(index.find(k * 7919 + 1) == nullptr);
  CHECK(index.find(~std::uint64_t{0}) == nullptr);
}

TEST_CASE("key index: keys colliding into a full bucket overflow into the next ones", "[learn]") {
  KeyIndex index(8);
  // Eleven keys with the same home bucket 3: four fill bucket 3, four bucket 4, three bucket 5.
  const std::vector<std::uint64_t> keys = keys_homed_at(index, 3, 11);
  for (std::uint64_t key : keys) index.insert(key) = payload_of(key);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const KeyIndex::Payload* found = index.find(keys[i]);
    REQUIRE(found != nullptr);
    CHECK(*found == payload_of(keys[i]));
    CHECK(index.probe_length(keys[i]) == 1 + i / KeyIndex::kPerBucket);
  }
  // An absent key homed at bucket 3 follows the chain only if its bit is in the overflow
  // filters, which hold the bits of the keys that passed: keys 4-10 passed bucket 3, 8-10
  // bucket 4. Either way it is a miss.
  std::uint64_t passed_3 = 0, passed_4 = 0;
  for (std::size_t i = 4; i < keys.size(); ++i) passed_3 |= KeyIndex::overflow_bit(keys[i]);
  for (std::size_t i = 8; i < keys.size(); ++i) passed_4 |= KeyIndex::overflow_bit(keys[i]);
  std::uint64_t after = keys.back() + 1;
  int seen_short = 0, seen_middle = 0, seen_long = 0;
  while (seen_short == 0 || seen_middle == 0 || seen_long == 0) {
    const std::uint64_t absent = keys_homed_at(index, 3, 1, after)[0];
    after = absent + 1;
    const std::uint64_t bit = KeyIndex::overflow_bit(absent);
    const std::size_t expected = (passed_3 & bit) == 0 ? 1 : (passed_4 & bit) == 0 ? 2 : 3;
    CHECK(index.find(absent) == nullptr);
    CHECK(index.probe_length(absent) == expected);
    (expected == 1 ? seen_short : expected == 2 ? seen_middle : seen_long) += 1;
  }
  const std::uint64_t absent_5 = keys_homed_at(index, 5, 1)[0];
  CHECK(index.find(absent_5) == nullptr);
  CHECK(index.probe_length(absent_5) == 1);
  // A key homed at bucket 4 now lands in bucket 5 (4 is full) and is found from 4.
  const std::uint64_t key_4 = keys_homed_at(index, 4, 1)[0];
  index.insert(key_4) = payload_of(key_4);
  REQUIRE(index.find(key_4) != nullptr);
  CHECK(*index.find(key_4) == payload_of(key_4));
  CHECK(index.probe_length(key_4) == 2);
  for (std::uint64_t key : keys) CHECK(*index.find(key) == payload_of(key));
}

TEST_CASE("key index: an overflow from the last home bucket appends buckets, no wrap-around", "[learn]") {
  KeyIndex index(4);
  const std::vector<std::uint64_t> keys = keys_homed_at(index, 3, 10);
  for (std::uint64_t key : keys) index.insert(key) = payload_of(key);
  CHECK(index.home_buckets() == 4);
  CHECK(index.num_buckets() == 6);
  for (std::uint64_t key : keys) CHECK(*index.find(key) == payload_of(key));
  // Bucket 0 was never touched by the chain.
  const std::uint64_t absent_0 = keys_homed_at(index, 0, 1)[0];
  CHECK(index.find(absent_0) == nullptr);
  CHECK(index.probe_length(absent_0) == 1);
}

TEST_CASE("key index: empty and reset", "[learn]") {
  KeyIndex none;
  CHECK(none.find(0) == nullptr);
  CHECK(none.find(12345) == nullptr);
  KeyIndex index(2);
  index.insert(0) = payload_of(77);  // key 0 is a key like any other
  CHECK(*index.find(0) == payload_of(77));
  CHECK(index.find(1) == nullptr);
  index.reset(2);
  CHECK(index.size() == 0);
  CHECK(index.find(0) == nullptr);
}

TEST_CASE("key index at a load of 0.65 over a million keys: exact, one cache line for most lookups", "[learn]") {
  constexpr std::size_t kKeys = 1 << 20;
  KeyIndex index(KeyIndex::home_buckets_for(kKeys, 0.65));
  auto key_of = [](std::uint64_t i) { return hash_feature(1, i); };  // feature hashes, as models hold
  for (std::uint64_t i = 0; i < kKeys; ++i) index.insert(key_of(i)) = payload_of(key_of(i));
  CHECK(index.bytes() < kKeys * 25);  // 24.6 bytes per key plus the appended tail, if any
  std::size_t one_line_hits = 0, one_line_misses = 0, mismatches = 0;
  for (std::uint64_t i = 0; i < kKeys; ++i) {
    const KeyIndex::Payload* found = index.find(key_of(i));
    mismatches += found == nullptr || *found != payload_of(key_of(i));
    one_line_hits += index.probe_length(key_of(i)) == 1;
    const std::uint64_t absent = hash_feature(2, i);
    mismatches += index.find(absent) != nullptr;
    one_line_misses += index.probe_length(absent) == 1;
  }
  CHECK(mismatches == 0);
  INFO("one line: " << one_line_hits << " hits, " << one_line_misses << " misses of " << kKeys);
  CHECK(one_line_hits > kKeys * 90 / 100);
  CHECK(one_line_misses > kKeys * 98 / 100);
}
