// See features.hpp.
#include "learn/features.hpp"

namespace newsgraph::learn {
namespace {
constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

inline std::uint64_t fnv_u32(std::uint64_t h, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) {
    h ^= (v >> (8 * i)) & 0xffu;
    h *= kFnvPrime;
  }
  return h;
}
}  // namespace

std::uint64_t hash_feature(std::uint32_t template_id, std::string_view value) {
  std::uint64_t h = fnv_u32(kFnvOffset, template_id);
  for (unsigned char c : value) {
    h ^= c;
    h *= kFnvPrime;
  }
  // The length keeps "ab"+"" and "a"+"b"-style template/value splits apart.
  h ^= value.size();
  return mix64(h);
}

std::uint64_t hash_feature(std::uint32_t template_id, std::uint64_t value) {
  // Distinct from any string value: the 0xff marker byte never ends a UTF-8 string hash.
  std::uint64_t h = fnv_u32(kFnvOffset ^ 0xffULL, template_id);
  return mix64(hash_combine(h, mix64(value + 0x632be59bd9b4e019ULL)));
}

}  // namespace newsgraph::learn
