// See transition.hpp.
#include "nlp/parse/transition.hpp"

#include <algorithm>
#include <cstdlib>

namespace newsgraph::parse {

void State::reset(int num_words) {
  n_ = num_words;
  b_ = 0;
  stack_.clear();
  stack_.reserve(static_cast<std::size_t>(num_words));
  nodes_.assign(static_cast<std::size_t>(num_words) + 1, Node{});
}

bool State::legal(Move move) const {
  switch (move) {
    case Move::kShift:
      return b_ < n_;
    case Move::kLeft:
      return !stack_.empty() && (b_ < n_ || stack_.size() == 1);
    case Move::kRight:
      return stack_.size() >= 2;
  }
  return false;
}

void State::add_arc(int head, int dependent, int label) {
  Node& d = nodes_[static_cast<std::size_t>(dependent)];
  d.head = head;
  d.label = label;
  Node& h = nodes_[static_cast<std::size_t>(head)];
  const std::uint64_t bit = label >= 0 && label < 64 ? std::uint64_t{1} << label : 0;
  if (dependent < head) {
    ++h.left_count;
    h.left_labels |= bit;
    if (h.left[0] < 0 || dependent < h.left[0]) {
      h.left[1] = h.left[0];
      h.left[0] = dependent;
    } else if (h.left[1] < 0 || dependent < h.left[1]) {
      h.left[1] = dependent;
    }
  } else {
    ++h.right_count;
    h.right_labels |= bit;
    if (h.right[0] < 0 || dependent > h.right[0]) {
      h.right[1] = h.right[0];
      h.right[0] = dependent;
    } else if (h.right[1] < 0 || dependent > h.right[1]) {
      h.right[1] = dependent;
    }
  }
}

void State::apply(Move move, int label) {
  switch (move) {
    case Move::kShift:
      stack_.push_back(b_++);
      break;
    case Move::kLeft: {
      const int s0 = stack_.back();
      stack_.pop_back();
      add_arc(b_, s0, label);
      break;
    }
    case Move::kRight: {
      const int s0 = stack_.back();
      stack_.pop_back();
      add_arc(stack_.back(), s0, label);
      break;
    }
  }
}

int move_cost(const State& state, Move move, std::span<const int> gold_heads) {
  const int n = state.num_words();
  const int b0 = state.buffer(0);
  const int s0 = state.stack(0);
  // The buffer is the contiguous range [b0, n] (n = root).
  auto in_buffer = [&](int k) { return k >= b0 && k <= n; };
  auto gold = [&](int k) { return gold_heads[static_cast<std::size_t>(k)]; };
  int cost = 0;
  switch (move) {
    case Move::kShift: {
      // b0 leaves the buffer: it can no longer take a stack word as dependent, nor a stack
      // word other than s0 as head.
      const int h = gold(b0);
      for (int i = 0; i < state.stack_size(); ++i) {
        const int k = state.stack(i);
        if (gold(k) == b0) ++cost;
        if (i > 0 && h == k) ++cost;
      }
      break;
    }
    case Move::kLeft:
    case Move::kRight: {
      // s0 leaves with its head: dependents still in the buffer are lost, and so is a gold
      // head other than the one it gets (s1 and the buffer are the reachable heads).
      for (int k = b0; k < n; ++k)
        if (gold(k) == s0) ++cost;
      const int h = gold(s0);
      const int s1 = state.stack(1);
      if (move == Move::kLeft) {
        if (h != b0 && (h == s1 || in_buffer(h))) ++cost;
      } else {
        if (in_buffer(h)) ++cost;
      }
      break;
    }
  }
  return cost;
}

namespace {

// True when `ancestor` dominates `node` (or is it); the root (heads.size()) dominates all.
bool dominates(std::span<const int> heads, int ancestor, int node) {
  const int n = static_cast<int>(heads.size());
  if (ancestor == n) return true;
  for (int steps = 0; node != n && steps <= n; ++steps) {
    if (node == ancestor) return true;
    node = heads[static_cast<std::size_t>(node)];
    if (node < 0) return false;
  }
  return false;
}

bool arc_is_projective(std::span<const int> heads, int d) {
  const int h = heads[static_cast<std::size_t>(d)];
  const int n = static_cast<int>(heads.size());
  const int lo = std::min(h == n ? -1 : h, d);
  const int hi = std::max(h == n ? n : h, d);
  if (h == n) {
    // The root sits at the end: the arc spans d+1..n-1.
    for (int k = d + 1; k < n; ++k)
      if (!dominates(heads, n, k)) return false;
    return true;
  }
  for (int k = lo + 1; k < hi; ++k)
    if (!dominates(heads, h, k)) return false;
  return true;
}

}  // namespace

bool is_projective(std::span<const int> heads) {
  for (int d = 0; d < static_cast<int>(heads.size()); ++d)
    if (!arc_is_projective(heads, d)) return false;
  return true;
}

int projectivize(std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  int lifts = 0;
  for (;;) {
    int best = -1, best_len = 0;
    for (int d = 0; d < n; ++d) {
      const int h = heads[static_cast<std::size_t>(d)];
      if (h == n) continue;
      if (arc_is_projective(heads, d)) continue;
      const int len = std::abs(h - d);
      if (best < 0 || len < best_len) best = d, best_len = len;
    }
    if (best < 0) return lifts;
    heads[static_cast<std::size_t>(best)] = heads[static_cast<std::size_t>(heads[static_cast<std::size_t>(best)])];
    ++lifts;
  }
}

}  // namespace newsgraph::parse
