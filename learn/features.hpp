// Feature hashing: a feature is a (template id, value) pair hashed to 64 bits. The hash is
// a pure function of the bytes (FNV-1a over the little-endian template id and the value,
// then the MurmurHash3 64-bit finaliser), so it is the same on every platform and build and
// models stay valid across machines. Collisions are possible and harmless at 64 bits.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string_view>

namespace newsgraph::learn {

// MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit over the output.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// The hash of feature `value` of template `template_id`. Different templates with the same
// value hash differently. Stable across platforms, builds and versions of this library
// (changing it would invalidate every model: bump the feature-set version if you must).
std::uint64_t hash_feature(std::uint32_t template_id, std::string_view value);

// Hash of a template with no value, or of a template whose value is a small integer (a tag
// id, a length, a flag): cheaper than formatting the integer.
std::uint64_t hash_feature(std::uint32_t template_id, std::uint64_t value);

// Combines two hashes into one (order matters): for conjunctions such as "previous tag and
// current word" built from the hashes of the parts.
constexpr std::uint64_t hash_combine(std::uint64_t a, std::uint64_t b) {
  return mix64(a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2)));
}

}  // namespace newsgraph::learn
