// See table_memory.hpp.
#include "learn/table_memory.hpp"

#include <algorithm>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace newsgraph::learn {

void* allocate_table(std::size_t bytes) {
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  const std::size_t alignment = bytes >= kHugePage ? kHugePage : 64;
  const std::size_t rounded = (std::max<std::size_t>(bytes, 1) + alignment - 1) / alignment * alignment;
  void* table = std::aligned_alloc(alignment, rounded);
  if (table == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (alignment == kHugePage) madvise(table, rounded, MADV_HUGEPAGE);  // a hint: failure only costs speed
#endif
  return table;
}

void free_table(void* table) noexcept { std::free(table); }

}  // namespace newsgraph::learn
