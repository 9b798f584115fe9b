#include "merge/held_articles.hpp"

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

std::uint32_t intern_list(const std::vector<std::string>& items, StringPool& strings, StringPool& lists) {
  std::string ids(4 * items.size(), '\0');
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::uint32_t id = strings.intern(items[i]);
    std::memcpy(ids.data() + 4 * i, &id, 4);
  }
  return lists.intern(ids);
}

}  // namespace

void HeldArticles::add(ArticleGraph&& graph, std::uint64_t ordinal) {
  HeldArticle& article = articles.emplace_back();
  article.id = std::move(graph.article_id);
  article.source = strings.intern(graph.source);
  article.title = std::move(graph.title);
  article.date = std::move(graph.date);
  article.url = std::move(graph.url);
  article.ordinal = ordinal;
  article.first_entity = entities.size();
  article.entity_count = static_cast<std::uint32_t>(graph.entities.size());
  for (const ArticleEntity& entity : graph.entities) {
    HeldEntity& held = entities.emplace_back();
    held.type = entity.type;
    held.name = strings.intern(entity.name);
    held.aliases = intern_list(entity.aliases, strings, lists);
    held.mentions = entity.mentions;
    held.date = strings.intern(entity.date);
    held.place = strings.intern(entity.place);
    held.event_kind = strings.intern(entity.event_kind);
    held.alias_rules = intern_list(entity.alias_rules, strings, lists);
  }
  article.first_relation = relations.size();
  article.relation_count = static_cast<std::uint32_t>(graph.relations.size());
  for (ArticleRelation& relation : graph.relations) {
    HeldRelation& held = relations.emplace_back();
    held.type = relation.type;
    held.source = relation.source;
    held.target = relation.target;
    held.evidence_article = strings.intern(relation.evidence.article_id);
    held.sentence = relation.evidence.sentence;
    held.begin = relation.evidence.begin;
    held.end = relation.evidence.end;
    held.rule = strings.intern(relation.evidence.rule);
    held.status = strings.intern(relation.status);
    held.sentence_text = std::move(relation.evidence.sentence_text);
    held.sentence_text.shrink_to_fit();
    held.text = std::move(relation.text);
    held.text.shrink_to_fit();
  }
  article.title.shrink_to_fit();
  article.url.shrink_to_fit();
  graph = ArticleGraph();
}

void HeldArticles::keep(const std::vector<std::size_t>& order) {
  std::deque<HeldArticle> kept;
  for (std::size_t a : order) kept.push_back(std::move(articles[a]));
  articles = std::move(kept);
}

EntityRef HeldArticles::entity(std::size_t a, std::uint32_t e) const {
  const HeldEntity& held = entities[articles[a].first_entity + e];
  return {held.type,
          strings[held.name],
          StringList(strings, lists[held.aliases]),
          held.mentions,
          strings[held.date],
          strings[held.place],
          strings[held.event_kind],
          StringList(strings, lists[held.alias_rules])};
}

}  // namespace newsgraph
