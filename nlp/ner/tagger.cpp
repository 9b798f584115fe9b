// Feature extraction and greedy decoding (see tagger.hpp for the feature set).
#include "nlp/ner/tagger.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include "learn/features.hpp"

namespace newsgraph::ner {

namespace {

// Feature templates. Never renumber: the ids are part of the hashes stored in models.
enum Template : std::uint32_t {
  kBias = 1,
  kForm,
  kLower,
  kShape,
  kShortShape,
  kPrefix,  // + length 1..4 below
  kSuffix = kPrefix + 5,
  kLowerM1 = kSuffix + 5,
  kLowerP1,
  kLowerM2,
  kLowerP2,
  kShortShapeM1,
  kShortShapeP1,
  kBigramM1,
  kBigramP1,
  kPosition,
  kPositionLower,
  kShapeTrigram,
  kGazetteer,
  kGazetteerM1,
  kGazetteerP1,
  kDocCase,
  kAggregatePrev,
  kAggregateNext,
  kPos,
  kPosM1,
  kPosP1,
  kPosBigramM1,
  kPosBigramP1,
  kPrev1,
  kPrev2,
  kPrevLower,
  kPrevShape,
  kHistoryHas,
  kHistoryMajority,
  kGazetteerShape,
  kAggregatePrev2,
  kAggregateNext2,
  kGazetteerPrevWord,
  kNumTemplates
};

// Token flags.
constexpr std::uint8_t kCapInitial = 1;   // first byte A-Z
constexpr std::uint8_t kAllCaps = 2;      // letters, none lower case
constexpr std::uint8_t kHasAlpha = 4;
constexpr std::uint8_t kSentenceInitial = 8;
constexpr std::uint8_t kHeadline = 16;    // in a sentence with no lower-case letter
constexpr std::uint8_t kLowerInitial = 32;
constexpr std::uint8_t kTable = 64;       // in a sentence that is mostly numbers (results, tables)

constexpr std::size_t kMaxContexts = 24;
constexpr std::uint32_t kMaxAffix = 4;

struct Seeds {
  std::array<std::uint64_t, kNumTemplates> value{};
  std::uint64_t bos, eos, no_pos;
  Seeds() {
    for (std::uint32_t t = 0; t < kNumTemplates; ++t) value[t] = learn::hash_feature(t, std::uint64_t{0});
    bos = learn::hash_feature(0, std::string_view("<s>"));
    eos = learn::hash_feature(0, std::string_view("</s>"));
    no_pos = learn::hash_feature(0, std::string_view("<nopos>"));
  }
};
const Seeds& seeds() {
  static const Seeds s;
  return s;
}

inline std::uint64_t feature(Template t, std::uint64_t value) { return learn::hash_combine(seeds().value[t], value); }

bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

void make_shape(std::string_view token, std::string& shape, bool collapse) {
  shape.clear();
  char last = 0;
  int run = 0;
  for (const char ch : token) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 && c < 0xc0) continue;  // UTF-8 continuation byte
    char s = is_upper(c) ? 'X' : is_lower(c) ? 'x' : is_digit(c) ? 'd' : c >= 0x80 ? 'u' : ch;
    run = s == last ? run + 1 : 1;
    last = s;
    if (run <= (collapse ? 1 : 4)) shape += s;
  }
}

std::uint8_t token_flags(std::string_view token) {
  bool alpha = false, lower = false;
  for (const char ch : token) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_lower(c)) alpha = lower = true;
    else if (is_upper(c)) alpha = true;
  }
  std::uint8_t flags = 0;
  if (alpha) flags |= kHasAlpha;
  if (alpha && !lower) flags |= kAllCaps;
  if (!token.empty() && is_upper(static_cast<unsigned char>(token[0]))) flags |= kCapInitial;
  if (!token.empty() && is_lower(static_cast<unsigned char>(token[0]))) flags |= kLowerInitial;
  return flags;
}

// Capitalised (or all-capitals) words get document-level features.
bool name_like(std::uint8_t flags) { return (flags & (kCapInitial | kAllCaps)) && (flags & kHasAlpha); }

}  // namespace

void extract_static(const TaggerConfig& config, const Gazetteer& gazetteer, const TaggerInput& input,
                    TaggerState& state) {
  const Seeds& s = seeds();
  const std::size_t n = input.forms.size();
  state.lower.resize(n);
  state.form.resize(n);
  state.shape.resize(n);
  state.short_shape.resize(n);
  state.pos.resize(n);
  state.gaz_key.resize(n);
  state.flags.resize(n);
  state.feature_begin.resize(n + 1);
  state.features.clear();
  state.marks.clear();
  state.mark_begin.assign(n + 1, 0);
  state.doc_case.clear();
  state.contexts.clear();

  // Per-token values.
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view token = input.forms[i];
    state.lower_buffer.assign(token);
    for (char& c : state.lower_buffer) {
      if (is_upper(static_cast<unsigned char>(c))) c = static_cast<char>(c + 32);
    }
    state.lower[i] = learn::hash_feature(0, std::string_view(state.lower_buffer));
    state.form[i] = learn::hash_feature(0, token);
    make_shape(token, state.shape_buffer, false);
    state.shape[i] = learn::hash_feature(0, std::string_view(state.shape_buffer));
    make_shape(token, state.shape_buffer, true);
    state.short_shape[i] = learn::hash_feature(0, std::string_view(state.shape_buffer));
    state.pos[i] = config.use_pos && i < input.pos.size() ? learn::hash_feature(0, input.pos[i]) : s.no_pos;
    state.gaz_key[i] = Gazetteer::key_of(token);
    state.flags[i] = token_flags(token);
  }
  // Sentence-level flags and gazetteer matches.
  for (const TaggerInput::Range& sent : input.sentences) {
    if (sent.first >= sent.end) continue;
    bool any_alpha = false, any_lower = false;
    for (std::uint32_t i = sent.first; i < sent.end; ++i) {
      if (state.flags[i] & kHasAlpha) any_alpha = true;
      if ((state.flags[i] & kHasAlpha) && !(state.flags[i] & kAllCaps)) any_lower = true;
    }
    state.flags[sent.first] |= kSentenceInitial;
    std::uint32_t numbers = 0;
    for (std::uint32_t i = sent.first; i < sent.end; ++i) {
      const std::string_view token = input.forms[i];
      numbers += !token.empty() && is_digit(static_cast<unsigned char>(token[0]));
    }
    if (numbers * 3 >= (sent.end - sent.first) && numbers >= 2) {
      for (std::uint32_t i = sent.first; i < sent.end; ++i) state.flags[i] |= kTable;
    }
    if (any_alpha && !any_lower) {
      for (std::uint32_t i = sent.first; i < sent.end; ++i) state.flags[i] |= kHeadline;
    }
    const std::size_t before = state.marks.size();
    gazetteer.match(std::span(input.forms).subspan(sent.first, sent.end - sent.first),
                    std::span(state.gaz_key).subspan(sent.first, sent.end - sent.first), state.marks);
    for (std::size_t m = before; m < state.marks.size(); ++m) state.marks[m].token += sent.first;
  }
  for (const GazetteerMark& mark : state.marks) ++state.mark_begin[mark.token + 1];
  for (std::size_t i = 0; i < n; ++i) state.mark_begin[i + 1] += state.mark_begin[i];

  // Document statistics: capitalisation where it is informative, and contexts of names.
  for (const TaggerInput::Range& sent : input.sentences) {
    for (std::uint32_t i = sent.first; i < sent.end; ++i) {
      const std::uint8_t flags = state.flags[i];
      if (!(flags & (kSentenceInitial | kHeadline)) && (flags & kHasAlpha)) {
        std::uint32_t& counts = state.doc_case[state.lower[i]];
        if (flags & kCapInitial) counts = std::min<std::uint32_t>((counts >> 16) + 1, 0xffff) << 16 | (counts & 0xffff);
        else if (flags & kLowerInitial) counts = (counts & 0xffff0000u) | std::min<std::uint32_t>((counts & 0xffff) + 1, 0xffff);
      }
      if (name_like(flags)) {
        auto& list = state.contexts[state.lower[i]];
        const auto add = [&](std::uint64_t context) {
          if (list.size() < kMaxContexts && std::find(list.begin(), list.end(), context) == list.end())
            list.push_back(context);
        };
        add(feature(kAggregatePrev, i > sent.first ? state.lower[i - 1] : s.bos));
        add(feature(kAggregateNext, i + 1 < sent.end ? state.lower[i + 1] : s.eos));
        add(feature(kAggregatePrev2, i > sent.first + 1 ? state.lower[i - 2] : s.bos));
        add(feature(kAggregateNext2, i + 2 < sent.end ? state.lower[i + 2] : s.eos));
      }
    }
  }

  // The static features of each token.
  std::vector<std::uint64_t>& f = state.features;
  f.reserve(n * 48);
  for (const TaggerInput::Range& sent : input.sentences) {
    for (std::uint32_t i = sent.first; i < sent.end; ++i) {
      state.feature_begin[i] = static_cast<std::uint32_t>(f.size());
      const std::uint8_t flags = state.flags[i];
      const auto at = [&](const std::vector<std::uint64_t>& values, int offset) {
        const std::int64_t j = static_cast<std::int64_t>(i) + offset;
        if (j < sent.first) return s.bos;
        if (j >= sent.end) return s.eos;
        return values[static_cast<std::size_t>(j)];
      };
      f.push_back(feature(kBias, 0));
      f.push_back(feature(kForm, state.form[i]));
      f.push_back(feature(kLower, state.lower[i]));
      f.push_back(feature(kShape, state.shape[i]));
      f.push_back(feature(kShortShape, state.short_shape[i]));
      // Affixes of the lower-case form, on whole bytes.
      const std::string_view token_text = input.forms[i];
      state.lower_buffer.assign(token_text);
      for (char& c : state.lower_buffer) {
        if (is_upper(static_cast<unsigned char>(c))) c = static_cast<char>(c + 32);
      }
      const std::string_view lower(state.lower_buffer);
      for (std::uint32_t k = 1; k <= kMaxAffix && k <= lower.size(); ++k) {
        f.push_back(learn::hash_feature(kPrefix + k, lower.substr(0, k)));
        f.push_back(learn::hash_feature(kSuffix + k, lower.substr(lower.size() - k)));
      }
      f.push_back(feature(kLowerM1, at(state.lower, -1)));
      f.push_back(feature(kLowerP1, at(state.lower, 1)));
      f.push_back(feature(kLowerM2, at(state.lower, -2)));
      f.push_back(feature(kLowerP2, at(state.lower, 2)));
      f.push_back(feature(kShortShapeM1, at(state.short_shape, -1)));
      f.push_back(feature(kShortShapeP1, at(state.short_shape, 1)));
      f.push_back(feature(kBigramM1, learn::hash_combine(at(state.lower, -1), state.lower[i])));
      f.push_back(feature(kBigramP1, learn::hash_combine(state.lower[i], at(state.lower, 1))));
      const std::uint64_t position =
          (flags & kSentenceInitial ? 1 : 0) | (flags & kHeadline ? 2 : 0) | (flags & kTable ? 4 : 0);
      f.push_back(feature(kPosition, position));
      if (position) f.push_back(feature(kPositionLower, learn::hash_combine(position, state.lower[i])));
      f.push_back(feature(kShapeTrigram, learn::hash_combine(learn::hash_combine(at(state.short_shape, -1), state.short_shape[i]),
                                                           at(state.short_shape, 1))));
      // Gazetteer marks on this token and the types matched next to it.
      for (std::uint32_t m = state.mark_begin[i]; m < state.mark_begin[i + 1]; ++m) {
        const GazetteerMark& mark = state.marks[m];
        const std::uint64_t value = mark.type * 4u + static_cast<std::uint64_t>(mark.part);
        f.push_back(feature(kGazetteer, value));
        f.push_back(feature(kGazetteerShape, learn::hash_combine(value, state.short_shape[i])));
        f.push_back(feature(kGazetteerPrevWord, learn::hash_combine(value, at(state.lower, -1))));
      }
      if (i > sent.first) {
        for (std::uint32_t m = state.mark_begin[i - 1]; m < state.mark_begin[i]; ++m)
          f.push_back(feature(kGazetteerM1, state.marks[m].type * 4u + static_cast<std::uint64_t>(state.marks[m].part)));
      }
      if (i + 1 < sent.end) {
        for (std::uint32_t m = state.mark_begin[i + 1]; m < state.mark_begin[i + 2]; ++m)
          f.push_back(feature(kGazetteerP1, state.marks[m].type * 4u + static_cast<std::uint64_t>(state.marks[m].part)));
      }
      // Document level.
      if (flags & kHasAlpha) {
        const auto it = state.doc_case.find(state.lower[i]);
        const std::uint32_t counts = it == state.doc_case.end() ? 0 : it->second;
        const std::uint64_t category = ((counts >> 16) ? 1 : 0) | ((counts & 0xffff) ? 2 : 0);
        f.push_back(feature(kDocCase, category * 8 + position * 2 + (flags & kCapInitial ? 1 : 0)));
      }
      if (name_like(flags)) {
        const auto it = state.contexts.find(state.lower[i]);
        if (it != state.contexts.end()) f.insert(f.end(), it->second.begin(), it->second.end());
      }
      if (config.use_pos) {
        f.push_back(feature(kPos, state.pos[i]));
        f.push_back(feature(kPosM1, at(state.pos, -1)));
        f.push_back(feature(kPosP1, at(state.pos, 1)));
        f.push_back(feature(kPosBigramM1, learn::hash_combine(at(state.pos, -1), state.pos[i])));
        f.push_back(feature(kPosBigramP1, learn::hash_combine(state.pos[i], at(state.pos, 1))));
      }
    }
  }
  state.feature_begin[n] = static_cast<std::uint32_t>(f.size());
}

namespace {

// The label-dependent features of token i given the two previous labels.
constexpr std::size_t kDynamicFeatures = 4;
void dynamic_features(const TaggerState& state, std::uint32_t i, Label prev1, Label prev2,
                      std::vector<std::uint64_t>& buffer) {
  buffer.clear();
  buffer.push_back(feature(kPrev1, prev1));
  buffer.push_back(feature(kPrev2, prev2 * kNumLabels + prev1));
  buffer.push_back(feature(kPrevLower, learn::hash_combine(prev1, state.lower[i])));
  buffer.push_back(feature(kPrevShape, learn::hash_combine(prev1, state.short_shape[i])));
}

// Appends the history features of token i: the entity types predicted for the same word in
// the earlier sentences of the document.
void history_features(const TaggerState& state, std::uint32_t i, std::vector<std::uint64_t>& out) {
  if (!name_like(state.flags[i])) return;
  const auto it = state.history.find(state.lower[i]);
  if (it == state.history.end()) return;
  int best = 0;
  for (int t = 0; t <= kNumTypes; ++t) {
    if (it->second[t]) out.push_back(feature(kHistoryHas, static_cast<std::uint64_t>(t)));
    if (it->second[t] > it->second[best]) best = t;
  }
  out.push_back(feature(kHistoryMajority, static_cast<std::uint64_t>(best)));
}

void remember(TaggerState& state, const TaggerInput::Range& sent, std::span<const Label> labels) {
  for (std::uint32_t i = sent.first; i < sent.end; ++i) {
    if (!name_like(state.flags[i])) continue;
    auto& counts = state.history[state.lower[i]];
    const Label label = labels[i];
    const int slot = label == kOutside ? kNumTypes : static_cast<int>(label_type(label));
    if (counts[slot] < 0xffff) ++counts[slot];
  }
}

}  // namespace

void decode(const learn::Perceptron& model, const TaggerInput& input, TaggerState& state, std::vector<Label>& labels,
            std::vector<float>* margins, learn::Perceptron* train, std::span<const Label> gold, std::uint32_t beam) {
  const std::size_t n = input.forms.size();
  labels.assign(n, kOutside);
  if (margins) margins->assign(n, 0.0f);
  state.history.clear();
  state.pair_units.resize(kNumLabels * kNumLabels * kNumLabels);
  state.pair_known.fill(false);
  if (train) beam = 1;
  std::array<float, kNumLabels> scores, local;
  std::vector<std::uint64_t>& buffer = state.buffer;
  std::vector<std::uint64_t> sentence_features;
  for (const TaggerInput::Range& sent : input.sentences) {
    const std::uint32_t length = sent.end - sent.first;
    // Label-independent scores of each token: static features plus history. With integer
    // weights they are kept in units (score_units(): compact rows, and the same scores to the
    // bit as long as no score has more terms than Perceptron::kMaxExactTerms).
    bool units = model.integer_weights();
    for (std::uint32_t i = sent.first; i < sent.end && units; ++i)
      units = state.feature_begin[i + 1] - state.feature_begin[i] + kNumTypes + 2 + kDynamicFeatures <=
              learn::Perceptron::kMaxExactTerms;
    const std::size_t cells = static_cast<std::size_t>(length) * kNumLabels;
    if (units) state.token_units.assign(cells, 0);
    else state.token_scores.assign(cells, 0.0f);
    for (std::uint32_t i = sent.first; i < sent.end; ++i) {
      const std::size_t at = static_cast<std::size_t>(i - sent.first) * kNumLabels;
      const std::span<const std::uint64_t> features(state.features.data() + state.feature_begin[i],
                                                    state.feature_begin[i + 1] - state.feature_begin[i]);
      buffer.clear();
      history_features(state, i, buffer);
      if (units) {
        const std::span<std::int32_t> row(state.token_units.data() + at, kNumLabels);
        model.score_units(features, row);
        model.score_units(buffer, row);
      } else {
        const std::span<float> row(state.token_scores.data() + at, kNumLabels);
        model.score(features, row);
        model.score(buffer, row);
      }
    }
    if (units) {
      state.word_known.assign(length, 0);
      if (state.word_units.size() < cells * kNumLabels) state.word_units.resize(cells * kNumLabels);
    }
    // The scores of token i's labels after the labels prev2, prev1; leaves the dynamic
    // features in `buffer` (not in units, where they are scored once per pair / per word:
    // integer sums do not depend on their order, so the scores are the same to the bit).
    const auto local_scores = [&](std::uint32_t i, Label prev1, Label prev2, std::array<float, kNumLabels>& out) {
      const std::size_t at = static_cast<std::size_t>(i - sent.first) * kNumLabels;
      if (units) {
        const std::size_t pair = static_cast<std::size_t>(prev2) * kNumLabels + prev1;
        std::int32_t* pair_row = state.pair_units.data() + pair * kNumLabels;
        if (!state.pair_known[pair]) {
          std::fill_n(pair_row, kNumLabels, 0);
          const std::uint64_t pair_features[] = {feature(kPrev1, prev1), feature(kPrev2, prev2 * kNumLabels + prev1)};
          model.score_units(pair_features, std::span(pair_row, kNumLabels));
          state.pair_known[pair] = true;
        }
        std::int32_t* word_row = state.word_units.data() + (at + prev1) * kNumLabels;
        std::uint32_t& known = state.word_known[i - sent.first];
        if (!(known >> prev1 & 1u)) {
          std::fill_n(word_row, kNumLabels, 0);
          const std::uint64_t word_features[] = {feature(kPrevLower, learn::hash_combine(prev1, state.lower[i])),
                                                 feature(kPrevShape, learn::hash_combine(prev1, state.short_shape[i]))};
          model.score_units(word_features, std::span(word_row, kNumLabels));
          known |= 1u << prev1;
        }
        const std::int32_t* token_row = state.token_units.data() + at;
        for (int label = 0; label < kNumLabels; ++label)
          out[label] = static_cast<float>(token_row[label] + pair_row[label] + word_row[label]) * model.quantum();
      } else {
        dynamic_features(state, i, prev1, prev2, buffer);
        std::copy_n(state.token_scores.data() + at, kNumLabels, out.begin());
        model.score(buffer, out);
      }
    };
    if (beam <= 1) {
      Label prev1 = kOutside, prev2 = kOutside;
      for (std::uint32_t i = sent.first; i < sent.end; ++i) {
        local_scores(i, prev1, prev2, scores);
        int guess = 0;
        for (int label = 1; label < kNumLabels; ++label) {
          if (scores[label] > scores[guess]) guess = label;
        }
        if (train) {
          // The full feature list of this decision: dynamic (in buffer), static, history.
          buffer.insert(buffer.end(), state.features.begin() + state.feature_begin[i],
                        state.features.begin() + state.feature_begin[i + 1]);
          history_features(state, i, buffer);
          train->update(buffer, gold[i], static_cast<std::uint32_t>(guess));
          train->next_example();
        }
        labels[i] = static_cast<Label>(guess);
        prev2 = prev1;
        prev1 = labels[i];
      }
    } else {
      // Beam search over well-formed BILOU sequences.
      std::vector<Hypothesis>& lattice = state.lattice;
      lattice.clear();
      std::vector<std::uint32_t>& offsets = state.lattice_offsets;
      offsets.assign(1, 0);
      lattice.push_back(Hypothesis{0.0f, kOutside, kOutside, 0, kOutside});  // the start
      offsets.push_back(1);
      for (std::uint32_t i = sent.first; i < sent.end; ++i) {
        const bool last = i + 1 == sent.end;
        const std::uint32_t from = offsets[offsets.size() - 2], to = offsets.back();
        std::vector<Hypothesis>& candidates = state.candidates;
        candidates.clear();
        for (std::uint32_t h = from; h < to; ++h) {
          const Hypothesis hyp = lattice[h];
          local_scores(i, hyp.prev1, hyp.prev2, scores);
          for (int label = 0; label < kNumLabels; ++label) {
            if (!allowed(hyp.prev1, static_cast<Label>(label), last)) continue;
            candidates.push_back(Hypothesis{hyp.score + scores[label], static_cast<Label>(label), hyp.prev1, h,
                                            static_cast<Label>(label)});
          }
        }
        const std::size_t keep = std::min<std::size_t>(beam, candidates.size());
        std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep), candidates.end(),
                          [](const Hypothesis& a, const Hypothesis& b) {
                            if (a.score != b.score) return a.score > b.score;
                            if (a.back != b.back) return a.back < b.back;
                            return a.label < b.label;
                          });
        lattice.insert(lattice.end(), candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep));
        offsets.push_back(static_cast<std::uint32_t>(lattice.size()));
      }
      // The best final hypothesis, followed back.
      std::uint32_t h = offsets[offsets.size() - 2];
      for (std::uint32_t i = sent.end; i-- > sent.first;) {
        labels[i] = lattice[h].label;
        h = lattice[h].back;
      }
    }
    if (margins) {
      // Margin of each decision on the chosen path: its score minus the best other label's.
      Label prev1 = kOutside, prev2 = kOutside;
      for (std::uint32_t i = sent.first; i < sent.end; ++i) {
        local_scores(i, prev1, prev2, local);
        float other = -std::numeric_limits<float>::infinity();
        for (int label = 0; label < kNumLabels; ++label) {
          if (label != labels[i]) other = std::max(other, local[label]);
        }
        (*margins)[i] = local[labels[i]] - other;
        prev2 = prev1;
        prev1 = labels[i];
      }
    }
    remember(state, sent, labels);
  }
}

}  // namespace newsgraph::ner
