// See pos_tagger.hpp.
#include "nlp/pos/pos_tagger.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>

#include "nlp/pos/pos_features.hpp"

namespace newsgraph::pos {
namespace detail {
namespace {

constexpr std::uint64_t salt(std::uint32_t t) { return learn::mix64(0x51ed2701a3b5c9d1ULL + t * 0x9e3779b97f4a7c15ULL); }

enum Template : std::uint32_t {
  kBias, kWord, kLower, kSuf1, kSuf2, kSuf3, kSuf4, kPre1, kPre2, kPre3, kShape, kFlags,
  kPrev1Lower, kPrev1Suf3, kPrev2Lower, kNext1Lower, kNext1Suf3, kNext2Lower,
  kTag1, kTag2, kTag12, kTag1Lower, kPrev1LowerLower, kLowerNext1Lower,
  kAmb, kNext1Amb, kNext2Amb, kTag1Next1Amb, kTag1Amb, kNext1Shape, kPrev1Shape, kTag1Suf3,
  kAmbLower, kFlagsAmbLower, kNext1AmbNext2Amb, kSuf3Next1Amb,
  kWn, kWnFlags, kNext1Wn, kPrev1Wn, kTag1Wn, kWnSuf3,
  kRight1, kRight2, kRight12, kRight1Lower, kTag1Right1, kRight1Suf3,
  kNumTemplates,
  // value templates (hashing the strings)
  kValWord = 100, kValLower, kValPre, kValSuf, kValShape, kValSentinel,
};

constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

TokenInfo make_sentinel(std::string_view name) {
  TokenInfo info;
  const std::uint64_t h = learn::hash_feature(kValSentinel, name);
  info.word = info.lower = info.shape = info.flags = info.amb = info.amb_lower = info.wn = h;
  for (auto& p : info.pre) p = h;
  for (auto& s : info.suf) s = h;
  return info;
}

}  // namespace

const TokenInfo& start_sentinel() {
  static const TokenInfo info = make_sentinel("<s>");
  return info;
}
const TokenInfo& end_sentinel() {
  static const TokenInfo info = make_sentinel("</s>");
  return info;
}

std::string_view normalise(std::string_view word, std::string& buffer) { return pos_form(word, buffer); }

void analyse_token(std::string_view form, bool first, TokenInfo& info, std::string& lower) {
  lower.assign(form);
  bool has_upper = false, has_lower_letter = false, has_digit = false, has_hyphen = false;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') has_upper = true;
    else if (c >= 'a' && c <= 'z') has_lower_letter = true;
    else if (c >= '0' && c <= '9') has_digit = true;
    else if (c == '-') has_hyphen = true;
    c = to_lower(c);
  }
  info.word = learn::hash_feature(kValWord, form);
  info.lower = learn::hash_feature(kValLower, std::string_view(lower));
  const std::string_view low(lower);
  for (std::uint32_t k = 0; k < 4; ++k) {
    const std::size_t n = std::min<std::size_t>(k + 1, low.size());
    info.suf[k] = learn::hash_feature(kValSuf + 16 * k, low.substr(low.size() - n));
  }
  for (std::uint32_t k = 0; k < 3; ++k)
    info.pre[k] = learn::hash_feature(kValPre + 16 * k, form.substr(0, std::min<std::size_t>(k + 1, form.size())));
  // Shape: X upper, x lower, d digit, other ASCII as is, one 'u' per non-ASCII character;
  // runs longer than 2 cut to 2 ("Putin" → "Xxx", "1996" → "dd", "U.S." → "X.X.").
  char shape[32];
  std::size_t len = 0;
  char last = 0;
  int run = 0;
  for (std::size_t i = 0; i < form.size() && len < sizeof shape; ++i) {
    const auto c = static_cast<unsigned char>(form[i]);
    char s;
    if (c >= 'A' && c <= 'Z') s = 'X';
    else if (c >= 'a' && c <= 'z') s = 'x';
    else if (c >= '0' && c <= '9') s = 'd';
    else if (c < 0x80) s = static_cast<char>(c);
    else if ((c & 0xc0) == 0x80) continue;  // UTF-8 continuation byte
    else s = 'u';
    run = s == last ? run + 1 : 1;
    last = s;
    if (run <= 2) shape[len++] = s;
  }
  info.shape = learn::hash_feature(kValShape, std::string_view(shape, len));
  const bool initial_upper = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
  const std::uint64_t flags = (has_hyphen ? 1u : 0u) | (has_digit ? 2u : 0u) | (has_upper ? 4u : 0u) |
                              (has_upper && !has_lower_letter ? 8u : 0u) | (first ? 16u : 0u) |
                              (initial_upper ? 32u : 0u);
  info.flags = learn::hash_feature(kFlags, flags);
}

void features(const std::vector<TokenInfo>& info, std::size_t i, std::uint32_t prev1, std::uint32_t prev2,
              std::vector<std::uint64_t>& out) {
  const std::size_t j = i + kPad;
  const TokenInfo& c = info[j];
  const TokenInfo& p1 = info[j - 1];
  const TokenInfo& p2 = info[j - 2];
  const TokenInfo& n1 = info[j + 1];
  const TokenInfo& n2 = info[j + 2];
  const std::uint64_t t1 = learn::mix64(prev1 + 0x1000), t2 = learn::mix64(prev2 + 0x2000);
  out.clear();
  auto add = [&](Template t, std::uint64_t value) { out.push_back(learn::hash_combine(salt(t), value)); };
  add(kBias, 0);
  add(kWord, c.word);
  add(kLower, c.lower);
  add(kSuf1, c.suf[0]);
  add(kSuf2, c.suf[1]);
  add(kSuf3, c.suf[2]);
  add(kSuf4, c.suf[3]);
  add(kPre1, c.pre[0]);
  add(kPre2, c.pre[1]);
  add(kPre3, c.pre[2]);
  add(kShape, c.shape);
  add(kFlags, c.flags);
  add(kPrev1Lower, p1.lower);
  add(kPrev1Suf3, p1.suf[2]);
  add(kPrev2Lower, p2.lower);
  add(kNext1Lower, n1.lower);
  add(kNext1Suf3, n1.suf[2]);
  add(kNext2Lower, n2.lower);
  add(kTag1, t1);
  add(kTag2, t2);
  add(kTag12, learn::hash_combine(t1, t2));
  add(kTag1Lower, learn::hash_combine(t1, c.lower));
  add(kPrev1LowerLower, learn::hash_combine(p1.lower, c.lower));
  add(kLowerNext1Lower, learn::hash_combine(c.lower, n1.lower));
  add(kAmb, c.amb);
  add(kNext1Amb, n1.amb);
  add(kNext2Amb, n2.amb);
  add(kTag1Next1Amb, learn::hash_combine(t1, n1.amb));
  add(kTag1Amb, learn::hash_combine(t1, c.amb));
  add(kNext1Shape, n1.shape);
  add(kPrev1Shape, p1.shape);
  add(kTag1Suf3, learn::hash_combine(t1, c.suf[2]));
  add(kAmbLower, c.amb_lower);
  add(kFlagsAmbLower, learn::hash_combine(c.flags, c.amb_lower));
  add(kNext1AmbNext2Amb, learn::hash_combine(n1.amb, n2.amb));
  add(kSuf3Next1Amb, learn::hash_combine(c.suf[2], n1.amb));
  add(kWn, c.wn);
  add(kWnFlags, learn::hash_combine(c.wn, c.flags));
  add(kNext1Wn, n1.wn);
  add(kPrev1Wn, p1.wn);
  add(kTag1Wn, learn::hash_combine(t1, c.wn));
  add(kWnSuf3, learn::hash_combine(c.wn, c.suf[2]));
}

std::uint8_t wordnet_bits(std::string_view letters) {
  std::uint8_t bits = 0;
  for (char c : letters) {
    switch (c) {
      case 'n': bits |= 1; break;
      case 'v': bits |= 2; break;
      case 'a': bits |= 4; break;
      case 'r': bits |= 8; break;
      case 'N': bits |= 16; break;
      case 'V': bits |= 32; break;
      case 'A': bits |= 64; break;
      case 'R': bits |= 128; break;
      default: break;
    }
  }
  return bits;
}

void right_features(const std::vector<TokenInfo>& info, std::size_t i, std::uint32_t prev1, std::uint32_t right1,
                    std::uint32_t right2, std::vector<std::uint64_t>& out) {
  const TokenInfo& c = info[i + kPad];
  const std::uint64_t t1 = learn::mix64(prev1 + 0x1000), r1 = learn::mix64(right1 + 0x3000),
                      r2 = learn::mix64(right2 + 0x4000);
  auto add = [&](Template t, std::uint64_t value) { out.push_back(learn::hash_combine(salt(t), value)); };
  add(kRight1, r1);
  add(kRight2, r2);
  add(kRight12, learn::hash_combine(r1, r2));
  add(kRight1Lower, learn::hash_combine(r1, c.lower));
  add(kTag1Right1, learn::hash_combine(t1, r1));
  add(kRight1Suf3, learn::hash_combine(r1, c.suf[2]));
}

}  // namespace detail

namespace {

struct Scratch {
  std::vector<detail::TokenInfo> info;
  std::vector<std::uint64_t> features;
  std::vector<float> scores;
  std::vector<std::int32_t> units;
  std::vector<std::uint16_t> ids;
  std::string buffer, lower;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

template <typename Score>
std::uint32_t argmax(const std::vector<Score>& scores) {
  std::uint32_t best = 0;
  for (std::uint32_t l = 1; l < scores.size(); ++l)
    if (scores[l] > scores[best]) best = l;
  return best;
}

}  // namespace

void PosTagger::build_index() {
  lexicon_index_.clear();
  lexicon_index_.reserve(lexicon_.size() * 2);
  for (const auto& [word, entry] : lexicon_) {
    LexiconValue value;
    value.class_hash = learn::hash_feature(detail::kClassValue, std::string_view(entry.tag_class));
    value.dict_tag = entry.dict_tag;
    lexicon_index_[detail::lexicon_key(word)] = value;
  }
}

Status PosTagger::set_wordnet(std::string text) {
  wordnet_index_.clear();
  wordnet_index_.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  std::string_view rest = text;
  std::size_t line = 0;
  while (!rest.empty()) {
    ++line;
    const auto nl = rest.find('\n');
    const std::string_view row = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    const auto tab = row.find('\t');
    if (tab == std::string_view::npos) return Status::error("wordnet line " + std::to_string(line) + ": expected 2 fields");
    wordnet_index_[detail::wordnet_key(row.substr(0, tab))] = detail::wordnet_bits(row.substr(tab + 1));
  }
  wordnet_text_ = std::move(text);
  return Status::ok();
}

std::uint32_t PosTagger::wordnet_lookup(std::uint64_t key) const {
  const std::uint8_t* bits = wordnet_index_.find(key);
  return bits ? *bits : 0u;
}

void PosTagger::tag_ids(std::span<const std::string_view> words, std::vector<std::uint16_t>& tag_ids) const {
  Scratch& s = scratch();
  auto lookup = [this](std::uint64_t key) {
    const LexiconValue* value = lexicon_index_.find(key);
    return value ? detail::LexiconHit{value->class_hash, value->dict_tag} : detail::LexiconHit{};
  };
  auto wordnet = [this](std::uint64_t key) { return wordnet_lookup(key); };
  detail::analyse(words, lookup, wordnet, s.info, s.buffer, s.lower);
  tag_ids.resize(words.size());
  s.scores.resize(tags_.size());
  const bool two_pass = second_.num_labels() != 0;
  std::vector<std::uint16_t>& first = s.ids;  // the first pass's tags when there is a second
  std::vector<std::uint16_t>& out = two_pass ? first : tag_ids;
  out.resize(words.size());
  for (int pass = 0; pass < (two_pass ? 2 : 1); ++pass) {
    std::vector<std::uint16_t>& result = pass == 0 ? out : tag_ids;
    const learn::Perceptron& model = pass == 0 ? model_ : second_;
    std::uint32_t prev1 = detail::kStartTag, prev2 = detail::kStartTag;
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::uint32_t guess;
      const std::int32_t dict = s.info[i + detail::kPad].dict_tag;
      if (dict >= 0) {
        guess = static_cast<std::uint32_t>(dict);
      } else {
        detail::features(s.info, i, prev1, prev2, s.features);
        if (pass == 1)
          detail::right_features(s.info, i, prev1, i + 1 < words.size() ? first[i + 1] : detail::kStartTag,
                                 i + 2 < words.size() ? first[i + 2] : detail::kStartTag, s.features);
        if (model.integer_weights() && s.features.size() <= learn::Perceptron::kMaxExactTerms) {
          // The same sums as score() in units of quantum(), so the same argmax, from the
          // int16 rows: half the cache lines of the float rows that bound tagging (issue 8).
          s.units.assign(tags_.size(), 0);
          model.score_units(s.features, s.units);
          guess = argmax(s.units);
        } else {
          std::fill(s.scores.begin(), s.scores.end(), 0.0f);
          model.score(s.features, s.scores);
          guess = argmax(s.scores);
        }
      }
      result[i] = static_cast<std::uint16_t>(guess);
      prev2 = prev1;
      prev1 = guess;
    }
  }
}

void PosTagger::tag(std::span<const std::string_view> words, std::vector<std::string_view>& tags) const {
  thread_local std::vector<std::uint16_t> ids;
  tag_ids(words, ids);
  tags.clear();
  tags.reserve(ids.size());
  for (std::uint16_t id : ids) tags.push_back(tags_[id]);
}

void PosTagger::serialize_lexicon(std::string& out) const {
  for (const auto& [word, entry] : lexicon_) {
    out += word;
    out += '\t';
    out += entry.tag_class;
    out += '\t';
    out += entry.dict_tag >= 0 ? tags_[static_cast<std::size_t>(entry.dict_tag)] : std::string("-");
    out += '\n';
  }
}

Status PosTagger::save(const std::string& path) const {
  learn::ModelFile file;
  file.header = header_;
  file.header.kind = std::string(kPosModelKind);
  file.header.feature_set_version = kPosFeatureSet;
  file.header.labels = tags_;
  learn::ModelSection weights{"weights", {}};
  model_.serialize(weights.bytes, learn::WeightEncoding::kSparseInt16);
  learn::ModelSection lexicon{"lexicon", {}};
  serialize_lexicon(lexicon.bytes);
  file.sections.push_back(std::move(weights));
  if (second_.num_labels() != 0) {
    learn::ModelSection second{"weights-2", {}};
    second_.serialize(second.bytes, learn::WeightEncoding::kSparseInt16);
    file.sections.push_back(std::move(second));
  }
  file.sections.push_back(std::move(lexicon));
  if (!wordnet_text_.empty()) file.sections.push_back(learn::ModelSection{"wordnet", wordnet_text_});
  return learn::save_model(path, file);
}

Result<PosTagger> PosTagger::from_model(const learn::ModelFile& file, const std::string& name) {
  auto fail = [&](const std::string& what) { return Status::error(name + ": " + what); };
  if (file.header.kind != kPosModelKind)
    return fail("a '" + file.header.kind + "' model, not a POS tagger (kind: " + std::string(kPosModelKind) + ")");
  if (file.header.feature_set_version != kPosFeatureSet)
    return fail("feature set " + std::to_string(file.header.feature_set_version) + ", this build uses " +
                std::to_string(kPosFeatureSet) + "; retrain with the command in models/README.md");
  if (file.header.labels.empty() || file.header.labels.size() >= detail::kStartTag) return fail("bad tag set");
  const learn::ModelSection* weights = file.section("weights");
  const learn::ModelSection* lexicon = file.section("lexicon");
  if (!weights || !lexicon) return fail("missing section 'weights' or 'lexicon'");
  PosTagger tagger;
  tagger.header_ = file.header;
  tagger.tags_ = file.header.labels;
  Result<learn::Perceptron> model = learn::Perceptron::deserialize(weights->bytes);
  if (!model) return fail(model.status().message());
  if (model->num_labels() != tagger.tags_.size()) return fail("weights have " + std::to_string(model->num_labels()) +
                                                              " labels, the header " + std::to_string(tagger.tags_.size()));
  tagger.model_ = std::move(*model);
  if (const learn::ModelSection* second = file.section("weights-2")) {
    Result<learn::Perceptron> second_model = learn::Perceptron::deserialize(second->bytes);
    if (!second_model) return fail("section weights-2: " + second_model.status().message());
    if (second_model->num_labels() != tagger.tags_.size()) return fail("section weights-2: wrong label count");
    tagger.second_ = std::move(*second_model);
  }
  std::string_view text = lexicon->bytes;
  std::size_t line = 0;
  while (!text.empty()) {
    ++line;
    const auto nl = text.find('\n');
    const std::string_view row = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    const auto tab1 = row.find('\t');
    const auto tab2 = tab1 == std::string_view::npos ? tab1 : row.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos) return fail("lexicon line " + std::to_string(line) + ": expected 3 fields");
    LexiconEntry entry;
    entry.tag_class = std::string(row.substr(tab1 + 1, tab2 - tab1 - 1));
    const std::string_view dict = row.substr(tab2 + 1);
    if (dict != "-") {
      const auto it = std::find(tagger.tags_.begin(), tagger.tags_.end(), dict);
      if (it == tagger.tags_.end()) return fail("lexicon line " + std::to_string(line) + ": unknown tag '" + std::string(dict) + "'");
      entry.dict_tag = static_cast<std::int32_t>(it - tagger.tags_.begin());
    }
    tagger.lexicon_.emplace_back(std::string(row.substr(0, tab1)), std::move(entry));
  }
  tagger.build_index();
  if (const learn::ModelSection* wordnet = file.section("wordnet")) {
    if (Status st = tagger.set_wordnet(wordnet->bytes); !st) return fail("section " + st.message());
  }
  return tagger;
}

Result<PosTagger> PosTagger::load(const std::string& path) {
  Result<learn::ModelFile> file = learn::load_model(path);
  if (!file) return file.status();
  return from_model(*file, path);
}

void tag_pos(const PosTagger& tagger, Document& doc) {
  doc.pos.assign(doc.tokens.size(), std::string());
  std::vector<std::string_view> words, tags;
  for (const Sentence& sent : doc.sentences) {
    words.clear();
    for (std::uint32_t t = sent.first_token; t < sent.end_token; ++t) words.push_back(doc.token_text(t));
    tagger.tag(words, tags);
    for (std::size_t k = 0; k < tags.size(); ++k) doc.pos[sent.first_token + k] = std::string(tags[k]);
  }
}

PosEvaluation evaluate_pos(const PosTagger& tagger, const std::vector<TaggedSentence>& sentences) {
  PosEvaluation eval;
  std::size_t correct = 0;
  std::vector<std::string_view> words;
  std::vector<std::vector<std::uint16_t>> predicted(sentences.size());
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    words.assign(sentences[s].words.begin(), sentences[s].words.end());
    tagger.tag_ids(words, predicted[s]);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (std::size_t s = 0; s < sentences.size(); ++s)
    for (std::size_t i = 0; i < predicted[s].size(); ++i) {
      ++eval.tokens;
      if (tagger.tags()[predicted[s][i]] == sentences[s].tags[i]) ++correct;
    }
  eval.accuracy = eval.tokens ? 100.0 * static_cast<double>(correct) / static_cast<double>(eval.tokens) : 0.0;
  eval.tokens_per_s = seconds > 0 ? static_cast<double>(eval.tokens) / seconds : 0.0;
  return eval;
}

PosEvaluation evaluate_pos(const PosTagger& tagger, const std::vector<conllu::TreebankSentence>& sentences,
                           TreebankTokens mode) {
  return evaluate_pos(tagger, to_tagged(sentences, mode));
}

}  // namespace newsgraph::pos
