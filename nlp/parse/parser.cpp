// See parser.hpp.
#include "nlp/parse/parser.hpp"

#include <algorithm>
#include <charconv>

#include "learn/model_file.hpp"

namespace newsgraph {
namespace parse {

std::string label_to_header(std::string_view relation) {
  std::string out(relation);
  std::replace(out.begin(), out.end(), ':', '/');
  return out;
}

std::string label_from_header(std::string_view stored) {
  std::string out(stored);
  std::replace(out.begin(), out.end(), '/', ':');
  return out;
}

Move best_legal_move(const State& state, const float* scores) {
  Move best = Move::kShift;
  float best_score = 0.0f;
  bool found = false;
  for (int m = 0; m < kNumMoves; ++m) {
    const Move move = static_cast<Move>(m);
    if (!state.legal(move)) continue;
    if (!found || scores[m] > best_score) best = move, best_score = scores[m], found = true;
  }
  return best;
}

int best_label(const ParserModel& model, const State& state, int head, const float* scores) {
  if (head == state.root()) return model.root_label;
  int best = -1;
  const int num = static_cast<int>(model.label_names.size());
  for (int l = 0; l < num; ++l) {
    if (l == model.root_label) continue;
    if (best < 0 || scores[l] > scores[best]) best = l;
  }
  return best;
}

void start_sentence(const ParserModel& model, std::span<const std::string_view> words,
                    std::span<const std::string_view> tags, Scratch& scratch) {
  const std::size_t n = words.size();
  build_context(words, tags, model.word_classes, scratch.context);
  scratch.label_scores.resize(model.label_names.size());
  scratch.stack_units.resize(n + 2);
  scratch.stack_known.assign(n + 2, 0);
  scratch.buffer_units.resize(n + 1);
  scratch.buffer_known.assign(n + 1, 0);
}

void plain_move_scores(const ParserModel& model, const State& state, Scratch& scratch, float* scores) {
  move_features(state, scratch.context, scratch.features);
  std::fill_n(scores, kNumMoves, 0.0f);
  model.moves.score(scratch.features, std::span(scores, kNumMoves));
}

void move_scores(const ParserModel& model, const State& state, Scratch& scratch, float* scores) {
  const learn::Perceptron& moves = model.moves;
  static_assert(kMoveFeatures <= learn::Perceptron::kMaxExactTerms);
  if (!moves.integer_weights()) return plain_move_scores(model, state, scratch, scores);
  std::uint64_t features[std::max({kStackFeatures, kBufferFeatures, kStateFeatures})];
  const auto add_units = [&](std::uint64_t* end, std::array<std::int32_t, kNumMoves>& units) {
    moves.score_units(std::span(features, end), units);
  };
  const int top = state.stack(0) < 0 ? scratch.context.none() : state.stack(0);
  std::array<std::int32_t, kNumMoves>& stack = scratch.stack_units[static_cast<std::size_t>(top)];
  if (!scratch.stack_known[static_cast<std::size_t>(top)]) {
    stack.fill(0);
    add_units(stack_features(state, scratch.context, features), stack);
    scratch.stack_known[static_cast<std::size_t>(top)] = 1;
  }
  const auto b0 = static_cast<std::size_t>(state.buffer(0));
  std::array<std::int32_t, kNumMoves>& buffer = scratch.buffer_units[b0];
  if (!scratch.buffer_known[b0]) {
    buffer.fill(0);
    add_units(buffer_features(state, scratch.context, features), buffer);
    scratch.buffer_known[b0] = 1;
  }
  std::array<std::int32_t, kNumMoves> units;
  for (int m = 0; m < kNumMoves; ++m) units[m] = stack[m] + buffer[m];
  add_units(state_features(state, scratch.context, features), units);
  for (int m = 0; m < kNumMoves; ++m) scores[m] = static_cast<float>(units[m]) * moves.quantum();
}

namespace {

// The label scores of scratch.features into scratch.label_scores; for a model of integer
// weights through score_units(), whose rows take half the memory: the same scores to the bit.
void label_scores(const learn::Perceptron& labels, Scratch& scratch) {
  if (labels.integer_weights() && scratch.features.size() <= learn::Perceptron::kMaxExactTerms) {
    scratch.label_units.assign(labels.num_labels(), 0);
    labels.score_units(scratch.features, scratch.label_units);
    for (std::size_t l = 0; l < scratch.label_units.size(); ++l)
      scratch.label_scores[l] = static_cast<float>(scratch.label_units[l]) * labels.quantum();
    return;
  }
  std::fill(scratch.label_scores.begin(), scratch.label_scores.end(), 0.0f);
  labels.score(scratch.features, scratch.label_scores);
}

}  // namespace

void decode(const ParserModel& model, std::span<const std::string_view> words,
            std::span<const std::string_view> tags, Scratch& scratch, std::vector<int>& heads,
            std::vector<int>& labels) {
  const int n = static_cast<int>(words.size());
  State& state = scratch.state;
  state.reset(n);
  start_sentence(model, words, tags, scratch);
  while (!state.terminal()) {
    float scores[kNumMoves];
    move_scores(model, state, scratch, scores);
    const Move move = best_legal_move(state, scores);
    int label = -1;
    if (move != Move::kShift) {
      const int dependent = state.stack(0);
      const int head = move == Move::kLeft ? state.buffer(0) : state.stack(1);
      if (head == state.root()) {
        label = model.root_label;
      } else {
        label_features(state, scratch.context, move, head, dependent, scratch.features);
        label_scores(model.labels, scratch);
        label = best_label(model, state, head, scratch.label_scores.data());
      }
    }
    state.apply(move, label);
  }
  heads.resize(static_cast<std::size_t>(n));
  labels.resize(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const int h = state.head(i);
    heads[static_cast<std::size_t>(i)] = h == n ? -1 : h;
    labels[static_cast<std::size_t>(i)] = state.label(i);
  }
}

}  // namespace parse

namespace {

Status error(const std::string& path, const std::string& what) { return Status::error(path + ": " + what); }

}  // namespace

Result<DependencyParser> DependencyParser::load(const std::string& path) {
  auto file = learn::load_model(path);
  if (!file) return file.status();
  const learn::ModelFile& model_file = *file;
  if (model_file.header.kind != parse::kModelKind)
    return error(path, "not a parser model (kind '" + model_file.header.kind + "'); train one with `newsgraph train parser`");
  if (model_file.header.feature_set_version != parse::kFeatureVersion)
    return error(path, "parser feature set " + std::to_string(model_file.header.feature_set_version) +
                           ", this build uses " + std::to_string(parse::kFeatureVersion) +
                           "; retrain with `newsgraph train parser` (models/README.md)");
  ParserModel model;
  for (const std::string& stored : model_file.header.labels) model.label_names.push_back(parse::label_from_header(stored));
  for (std::size_t i = 0; i < model.label_names.size(); ++i)
    if (model.label_names[i] == "root") model.root_label = static_cast<int>(i);
  if (model.root_label < 0 || model.label_names.size() < 2) return error(path, "parser labels lack 'root'");
  const learn::ModelSection* moves = model_file.section("moves");
  const learn::ModelSection* labels = model_file.section("labels");
  if (!moves || !labels) return error(path, "parser model lacks the 'moves' or 'labels' section");
  auto move_weights = learn::Perceptron::deserialize(moves->bytes);
  if (!move_weights) return error(path, "section 'moves': " + move_weights.status().message());
  auto label_weights = learn::Perceptron::deserialize(labels->bytes);
  if (!label_weights) return error(path, "section 'labels': " + label_weights.status().message());
  if (move_weights->num_labels() != static_cast<std::uint32_t>(parse::kNumMoves))
    return error(path, "section 'moves': expected 3 classes");
  if (label_weights->num_labels() != model.label_names.size())
    return error(path, "section 'labels': class count differs from the header's labels");
  const learn::ModelSection* classes = model_file.section("word-classes");
  if (!classes) return error(path, "parser model lacks the 'word-classes' section");
  auto word_classes = parse::WordClasses::deserialize(classes->bytes);
  if (!word_classes) return error(path, "section 'word-classes': " + word_classes.status().message());
  model.word_classes = std::move(*word_classes);
  model.moves = std::move(*move_weights);
  model.labels = std::move(*label_weights);
  return DependencyParser(std::move(model));
}

void DependencyParser::parse(std::span<const std::string_view> words, std::span<const std::string_view> tags,
                             std::vector<Arc>& arcs) const {
  thread_local parse::Scratch scratch;
  thread_local std::vector<int> heads, labels;
  parse::decode(model_, words, tags, scratch, heads, labels);
  arcs.resize(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    arcs[i].head = heads[i];
    const int l = labels[i];
    arcs[i].label = l >= 0 ? model_.label_names[static_cast<std::size_t>(l)] : std::string("dep");
  }
}

void parse_document(const DependencyParser& parser, Document& doc) {
  doc.arcs.assign(doc.tokens.size(), Arc{-1, "root"});
  std::vector<std::string_view> words, tags;
  std::vector<Arc> arcs;
  for (const Sentence& sent : doc.sentences) {
    words.clear();
    tags.clear();
    for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
      words.push_back(doc.token_text(i));
      tags.push_back(i < doc.pos.size() ? std::string_view(doc.pos[i]) : std::string_view("NN"));
    }
    parser.parse(words, tags, arcs);
    for (std::size_t k = 0; k < arcs.size(); ++k) {
      Arc& arc = doc.arcs[sent.first_token + k];
      arc.head = arcs[k].head < 0 ? -1 : static_cast<std::int32_t>(sent.first_token) + arcs[k].head;
      arc.label = std::move(arcs[k].label);
    }
  }
}

}  // namespace newsgraph
