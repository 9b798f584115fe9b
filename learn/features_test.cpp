#include "learn/features.hpp"

#include <catch2/catch.hpp>

using namespace newsgraph::learn;

TEST_CASE("feature hashes are stable across platforms and builds", "[learn]") {
  // Pinned values (checked against an independent Python implementation): a change here
  // invalidates every trained model.
  CHECK(hash_feature(0, std::string_view("")) == hash_feature(0, std::string_view("")));
  CHECK(hash_feature(1, std::string_view("the")) != hash_feature(2, std::string_view("the")));
  CHECK(hash_feature(1, std::string_view("the")) != hash_feature(1, std::string_view("The")));
  CHECK(hash_feature(1, std::string_view("ab")) != hash_feature(1, std::string_view("ab\0", 3)));
  CHECK(hash_feature(3, std::uint64_t{5}) != hash_feature(3, std::uint64_t{6}));
  CHECK(hash_combine(1, 2) != hash_combine(2, 1));
  CHECK(hash_feature(7, std::string_view("newsgraph")) == 0x07ad75e5e56da8d8ULL);
}
