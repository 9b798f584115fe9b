// See features.hpp. Template ids are the small integers passed to t(); keep them unique.
#include "nlp/parse/features.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <unordered_map>

#include "learn/features.hpp"
#include "nlp/pos/pos_form.hpp"

namespace newsgraph::parse {
namespace {

using learn::hash_combine;
using learn::mix64;

// Template seeds: distinct per template id.
inline std::uint64_t t(std::uint32_t id) { return mix64(0x5851f42d4c957f2dULL * (id + 1) + kFeatureVersion); }
inline std::uint64_t f(std::uint32_t id, std::uint64_t a) { return hash_combine(t(id), a); }
inline std::uint64_t f(std::uint32_t id, std::uint64_t a, std::uint64_t b) {
  return hash_combine(hash_combine(t(id), a), b);
}
inline std::uint64_t f(std::uint32_t id, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return hash_combine(hash_combine(hash_combine(t(id), a), b), c);
}
inline std::uint64_t f(std::uint32_t id, std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d) {
  return hash_combine(hash_combine(hash_combine(hash_combine(t(id), a), b), c), d);
}

int distance_bucket(int a, int b) {
  if (a < 0 || b < 0) return 0;
  const int d = std::abs(a - b);
  if (d <= 5) return d;
  if (d <= 7) return 6;
  if (d <= 10) return 7;
  return 8;
}

int valency_bucket(int v) { return std::min(v, 4); }

}  // namespace

std::string normalize_form(std::string_view form) {
  std::string out(form);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '9';
  }
  return out;
}

std::uint64_t word_hash(std::string_view normalised_form) { return learn::hash_feature(1, normalised_form); }

WordClasses WordClasses::build(const std::vector<std::vector<std::string>>& words,
                               const std::vector<std::vector<std::string>>& tags, int min_count, double min_share) {
  std::map<std::string, std::map<std::string, int>> counts;
  std::string buffer;
  for (std::size_t s = 0; s < words.size(); ++s)
    for (std::size_t i = 0; i < words[s].size(); ++i) ++counts[normalize_form(pos::pos_form(words[s][i], buffer))][tags[s][i]];
  WordClasses classes;
  for (const auto& [word, by_tag] : counts) {
    int total = 0;
    for (const auto& [tag, count] : by_tag) total += count;
    if (total < min_count) continue;
    std::string joined;
    for (const auto& [tag, count] : by_tag) {
      if (static_cast<double>(count) < min_share * static_cast<double>(total)) continue;
      if (!joined.empty()) joined += '|';
      joined += tag;
    }
    classes.entries_.emplace_back(word_hash(word), learn::hash_feature(7, joined));
  }
  std::sort(classes.entries_.begin(), classes.entries_.end());
  return classes;
}

std::uint64_t WordClasses::find(std::uint64_t hash) const {
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), std::make_pair(hash, std::uint64_t{0}));
  return it != entries_.end() && it->first == hash ? it->second : 0;
}

namespace {
void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}
std::uint64_t get_u64(const char* p) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}
}  // namespace

void WordClasses::serialize(std::string& out) const {
  put_u64(out, entries_.size());
  for (const auto& [word, cls] : entries_) {
    put_u64(out, word);
    put_u64(out, cls);
  }
}

Result<WordClasses> WordClasses::deserialize(std::string_view bytes) {
  if (bytes.size() < 8) return Status::error("word classes: truncated");
  const std::uint64_t count = get_u64(bytes.data());
  if (count > (bytes.size() - 8) / 16 || bytes.size() != 8 + count * 16)
    return Status::error("word classes: size does not match the entry count");
  WordClasses classes;
  classes.entries_.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    const char* p = bytes.data() + 8 + i * 16;
    classes.entries_.emplace_back(get_u64(p), get_u64(p + 8));
  }
  if (!std::is_sorted(classes.entries_.begin(), classes.entries_.end()))
    return Status::error("word classes: entries not sorted");
  return classes;
}

namespace {
std::uint64_t shape_of(std::string_view form) {
  std::uint64_t bits = 0;
  bool all_upper = true, any_alnum = false;
  for (std::size_t i = 0; i < form.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(form[i]);
    const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
    if (i == 0 && upper) bits |= 1;
    if (lower) all_upper = false;
    if (digit) bits |= 4;
    if (c == '-') bits |= 8;
    if (c >= 0x80) bits |= 16;
    if (upper || lower || digit || c >= 0x80) any_alnum = true;
  }
  if (all_upper && (bits & 1) && form.size() > 1) bits |= 2;
  if (!any_alnum) bits |= 32;
  if (form.size() <= 2) bits |= 64;
  return learn::hash_feature(8, bits);
}
}  // namespace

namespace {
std::string_view coarse_tag(std::string_view tag) {
  if (tag.starts_with("NN")) return "N";
  if (tag.starts_with("VB") || tag == "MD") return "V";
  if (tag.starts_with("JJ")) return "J";
  if (tag.starts_with("RB") || tag == "WRB") return "R";
  if (tag == "PRP" || tag == "PRP$" || tag == "WP" || tag == "WP$" || tag == "EX") return "P";
  if (tag == "DT" || tag == "PDT" || tag == "WDT") return "D";
  if (tag == "IN" || tag == "RP" || tag == "TO") return "I";
  if (tag == "," || tag == "." || tag == ":" || tag == "HYPH" || tag == "NFP" || tag == "``" || tag == "''" ||
      tag == "-LRB-" || tag == "-RRB-")
    return "Z";
  return tag;
}
}  // namespace

void build_context(std::span<const std::string_view> words, std::span<const std::string_view> tags,
                   const WordClasses& classes, SentenceContext& context) {
  const std::size_t n = words.size();
  context.num_words = static_cast<int>(n);
  context.word.resize(n + 2);
  context.tag.resize(n + 2);
  context.word_tag.resize(n + 2);
  context.suffix.resize(n + 2);
  context.word_class.resize(n + 2);
  context.shape.resize(n + 2);
  context.coarse.resize(n + 2);
  std::string norm, buffer;
  const std::uint64_t unknown_class = learn::hash_feature(7, std::uint64_t{0x55});
  for (std::size_t i = 0; i < n; ++i) {
    // Curly quotes, dashes and the like as the treebank writes them (as the tagger does).
    norm = normalize_form(pos::pos_form(words[i], buffer));
    context.word[i] = word_hash(norm);
    const std::uint64_t cls = classes.find(context.word[i]);
    context.word_class[i] = cls ? cls : unknown_class;
    context.shape[i] = shape_of(words[i]);
    context.coarse[i] = learn::hash_feature(11, coarse_tag(tags[i]));
    context.tag[i] = learn::hash_feature(2, tags[i]);
    context.word_tag[i] = hash_combine(context.word[i], context.tag[i]);
    // The last three bytes (whole UTF-8 sequences are not needed: this is only a hash).
    const std::string_view s(norm);
    context.suffix[i] = learn::hash_feature(3, s.substr(s.size() > 3 ? s.size() - 3 : 0));
  }
  for (std::size_t i : {n, n + 1}) {
    const std::uint64_t marker = i == n ? 0x1111 : 0x2222;
    context.word[i] = learn::hash_feature(4, marker);
    context.tag[i] = learn::hash_feature(5, marker);
    context.word_tag[i] = hash_combine(context.word[i], context.tag[i]);
    context.suffix[i] = learn::hash_feature(6, marker);
    context.word_class[i] = learn::hash_feature(9, marker);
    context.shape[i] = learn::hash_feature(10, marker);
    context.coarse[i] = learn::hash_feature(12, marker);
  }
}

namespace {

// What the move templates read of a node that may be absent (index none).
std::uint64_t label_value(const State& state, int i, int none) {
  return i == none ? 0xffffULL : static_cast<std::uint64_t>(state.label(i) + 1);
}
std::uint64_t left_valency(const State& state, int i) {
  return i < 0 ? 7ULL : static_cast<std::uint64_t>(valency_bucket(state.left_count(i)));
}
std::uint64_t right_valency(const State& state, int i) {
  return i < 0 ? 7ULL : static_cast<std::uint64_t>(valency_bucket(state.right_count(i)));
}
std::uint64_t left_label_set(const State& state, int i) { return i < 0 ? 0x7777ULL : state.left_labels(i); }
std::uint64_t right_label_set(const State& state, int i) { return i < 0 ? 0x7777ULL : state.right_labels(i); }

}  // namespace

std::uint64_t* stack_features(const State& state, const SentenceContext& c, std::uint64_t* out) {
  const int none = c.none();
  auto at = [&](int i) { return i < 0 ? none : i; };
  const int s0r = state.stack(0), s1r = state.stack(1);
  const int s0 = at(s0r), s1 = at(s1r), s2 = at(state.stack(2));
  const int s0l = at(state.leftmost(s0r)), s0l2 = at(state.leftmost2(s0r));
  const int s1l = at(state.leftmost(s1r)), s1rc = at(state.rightmost(s1r)), s1r2 = at(state.rightmost2(s1r));
  const int s0_prev = s0r > 0 ? s0r - 1 : none;
  const auto& W = c.word;
  const auto& P = c.tag;
  const auto& WP = c.word_tag;
  const auto& A = c.word_class;
  const auto& S = c.shape;
  const auto& C = c.coarse;
  auto L = [&](int i) { return label_value(state, i, none); };
  const std::uint64_t d_s1s0 = static_cast<std::uint64_t>(distance_bucket(s1r, s0r));

  // Single positions.
  *out++ = f(1, W[s0]);
  *out++ = f(2, P[s0]);
  *out++ = f(3, WP[s0]);
  *out++ = f(4, W[s1]);
  *out++ = f(5, P[s1]);
  *out++ = f(6, WP[s1]);
  *out++ = f(7, P[s2]);
  *out++ = f(8, WP[s2]);
  *out++ = f(18, c.suffix[s0]);
  *out++ = f(110, c.suffix[s1]);
  // s1-s0 pairs (RIGHT's head and dependent).
  *out++ = f(30, WP[s1], WP[s0]);
  *out++ = f(31, WP[s1], W[s0]);
  *out++ = f(32, W[s1], WP[s0]);
  *out++ = f(33, WP[s1], P[s0]);
  *out++ = f(34, P[s1], WP[s0]);
  *out++ = f(35, W[s1], W[s0]);
  *out++ = f(36, P[s1], P[s0]);
  *out++ = f(44, P[s2], P[s1], P[s0]);
  // Outermost dependents: s0's left ones and all of s1's.
  *out++ = f(50, W[s0l]);
  *out++ = f(51, P[s0l]);
  *out++ = f(52, L(s0l));
  *out++ = f(59, W[s1l]);
  *out++ = f(60, P[s1l]);
  *out++ = f(61, L(s1l));
  *out++ = f(62, W[s1rc]);
  *out++ = f(63, P[s1rc]);
  *out++ = f(64, L(s1rc));
  *out++ = f(65, P[s0l2]);
  *out++ = f(66, L(s0l2));
  *out++ = f(71, P[s1r2]);
  *out++ = f(72, L(s1r2));
  *out++ = f(83, P[s1], P[s0], P[s0l]);
  *out++ = f(85, P[s1], P[s1rc], P[s0]);
  *out++ = f(86, P[s1], P[s1l], P[s0]);
  *out++ = f(87, P[s0], P[s0l], P[s0l2]);
  *out++ = f(90, P[s1], P[s1rc], P[s1r2]);
  *out++ = f(93, P[s1], L(s1rc), P[s0]);
  // Distance s1-s0.
  *out++ = f(105, W[s1], d_s1s0);
  *out++ = f(106, P[s1], d_s1s0);
  *out++ = f(107, W[s0], d_s1s0);
  *out++ = f(108, P[s0], d_s1s0);
  *out++ = f(109, P[s1], P[s0], d_s1s0);
  // Valencies and label sets.
  *out++ = f(120, W[s0], left_valency(state, s0r));
  *out++ = f(121, P[s0], left_valency(state, s0r));
  *out++ = f(126, W[s1], right_valency(state, s1r));
  *out++ = f(127, P[s1], right_valency(state, s1r));
  *out++ = f(128, P[s1], left_valency(state, s1r));
  *out++ = f(130, W[s0], left_label_set(state, s0r));
  *out++ = f(131, P[s0], left_label_set(state, s0r));
  *out++ = f(136, W[s1], right_label_set(state, s1r));
  *out++ = f(137, P[s1], right_label_set(state, s1r));
  *out++ = f(138, P[s1], left_label_set(state, s1r));
  *out++ = f(143, P[s1], P[s0_prev], P[s0]);
  // Ambiguity classes, shapes and coarse tags.
  *out++ = f(150, A[s0]);
  *out++ = f(151, A[s1]);
  *out++ = f(155, A[s1], A[s0]);
  *out++ = f(158, P[s1], A[s0]);
  *out++ = f(159, A[s1], P[s0]);
  *out++ = f(160, S[s0], P[s0]);
  *out++ = f(162, S[s1], P[s1]);
  *out++ = f(171, C[s1], C[s0]);
  *out++ = f(175, C[s2], C[s1], C[s0]);
  *out++ = f(178, W[s1], C[s0]);
  *out++ = f(179, C[s1], W[s0]);
  *out++ = f(181, C[s1], C[s1rc], C[s0]);
  *out++ = f(183, C[s1], C[s0], d_s1s0);
  return out;
}

std::uint64_t* buffer_features(const State& state, const SentenceContext& c, std::uint64_t* out) {
  const int none = c.none();
  auto at = [&](int i) { return i < 0 ? none : i; };
  const int b0 = at(state.buffer(0)), b1 = at(state.buffer(1)), b2 = at(state.buffer(2));
  const auto& W = c.word;
  const auto& P = c.tag;
  const auto& WP = c.word_tag;
  const auto& A = c.word_class;
  const auto& S = c.shape;
  const auto& C = c.coarse;

  *out++ = t(0);  // bias
  *out++ = f(9, W[b0]);
  *out++ = f(10, P[b0]);
  *out++ = f(11, WP[b0]);
  *out++ = f(12, W[b1]);
  *out++ = f(13, P[b1]);
  *out++ = f(14, WP[b1]);
  *out++ = f(15, W[b2]);
  *out++ = f(16, P[b2]);
  *out++ = f(17, c.suffix[b0]);
  *out++ = f(19, c.suffix[b0], P[b0]);
  *out++ = f(40, P[b0], P[b1]);
  *out++ = f(41, P[b0], P[b1], P[b2]);
  *out++ = f(45, W[b0], P[b1]);
  *out++ = f(46, P[b0], W[b1]);
  *out++ = f(152, A[b0]);
  *out++ = f(153, A[b1]);
  *out++ = f(161, S[b0], P[b0]);
  *out++ = f(163, S[b1], P[b1]);
  *out++ = f(172, C[b0], C[b1]);
  return out;
}

std::uint64_t* state_features(const State& state, const SentenceContext& c, std::uint64_t* out) {
  const int none = c.none();
  auto at = [&](int i) { return i < 0 ? none : i; };
  const int s0r = state.stack(0), s1r = state.stack(1), b0r = state.buffer(0);
  const int s0 = at(s0r), s1 = at(s1r), b0 = at(b0r), b1 = at(state.buffer(1));
  const int s0rc = at(state.rightmost(s0r)), s0r2 = at(state.rightmost2(s0r));
  const int s0l = at(state.leftmost(s0r));
  const int b0l = at(state.leftmost(b0r)), b0l2 = at(state.leftmost2(b0r));
  const auto& W = c.word;
  const auto& P = c.tag;
  const auto& WP = c.word_tag;
  const auto& A = c.word_class;
  const auto& C = c.coarse;
  auto L = [&](int i) { return label_value(state, i, none); };
  const std::uint64_t d_s0b0 = static_cast<std::uint64_t>(distance_bucket(s0r, b0r == state.root() ? -1 : b0r));

  // s0-b0 pairs (LEFT's head and dependent).
  *out++ = f(20, WP[s0], WP[b0]);
  *out++ = f(21, WP[s0], W[b0]);
  *out++ = f(22, W[s0], WP[b0]);
  *out++ = f(23, WP[s0], P[b0]);
  *out++ = f(24, P[s0], WP[b0]);
  *out++ = f(25, W[s0], W[b0]);
  *out++ = f(26, P[s0], P[b0]);
  // s1-b0.
  *out++ = f(37, P[s1], P[b0]);
  *out++ = f(38, W[s1], P[b0]);
  *out++ = f(39, P[s1], W[b0]);
  // Tag n-grams.
  *out++ = f(42, P[s0], P[b0], P[b1]);
  *out++ = f(43, P[s1], P[s0], P[b0]);
  *out++ = f(47, W[s0], P[b0], P[b1]);
  *out++ = f(48, P[s1], W[s0], P[b0]);
  *out++ = f(49, P[s1], P[s0], W[b0]);
  // Outermost dependents: s0's right ones (s0 takes them while s1 of an earlier state) and
  // b0's left ones.
  *out++ = f(53, W[s0rc]);
  *out++ = f(54, P[s0rc]);
  *out++ = f(55, L(s0rc));
  *out++ = f(56, W[b0l]);
  *out++ = f(57, P[b0l]);
  *out++ = f(58, L(b0l));
  *out++ = f(67, P[s0r2]);
  *out++ = f(68, L(s0r2));
  *out++ = f(69, P[b0l2]);
  *out++ = f(70, L(b0l2));
  *out++ = f(80, P[s0], P[s0l], P[b0]);
  *out++ = f(81, P[s0], P[s0rc], P[b0]);
  *out++ = f(82, P[s0], P[b0], P[b0l]);
  *out++ = f(84, P[s1], P[s0], P[s0rc]);
  *out++ = f(88, P[s0], P[s0rc], P[s0r2]);
  *out++ = f(89, P[b0], P[b0l], P[b0l2]);
  *out++ = f(91, WP[s0], L(s0l), L(s0rc));
  *out++ = f(92, WP[b0], L(b0l), L(b0l2));
  // Distance s0-b0.
  *out++ = f(100, W[s0], d_s0b0);
  *out++ = f(101, P[s0], d_s0b0);
  *out++ = f(102, W[b0], d_s0b0);
  *out++ = f(103, P[b0], d_s0b0);
  *out++ = f(104, P[s0], P[b0], d_s0b0);
  // Valencies and label sets.
  *out++ = f(122, W[s0], right_valency(state, s0r));
  *out++ = f(123, P[s0], right_valency(state, s0r));
  *out++ = f(124, W[b0], left_valency(state, b0r));
  *out++ = f(125, P[b0], left_valency(state, b0r));
  *out++ = f(132, W[s0], right_label_set(state, s0r));
  *out++ = f(133, P[s0], right_label_set(state, s0r));
  *out++ = f(134, W[b0], left_label_set(state, b0r));
  *out++ = f(135, P[b0], left_label_set(state, b0r));
  // Words between s0 and b0: is there a verb or punctuation? Approximated by the tag of the
  // word right after s0 and right before b0 (and the word before s0).
  const int s0_next = s0r >= 0 && s0r + 1 < c.num_words ? s0r + 1 : none;
  const int b0_prev = b0r > 0 ? b0r - 1 : none;
  const int s0_prev = s0r > 0 ? s0r - 1 : none;
  *out++ = f(140, P[s0], P[s0_next], P[b0]);
  *out++ = f(141, P[s0], P[b0_prev], P[b0]);
  *out++ = f(142, P[s0_prev], P[s0], P[b0]);
  // Ambiguity classes and coarse tags.
  *out++ = f(154, A[s0], A[b0]);
  *out++ = f(156, P[s0], A[b0]);
  *out++ = f(157, A[s0], P[b0]);
  *out++ = f(170, C[s0], C[b0]);
  *out++ = f(173, C[s1], C[s0], C[b0]);
  *out++ = f(174, C[s0], C[b0], C[b1]);
  *out++ = f(176, W[s0], C[b0]);
  *out++ = f(177, C[s0], W[b0]);
  *out++ = f(180, C[s0], C[s0l], C[b0]);
  *out++ = f(182, C[s0], C[b0], d_s0b0);
  *out++ = f(184, C[b0], C[b0l], C[b1]);
  return out;
}

void move_features(const State& state, const SentenceContext& c, std::vector<std::uint64_t>& out) {
  out.resize(kMoveFeatures);
  std::uint64_t* end = stack_features(state, c, out.data());
  end = buffer_features(state, c, end);
  end = state_features(state, c, end);
  out.resize(static_cast<std::size_t>(end - out.data()));
}

void label_features(const State& state, const SentenceContext& c, Move move, int head, int dependent,
                    std::vector<std::uint64_t>& out) {
  out.clear();
  const int none = c.none();
  const int n = c.num_words;
  auto at = [&](int i) { return i < 0 ? none : i; };
  const std::uint64_t dir = move == Move::kLeft ? 1 : 2;
  const int h = head, d = dependent;
  const auto& W = c.word;
  const auto& P = c.tag;
  const auto& WP = c.word_tag;
  auto L = [&](int i) -> std::uint64_t {
    return i == none ? 0xffffULL : static_cast<std::uint64_t>(state.label(i) + 1);
  };
  const std::uint64_t dist = static_cast<std::uint64_t>(distance_bucket(h == n ? -1 : h, d));
  const int dl = at(state.leftmost(d)), dr = at(state.rightmost(d));
  const int hl = at(state.leftmost(h)), hr = at(state.rightmost(h));
  const int dprev = d > 0 ? d - 1 : none, dnext = d + 1 < n ? d + 1 : none;
  const int hprev = h > 0 && h <= n ? h - 1 : none, hnext = h + 1 < n ? h + 1 : none;

  out.push_back(f(200, dir));
  out.push_back(f(201, dir, W[h]));
  out.push_back(f(202, dir, P[h]));
  out.push_back(f(203, dir, WP[h]));
  out.push_back(f(204, dir, W[d]));
  out.push_back(f(205, dir, P[d]));
  out.push_back(f(206, dir, WP[d]));
  out.push_back(f(207, dir, WP[h], WP[d]));
  out.push_back(f(208, dir, W[h], P[d]));
  out.push_back(f(209, dir, P[h], W[d]));
  out.push_back(f(210, dir, P[h], P[d]));
  out.push_back(f(211, dir, W[h], W[d]));
  out.push_back(f(212, P[h], P[d], dist));
  out.push_back(f(213, dir, c.suffix[d]));
  out.push_back(f(214, dir, c.suffix[d], P[h]));
  // The dependent's own dependents are all known.
  out.push_back(f(220, P[d], state.left_labels(d)));
  out.push_back(f(221, P[d], state.right_labels(d)));
  out.push_back(f(222, dir, P[d], L(dl), L(dr)));
  out.push_back(f(223, P[d], W[dl]));
  out.push_back(f(224, P[d], P[dl]));
  out.push_back(f(225, P[d], W[dr]));
  out.push_back(f(226, P[d], P[dr]));
  out.push_back(f(227, W[d], state.left_labels(d)));
  out.push_back(f(228, dir, P[h], P[d], state.left_labels(d)));
  // The head's dependents so far.
  out.push_back(f(230, dir, P[h], state.left_labels(h)));
  out.push_back(f(231, dir, P[h], state.right_labels(h)));
  out.push_back(f(232, dir, P[h], P[d], L(hl)));
  out.push_back(f(233, dir, P[h], P[d], L(hr)));
  // Context.
  out.push_back(f(240, dir, P[dprev], P[d], P[dnext]));
  out.push_back(f(241, dir, P[hprev], P[h], P[hnext]));
  out.push_back(f(242, dir, P[h], P[d], P[dnext]));
  out.push_back(f(243, dir, P[h], P[dprev], P[d]));
  out.push_back(f(244, dir, W[dprev], P[d]));
  // The stack below, for the clause context.
  const int below = at(move == Move::kLeft ? state.stack(1) : state.stack(2));
  out.push_back(f(250, dir, P[below], P[h], P[d]));
  const auto& A = c.word_class;
  const auto& S = c.shape;
  out.push_back(f(260, dir, A[d]));
  out.push_back(f(261, dir, A[h]));
  out.push_back(f(262, dir, A[h], A[d]));
  out.push_back(f(263, dir, P[h], A[d]));
  out.push_back(f(264, dir, A[h], P[d]));
  out.push_back(f(265, dir, S[d], P[d]));
  out.push_back(f(266, dir, S[h], S[d]));
  out.push_back(f(267, dir, W[h], A[d]));
  out.push_back(f(268, dir, A[h], W[d]));
  const auto& C = c.coarse;
  out.push_back(f(270, dir, C[h], C[d]));
  out.push_back(f(271, dir, W[h], C[d]));
  out.push_back(f(272, dir, C[h], W[d]));
  out.push_back(f(273, C[h], C[d], dist));
  out.push_back(f(274, dir, C[dprev], C[d], C[dnext]));
}

}  // namespace newsgraph::parse
