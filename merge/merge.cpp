#include "merge/merge.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/union_find.hpp"
#include "core/atomic_file.hpp"
#include "core/free_memory.hpp"
#include "extract/names.hpp"

namespace newsgraph {
namespace {

constexpr std::size_t kMaxContext = 32;       // co-mentioned entities kept per record
constexpr std::size_t kMaxContextScan = 64;   // records scanned per node for shared context
constexpr std::uint32_t kRecordsPerBlock = 64;  // records per entry of Merger::article_of_block_
constexpr std::uint32_t kByteIndexedEntities = 256;  // an article's context as byte indices up to this many entities

// A canonical key, made once for all the records that have it.
struct Key {
  std::string text;
  std::vector<std::string> words;
  bool country = false;
  std::uint64_t hash = 0;  // hash_key(text): orders an article's context
};

// One article entity: 4 bytes, its key and type. Its key is shared (issue 8: a merge holds
// one record per entity of every article, so a record holds no string of its own, and an id
// rather than a pointer). The records of an article are its entities in order: which article
// and entity a record is follows from where it is (Merger::article_of, Merger::entity_of).
class Record {
 public:
  Record(EntityType type, std::uint32_t key) : key_and_type_(key << 3 | static_cast<std::uint32_t>(type)) {}
  std::uint32_t key() const { return key_and_type_ >> 3; }  // an index in Merger::keys_
  EntityType type() const { return static_cast<EntityType>(key_and_type_ & 7); }

 private:
  std::uint32_t key_and_type_;  // the type in the low 3 bits: below 2^29 keys, far more than memory holds
};

// Where a node's list of records (see Members) starts and ends, and how long it is.
struct Span {
  std::uint32_t head;
  std::uint32_t tail;
  std::uint32_t size;
};

// Rule and detail are ids in Merger::link_text_: many links share them.
struct Link {
  std::uint32_t b;  // the record a node absorbed
  std::uint32_t rule;
  std::uint32_t detail;
};

// The records of one node, in the order they joined it: a list threaded through `next`.
class Members {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::uint32_t;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::uint32_t*;
    using reference = std::uint32_t;
    iterator() = default;
    iterator(const std::vector<std::uint32_t>* next, std::uint32_t at) : next_(next), at_(at) {}
    std::uint32_t operator*() const { return at_; }
    iterator& operator++() {
      at_ = (*next_)[at_];
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const iterator& other) const { return at_ == other.at_; }

   private:
    const std::vector<std::uint32_t>* next_ = nullptr;
    std::uint32_t at_ = UINT32_MAX;
  };
  Members(const std::vector<std::uint32_t>& next, std::uint32_t head, std::uint32_t size)
      : next_(&next), head_(head), size_(size) {}
  iterator begin() const { return {next_, head_}; }
  iterator end() const { return {next_, UINT32_MAX}; }
  std::size_t size() const { return size_; }

 private:
  const std::vector<std::uint32_t>* next_;
  std::uint32_t head_;
  std::uint32_t size_;
};

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

std::vector<std::string> split(const std::string& key) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < key.size()) {
    std::size_t space = key.find(' ', start);
    if (space == std::string::npos) space = key.size();
    if (space > start) words.push_back(key.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

bool is_legal_suffix(std::string_view word) {
  static const std::unordered_set<std::string_view> kSuffixes = {
      "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "llc", "plc", "spa", "s.p.a",
      "ag", "gmbh", "sa", "s.a", "nv", "n.v", "bv", "ab", "oy", "asa", "se", "group", "holdings", "holding", "limited"};
  return kSuffixes.count(word) > 0;
}

// The canonical key of a name of the given type (see merge.hpp, rule same-name).
std::string canonical_key(std::string_view name, EntityType type, const NameLexicon& lexicon) {
  std::vector<std::string> words = key_words(name);
  if (type == EntityType::Person) {
    std::vector<std::string> stripped = strip_titles(words);
    if (!stripped.empty()) words = std::move(stripped);
  }
  // A company's legal-form suffix is not part of its name: "Acme Group SpA" -> "acme".
  if (type == EntityType::Organization)
    while (words.size() >= 2 && is_legal_suffix(words.back())) words.pop_back();
  std::string key = join(words);
  const std::string_view canonical = lexicon.canonical_place(key);
  if (!canonical.empty()) key = name_key(canonical);
  else if (is_acronym(name)) key = acronym_letters(name);  // "U.N." and "UN" alike
  std::string folded = ascii_fold(key);
  // Transliteration may leave marks or punctuation; keep the key's word structure.
  std::string out;
  for (char c : folded) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\'' || c == '.';
    if (keep) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? key : out;
}

std::uint64_t hash_key(const std::string& key) { return std::hash<std::string>{}(key); }


class Merger {
 public:
  // The merger moves the articles' strings into its result and frees them as it goes.
  Merger(HeldArticles& articles, const NameLexicon& lexicon) : articles_(articles), lexicon_(lexicon), uf_(0) {}

  MergedGraph run() {
    make_records();
    uf_ = UnionFind(records_.size());
    weak_type_.assign(records_.size(), false);
    next_.assign(records_.size(), UINT32_MAX);
    merge_same_name();
    merge_aliases();
    merge_variants();
    merge_surnames();
    merge_surname_variants();
    merge_acronyms();
    merge_events();
    return build();
  }

 private:
  // A root's list; a record alone is its own (issue 8: most records end in a larger node, so
  // spans are kept for the roots of those only).
  Span span(std::uint32_t root) const {
    const auto it = spans_.find(root);
    return it == spans_.end() ? Span{root, root, 1} : it->second;
  }
  Members members(std::uint32_t root) const {
    const Span list = span(root);
    return Members(next_, list.head, list.size);
  }
  // The article of record r: the last to start at or before it (one without entities starts
  // where the next does), sought among the few articles of r's block.
  std::uint32_t article_of(std::uint32_t r) const {
    const std::uint32_t block = r / kRecordsPerBlock;
    const auto first = first_record_.begin();
    const auto after = std::upper_bound(first + article_of_block_[block], first + article_of_block_[block + 1] + 1, r);
    return static_cast<std::uint32_t>(after - first) - 1;
  }
  // `record` is one of records_.
  std::uint32_t index_of(const Record& record) const { return static_cast<std::uint32_t>(&record - records_.data()); }
  std::uint32_t entity_index(const Record& record) const {
    return index_of(record) - first_record_[article_of(index_of(record))];
  }
  EntityRef entity_of(const Record& record) const {
    const std::uint32_t r = index_of(record), a = article_of(r);
    return articles_.entity(a, r - first_record_[a]);
  }
  const std::string& article_id(const Record& record) const {
    return articles_.articles[article_of(index_of(record))].id;
  }

  void make_records() {
    records_.reserve(articles_.entities.size());
    first_record_.reserve(articles_.size());
    first_context_.reserve(articles_.size() + 1);
    std::size_t contexts = 0;
    for (const HeldArticle& article : articles_.articles)
      contexts += std::min<std::size_t>(article.entity_count, kMaxContext + 1);
    contexts_.reserve(contexts);
    for (std::uint32_t a = 0; a < articles_.size(); ++a) {
      const std::uint32_t count = articles_.articles[a].entity_count;
      const std::size_t first = records_.size();
      first_record_.push_back(static_cast<std::uint32_t>(first));
      std::vector<std::uint32_t> mentions(count);
      for (std::uint32_t e = 0; e < count; ++e) {
        const EntityRef entity = articles_.entity(a, e);
        mentions[e] = entity.mentions;
        records_.emplace_back(entity.type, intern_key(articles_.name_id(a, e), entity.name, entity.type));
      }
      // Context: the other entities of the article, the most mentioned first.
      std::vector<std::uint32_t> order(count);
      std::iota(order.begin(), order.end(), 0u);
      std::stable_sort(order.begin(), order.end(),
                       [&](std::uint32_t x, std::uint32_t y) { return mentions[x] > mentions[y]; });
      if (order.size() > kMaxContext + 1) order.resize(kMaxContext + 1);
      std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
        const std::uint32_t kx = records_[first + x].key(), ky = records_[first + y].key();
        return std::tie(keys_[kx].hash, kx, x) < std::tie(keys_[ky].hash, ky, y);
      });
      first_context_.push_back(static_cast<std::uint32_t>(contexts_.size()));
      if (count <= kByteIndexedEntities) {
        for (std::uint32_t e : order) contexts_.push_back(static_cast<std::uint8_t>(e));
      } else {
        std::vector<std::uint32_t>& keys = wide_contexts_[a];
        for (std::uint32_t e : order) keys.push_back(records_[first + e].key());
      }
    }
    first_context_.push_back(static_cast<std::uint32_t>(contexts_.size()));
    first_record_.push_back(static_cast<std::uint32_t>(records_.size()));  // where a next article would start
    std::uint32_t a = 0;
    for (std::size_t block_start = 0; block_start < records_.size(); block_start += kRecordsPerBlock) {
      while (first_record_[a + 1] <= block_start) ++a;
      article_of_block_.push_back(a);
    }
    if (!records_.empty()) article_of_block_.push_back(static_cast<std::uint32_t>(articles_.size()) - 1);
  }

  // Calls f(k) for the keys of an article's most mentioned entities, in the order of their
  // hashes, until f returns false.
  template <typename F>
  void for_each_context_key(std::uint32_t article, F f) const {
    const std::uint32_t first = first_record_[article];
    if (first_record_[article + 1] - first > kByteIndexedEntities) {
      for (std::uint32_t k : wide_contexts_.at(article))
        if (!f(k)) return;
      return;
    }
    for (std::uint32_t i = first_context_[article]; i < first_context_[article + 1]; ++i)
      if (!f(records_[first + contexts_[i]].key())) return;
  }

  // The key (its index in keys_) of an interned name under a type, made once per (name, type).
  std::uint32_t intern_key(std::uint32_t name_id, const std::string& name, EntityType type) {
    const std::uint64_t slot = (std::uint64_t{name_id} << 3) | static_cast<std::uint64_t>(type);
    const auto known = key_of_name_.find(slot);
    if (known != key_of_name_.end()) return known->second;
    std::string text = canonical_key(name, type, lexicon_);
    auto [it, added] = keys_by_text_.try_emplace(text, static_cast<std::uint32_t>(keys_.size()));
    if (added) {
      Key& key = keys_.emplace_back();
      key.words = split(text);
      key.country = lexicon_.is_country(text);
      key.hash = hash_key(text);
      key.text = std::move(text);
    }
    key_of_name_.emplace(slot, it->second);
    return it->second;
  }

  const Key& key(std::uint32_t r) const { return keys_[records_[r].key()]; }

  // Calls f(k) for the keys of the entities co-mentioned with record r, in the order of their
  // hashes: its article's context without r's own key. One list per article, not per record
  // (issue 8: per-record copies were the largest part of a merge's memory).
  template <typename F>
  void for_each_context(std::uint32_t r, F f) const {
    for_each_context_key(article_of(r), [&](std::uint32_t k) {
      if (k != records_[r].key()) f(k);
      return true;
    });
  }

  // Joins the nodes of a and b; false when they were one already.
  bool join(std::uint32_t a, std::uint32_t b) {
    const std::uint32_t ra = uf_.find(a), rb = uf_.find(b);
    if (ra == rb) return false;
    uf_.unite(ra, rb);
    const std::uint32_t root = uf_.find(ra);
    const std::uint32_t other = root == ra ? rb : ra;
    // The larger list first (the root's when as large), then the other.
    Span first = span(root), second = span(other);
    if (first.size < second.size) std::swap(first, second);
    next_[first.tail] = second.head;
    spans_.erase(other);
    spans_[root] = {first.head, second.tail, first.size + second.size};
    return true;
  }

  // Joins the nodes of a and b and keeps why, for explain().
  void unite(std::uint32_t a, std::uint32_t b, std::string rule, std::string detail) {
    if (join(a, b)) links_.push_back({b, link_text_.intern(rule), link_text_.intern(detail)});
  }

  EntityType node_type(std::uint32_t root) const {
    std::array<double, 5> votes{};
    for (std::uint32_t r : members(root)) {
      // A one-word record joined as a person's surname votes a quarter for its tagger type.
      const double weight = weak_type_[r] && records_[r].type() != EntityType::Person ? 0.25 : 1.0;
      votes[static_cast<std::size_t>(records_[r].type())] +=
          weight * std::max<std::uint32_t>(1, entity_of(records_[r]).mentions);
    }
    std::size_t best = 0;
    for (std::size_t t = 1; t < votes.size(); ++t)
      if (votes[t] > votes[best]) best = t;
    return static_cast<EntityType>(best);
  }

  // Rule same-name.
  void merge_same_name() {
    // Every later record of a (key, type) joins the first, in record order: explain() tells
    // these links without their being kept (issue 8: they are most of the links). No table
    // per record: a key's first record, and the first of each other type it comes with.
    std::vector<std::uint32_t> first_of_key(keys_.size(), UINT32_MAX);
    std::unordered_map<std::uint64_t, std::uint32_t> first_of_other_type;  // key << 3 | type -> record
    std::vector<std::uint32_t> mixed;  // the keys that come with more than one type
    for (std::uint32_t r = 0; r < records_.size(); ++r) {
      const Record& record = records_[r];
      std::uint32_t& first = first_of_key[record.key()];
      if (first == UINT32_MAX) {
        first = r;
      } else if (records_[first].type() == record.type()) {
        join(first, r);
      } else {
        const std::uint64_t slot = std::uint64_t{record.key()} << 3 | static_cast<std::uint64_t>(record.type());
        auto [it, added] = first_of_other_type.try_emplace(slot, r);
        if (!added) join(it->second, r);
        else mixed.push_back(record.key());
      }
    }
    std::sort(mixed.begin(), mixed.end());
    mixed.erase(std::unique(mixed.begin(), mixed.end()), mixed.end());
    // The records of those keys, each key's ascending, for the votes below.
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> mixed_records;
    for (std::uint32_t k : mixed) mixed_records[k];
    for (std::uint32_t r = 0; r < records_.size(); ++r)
      if (const auto it = mixed_records.find(records_[r].key()); it != mixed_records.end()) it->second.push_back(r);
    std::sort(mixed.begin(), mixed.end(),
              [&](std::uint32_t a, std::uint32_t b) { return keys_[a].text < keys_[b].text; });
    for (std::uint32_t k : mixed) {
      const std::string& text = keys_[k].text;
      const std::vector<std::uint32_t>& group = mixed_records.at(k);
      std::map<EntityType, std::uint32_t> first_of_type;
      for (std::uint32_t r : group) first_of_type.try_emplace(records_[r].type(), r);
      // One word under several types: the records of a clear minority type join the
      // majority (two thirds of the mentions, two records at least), so a tagger's slip does
      // not split the entity. A person joins a place only when the lexicon knows the word as
      // a region, not a country ("Europe", not "Jordan"); nothing joins a person when the word
      // is a known place.
      if (first_of_type.size() > 1 && keys_[k].words.size() == 1) {
        std::array<double, 5> votes{};
        std::array<std::uint32_t, 5> records{};
        double total = 0;
        for (std::uint32_t r : group) {
          const double v = std::max<std::uint32_t>(1, entity_of(records_[r]).mentions);
          votes[static_cast<std::size_t>(records_[r].type())] += v;
          ++records[static_cast<std::size_t>(records_[r].type())];
          total += v;
        }
        std::size_t major = 0;
        for (std::size_t t = 1; t < votes.size(); ++t)
          if (votes[t] > votes[major]) major = t;
        const EntityType majority = static_cast<EntityType>(major);
        const bool known_place = lexicon_.is_known_place(text);
        const bool clear = votes[major] * 3 >= total * 2 && records[major] >= 2 && majority != EntityType::Event;
        if (clear && !(majority == EntityType::Person && known_place)) {
          const std::uint32_t anchor = first_of_type.at(majority);
          for (const auto& [type, r] : first_of_type) {
            if (type == majority || type == EntityType::Event) continue;
            // A person named like a country may be real ("Jordan"): only regions take them.
            if (type == EntityType::Person && (!known_place || lexicon_.is_country(text))) continue;
            for (std::uint32_t other : group)
              if (records_[other].type() == type) weak_type_[other] = true;
            unite(anchor, r, "same-name",
                  "same canonical key \"" + text + "\"; a minority type, outvoted by " +
                      std::string(to_string(majority)));
          }
        }
      }
      // Different types under one multiword name: one entity, its type decided by votes.
      if (first_of_type.size() > 1 && keys_[k].words.size() >= 2) {
        std::uint32_t anchor = UINT32_MAX;
        for (const auto& [type, r] : first_of_type) {
          if (type == EntityType::Event) continue;
          if (anchor == UINT32_MAX) anchor = r;
          else unite(anchor, r, "same-name", "same canonical key \"" + text + "\", types differ: decided by votes");
        }
      }
    }
  }

  // Rule alias.
  void merge_aliases() {
    std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, std::string>>> carriers;  // key -> (record, form)
    for (std::uint32_t r = 0; r < records_.size(); ++r) {
      const Record& record = records_[r];
      if (record.type() == EntityType::Event) continue;
      for (const std::string& alias : entity_of(record).aliases) {
        const std::string key = canonical_key(alias, record.type(), lexicon_);
        if (key == this->key(r).text || key.empty()) continue;
        if (split(key).size() < 2 && !is_acronym(alias)) continue;
        carriers[key].push_back({r, alias});
      }
    }
    // One record per key stands for all of them (same-name already joined those of one type).
    std::unordered_map<std::string, std::vector<std::uint32_t>> named;  // key -> first record of each type
    for (std::uint32_t r = 0; r < records_.size(); ++r) {
      if (!carriers.count(key(r).text)) continue;
      std::vector<std::uint32_t>& list = named[key(r).text];
      bool seen_type = false;
      for (std::uint32_t other : list) seen_type = seen_type || records_[other].type() == records_[r].type();
      if (!seen_type) list.push_back(r);
    }
    std::vector<const std::string*> keys;
    for (const auto& entry : named) keys.push_back(&entry.first);
    std::sort(keys.begin(), keys.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
    for (const std::string* key : keys) {
      for (std::uint32_t r : named[*key]) {
        const Record& record = records_[r];
        if (record.type() == EntityType::Event) continue;
        for (const auto& [carrier, form] : carriers[*key]) {
          // The in-article link is the evidence; a type disagreement is left to the votes.
          if (records_[carrier].type() == EntityType::Event || uf_.find(carrier) == uf_.find(r)) continue;
          unite(carrier, r, "alias",
                "\"" + form + "\" is a form of \"" + entity_of(records_[carrier]).name + "\" in " + article_id(records_[carrier]));
        }
      }
    }
  }

  // How many co-mentioned entities two nodes share, counting up to `enough`; `first` (if
  // given) gets the name of one of them.
  std::size_t shared_context(std::uint32_t root_a, std::uint32_t root_b, std::size_t enough,
                             std::string* first = nullptr) const {
    if (members(root_a).size() > members(root_b).size()) std::swap(root_a, root_b);  // index the smaller
    std::unordered_set<std::uint32_t> seen, shared;  // keys
    std::size_t scanned = 0;
    for (std::uint32_t r : members(root_a)) {
      if (++scanned > kMaxContextScan) break;
      for_each_context(r, [&](std::uint32_t k) { seen.insert(k); });
    }
    scanned = 0;
    for (std::uint32_t r : members(root_b)) {
      if (++scanned > kMaxContextScan) break;
      for_each_context_key(article_of(r), [&](std::uint32_t k) {
        if (k == records_[r].key() || !seen.count(k) || !shared.insert(k).second) return true;
        if (first && shared.size() == 1) *first = context_name(k, article_of(r));
        return shared.size() < enough;
      });
      if (shared.size() >= enough) return shared.size();
    }
    return shared.size();
  }


  std::string context_name(std::uint32_t key, std::uint32_t article) const {
    const std::size_t first = first_record_of_article(article);
    for (std::uint32_t e = 0; e < articles_.articles[article].entity_count; ++e)
      if (records_[first + e].key() == key) return articles_.entity(article, e).name;
    return "?";
  }

  std::size_t first_record_of_article(std::uint32_t article) const {
    return first_record_[article];
  }

  bool is_person(std::uint32_t r) const { return records_[r].type() == EntityType::Person && !key(r).country; }

  // A one-word record typed Place that the lexicon does not know as a place or organisation:
  // its type is the tagger's weakest guess, so a surname match may outvote it.
  bool untyped_word(std::uint32_t r) const {
    const Record& record = records_[r];
    const Key& key = this->key(r);
    return record.type() == EntityType::Place && key.words.size() == 1 && !key.country &&
           !lexicon_.is_any_place_name(key.text) && !lexicon_.is_known_organization(key.text);
  }

  // Rule spelling-variant, for multiword person names: blocked by the surname's phonetic key.
  void merge_variants() {
    std::map<std::string, std::map<std::string, std::uint32_t>> blocks;  // phonetic -> key -> first record
    for (std::uint32_t r = 0; r < records_.size(); ++r) {
      if (!is_person(r) || key(r).words.size() < 2) continue;
      // Blocks: surname's phonetic key, word count, and the given name's first letter.
      const std::string code = phonetic_key(key(r).words.back()) + "/" + std::to_string(key(r).words.size()) +
                               "/" + key(r).words.front().substr(0, 1);
      blocks[code].try_emplace(key(r).text, r);
    }
    for (const auto& [code, keys] : blocks) {
      std::vector<std::uint32_t> reps;
      for (const auto& entry : keys) reps.push_back(entry.second);
      // Compare within the block only names whose surname lengths differ by at most 2.
      std::sort(reps.begin(), reps.end(), [&](std::uint32_t a, std::uint32_t b) {
        return key(a).words.back().size() < key(b).words.back().size();
      });
      for (std::size_t i = 0; i < reps.size(); ++i) {
        for (std::size_t j = i + 1; j < reps.size(); ++j) {
          const std::vector<std::string>& a = key(reps[i]).words;
          const std::vector<std::string>& b = key(reps[j]).words;
          if (b.back().size() > a.back().size() + 2) break;
          std::string detail;
          if (!variant_of(a, b, &detail)) continue;
          const std::uint32_t ra = uf_.find(reps[i]), rb = uf_.find(reps[j]);
          if (ra == rb) continue;
          std::string shared;
          if (shared_context(ra, rb, 1, &shared) == 0) continue;
          unite(reps[i], reps[j], "spelling-variant",
                "\"" + entity_of(records_[reps[j]]).name + "\" ~ \"" + entity_of(records_[reps[i]]).name +
                    "\": " + detail + ", both with \"" + shared + "\"");
        }
      }
    }
  }

  // True when two person names of as many words may be spellings of one name.
  static bool variant_of(const std::vector<std::string>& a, const std::vector<std::string>& b, std::string* detail) {
    if (a.size() != b.size() || a == b) return false;
    for (std::size_t i = 0; i + 1 < a.size(); ++i)
      if (!compatible_given_names(a[i], b[i])) return false;
    const std::string& sa = a.back();
    const std::string& sb = b.back();
    std::size_t distance = 0;
    if (sa != sb && !spelling_variants(sa, sb, &distance)) return false;
    if (phonetic_key(sa) != phonetic_key(sb)) return false;
    const std::size_t bound = spelling_bound(std::min(sa.size(), sb.size()));
    // An initial against a full given name with the same surname is not enough when the
    // names also differ in the surname: at most one of the two may be inexact.
    bool given_exact = true;
    for (std::size_t i = 0; i + 1 < a.size(); ++i) given_exact = given_exact && a[i] == b[i];
    if (!given_exact && distance > 0) return false;
    if (detail)
      *detail = "surname spelling distance " + std::to_string(distance) + " (bound " + std::to_string(bound) +
                "), phonetic " + phonetic_key(sa) + (given_exact ? "" : ", compatible given names");
    return true;
  }

  // Rule surname.
  void merge_surnames() {
    // surname -> one multiword person record per distinct name
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_surname;
    std::unordered_set<std::string> listed;
    for (std::uint32_t r = 0; r < records_.size(); ++r)
      if (is_person(r) && key(r).words.size() >= 2 && listed.insert(key(r).text).second)
        by_surname[key(r).words.back()].push_back(r);
    for (std::uint32_t r = 0; r < records_.size(); ++r) {
      if (key(r).words.size() != 1 || is_acronym(entity_of(records_[r]).name)) continue;
      const bool mistyped_organization = records_[r].type() == EntityType::Organization && !key(r).country &&
                                         !lexicon_.is_any_place_name(key(r).text) &&
                                         !lexicon_.is_known_organization(key(r).text);
      if (!is_person(r) && !untyped_word(r) && !mistyped_organization) continue;
      const auto it = by_surname.find(key(r).text);
      if (it == by_surname.end()) continue;
      std::set<std::uint32_t> roots;
      for (std::uint32_t s : it->second) {
        roots.insert(uf_.find(s));
        if (roots.size() > 1) break;
      }
      if (roots.size() != 1) continue;
      const std::uint32_t target = it->second.front();
      // A one-word organisation may be a mistyped surname: only with two entities in common.
      if (mistyped_organization && shared_context(uf_.find(target), uf_.find(r), 2) < 2) continue;
      weak_type_[r] = !is_person(r);
      unite(target, r, "surname", "the one person node with surname \"" + key(r).text + "\": \"" +
                                      entity_of(records_[target]).name + "\"");
    }
  }

  // Rule spelling-variant for a lone surname: against the surnames of multiword person nodes.
  void merge_surname_variants() {
    // phonetic key -> surname -> one record per distinct multiword name
    std::unordered_map<std::string, std::map<std::string, std::vector<std::uint32_t>>> blocks;
    std::unordered_set<std::string> listed;
    for (std::uint32_t r = 0; r < records_.size(); ++r)
      if (is_person(r) && key(r).words.size() >= 2 && listed.insert(key(r).text).second)
        blocks[phonetic_key(key(r).words.back())][key(r).words.back()].push_back(r);
    // The match is decided once per distinct surname; the shared context per record.
    struct Match {
      std::uint32_t target = 0;
      std::string matched;
      std::size_t distance = 0;
      bool found = false;
    };
    std::unordered_map<std::string, Match> matches;
    for (std::uint32_t r = 0; r < records_.size(); ++r) {
      if ((!is_person(r) && !untyped_word(r)) || key(r).words.size() != 1) continue;
      const std::string& surname = key(r).text;
      if (surname.size() < 6) continue;
      auto [it, added] = matches.try_emplace(surname);
      Match& match = it->second;
      if (added) {
        const auto block = blocks.find(phonetic_key(surname));
        if (block == blocks.end() || block->second.count(surname)) continue;
        std::set<std::uint32_t> roots;
        for (const auto& [other, list] : block->second) {
          if (other.size() + 2 < surname.size() || other.size() > surname.size() + 2) continue;
          std::size_t d = 0;
          if (!spelling_variants(other, surname, &d)) continue;
          for (std::uint32_t s : list) roots.insert(uf_.find(s));
          match.target = list.front();
          match.matched = other;
          match.distance = d;
        }
        match.found = roots.size() == 1;
      }
      if (!match.found || uf_.find(match.target) == uf_.find(r)) continue;
      std::string shared;
      if (shared_context(uf_.find(match.target), uf_.find(r), 1, &shared) == 0) continue;
      weak_type_[r] = !is_person(r);
      unite(match.target, r, "spelling-variant",
            "\"" + entity_of(records_[r]).name + "\" ~ surname \"" + match.matched + "\" of \"" +
                entity_of(records_[match.target]).name + "\": spelling distance " + std::to_string(match.distance) +
                ", phonetic " + phonetic_key(surname) + ", both with \"" + shared + "\"");
    }
  }

  // Rule acronym: a record named by an acronym ("WHO") joins the one multiword organisation or
  // place node whose initials it is, when no article linked it otherwise.
  void merge_acronyms() {
    std::unordered_map<std::string, std::set<std::uint32_t>> by_initials;  // initials -> roots
    std::unordered_map<std::string, std::uint32_t> example;
    for (std::uint32_t r = 0; r < records_.size(); ++r) {
      const Record& record = records_[r];
      const std::vector<std::string>& words = key(r).words;
      if (words.size() < 2 || record.type() == EntityType::Person || record.type() == EntityType::Event) continue;
      const std::string letters = initials(words);
      if (letters.size() < 2) continue;
      by_initials[letters].insert(uf_.find(r));
      example.try_emplace(letters, r);
    }
    for (std::uint32_t r = 0; r < records_.size(); ++r) {
      const Record& record = records_[r];
      const std::string& name = entity_of(record).name;
      if (record.type() == EntityType::Person || record.type() == EntityType::Event || !is_acronym(name)) continue;
      const auto it = by_initials.find(acronym_letters(name));
      if (it == by_initials.end()) continue;
      std::set<std::uint32_t> roots;
      for (std::uint32_t root : it->second) roots.insert(uf_.find(root));
      if (roots.size() != 1 || *roots.begin() == uf_.find(r)) continue;
      const std::uint32_t target = example.at(it->first);
      unite(target, r, "acronym",
            "\"" + name + "\" is the initials of \"" + entity_of(records_[target]).name + "\", the one such name");
    }
  }

  std::string choose_label(std::uint32_t root) const {
    std::map<std::string, std::uint32_t> counts;    // articles naming the node so
    std::map<std::string, std::uint64_t> mentions;  // their mentions, to break ties
    for (std::uint32_t r : members(root)) {
      ++counts[entity_of(records_[r]).name];
      mentions[entity_of(records_[r]).name] += entity_of(records_[r]).mentions;
    }
    std::uint32_t max_count = 0;
    for (const auto& [name, count] : counts) max_count = std::max(max_count, count);
    const std::uint32_t floor = std::max<std::uint32_t>(1, (max_count + 2) / 3);
    const std::string* best = nullptr;
    std::size_t best_words = 0;
    std::uint32_t best_count = 0;
    for (const auto& [name, count] : counts) {
      if (count < floor) continue;
      const std::size_t words = key_words(name).size();
      if (!best || words > best_words || (words == best_words && count > best_count) ||
          (words == best_words && count == best_count && mentions[name] > mentions[*best])) {
        best = &name;
        best_words = words;
        best_count = count;
      }
    }
    return best ? *best : std::string();
  }

  // Rule same-event: two event records of one kind that share two participants (as merged
  // above), with dates and places that do not disagree, are one occurrence told by two
  // articles. Candidates come from a (kind, participant) index, not from all pairs.
  void merge_events() {
    // The event records' slots: participants and facts are kept per event, not per record
    // (issue 8: a list per record was a fifth of a merge's peak, and few records are events).
    // Event record events[s - 1] has slot s; a record not an event has slot 0 (found by
    // binary search: not an array per record either).
    std::vector<std::uint32_t> events;
    for (std::uint32_t r = 0; r < records_.size(); ++r)
      if (records_[r].type() == EntityType::Event) events.push_back(r);
    const auto slot_of = [&](std::uint32_t r) -> std::uint32_t {
      const auto it = std::lower_bound(events.begin(), events.end(), r);
      return it != events.end() && *it == r ? static_cast<std::uint32_t>(it - events.begin()) + 1 : 0;
    };
    std::vector<std::vector<std::uint32_t>> participant_lists(events.size() + 1);  // slot -> participant roots
    const auto participants = [&](std::uint32_t r) -> std::vector<std::uint32_t>& {
      return participant_lists[slot_of(r)];
    };
    std::size_t first = 0;
    for (std::uint32_t a = 0; a < articles_.size(); ++a) {
      const HeldArticle& article = articles_.articles[a];
      for (std::uint32_t k = 0; k < article.relation_count; ++k) {
        const HeldRelation& rel = articles_.relation(a, k);
        if (rel.type != RelationType::ParticipatedIn || rel.source >= article.entity_count ||
            rel.target >= article.entity_count || slot_of(static_cast<std::uint32_t>(first + rel.target)) == 0)
          continue;
        participants(static_cast<std::uint32_t>(first + rel.target)).push_back(uf_.find(static_cast<std::uint32_t>(first + rel.source)));
      }
      first += article.entity_count;
    }
    std::map<std::pair<std::string, std::uint32_t>, std::vector<std::uint32_t>> by_participant;
    for (std::uint32_t r = 0; r < records_.size(); ++r) {
      if (records_[r].type() != EntityType::Event) continue;
      std::vector<std::uint32_t>& parts = participants(r);
      std::sort(parts.begin(), parts.end());
      parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
      for (std::uint32_t p : parts) by_participant[{entity_of(records_[r]).event_kind, p}].push_back(r);
    }
    const auto agree = [](const std::string& a, const std::string& b) {
      return a.empty() || b.empty() || a.starts_with(b) || b.starts_with(a);
    };
    // Dates and places of every record already in a node must agree, not just of the pair.
    // The place keys are made once per event record: nodes of an event told by many articles
    // compare every pair of their records (issue 8: keys made per pair took most of a merge).
    struct EventFacts {
      const std::string* date;
      const Key* place;  // keys are unique by text: equal pointers, equal keys
    };
    std::vector<EventFacts> facts = {{&articles_.strings[0], nullptr}};  // by slot
    for (std::uint32_t r = 0; r < records_.size(); ++r) {
      if (records_[r].type() != EntityType::Event) continue;
      const HeldEvent& event =
          articles_.event(articles_.articles[article_of(r)].first_entity + entity_index(records_[r]));
      const std::string& place = articles_.strings[event.place];
      const Key* place_key = place.empty() ? nullptr : &keys_[intern_key(event.place, place, EntityType::Place)];
      facts.push_back({&articles_.strings[event.date], place_key && !place_key->text.empty() ? place_key : nullptr});
    }
    const auto node_agrees = [&](std::uint32_t a, std::uint32_t b) {
      std::vector<const EventFacts*> of_b;
      for (std::uint32_t y : members(uf_.find(b))) of_b.push_back(&facts[slot_of(y)]);
      for (std::uint32_t x : members(uf_.find(a))) {
        const EventFacts& fx = facts[slot_of(x)];
        for (const EventFacts* fy : of_b) {
          if (!agree(*fx.date, *fy->date)) return false;
          if (fx.place && fy->place && fx.place != fy->place) return false;
        }
      }
      return true;
    };
    for (std::uint32_t r = 0; r < records_.size(); ++r) {
      if (records_[r].type() != EntityType::Event) continue;
      const EntityRef event = entity_of(records_[r]);
      std::map<std::uint32_t, std::uint32_t> shared;  // earlier event record -> participants in common
      for (std::uint32_t p : participants(r))
        for (std::uint32_t other : by_participant[{event.event_kind, p}])
          if (other < r) ++shared[other];
      // A node that disagrees with r's keeps disagreeing (r's node only grows): its other
      // records are not compared again (issue 8: nodes of an event told by thousands of articles).
      std::unordered_set<std::uint32_t> disagree;
      for (const auto& [other, count] : shared) {
        // Two in common, and at least half of the smaller event's participants.
        const std::size_t smaller = std::min(participants(r).size(), participants(other).size());
        if (count < 2 || count * 2 < smaller) continue;
        const std::uint32_t root = uf_.find(other);
        if (root == uf_.find(r) || disagree.count(root)) continue;
        if (!node_agrees(other, r)) {
          disagree.insert(root);
          continue;
        }
        unite(other, r, "same-event",
              "a " + event.event_kind + " with " + std::to_string(count) + " participants in common, dates and places agree");
      }
    }
  }

  MergedGraph build() {
    MergedGraph merged;
    // What only the rules read goes before the node drafts are made (issue 8: the drafts are
    // the resolution's peak).
    std::vector<std::uint8_t>().swap(contexts_);
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>>().swap(wide_contexts_);
    std::vector<std::uint32_t>().swap(first_context_);
    std::unordered_map<std::uint64_t, std::uint32_t>().swap(key_of_name_);
    std::unordered_map<std::string, std::uint32_t>().swap(keys_by_text_);
    // Nodes in the order of their first record; ids unique in that order.
    std::vector<std::uint32_t> roots;
    for (std::uint32_t r = 0; r < records_.size(); ++r)
      if (uf_.find(r) == r) roots.push_back(r);
    struct Draft {
      std::uint32_t root;
      EntityNode node;
    };
    std::vector<Draft> drafts;
    for (std::uint32_t root : roots) {
      EntityNode node;
      node.type = node_type(root);
      node.label = choose_label(root);
      std::set<std::string> aliases;
      for (std::uint32_t r : members(root)) {
        const EntityRef entity = entity_of(records_[r]);
        aliases.insert(entity.name);
        aliases.insert(entity.aliases.begin(), entity.aliases.end());
        node.sources.push_back(article_of(r));  // an index in merged.articles
        node.mentions += entity.mentions;
        if (node.date.empty()) node.date = entity.date;
        if (node.place.empty()) node.place = entity.place;
      }
      node.aliases.assign(aliases.begin(), aliases.end());
      std::sort(node.sources.begin(), node.sources.end());
      node.sources.erase(std::unique(node.sources.begin(), node.sources.end()), node.sources.end());
      node.sources.shrink_to_fit();
      drafts.push_back({root, std::move(node)});
    }
    // Ids: base from type and label; a suffix in (base, canonical key) order for clashes.
    std::vector<std::size_t> order(drafts.size());
    std::iota(order.begin(), order.end(), 0u);
    std::vector<std::string> bases(drafts.size());
    for (std::size_t i = 0; i < drafts.size(); ++i)
      bases[i] = std::string(id_prefix(drafts[i].node.type)) + ":" + name_slug(drafts[i].node.label);
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      return std::tie(bases[x], key(drafts[x].root).text, drafts[x].root) <
             std::tie(bases[y], key(drafts[y].root).text, drafts[y].root);
    });
    std::set<std::string> used;
    for (std::size_t i : order) {
      std::string id = bases[i];
      for (int n = 2; used.count(id); ++n) id = bases[i] + "-" + std::to_string(n);
      used.insert(id);
      drafts[i].node.id = id;
    }
    // Each record's node, an index in drafts (then merged.nodes: drafts are in root order), made
    // in place of the union-find's parents (issue 8: not another array per record). A parent's
    // index is below its child's (the lower index stays the root), so in record order each
    // parent's node is known when its children come.
    std::vector<std::uint32_t> node_of_record = std::move(uf_.parent);
    std::uint32_t nodes = 0;
    for (std::uint32_t r = 0; r < node_of_record.size(); ++r)
      node_of_record[r] = node_of_record[r] == r ? nodes++ : node_of_record[node_of_record[r]];

    explain(drafts.size(), [&](std::size_t i) -> const Draft& { return drafts[i]; }, merged.explanations);

    merged.nodes.reserve(drafts.size());  // no doubling: a moment with the nodes twice
    for (Draft& draft : drafts) merged.nodes.push_back(std::move(draft.node));
    std::vector<Draft>().swap(drafts);
    release_resolution();
    return_free_memory();  // the resolution's tables: the sightings and the graph come next
    // The sightings point into the articles' strings, which the graph keeps until build_graph.
    merged.strings = std::make_unique<StringPool>(std::move(articles_.strings));
    const StringPool& strings = *merged.strings;
    // Spilled titles and sentences stay in the file until they are exported (KnowledgeGraph::
    // sentences); held sentences join the strings.
    const bool spilled = articles_.spill != nullptr;
    merged.articles.reserve(articles_.size());
    std::size_t first = 0;
    // Each article leaves the held ones once its sightings are made, so that the held articles
    // shrink as the sightings grow (issue 8: about 150 bytes per article at the sightings' peak).
    for (; !articles_.articles.empty(); articles_.articles.pop_front()) {
      // Nothing reads the article past this point: move its strings, so that the evidence is
      // never held twice (issue 8, memory).
      HeldArticle& article = articles_.articles.front();
      merged.articles.push_back({std::move(article.id), strings[article.source],
                                 spilled ? std::string() : articles_.text(article.title), std::move(article.date),
                                 std::move(article.url), spilled ? article.title.at : 0,
                                 spilled ? article.title.size : 0});
      for (std::uint32_t k = 0; k < article.relation_count; ++k) {
        const HeldRelation rel = articles_.relation(0, k);  // article 0: the front one
        if (rel.source >= article.entity_count || rel.target >= article.entity_count) continue;
        const std::string* sentence =
            spilled ? nullptr : &strings[merged.strings->intern(articles_.text(rel.sentence_text))];
        merged.sightings.push_back({node_of_record[first + rel.source], node_of_record[first + rel.target], rel.type,
                                    rel.sentence, rel.begin, rel.end, &strings[rel.evidence_article],
                                    &strings[rel.rule], &strings[rel.text], &strings[rel.status], sentence,
                                    spilled ? rel.sentence_text.at : 0, spilled ? rel.sentence_text.size : 0});
      }
      first += article.entity_count;
    }
    return merged;
  }

  // Frees what resolving the records needed, before the sightings are made (issue 8: they
  // peak together otherwise); only the articles' relations and strings are read after this.
  void release_resolution() {
    std::vector<Record>().swap(records_);
    std::vector<std::uint32_t>().swap(first_record_);
    std::vector<std::uint32_t>().swap(article_of_block_);
    std::vector<std::uint8_t>().swap(contexts_);
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>>().swap(wide_contexts_);
    std::vector<std::uint32_t>().swap(first_context_);
    uf_ = UnionFind(0);
    std::vector<std::uint32_t>().swap(next_);
    std::unordered_map<std::uint32_t, Span>().swap(spans_);
    std::deque<Link>().swap(links_);
    link_text_ = StringPool();
    std::vector<bool>().swap(weak_type_);
    std::unordered_map<std::uint64_t, std::uint32_t>().swap(key_of_name_);
    std::unordered_map<std::string, std::uint32_t>().swap(keys_by_text_);
    std::deque<Key>().swap(keys_);
    articles_.entities = BlockList<HeldEntity>();
    std::vector<std::uint64_t>().swap(articles_.event_entities);
    std::vector<HeldEvent>().swap(articles_.events);
    articles_.lists = StringPool();
  }

  template <typename DraftAt>
  void explain(std::size_t count, DraftAt draft_at, MergeExplanations& out) const {
    // The links by absorbed record, each record's in the order they were made.
    std::vector<std::uint32_t> links_into(links_.size());
    std::iota(links_into.begin(), links_into.end(), 0u);
    std::stable_sort(links_into.begin(), links_into.end(),
                     [&](std::uint32_t x, std::uint32_t y) { return links_[x].b < links_[y].b; });
    for (std::size_t i = 0; i < count; ++i) {
      const auto& draft = draft_at(i);
      const Members members = this->members(draft.root);
      NodeExplanation node;
      node.node_id = draft.node.id;
      node.label = draft.node.label;
      node.type = draft.node.type;
      node.records = static_cast<std::uint32_t>(members.size());
      std::set<std::pair<std::string, std::string>> listed;  // (form, rule)
      std::unordered_set<std::uint64_t> named;  // (key, type) of the records so far
      std::vector<std::uint32_t> sorted(members.begin(), members.end());
      std::sort(sorted.begin(), sorted.end());
      for (std::uint32_t r : sorted) {
        const Record& record = records_[r];
        const EntityRef entity = entity_of(record);
        // A record after the first of its key and type was joined to that one by same-name
        // first of all; merge_same_name keeps no link for it.
        const std::uint64_t key_and_type = std::uint64_t{record.key()} << 3 | static_cast<std::uint64_t>(record.type());
        if (!named.insert(key_and_type).second && listed.insert({entity.name, "same-name"}).second)
          node.steps.push_back(
              {entity.name, article_id(record), "same-name", "same canonical key \"" + key(r).text + "\""});
        auto it = std::lower_bound(links_into.begin(), links_into.end(), r,
                                   [&](std::uint32_t link, std::uint32_t record) { return links_[link].b < record; });
        for (; it != links_into.end() && links_[*it].b == r; ++it) {
          const Link& link = links_[*it];
          if (listed.insert({entity.name, link_text_[link.rule]}).second)
            node.steps.push_back({entity.name, article_id(record), link_text_[link.rule], link_text_[link.detail]});
        }
        for (std::size_t k = 0; k < entity.alias_rules.size() && k < entity.aliases.size(); ++k) {
          const std::string& rule = entity.alias_rules[k];
          if (rule == "name" || entity.aliases[k] == entity.name) continue;
          if (listed.insert({entity.aliases[k], "in-article:" + rule}).second)
            node.steps.push_back({entity.aliases[k], article_id(record), "in-article:" + rule,
                                  "linked to \"" + entity.name + "\" within the article"});
        }
      }
      if (!node.steps.empty()) out.nodes.push_back(std::move(node));
    }
    std::sort(out.nodes.begin(), out.nodes.end(),
              [](const NodeExplanation& a, const NodeExplanation& b) { return a.node_id < b.node_id; });
  }

  HeldArticles& articles_;
  const NameLexicon& lexicon_;
  std::vector<Record> records_;
  std::vector<std::uint32_t> first_record_;  // per article: its first record; then the number of records
  // Per block of kRecordsPerBlock records, the article of its first record; then the last article.
  std::vector<std::uint32_t> article_of_block_;
  // Per article, its most mentioned entities (their indices in the article: a byte each, not a
  // key id, issue 8), in the order of their keys' hashes; one list for all articles. An article
  // of more than kByteIndexedEntities entities has its context's keys in wide_contexts_ instead.
  std::vector<std::uint8_t> contexts_;
  std::vector<std::uint32_t> first_context_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> wide_contexts_;
  UnionFind uf_;
  // Each node's records (see Members): next_ per record, a span per root of more than one.
  std::vector<std::uint32_t> next_;
  std::unordered_map<std::uint32_t, Span> spans_;
  // Why nodes joined, but for the same-name links within a (key, type) group (explain() tells
  // those); a deque: no doubling copy.
  std::deque<Link> links_;
  StringPool link_text_;  // the links' rules and details
  std::deque<Key> keys_;  // a deque: merge_events points into it while it grows
  std::unordered_map<std::string, std::uint32_t> keys_by_text_;
  std::unordered_map<std::uint64_t, std::uint32_t> key_of_name_;  // (name id, type) -> key
  std::vector<bool> weak_type_;  // record joined by a person-name rule against its tagger type
};

std::string escape_field(std::string_view text) {
  std::string out;
  for (char c : text) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

}  // namespace

MergedGraph merge_articles(std::span<const ArticleGraph> articles, const NameLexicon& lexicon) {
  HeldArticles held;
  for (const ArticleGraph& article : articles) held.add(ArticleGraph(article), 0);
  return merge_articles(std::move(held), lexicon);
}

MergedGraph merge_articles(HeldArticles&& articles, const NameLexicon& lexicon) {
  MergedGraph merged = Merger(articles, lexicon).run();
  merged.status = articles.status;
  merged.spill = articles.spill;
  articles = HeldArticles();
  return merged;
}

Status write_merge_explanations(const MergeExplanations& explanations, const std::string& path) {
  std::string text = "# newsgraph merge explanations: node, then each absorbed form with its rule (see merge/merge.hpp)\n";
  for (const NodeExplanation& node : explanations.nodes) {
    text += escape_field(node.node_id) + '\t' + escape_field(node.label) + '\t' + std::string(to_string(node.type)) +
            '\t' + std::to_string(node.records) + " records\n";
    for (const MergeStep& step : node.steps)
      text += "  " + escape_field(step.form) + '\t' + escape_field(step.rule) + '\t' + escape_field(step.article_id) +
              '\t' + escape_field(step.detail) + '\n';
  }
  Status status = write_file_atomically(path, text);
  if (!status.is_ok()) return Status::error(path + ": cannot write merge explanations: " + status.message());
  return status;
}

}  // namespace newsgraph
