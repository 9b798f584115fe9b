#include "nlp/pos/hash_index.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "learn/features.hpp"

namespace newsgraph::pos::detail {

TEST_CASE("HashIndex finds what was inserted and nothing else, across rehashes", "[pos]") {
  HashIndex<int> index;
  CHECK(index.find(42) == nullptr);
  std::map<std::uint64_t, int> expected;
  // Keys with equal low bits collide into one run of slots; hashed keys spread.
  for (int i = 0; i < 1000; ++i) {
    const std::uint64_t key = i % 2 ? static_cast<std::uint64_t>(i) << 20 : learn::mix64(static_cast<std::uint64_t>(i));
    index[key] = i;
    expected[key] = i;
  }
  CHECK(index.size() == expected.size());
  for (const auto& [key, value] : expected) {
    const int* found = index.find(key);
    REQUIRE(found != nullptr);
    CHECK(*found == value);
  }
  CHECK(index.find(learn::mix64(5000)) == nullptr);
  CHECK(index.find(3ULL << 40) == nullptr);
  index[7ULL << 20] = -1;  // an existing key is updated, not added
  CHECK(index.size() == expected.size());
  CHECK(*index.find(7ULL << 20) == -1);
}

}  // namespace newsgraph::pos::detail
