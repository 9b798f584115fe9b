#include "merge/merge.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "extract/names.hpp"

namespace newsgraph {
namespace {

struct Cluster {
  EntityType type;
  std::map<std::string, std::uint32_t> form_counts;  // surface form -> mentions
  std::uint32_t mentions = 0;
  std::set<std::string> sources;
  std::string date;
  std::string place;
};

std::string choose_label(const Cluster& cluster) {
  const std::pair<const std::string, std::uint32_t>* best = nullptr;
  for (const auto& entry : cluster.form_counts) {
    if (!best || entry.second > best->second ||
        (entry.second == best->second && entry.first.size() > best->first.size()))
      best = &entry;
  }
  return best ? best->first : std::string();
}

}  // namespace

MergedGraph merge_articles(std::span<const ArticleGraph> articles) {
  using Key = std::pair<EntityType, std::string>;
  std::map<Key, Cluster> clusters;
  std::vector<std::vector<const Key*>> key_of_entity(articles.size());

  for (std::size_t a = 0; a < articles.size(); ++a) {
    const ArticleGraph& article = articles[a];
    for (const ArticleEntity& entity : article.entities) {
      auto [it, added] = clusters.try_emplace({entity.type, name_key(entity.name)}, Cluster{entity.type, {}, 0, {}, {}, {}});
      Cluster& cluster = it->second;
      // Every alias counts once per article; the article's fullest form counts its mentions.
      for (const std::string& alias : entity.aliases) cluster.form_counts[alias] += 1;
      cluster.form_counts[entity.name] += entity.mentions;
      cluster.mentions += entity.mentions;
      cluster.sources.insert(article.article_id);
      if (cluster.date.empty()) cluster.date = entity.date;
      if (cluster.place.empty()) cluster.place = entity.place;
      key_of_entity[a].push_back(&it->first);
    }
  }

  MergedGraph merged;
  std::map<const Key*, std::string> id_of_key;
  std::set<std::string> used_ids;
  for (const auto& [key, cluster] : clusters) {
    EntityNode node;
    node.type = cluster.type;
    node.label = choose_label(cluster);
    const std::string base = std::string(id_prefix(cluster.type)) + ":" + name_slug(node.label);
    node.id = base;
    for (int n = 2; used_ids.count(node.id); ++n) node.id = base + "-" + std::to_string(n);
    used_ids.insert(node.id);
    for (const auto& [form, count] : cluster.form_counts) node.aliases.push_back(form);
    node.mentions = cluster.mentions;
    node.sources.assign(cluster.sources.begin(), cluster.sources.end());
    node.date = cluster.date;
    node.place = cluster.place;
    id_of_key[&key] = node.id;
    merged.nodes.push_back(std::move(node));
  }

  for (std::size_t a = 0; a < articles.size(); ++a) {
    const ArticleGraph& article = articles[a];
    merged.articles.push_back({article.article_id, article.source, article.title, article.date, article.url});
    for (const ArticleRelation& rel : article.relations) {
      merged.sightings.push_back({id_of_key.at(key_of_entity[a][rel.source]), id_of_key.at(key_of_entity[a][rel.target]),
                                  rel.type, rel.evidence, rel.text, rel.status});
    }
  }
  return merged;
}

}  // namespace newsgraph
