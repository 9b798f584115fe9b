// See trainer.hpp.
#include "nlp/parse/trainer.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <numeric>

#include "learn/shuffle.hpp"

namespace newsgraph::parse {
namespace {

std::string format_scores(const Scores& s) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "uas=%.2f las=%.2f", s.uas, s.las);
  return buf;
}

// One training pass over a sentence.
struct Stats {
  std::size_t moves = 0, move_errors = 0, arcs = 0, label_errors = 0;
};

void train_sentence(ParserModel& model, const TrainSentence& sent, const std::vector<int>& gold_heads,
                    double explore_probability, learn::Rng& rng, Scratch& scratch, Stats& stats) {
  const int n = static_cast<int>(sent.words.size());
  std::vector<std::string_view> words(sent.words.begin(), sent.words.end());
  std::vector<std::string_view> tags(sent.tags.begin(), sent.tags.end());
  State& state = scratch.state;
  state.reset(n);
  build_context(words, tags, model.word_classes, scratch.context);
  scratch.label_scores.resize(model.label_names.size());
  std::vector<std::uint64_t> label_feats;
  while (!state.terminal()) {
    move_features(state, scratch.context, scratch.features);
    float scores[kNumMoves] = {0.0f, 0.0f, 0.0f};
    model.moves.score(scratch.features, scores);
    int costs[kNumMoves];
    int min_cost = 1 << 30;
    for (int m = 0; m < kNumMoves; ++m) {
      const Move move = static_cast<Move>(m);
      costs[m] = state.legal(move) ? move_cost(state, move, gold_heads) : (1 << 30);
      min_cost = std::min(min_cost, costs[m]);
    }
    const Move predicted = best_legal_move(state, scores);
    // The best-scoring zero-cost (least-cost) move.
    int best_correct = -1;
    for (int m = 0; m < kNumMoves; ++m)
      if (costs[m] == min_cost && (best_correct < 0 || scores[m] > scores[best_correct])) best_correct = m;
    ++stats.moves;
    if (costs[static_cast<int>(predicted)] != min_cost) {
      ++stats.move_errors;
      model.moves.update(scratch.features, static_cast<std::uint32_t>(best_correct),
                         static_cast<std::uint32_t>(predicted));
    }
    model.moves.next_example();
    Move follow = static_cast<Move>(best_correct);
    if (explore_probability > 0.0 && costs[static_cast<int>(predicted)] != min_cost &&
        rng.uniform() < explore_probability)
      follow = predicted;
    int label = -1;
    if (follow != Move::kShift) {
      const int dependent = state.stack(0);
      const int head = follow == Move::kLeft ? state.buffer(0) : state.stack(1);
      if (head == state.root()) {
        label = model.root_label;
      } else {
        label_features(state, scratch.context, follow, head, dependent, label_feats);
        std::fill(scratch.label_scores.begin(), scratch.label_scores.end(), 0.0f);
        model.labels.score(label_feats, scratch.label_scores);
        label = best_label(model, state, head, scratch.label_scores.data());
        if (gold_heads[static_cast<std::size_t>(dependent)] == head) {
          const int gold = sent.labels[static_cast<std::size_t>(dependent)];
          ++stats.arcs;
          if (gold >= 0 && gold != label && gold != model.root_label) {
            ++stats.label_errors;
            model.labels.update(label_feats, static_cast<std::uint32_t>(gold), static_cast<std::uint32_t>(label));
          }
          model.labels.next_example();
        }
      }
    }
    state.apply(follow, label);
  }
}

}  // namespace

Scores evaluate(const ParserModel& model, const std::vector<TrainSentence>& sentences) {
  Scratch scratch;
  std::vector<int> heads, labels;
  std::vector<std::string_view> words, tags;
  std::size_t total = 0, head_ok = 0, both_ok = 0;
  for (const TrainSentence& sent : sentences) {
    words.assign(sent.words.begin(), sent.words.end());
    tags.assign(sent.tags.begin(), sent.tags.end());
    decode(model, words, tags, scratch, heads, labels);
    const int n = static_cast<int>(sent.words.size());
    for (int i = 0; i < n; ++i) {
      if (sent.punct[static_cast<std::size_t>(i)]) continue;
      ++total;
      const int gold = sent.heads[static_cast<std::size_t>(i)];
      const int pred = heads[static_cast<std::size_t>(i)] < 0 ? n : heads[static_cast<std::size_t>(i)];
      if (gold == pred) {
        ++head_ok;
        if (labels[static_cast<std::size_t>(i)] == sent.labels[static_cast<std::size_t>(i)]) ++both_ok;
      }
    }
  }
  Scores s;
  s.tokens = total;
  if (total) {
    s.uas = 100.0 * static_cast<double>(head_ok) / static_cast<double>(total);
    s.las = 100.0 * static_cast<double>(both_ok) / static_cast<double>(total);
  }
  return s;
}

TrainerResult train_model(const std::vector<TrainSentence>& train, const std::vector<TrainSentence>& dev,
                          const std::vector<std::string>& label_names, const TrainerOptions& options,
                          const std::function<void(std::string_view)>& log, const WordClasses& word_classes) {
  ParserModel model;
  model.word_classes = word_classes;
  model.label_names = label_names;
  for (std::size_t i = 0; i < label_names.size(); ++i)
    if (label_names[i] == "root") model.root_label = static_cast<int>(i);
  model.moves = learn::Perceptron(kNumMoves);
  model.labels = learn::Perceptron(static_cast<std::uint32_t>(label_names.size()));

  // Projectivised gold heads for the oracle.
  std::vector<std::vector<int>> oracle_heads(train.size());
  std::size_t lifted_sentences = 0, lifts = 0;
  for (std::size_t i = 0; i < train.size(); ++i) {
    oracle_heads[i] = train[i].heads;
    const int k = projectivize(oracle_heads[i]);
    if (k) ++lifted_sentences, lifts += static_cast<std::size_t>(k);
  }
  log("projectivised " + std::to_string(lifted_sentences) + " of " + std::to_string(train.size()) +
      " training sentences (" + std::to_string(lifts) + " arcs lifted)");

  TrainerResult result;
  learn::Perceptron best_moves, best_labels;
  double best_las = -1.0;
  std::vector<std::uint32_t> order(train.size());
  std::iota(order.begin(), order.end(), 0u);
  learn::Rng rng(options.seed ^ 0x7e57ab1e5eedULL);
  Scratch scratch;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    learn::shuffle(order, options.seed + static_cast<std::uint64_t>(epoch));
    const double explore = epoch > options.explore_after ? options.explore_probability : 0.0;
    Stats stats;
    for (std::uint32_t i : order) train_sentence(model, train[i], oracle_heads[i], explore, rng, scratch, stats);
    ParserModel averaged;
    averaged.label_names = model.label_names;
    averaged.root_label = model.root_label;
    averaged.word_classes = model.word_classes;
    averaged.moves = model.moves.averaged_copy();
    averaged.labels = model.labels.averaged_copy();
    const Scores scores = evaluate(averaged, dev);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "epoch %d: move errors %.2f%%, label errors %.2f%%, dev %s, %zu+%zu features, %.1f s", epoch,
                  100.0 * static_cast<double>(stats.move_errors) / static_cast<double>(std::max<std::size_t>(1, stats.moves)),
                  100.0 * static_cast<double>(stats.label_errors) / static_cast<double>(std::max<std::size_t>(1, stats.arcs)),
                  format_scores(scores).c_str(), model.moves.num_features(), model.labels.num_features(), secs);
    log(buf);
    if (scores.las > best_las) {
      best_las = scores.las;
      result.best_epoch = epoch;
      result.dev = scores;
      best_moves = std::move(averaged.moves);
      best_labels = std::move(averaged.labels);
    }
  }
  result.model.label_names = model.label_names;
  result.model.root_label = model.root_label;
  result.model.word_classes = model.word_classes;
  result.model.moves = best_moves.averaged_copy(options.prune_below);
  result.model.labels = best_labels.averaged_copy(options.prune_below);
  if (options.prune_below > 0.0f) {
    result.dev = evaluate(result.model, dev);
    log("pruned below " + std::to_string(options.prune_below) + ": " +
        std::to_string(result.model.moves.num_features()) + "+" + std::to_string(result.model.labels.num_features()) +
        " features, dev " + format_scores(result.dev));
  }
  return result;
}

}  // namespace newsgraph::parse
