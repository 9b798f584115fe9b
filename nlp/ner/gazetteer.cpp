// Gazetteer parsing and matching (see gazetteer.hpp).
#include "nlp/ner/gazetteer.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

namespace newsgraph::ner {

namespace {

constexpr std::uint32_t kPrefixBit = 1u << 31;

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

constexpr std::uint64_t kPhraseSeed = 0x6a09e667f3bcc908ULL;
std::uint64_t extend(std::uint64_t phrase, std::uint64_t token_key) { return mix(phrase * 0x100000001b3ULL ^ token_key); }

// The tokens of an entry name, split the way news text is tokenized: on spaces, with "'s"
// and a trailing comma as tokens of their own. Names of more than kMaxTokens tokens report
// kMaxTokens + 1 tokens (too long to match).
struct EntryTokens {
  static constexpr std::size_t kMaxTokens = Gazetteer::kMaxPhraseTokens;
  std::array<std::string_view, kMaxTokens + 3> tokens;
  std::size_t size = 0;
  void push(std::string_view token) {
    if (size < tokens.size()) tokens[size] = token;
    ++size;
  }
  std::size_t count() const { return std::min(size, kMaxTokens + 1); }
};

EntryTokens entry_tokens(std::string_view name) {
  EntryTokens result;
  std::size_t pos = 0;
  while (pos < name.size() && result.size <= EntryTokens::kMaxTokens) {
    while (pos < name.size() && name[pos] == ' ') ++pos;
    std::size_t end = name.find(' ', pos);
    if (end == std::string_view::npos) end = name.size();
    std::string_view piece = name.substr(pos, end - pos);
    pos = end;
    if (piece.empty()) continue;
    std::string_view tail;
    if (piece.size() > 1 && piece.back() == ',') tail = piece.substr(piece.size() - 1), piece.remove_suffix(1);
    if (piece.size() > 2 && piece.ends_with("'s")) {
      result.push(piece.substr(0, piece.size() - 2));
      result.push(piece.substr(piece.size() - 2));
    } else {
      result.push(piece);
    }
    if (!tail.empty()) result.push(tail);
  }
  return result;
}

bool can_bound_match(std::string_view token) {
  for (const char c : token) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80) return true;
  }
  return false;
}

}  // namespace

std::uint64_t Gazetteer::key_of(std::string_view token) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : token) {
    const auto u = static_cast<unsigned char>(c);
    h ^= (u >= 'A' && u <= 'Z') ? u + 32 : u;
    h *= 0x100000001b3ULL;
  }
  return mix(h);
}

Result<Gazetteer> Gazetteer::parse(std::string_view tsv, std::string_view name) {
  Gazetteer gaz;
  gaz.text_.assign(tsv);
  const std::string_view text(gaz.text_);
  struct Raw {
    Entry entry;
    std::string_view type;
  };
  std::vector<Raw> raws;
  raws.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  std::size_t pos = 0, line_number = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::size_t line_begin = pos;
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    std::array<std::string_view, 4> fields{};
    std::array<std::size_t, 4> starts{};
    std::size_t count = 0, start = 0;
    while (count < fields.size()) {
      const std::size_t tab = line.find('\t', start);
      starts[count] = line_begin + start;
      fields[count++] = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (count < 2 || fields[0].empty() || fields[1].empty()) {
      return Status::error(std::string(name) + ":" + std::to_string(line_number) +
                           ": want 'name<TAB>type[<TAB>sources<TAB>link]', got '" +
                           std::string(line.substr(0, 80)) + "'");
    }
    Raw raw{{static_cast<std::uint32_t>(starts[0]), static_cast<std::uint32_t>(fields[0].size()), 0, 0, 0}, fields[1]};
    if (count >= 4) raw.entry.link_begin = static_cast<std::uint32_t>(starts[3]), raw.entry.link_size = static_cast<std::uint32_t>(fields[3].size());
    raws.push_back(raw);
  }
  // Type names: collected, sorted, then numbered (a linear search: there are few).
  std::vector<std::string_view> seen;
  std::string_view last_type;
  for (const Raw& raw : raws) {
    if (raw.type == last_type) continue;
    last_type = raw.type;
    if (std::find(seen.begin(), seen.end(), raw.type) == seen.end()) seen.push_back(raw.type);
    if (seen.size() > kMaxTypes) {
      return Status::error(std::string(name) + ": more than " + std::to_string(kMaxTypes) + " entity types");
    }
  }
  std::sort(seen.begin(), seen.end());
  gaz.type_names_.assign(seen.begin(), seen.end());
  gaz.entries_.reserve(raws.size());
  for (Raw& raw : raws) {
    raw.entry.type = static_cast<std::uint8_t>(std::find(seen.begin(), seen.end(), raw.type) - seen.begin());
    gaz.entries_.push_back(raw.entry);
  }
  const auto less = [&](const Entry& a, const Entry& b) {
    const int c = gaz.name_of(a).compare(gaz.name_of(b));
    return c < 0 || (c == 0 && a.type < b.type);
  };
  // Files written by serialize() and by scripts/build-gazetteers are sorted already.
  if (!std::is_sorted(gaz.entries_.begin(), gaz.entries_.end(), less)) std::stable_sort(gaz.entries_.begin(), gaz.entries_.end(), less);
  gaz.entries_.erase(std::unique(gaz.entries_.begin(), gaz.entries_.end(),
                                 [&](const Entry& a, const Entry& b) { return !less(a, b) && !less(b, a); }),
                     gaz.entries_.end());
  std::size_t capacity = 1024;
  while (capacity < gaz.entries_.size() * 2) capacity *= 2;
  gaz.phrases_.assign(capacity, {0, 0});
  for (std::uint32_t e = 0; e < gaz.entries_.size(); ++e) gaz.index(gaz.entries_[e], e);
  return gaz;
}

std::uint32_t* Gazetteer::find_or_insert(std::uint64_t key) {
  if (key == 0) key = 1;
  if ((num_phrases_ + 1) * 2 > phrases_.size()) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> old(phrases_.size() * 2, {0, 0});
    old.swap(phrases_);
    num_phrases_ = 0;
    for (const auto& [k, v] : old) {
      if (k) *find_or_insert(k) = v;
    }
  }
  const std::size_t mask = phrases_.size() - 1;
  for (std::size_t i = key & mask;; i = (i + 1) & mask) {
    if (phrases_[i].first == key) return &phrases_[i].second;
    if (phrases_[i].first == 0) {
      phrases_[i].first = key;
      ++num_phrases_;
      return &phrases_[i].second;
    }
  }
}

const std::uint32_t* Gazetteer::find(std::uint64_t key) const {
  if (key == 0) key = 1;
  if (phrases_.empty()) return nullptr;
  const std::size_t mask = phrases_.size() - 1;
  for (std::size_t i = key & mask;; i = (i + 1) & mask) {
    if (phrases_[i].first == key) return &phrases_[i].second;
    if (phrases_[i].first == 0) return nullptr;
  }
}

void Gazetteer::index(const Entry& entry, std::uint32_t entry_index) {
  const EntryTokens tokens = entry_tokens(name_of(entry));
  const std::size_t count = tokens.count();
  if (count == 0 || count > kMaxPhraseTokens) return;
  std::uint64_t h = kPhraseSeed;
  for (std::size_t i = 0; i < count; ++i) {
    h = extend(h, key_of(tokens.tokens[i]));
    if (i + 1 < count) *find_or_insert(h) |= kPrefixBit;
  }
  *find_or_insert(h) |= 1u << entry.type;
  if (entry.link_size) demonyms_.emplace(h, entry_index);
}

Result<Gazetteer> Gazetteer::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse(buffer.str(), path);
}

std::string Gazetteer::serialize() const {
  std::string out;
  for (const Entry& entry : entries_) {
    out += name_of(entry);
    out += '\t';
    out += type_names_[entry.type];
    out += "\t\t";
    out += link_of(entry);
    out += '\n';
  }
  return out;
}

void Gazetteer::match(std::span<const std::string_view> tokens, std::span<const std::uint64_t> token_keys,
                      std::vector<GazetteerMark>& marks) const {
  const std::size_t n = tokens.size();
  const std::size_t num_types = type_names_.size();
  if (n == 0 || num_types == 0) return;
  // longest[i * num_types + t]: length of the longest type-t phrase starting at token i.
  thread_local std::vector<std::uint8_t> longest;
  longest.assign(n * num_types, 0);
  bool any = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!can_bound_match(tokens[i])) continue;
    std::uint64_t h = kPhraseSeed;
    for (std::size_t j = i; j < n && j - i < kMaxPhraseTokens; ++j) {
      h = extend(h, token_keys[j]);
      const std::uint32_t* value = find(h);
      if (!value) break;
      const std::uint32_t mask = *value & ~kPrefixBit;
      if (mask && can_bound_match(tokens[j])) {
        for (std::size_t t = 0; t < num_types; ++t) {
          if (mask & (1u << t)) longest[i * num_types + t] = static_cast<std::uint8_t>(j - i + 1), any = true;
        }
      }
      if (!(*value & kPrefixBit)) break;
    }
  }
  if (!any) return;
  const std::size_t first_mark = marks.size();
  for (std::size_t t = 0; t < num_types; ++t) {
    for (std::size_t i = 0; i < n;) {
      const std::size_t len = longest[i * num_types + t];
      if (len == 0) {
        ++i;
        continue;
      }
      const auto type = static_cast<std::uint8_t>(t);
      if (len == 1) {
        marks.push_back({static_cast<std::uint32_t>(i), type, Part::U});
      } else {
        marks.push_back({static_cast<std::uint32_t>(i), type, Part::B});
        for (std::size_t k = i + 1; k + 1 < i + len; ++k) marks.push_back({static_cast<std::uint32_t>(k), type, Part::I});
        marks.push_back({static_cast<std::uint32_t>(i + len - 1), type, Part::L});
      }
      i += len;
    }
  }
  std::sort(marks.begin() + static_cast<std::ptrdiff_t>(first_mark), marks.end(),
            [](const GazetteerMark& a, const GazetteerMark& b) { return std::tie(a.token, a.type) < std::tie(b.token, b.type); });
}

std::string_view Gazetteer::demonym_place(std::string_view name) const {
  std::uint64_t h = kPhraseSeed;
  const EntryTokens tokens = entry_tokens(name);
  if (tokens.count() > kMaxPhraseTokens) return {};
  for (std::size_t i = 0; i < tokens.count(); ++i) h = extend(h, key_of(tokens.tokens[i]));
  const auto it = demonyms_.find(h);
  return it == demonyms_.end() ? std::string_view() : link_of(entries_[it->second]);
}

}  // namespace newsgraph::ner
