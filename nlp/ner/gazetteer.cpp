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

// Splits an entry name into tokens the way news text is tokenized: on spaces, with "'s" and
// a trailing comma as tokens of their own.
std::vector<std::string_view> entry_tokens(std::string_view name) {
  std::vector<std::string_view> tokens;
  std::size_t pos = 0;
  while (pos < name.size()) {
    while (pos < name.size() && name[pos] == ' ') ++pos;
    std::size_t end = name.find(' ', pos);
    if (end == std::string_view::npos) end = name.size();
    std::string_view piece = name.substr(pos, end - pos);
    pos = end;
    if (piece.empty()) continue;
    std::string_view tail;
    if (piece.size() > 1 && piece.back() == ',') tail = piece.substr(piece.size() - 1), piece.remove_suffix(1);
    if (piece.size() > 2 && piece.ends_with("'s")) {
      tokens.push_back(piece.substr(0, piece.size() - 2));
      tokens.push_back(piece.substr(piece.size() - 2));
    } else {
      tokens.push_back(piece);
    }
    if (!tail.empty()) tokens.push_back(tail);
  }
  return tokens;
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
  struct Raw {
    std::string_view name, type, link;
  };
  std::vector<Raw> raws;
  std::size_t pos = 0, line_number = 0;
  while (pos < tsv.size()) {
    std::size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    std::string_view line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    std::array<std::string_view, 4> fields{};
    std::size_t count = 0, start = 0;
    while (count < fields.size()) {
      const std::size_t tab = line.find('\t', start);
      fields[count++] = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (count < 2 || fields[0].empty() || fields[1].empty()) {
      return Status::error(std::string(name) + ":" + std::to_string(line_number) +
                           ": want 'name<TAB>type[<TAB>sources<TAB>link]', got '" +
                           std::string(line.substr(0, 80)) + "'");
    }
    raws.push_back(Raw{fields[0], fields[1], count >= 4 ? fields[3] : std::string_view()});
  }
  Gazetteer gaz;
  for (const Raw& raw : raws) {
    if (std::find(gaz.type_names_.begin(), gaz.type_names_.end(), raw.type) == gaz.type_names_.end())
      gaz.type_names_.emplace_back(raw.type);
  }
  if (gaz.type_names_.size() > kMaxTypes) {
    return Status::error(std::string(name) + ": " + std::to_string(gaz.type_names_.size()) +
                         " entity types, at most " + std::to_string(kMaxTypes) + " supported");
  }
  std::sort(gaz.type_names_.begin(), gaz.type_names_.end());
  gaz.entries_.reserve(raws.size());
  for (const Raw& raw : raws) {
    const auto type = std::find(gaz.type_names_.begin(), gaz.type_names_.end(), raw.type) - gaz.type_names_.begin();
    gaz.entries_.push_back(Entry{std::string(raw.name), static_cast<std::uint8_t>(type), std::string(raw.link)});
  }
  std::sort(gaz.entries_.begin(), gaz.entries_.end(),
            [](const Entry& a, const Entry& b) { return std::tie(a.name, a.type) < std::tie(b.name, b.type); });
  gaz.entries_.erase(std::unique(gaz.entries_.begin(), gaz.entries_.end(),
                                 [](const Entry& a, const Entry& b) { return a.name == b.name && a.type == b.type; }),
                     gaz.entries_.end());
  gaz.phrases_.reserve(gaz.entries_.size() * 2);
  for (const Entry& entry : gaz.entries_) gaz.index(entry);
  return gaz;
}

void Gazetteer::index(const Entry& entry) {
  const auto tokens = entry_tokens(entry.name);
  if (tokens.empty() || tokens.size() > kMaxPhraseTokens) return;
  std::uint64_t h = kPhraseSeed;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    h = extend(h, key_of(tokens[i]));
    if (i + 1 < tokens.size()) phrases_[h] |= kPrefixBit;
  }
  phrases_[h] |= 1u << entry.type;
  if (!entry.link.empty()) demonyms_.emplace(h, static_cast<std::uint32_t>(&entry - entries_.data()));
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
    out += entry.name;
    out += '\t';
    out += type_names_[entry.type];
    out += "\t\t";
    out += entry.link;
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
      const auto it = phrases_.find(h);
      if (it == phrases_.end()) break;
      const std::uint32_t mask = it->second & ~kPrefixBit;
      if (mask && can_bound_match(tokens[j])) {
        for (std::size_t t = 0; t < num_types; ++t) {
          if (mask & (1u << t)) longest[i * num_types + t] = static_cast<std::uint8_t>(j - i + 1), any = true;
        }
      }
      if (!(it->second & kPrefixBit)) break;
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
  for (const std::string_view token : entry_tokens(name)) h = extend(h, key_of(token));
  const auto it = demonyms_.find(h);
  return it == demonyms_.end() ? std::string_view() : std::string_view(entries_[it->second].link);
}

}  // namespace newsgraph::ner
