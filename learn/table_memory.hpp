// Memory for the tables that scoring reads at random: 64-byte aligned (an entry or bucket
// never spans two cache lines) and, from 2 MB up, in transparent huge pages where the system
// offers them, so that a probe into a table of tens of MB does not also miss the TLB (issue 8).
#pragma once

#include <cstddef>

namespace newsgraph::learn {

void* allocate_table(std::size_t bytes);
void free_table(void* table) noexcept;

template <typename T>
struct TableAllocator {
  using value_type = T;
  TableAllocator() = default;
  template <typename U>
  TableAllocator(const TableAllocator<U>&) {}
  T* allocate(std::size_t n) { return static_cast<T*>(allocate_table(n * sizeof(T))); }
  void deallocate(T* p, std::size_t) noexcept { free_table(p); }
  template <typename U>
  bool operator==(const TableAllocator<U>&) const { return true; }
};

}  // namespace newsgraph::learn
