// merge/held_articles: article graphs held for a merge, in compact form (issue 8, memory).
//
// A merge needs every article's entities at once. Held as ArticleGraphs they took about
// 14 KB per article: 31 entities of five strings and two vectors each, most of them empty
// (the event fields) or repeated from article to article (names, alias lists, the
// in-article rules). Here every such string is interned once in a StringPool, and so is every
// list of them, so that an entity is 8 bytes; with a spill file the evidence sentences,
// titles and relations wait on disk. About 0.7 KB per article is held.
// Articles, entities and relations grow without copying what they hold (a vector's
// doubling would hold everything twice for a moment): articles and relations in deques,
// entities in a BlockList.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.hpp"
#include "core/status.hpp"
#include "graph/knowledge_graph.hpp"

namespace newsgraph {

// Each distinct string once; ids count from 0 in order of first sight. Id 0 is "".
class StringPool {
 public:
  StringPool() { intern({}); }
  std::uint32_t intern(std::string_view text);
  const std::string& operator[](std::uint32_t id) const { return strings_[id]; }

 private:
  std::deque<std::string> strings_;  // a deque, so that the map's views into them never move
  std::unordered_map<std::string_view, std::uint32_t> ids_;
};

// A list of interned strings, read through the pool: what ArticleEntity holds as a
// std::vector<std::string> (aliases, alias_rules). `ids` packs 4-byte ids.
class StringList {
 public:
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = std::string;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string*;
    using reference = const std::string&;
    iterator(const StringList* list, std::size_t i) : list_(list), i_(i) {}
    reference operator*() const { return (*list_)[i_]; }
    iterator& operator++() {
      ++i_;
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++i_;
      return before;
    }
    bool operator==(const iterator& other) const { return i_ == other.i_; }

   private:
    const StringList* list_;
    std::size_t i_;
  };

  StringList(const StringPool& pool, std::string_view ids) : pool_(&pool), ids_(ids) {}
  std::size_t size() const { return ids_.size() / 4; }
  bool empty() const { return ids_.empty(); }
  const std::string& operator[](std::size_t i) const {
    std::uint32_t id;
    std::memcpy(&id, ids_.data() + 4 * i, 4);
    return (*pool_)[id];
  }
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, size()}; }

 private:
  const StringPool* pool_;
  std::string_view ids_;
};

// A list that grows by blocks of about 1 MB, for what is held per entity of every article
// (issue 8, memory): nothing is copied as it grows (a vector's doubling would hold it twice
// for a moment), and its freed blocks are whole pages that return_free_memory() hands back
// (a deque's 512-byte blocks, freed among the strings read with them, stayed in the RSS).
template <typename T>
class BlockList {
 public:
  static constexpr std::size_t kBlock = (std::size_t{1} << 20) / sizeof(T);
  T& emplace_back() {
    if (size_ == blocks_.size() * kBlock) blocks_.push_back(std::make_unique<T[]>(kBlock));
    return (*this)[size_++];
  }
  T& operator[](std::size_t i) { return blocks_[i / kBlock][i % kBlock]; }
  const T& operator[](std::size_t i) const { return blocks_[i / kBlock][i % kBlock]; }
  std::size_t size() const { return size_; }

 private:
  std::vector<std::unique_ptr<T[]>> blocks_;
  std::size_t size_ = 0;
};

// Where the held articles' evidence sentences and titles go while the articles wait for the
// merge: a temporary file in $TMPDIR (else /tmp), unlinked as soon as it is made, so that it
// is gone on every exit, a crash or a kill included. Writes are buffered; a failed write (a
// full disk) is an error the caller reports, never a silently shorter sentence. The graph reads
// its evidence sentences from here when they are exported (SentenceSource).
class SpillFile : public SentenceSource {
 public:
  SpillFile() = default;
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;
  ~SpillFile() override;
  // Makes the file in `dir`, or in $TMPDIR (else /tmp) when `dir` is empty.
  Status open(const std::string& dir = {});
  // Appends `text`; `offset` gets where it starts.
  Status append(std::string_view text, std::uint64_t& offset);
  Status read(std::uint64_t offset, std::uint32_t size, std::string& out);
  // SentenceSource: read() that keeps its first failure for status().
  std::string sentence(std::uint64_t at, std::uint32_t size) override;
  Status status() const override { return sentence_status_; }
  // Bytes appended so far.
  std::uint64_t size() const { return written_ + buffer_.size(); }

 private:
  Status flush();
  int fd_ = -1;
  std::string dir_;
  std::string buffer_;         // not yet written; starts at `written_`
  std::uint64_t written_ = 0;
  Status sentence_status_ = Status::ok();
};

// Where one held text is: in HeldArticles::spill when set, else in HeldArticles::texts.
struct HeldText {
  std::uint64_t at = 0;
  std::uint32_t size = 0;
};

// An event's fields as pool ids: apart, because few entities are events.
struct HeldEvent {
  std::uint32_t date = 0;
  std::uint32_t place = 0;
  std::uint32_t event_kind = 0;
};

// An ArticleEntity as pool ids, 8 bytes (issue 8: a merge holds one per entity of every
// article). `list` is the id in HeldArticles::lists of its name, aliases and alias rules
// together (the name's id, the number of aliases, the aliases' ids, the rules'): the name
// is nearly always one of the aliases, so that a list shared by many entities rarely needs
// another list for the name. An event's date, place and kind are in HeldArticles::events.
class HeldEntity {
 public:
  // Mentions above this are counted as this many: an article would need more than 512 MB of
  // text (extraction files holding more are rejected as damaged).
  static constexpr std::uint32_t kMaxMentions = (1u << 29) - 1;
  HeldEntity() = default;
  HeldEntity(std::uint32_t list, std::uint32_t mentions, EntityType type)
      : list_(list), mentions_and_type_(std::min(mentions, kMaxMentions) << 3 | static_cast<std::uint32_t>(type)) {}
  std::uint32_t list() const { return list_; }
  std::uint32_t mentions() const { return mentions_and_type_ >> 3; }
  EntityType type() const { return static_cast<EntityType>(mentions_and_type_ & 7); }

 private:
  std::uint32_t list_ = 0;
  std::uint32_t mentions_and_type_ = 0;  // the type in the low 3 bits
};

// An ArticleRelation; the strings that recur (article id, rule, status, claim) as pool ids.
struct HeldRelation {
  RelationType type = RelationType::CoOccurs;
  std::uint32_t source = 0;  // index among the article's entities
  std::uint32_t target = 0;
  std::uint32_t evidence_article = 0;
  std::uint32_t sentence = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t rule = 0;
  std::uint32_t status = 0;
  std::uint32_t text = 0;
  HeldText sentence_text;
};

// One article: its metadata, its place in build order, and where its entities and
// relations are in HeldArticles.
struct HeldArticle {
  std::string id;
  std::uint32_t source = 0;  // pool id
  HeldText title;
  std::string date;
  std::string url;
  std::uint64_t ordinal = 0;
  std::size_t first_entity = 0;
  std::uint32_t entity_count = 0;
  std::uint64_t first_relation = 0;  // in HeldArticles::relations, or where in the spill file
  std::uint32_t relation_count = 0;
};

// An entity read back: the fields of ArticleEntity, as references into the pool.
struct EntityRef {
  EntityType type;
  const std::string& name;
  StringList aliases;
  std::uint32_t mentions;
  const std::string& date;
  const std::string& place;
  const std::string& event_kind;
  StringList alias_rules;
};

struct HeldArticles {
  StringPool strings;
  StringPool lists;  // lists of string ids, packed (see StringList)
  std::deque<HeldArticle> articles;
  BlockList<HeldEntity> entities;
  // The entities with a date, place or kind (events): their indices in `entities`, ascending,
  // and their fields.
  std::vector<std::uint64_t> event_entities;
  std::vector<HeldEvent> events;
  std::deque<HeldRelation> relations;  // when there is no spill file
  // When set, evidence sentences, titles and relations are written there rather than held
  // (issue 8: about half of what an article holds); else they are appended to `texts` and
  // `relations`. `status` keeps the first failure to write or read them.
  SpillFile* spill = nullptr;
  std::string texts;
  Status status = Status::ok();

  // Takes one article graph (its token references are dropped: merge does not read them).
  void add(ArticleGraph&& graph, std::uint64_t ordinal);
  // Writes a text to the spill file (or `texts`) and says where it is.
  HeldText put_text(std::string_view text);
  // A held text read back; empty (and `status` failed) when it cannot be read.
  std::string text(HeldText where);
  // Keeps the articles at `order` (indices into `articles`), in that order.
  void keep(const std::vector<std::size_t>& order);

  std::size_t size() const { return articles.size(); }
  const std::string& source(std::size_t a) const { return strings[articles[a].source]; }
  EntityRef entity(std::size_t a, std::uint32_t e) const;
  // The pool id of the name of entity e of article a.
  std::uint32_t name_id(std::size_t a, std::uint32_t e) const;
  // The event fields of entities[index] (all 0 for an entity that is not an event).
  const HeldEvent& event(std::uint64_t index) const;
  // Relation r of article a; from the spill file, an article's relations are read at once
  // (a failed read gives a relation of nothing, and `status` fails).
  HeldRelation relation(std::size_t a, std::uint32_t r);

 private:
  std::vector<HeldRelation> read_relations_;  // the last article's relations read back
  std::uint64_t read_relations_at_ = UINT64_MAX;
};

}  // namespace newsgraph
