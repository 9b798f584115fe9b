#include "merge/held_articles.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <type_traits>

namespace newsgraph {

std::uint32_t StringPool::intern(std::string_view text) {
  const auto found = ids_.find(text);
  if (found != ids_.end()) return found->second;
  const auto id = static_cast<std::uint32_t>(strings_.size());
  const std::string& kept = strings_.emplace_back(text);
  ids_.emplace(std::string_view(kept), id);
  return id;
}

namespace {

constexpr std::size_t kSpillBuffer = 1u << 20;

std::string spill_error(const std::string& dir, const char* what, int error) {
  return "temporary file in " + dir + ": cannot " + what + ": " + std::strerror(error);
}

}  // namespace

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

Status SpillFile::open(const std::string& dir) {
  const char* tmpdir = std::getenv("TMPDIR");
  dir_ = !dir.empty() ? dir : (tmpdir && *tmpdir ? tmpdir : "/tmp");
  std::string path = dir_ + "/newsgraph-evidence-XXXXXX";
  fd_ = ::mkstemp(path.data());
  if (fd_ < 0) return Status::error(spill_error(dir_, "create", errno));
  ::unlink(path.c_str());  // gone on every exit; the open descriptor keeps it readable
  return Status::ok();
}

Status SpillFile::flush() {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::pwrite(fd_, buffer_.data() + done, buffer_.size() - done, static_cast<off_t>(written_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::error(spill_error(dir_, "write", n < 0 ? errno : ENOSPC));
    done += static_cast<std::size_t>(n);
  }
  written_ += buffer_.size();
  buffer_.clear();
  return Status::ok();
}

Status SpillFile::append(std::string_view text, std::uint64_t& offset) {
  offset = written_ + buffer_.size();
  buffer_.append(text);
  return buffer_.size() >= kSpillBuffer ? flush() : Status::ok();
}

Status SpillFile::read(std::uint64_t offset, std::uint32_t size, std::string& out) {
  if (offset + size > written_) {
    if (Status status = flush(); !status) return status;
  }
  out.resize(size);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd_, out.data() + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::error(spill_error(dir_, "read back", n < 0 ? errno : EIO));
    done += static_cast<std::size_t>(n);
  }
  return Status::ok();
}

std::string SpillFile::sentence(std::uint64_t at, std::uint32_t size) {
  std::string text;
  if (!sentence_status_) return text;
  sentence_status_ = read(at, size, text);
  if (!sentence_status_) text.clear();
  return text;
}

namespace {

// An entity's name, aliases and alias rules as one list (see HeldEntity).
std::uint32_t intern_list(const ArticleEntity& entity, StringPool& strings, StringPool& lists) {
  std::string ids(4 * (2 + entity.aliases.size() + entity.alias_rules.size()), '\0');
  const std::uint32_t name = strings.intern(entity.name);
  const auto count = static_cast<std::uint32_t>(entity.aliases.size());
  std::memcpy(ids.data(), &name, 4);
  std::memcpy(ids.data() + 4, &count, 4);
  std::size_t at = 8;
  for (const std::vector<std::string>* items : {&entity.aliases, &entity.alias_rules})
    for (const std::string& item : *items) {
      const std::uint32_t id = strings.intern(item);
      std::memcpy(ids.data() + at, &id, 4);
      at += 4;
    }
  return lists.intern(ids);
}

}  // namespace

void HeldArticles::add(ArticleGraph&& graph, std::uint64_t ordinal) {
  HeldArticle& article = articles.emplace_back();
  article.id = std::move(graph.article_id);
  article.source = strings.intern(graph.source);
  article.title = put_text(graph.title);
  article.date = std::move(graph.date);
  article.url = std::move(graph.url);
  article.ordinal = ordinal;
  article.first_entity = entities.size();
  article.entity_count = static_cast<std::uint32_t>(graph.entities.size());
  for (const ArticleEntity& entity : graph.entities) {
    entities.emplace_back() = HeldEntity(intern_list(entity, strings, lists), entity.mentions, entity.type);
    const HeldEvent event{strings.intern(entity.date), strings.intern(entity.place), strings.intern(entity.event_kind)};
    if (event.date != 0 || event.place != 0 || event.event_kind != 0) {
      event_entities.push_back(entities.size() - 1);
      events.push_back(event);
    }
  }
  article.relation_count = static_cast<std::uint32_t>(graph.relations.size());
  std::string spilled;  // the relations' bytes, when they go to the spill file
  if (spill == nullptr) article.first_relation = relations.size();
  for (ArticleRelation& relation : graph.relations) {
    static_assert(std::is_trivially_copyable_v<HeldRelation>);  // written and read back as bytes
    HeldRelation held;
    std::memset(static_cast<void*>(&held), 0, sizeof held);  // no undefined padding bytes in the file
    held.type = relation.type;
    held.source = relation.source;
    held.target = relation.target;
    held.evidence_article = strings.intern(relation.evidence.article_id);
    held.sentence = relation.evidence.sentence;
    held.begin = relation.evidence.begin;
    held.end = relation.evidence.end;
    held.rule = strings.intern(relation.evidence.rule);
    held.status = strings.intern(relation.status);
    held.text = strings.intern(relation.text);
    held.sentence_text = put_text(relation.evidence.sentence_text);
    if (spill == nullptr) relations.push_back(held);
    else spilled.append(reinterpret_cast<const char*>(&held), sizeof held);
  }
  if (!spilled.empty() && status) status = spill->append(spilled, article.first_relation);
  article.url.shrink_to_fit();
  graph = ArticleGraph();
}

HeldText HeldArticles::put_text(std::string_view text) {
  HeldText where{0, static_cast<std::uint32_t>(text.size())};
  if (text.empty()) return where;
  if (spill == nullptr) {
    where.at = texts.size();
    texts.append(text);
  } else if (status) {
    status = spill->append(text, where.at);
  }
  return where;
}

std::string HeldArticles::text(HeldText where) {
  if (where.size == 0) return {};
  if (spill == nullptr) return texts.substr(where.at, where.size);
  std::string out;
  if (status) status = spill->read(where.at, where.size, out);
  return out;
}

HeldRelation HeldArticles::relation(std::size_t a, std::uint32_t r) {
  const HeldArticle& article = articles[a];
  if (spill == nullptr) return relations[article.first_relation + r];
  if (read_relations_at_ != article.first_relation) {
    read_relations_.assign(article.relation_count, HeldRelation{});
    std::string bytes;
    if (status) status = spill->read(article.first_relation, article.relation_count * sizeof(HeldRelation), bytes);
    if (!status) return HeldRelation{};
    std::memcpy(read_relations_.data(), bytes.data(), bytes.size());
    read_relations_at_ = article.first_relation;
  }
  return read_relations_[r];
}

void HeldArticles::keep(const std::vector<std::size_t>& order) {
  std::deque<HeldArticle> kept;
  for (std::size_t a : order) kept.push_back(std::move(articles[a]));
  articles = std::move(kept);
}

const HeldEvent& HeldArticles::event(std::uint64_t index) const {
  static const HeldEvent none;
  const auto it = std::lower_bound(event_entities.begin(), event_entities.end(), index);
  return it != event_entities.end() && *it == index ? events[it - event_entities.begin()] : none;
}

namespace {

// The i-th id of a packed list (0 past its end).
std::uint32_t word_at(std::string_view ids, std::size_t i) {
  std::uint32_t word = 0;
  if (ids.size() >= 4 * (i + 1)) std::memcpy(&word, ids.data() + 4 * i, 4);
  return word;
}

}  // namespace

std::uint32_t HeldArticles::name_id(std::size_t a, std::uint32_t e) const {
  return word_at(lists[entities[articles[a].first_entity + e].list()], 0);
}

EntityRef HeldArticles::entity(std::size_t a, std::uint32_t e) const {
  const std::uint64_t index = articles[a].first_entity + e;
  const HeldEntity& held = entities[index];
  const std::string_view ids = lists[held.list()];
  const std::size_t count = word_at(ids, 1);
  const std::string_view aliases = ids.size() >= 8 ? ids.substr(8, 4 * count) : std::string_view();
  const std::string_view rules = ids.size() >= 8 ? ids.substr(8 + 4 * count) : std::string_view();
  const HeldEvent& fields = event(index);
  return {held.type(),
          strings[word_at(ids, 0)],
          StringList(strings, aliases),
          held.mentions(),
          strings[fields.date],
          strings[fields.place],
          strings[fields.event_kind],
          StringList(strings, rules)};
}

}  // namespace newsgraph
