#include "graph/knowledge_graph.hpp"

#include <algorithm>
#include <tuple>

namespace newsgraph {
namespace {

template <typename T>
void sort_unique(std::vector<T>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

bool evidence_less(const Evidence& a, const Evidence& b) {
  return std::tie(a.article_id, a.begin, a.end, a.rule) < std::tie(b.article_id, b.begin, b.end, b.rule);
}

bool same_sentence(const Evidence& a, const Evidence& b) {
  return a.article_id == b.article_id && a.begin == b.begin && a.end == b.end;
}

}  // namespace

KnowledgeGraph build_graph(std::vector<EntityNode> nodes, std::vector<RelationSighting> sightings,
                           std::vector<ArticleInfo> articles) {
  KnowledgeGraph kg;
  std::sort(nodes.begin(), nodes.end(), [](const EntityNode& a, const EntityNode& b) { return a.id < b.id; });
  for (EntityNode& node : nodes) {
    if (kg.index.count(node.id)) continue;  // ids are unique by contract; keep the first
    sort_unique(node.aliases);
    sort_unique(node.sources);
    // Boost's add_vertex and add_edge copy their property: add an empty one and move into it,
    // so that the input's nodes and evidence are not held twice (issue 8, memory).
    const Vertex v = boost::add_vertex(kg.graph);
    kg.index.emplace(node.id, v);
    kg.graph[v] = std::move(node);
  }

  for (RelationSighting& s : sightings) {
    if (is_symmetric(s.type) && s.target_id < s.source_id) std::swap(s.source_id, s.target_id);
  }
  std::sort(sightings.begin(), sightings.end(), [](const RelationSighting& a, const RelationSighting& b) {
    return std::tie(a.source_id, a.target_id, a.type) < std::tie(b.source_id, b.target_id, b.type) ||
           (std::tie(a.source_id, a.target_id, a.type) == std::tie(b.source_id, b.target_id, b.type) &&
            evidence_less(a.evidence, b.evidence));
  });

  for (std::size_t i = 0; i < sightings.size();) {
    std::size_t j = i;
    while (j < sightings.size() && sightings[j].source_id == sightings[i].source_id &&
           sightings[j].target_id == sightings[i].target_id && sightings[j].type == sightings[i].type)
      ++j;
    const auto source = kg.index.find(sightings[i].source_id);
    const auto target = kg.index.find(sightings[i].target_id);
    if (source != kg.index.end() && target != kg.index.end() && source->second != target->second) {
      RelationEdge edge;
      edge.type = sightings[i].type;
      // Best evidence first (sightings are sorted); one entry per sentence.
      for (std::size_t k = i; k < j; ++k) {
        if (!edge.evidence.empty() && same_sentence(edge.evidence.back(), sightings[k].evidence)) continue;
        edge.sources.push_back(sightings[k].evidence.article_id);
        edge.evidence.push_back(std::move(sightings[k].evidence));  // not read again: held once
      }
      edge.text = sightings[i].text;
      // A meeting seen held anywhere is held; planned only when every sighting says so.
      for (std::size_t k = i; k < j; ++k)
        if (!sightings[k].status.empty() && (edge.status.empty() || sightings[k].status == "held"))
          edge.status = sightings[k].status;
      sort_unique(edge.sources);
      kg.graph[boost::add_edge(source->second, target->second, kg.graph).first] = std::move(edge);
    }
    i = j;
  }

  std::sort(articles.begin(), articles.end(), [](const ArticleInfo& a, const ArticleInfo& b) { return a.id < b.id; });
  kg.articles = std::move(articles);
  return kg;
}

std::map<EntityType, std::size_t> count_nodes_by_type(const KnowledgeGraph& kg) {
  std::map<EntityType, std::size_t> counts;
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph))) ++counts[kg.graph[v].type];
  return counts;
}

std::map<RelationType, std::size_t> count_edges_by_type(const KnowledgeGraph& kg) {
  std::map<RelationType, std::size_t> counts;
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) ++counts[kg.graph[e].type];
  return counts;
}

}  // namespace newsgraph
