// Deterministic pseudo-random numbers and shuffling: the same seed gives the same sequence on
// every platform and standard library (std::shuffle and the std:: distributions do not
// promise that). Generator: xoshiro256** (Blackman and Vigna) seeded through splitmix64.
// Thread safety: an Rng object is not shared; the free functions are pure.
#pragma once

#include <cstdint>
#include <span>

namespace newsgraph::learn {

// splitmix64: advances `state` and returns the next value.
std::uint64_t splitmix64(std::uint64_t& state);

class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  std::uint64_t next();
  // Uniform in [0, bound) (Lemire's multiply-shift with rejection). REQUIRES: bound > 0.
  std::uint64_t below(std::uint64_t bound);
  // Uniform in [0, 1) with 53 random bits.
  double uniform();

 private:
  std::uint64_t s_[4];
};

// Fisher-Yates shuffle of `order` driven by Rng(seed).
void shuffle(std::span<std::uint32_t> order, std::uint64_t seed);

}  // namespace newsgraph::learn
