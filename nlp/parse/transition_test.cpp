// Tests of the arc-hybrid transition system and its dynamic oracle on hand-made trees.
#include "nlp/parse/transition.hpp"

#include <catch2/catch.hpp>

#include <vector>

namespace newsgraph::parse {
namespace {

// Follows zero-cost moves (preferring LEFT, then RIGHT, then SHIFT) and returns the heads
// built, the root as n.
std::vector<int> run_oracle(const std::vector<int>& gold) {
  const int n = static_cast<int>(gold.size());
  State state(n);
  int steps = 0;
  while (!state.terminal()) {
    bool moved = false;
    for (Move move : {Move::kLeft, Move::kRight, Move::kShift}) {
      if (!state.legal(move) || move_cost(state, move, gold) != 0) continue;
      state.apply(move, 0);
      moved = true;
      break;
    }
    REQUIRE(moved);
    REQUIRE(++steps <= 2 * n + 1);
  }
  std::vector<int> heads(gold.size());
  for (int i = 0; i < n; ++i) heads[static_cast<std::size_t>(i)] = state.head(i);
  return heads;
}

}  // namespace

TEST_CASE("arc-hybrid oracle rebuilds hand-made projective trees", "[parse]") {
  // Root is n (heads.size()).
  const std::vector<std::vector<int>> trees = {
      // Putin met the envoy in Moscow .
      {1, 7, 3, 1, 5, 1, 1},
      // The quick fox jumped .
      {2, 2, 3, 5, 3},
      // A single word.
      {1},
      // Right-branching chain: a -> b -> c -> d.
      {4, 0, 1, 2},
      // Left-branching chain.
      {1, 2, 3, 4},
      // Root in the middle with dependents on both sides and a nested clause.
      {2, 2, 9, 4, 2, 6, 4, 2, 2},
  };
  for (const auto& gold : trees) {
    INFO("tree of " << gold.size() << " words");
    REQUIRE(is_projective(gold));
    CHECK(run_oracle(gold) == gold);
  }
}

TEST_CASE("arc-hybrid terminal states are single-rooted trees", "[parse]") {
  // Always SHIFT when legal, else RIGHT, else LEFT: a legal sequence must still end.
  State state(5);
  while (!state.terminal()) {
    if (state.legal(Move::kShift)) state.apply(Move::kShift, 0);
    else if (state.legal(Move::kRight)) state.apply(Move::kRight, 0);
    else state.apply(Move::kLeft, 0);
  }
  int roots = 0;
  for (int i = 0; i < 5; ++i) roots += state.head(i) == 5;
  CHECK(roots == 1);
  CHECK(state.head(0) == 5);
  CHECK(state.head(4) == 3);
}

TEST_CASE("dynamic oracle counts the gold arcs a move loses", "[parse]") {
  // "Putin met the envoy": Putin <- met (root), the <- envoy, met -> envoy. Root = 4.
  const std::vector<int> gold = {1, 4, 3, 1};
  State state(4);
  // Initial: only SHIFT is legal and it costs nothing.
  CHECK_FALSE(state.legal(Move::kLeft));
  CHECK_FALSE(state.legal(Move::kRight));
  CHECK(move_cost(state, Move::kShift, gold) == 0);
  state.apply(Move::kShift, 0);  // stack [Putin], buffer [met the envoy ROOT]
  // LEFT attaches Putin to met: correct. SHIFT would lose Putin <- met.
  CHECK(move_cost(state, Move::kLeft, gold) == 0);
  CHECK(move_cost(state, Move::kShift, gold) == 1);
  state.apply(Move::kShift, 0);  // wrong move: stack [Putin met], buffer [the envoy ROOT]
  // RIGHT now would make Putin the head of met: loses met's root arc and envoy as dependent.
  CHECK(move_cost(state, Move::kRight, gold) == 2);
  // LEFT attaches met to "the": loses met -> envoy and met <- root.
  CHECK(move_cost(state, Move::kLeft, gold) == 2);
  CHECK(move_cost(state, Move::kShift, gold) == 0);
  state.apply(Move::kShift, 0);  // stack [Putin met the], buffer [envoy ROOT]
  CHECK(move_cost(state, Move::kLeft, gold) == 0);
  // SHIFT of envoy loses the <- envoy, and met -> envoy (met would no longer be next to it).
  CHECK(move_cost(state, Move::kShift, gold) == 2);
  state.apply(Move::kLeft, 0);
  CHECK(move_cost(state, Move::kShift, gold) == 0);
  state.apply(Move::kShift, 0);  // stack [Putin met envoy], buffer [ROOT]
  CHECK(move_cost(state, Move::kRight, gold) == 0);
  state.apply(Move::kRight, 0);  // stack [Putin met]
  // Root takes one dependent only when it is alone on the stack.
  CHECK_FALSE(state.legal(Move::kLeft));
  CHECK(move_cost(state, Move::kRight, gold) == 1);  // met's root arc
}

TEST_CASE("projectivize lifts crossing arcs to the grandparent", "[parse]") {
  // 0 <- 2, 1 <- 3 (crossing 0-2 and 1-3), 2 root, 3 <- 2.
  std::vector<int> heads = {2, 3, 4, 2};
  CHECK_FALSE(is_projective(heads));
  CHECK(projectivize(heads) == 1);
  CHECK(is_projective(heads));
  CHECK(heads == std::vector<int>{2, 2, 4, 2});
}

}  // namespace newsgraph::parse
