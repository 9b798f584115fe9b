// UnionFind: disjoint sets over indices [0, n), shared by in-article entity resolution
// (extract/) and cross-article merging (merge/). The lower index stays the root, so a
// set's root is its first member and results follow input order.
#pragma once

#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace newsgraph {

struct UnionFind {
  std::vector<std::uint32_t> parent;

  explicit UnionFind(std::size_t n = 0) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }

  std::uint32_t find(std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }

  // Joins the sets of a and b; false when they were already one.
  bool unite(std::uint32_t a, std::uint32_t b) {
    a = find(a), b = find(b);
    if (a == b) return false;
    if (b < a) std::swap(a, b);
    parent[b] = a;
    return true;
  }
};

}  // namespace newsgraph
