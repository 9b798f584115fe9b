// The arc-hybrid transition system (Kuhlmann, Gomez-Rodriguez and Satta 2011) with its
// dynamic oracle (Goldberg and Nivre 2013), as used by the dependency parser.
//
// A configuration over n words (0..n-1) has a stack, a buffer and the arcs built so far. The
// root is an extra node n that sits at the END of the buffer (Ballesteros and Nivre 2013,
// "Going to the roots"); it can take exactly one dependent, and only when that word is the
// last one left on the stack, so every terminal configuration is a single-rooted tree.
//
//   SHIFT  [.. s0 | b0 ..]  -> [.. s0 b0 | b1 ..]          not when b0 is the root
//   LEFT   [.. s0 | b0 ..]  -> [.. | b0 ..],  b0 -> s0     to the root only if s0 is alone
//   RIGHT  [.. s1 s0 | ..]  -> [.. s1 | ..],  s1 -> s0
//
// Words leave the stack with their head, so when a word is attached all its dependents are
// known (the label classifier uses that). The system builds projective trees only; training
// trees are projectivised first (projectivize() below).
//
// Thread safety: a State is a plain value; the functions are pure.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace newsgraph::parse {

enum class Move : std::uint8_t { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kNumMoves = 3;

class State {
 public:
  State() = default;
  explicit State(int num_words) { reset(num_words); }
  void reset(int num_words);

  int num_words() const { return n_; }
  int root() const { return n_; }  // the root node's index

  // The i-th stack item from the top (0 = s0), or -1.
  int stack(int i) const {
    const int k = static_cast<int>(stack_.size()) - 1 - i;
    return k >= 0 ? stack_[static_cast<std::size_t>(k)] : -1;
  }
  int stack_size() const { return static_cast<int>(stack_.size()); }
  // The i-th buffer item (0 = b0): a word, the root (n), or -1 past the root.
  int buffer(int i) const { return b_ + i <= n_ ? b_ + i : -1; }

  bool terminal() const { return stack_.empty() && b_ == n_; }
  bool legal(Move move) const;
  // REQUIRES: legal(move). `label` is stored on the new arc (ignored by SHIFT).
  void apply(Move move, int label);

  // Per node (words and root): head (-1 while unattached, n for the root), label (-1 none),
  // the two leftmost and two rightmost dependents (-1 when absent), dependent counts and the
  // set of dependent labels on each side (bit l for label l < 64).
  int head(int i) const { return nodes_[static_cast<std::size_t>(i)].head; }
  int label(int i) const { return nodes_[static_cast<std::size_t>(i)].label; }
  int leftmost(int i) const { return i < 0 ? -1 : nodes_[static_cast<std::size_t>(i)].left[0]; }
  int leftmost2(int i) const { return i < 0 ? -1 : nodes_[static_cast<std::size_t>(i)].left[1]; }
  int rightmost(int i) const { return i < 0 ? -1 : nodes_[static_cast<std::size_t>(i)].right[0]; }
  int rightmost2(int i) const { return i < 0 ? -1 : nodes_[static_cast<std::size_t>(i)].right[1]; }
  int left_count(int i) const { return nodes_[static_cast<std::size_t>(i)].left_count; }
  int right_count(int i) const { return nodes_[static_cast<std::size_t>(i)].right_count; }
  std::uint64_t left_labels(int i) const { return nodes_[static_cast<std::size_t>(i)].left_labels; }
  std::uint64_t right_labels(int i) const { return nodes_[static_cast<std::size_t>(i)].right_labels; }

 private:
  struct Node {
    int head = -1;
    int label = -1;
    int left[2] = {-1, -1};
    int right[2] = {-1, -1};
    int left_count = 0;
    int right_count = 0;
    std::uint64_t left_labels = 0;
    std::uint64_t right_labels = 0;
  };
  void add_arc(int head, int dependent, int label);

  int n_ = 0;
  int b_ = 0;
  std::vector<int> stack_;
  std::vector<Node> nodes_;
};

// The dynamic oracle: how many arcs of the gold tree `gold_heads` (one per word, the root as
// n) become unreachable if `move` is taken from `state`. Exact for projective gold trees.
// REQUIRES: state.legal(move); gold_heads.size() == state.num_words().
int move_cost(const State& state, Move move, std::span<const int> gold_heads);

// Replaces each non-projective arc by lifting its dependent to the head's head, shortest arcs
// first, until the tree is projective (Nivre and Nilsson 2005, without label encoding).
// `heads` has one entry per word, the root as heads.size(). Returns the number of lifts.
int projectivize(std::vector<int>& heads);
bool is_projective(std::span<const int> heads);

}  // namespace newsgraph::parse
