#include "graph/knowledge_graph.hpp"

#include <algorithm>
#include <deque>
#include <tuple>

namespace newsgraph {
namespace {

template <typename T>
void sort_unique(std::vector<T>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

bool evidence_less(const NodeSighting& a, const NodeSighting& b) {
  return std::tie(*a.article_id, a.begin, a.end, *a.rule) < std::tie(*b.article_id, b.begin, b.end, *b.rule);
}

bool same_sentence(const NodeSighting& a, const NodeSighting& b) {
  return *a.article_id == *b.article_id && a.begin == b.begin && a.end == b.end;
}

const std::string kEmpty;

}  // namespace

KnowledgeGraph build_graph(std::vector<EntityNode> nodes, std::deque<NodeSighting> sightings,
                           std::vector<ArticleInfo> articles, SentenceSource* sentences) {
  KnowledgeGraph kg;
  kg.sentences = sentences;
  // Articles by id (sorting their indices orders them as sorting them would), and where each
  // given article went, for the nodes' article lists.
  std::vector<std::uint32_t> by_id(articles.size());
  for (std::uint32_t i = 0; i < by_id.size(); ++i) by_id[i] = i;
  std::sort(by_id.begin(), by_id.end(), [&](std::uint32_t a, std::uint32_t b) { return articles[a].id < articles[b].id; });
  std::vector<std::uint32_t> position_of(articles.size());
  kg.articles.reserve(articles.size());
  for (std::uint32_t p = 0; p < by_id.size(); ++p) {
    position_of[by_id[p]] = p;
    kg.articles.push_back(std::move(articles[by_id[p]]));
  }
  std::vector<ArticleInfo>().swap(articles);
  const auto same_id = [&](std::uint32_t a, std::uint32_t b) { return kg.articles[a].id == kg.articles[b].id; };

  // Vertices in id order, so that comparing two vertices compares their ids.
  std::vector<std::uint32_t> order(nodes.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return nodes[a].id < nodes[b].id; });
  std::vector<Vertex> vertex_of(nodes.size());
  for (std::uint32_t i : order) {
    EntityNode& node = nodes[i];
    sort_unique(node.aliases);
    std::erase_if(node.sources, [&](std::uint32_t a) { return a >= position_of.size(); });
    for (std::uint32_t& a : node.sources) a = position_of[a];
    std::sort(node.sources.begin(), node.sources.end());
    node.sources.erase(std::unique(node.sources.begin(), node.sources.end(), same_id), node.sources.end());
    // Boost's add_vertex and add_edge copy their property: add an empty one and move into it,
    // so that the input's nodes and evidence are not held twice (issue 8, memory).
    const Vertex v = boost::add_vertex(kg.graph);
    vertex_of[i] = v;
    kg.index.emplace(node.id, v);
    kg.graph[v] = std::move(node);
  }
  std::vector<EntityNode>().swap(nodes);

  for (NodeSighting& s : sightings) {
    s.source = static_cast<std::uint32_t>(vertex_of[s.source]);
    s.target = static_cast<std::uint32_t>(vertex_of[s.target]);
    if (is_symmetric(s.type) && s.target < s.source) std::swap(s.source, s.target);
  }
  std::sort(sightings.begin(), sightings.end(), [](const NodeSighting& a, const NodeSighting& b) {
    return std::tie(a.source, a.target, a.type) < std::tie(b.source, b.target, b.type) ||
           (std::tie(a.source, a.target, a.type) == std::tie(b.source, b.target, b.type) &&
            evidence_less(a, b));
  });

  // Evidence names its article and rule by index (issue 8, memory): an article by its place in
  // kg.articles (the first of its id), else after them in other_article_ids; a rule in kg.rules.
  std::map<std::string, std::uint32_t> other_article_index, rule_index;
  const auto article_index = [&](const std::string& id) {
    const auto it = std::lower_bound(kg.articles.begin(), kg.articles.end(), id,
                                     [](const ArticleInfo& a, const std::string& b) { return a.id < b; });
    if (it != kg.articles.end() && it->id == id) return static_cast<std::uint32_t>(it - kg.articles.begin());
    const auto [other, added] = other_article_index.try_emplace(
        id, static_cast<std::uint32_t>(kg.articles.size() + kg.other_article_ids.size()));
    if (added) kg.other_article_ids.push_back(id);
    return other->second;
  };
  const auto rule = [&](const std::string& name) {
    const auto [it, added] = rule_index.try_emplace(name, static_cast<std::uint32_t>(kg.rules.size()));
    if (added) kg.rules.push_back(name);
    return it->second;
  };
  // A held sentence is kept once for all the sightings that share it.
  std::map<const std::string*, std::uint64_t> held_index;
  const auto held = [&](const std::string* sentence) {
    const auto [it, added] = held_index.emplace(sentence, kg.held_sentences.size());
    if (added) kg.held_sentences.push_back(*sentence);
    return it->second;
  };

  // Each group of sightings leaves the deque as its edge is made, so that the sightings shrink
  // as the edges grow (issue 8: the sightings and the edges were the peak of a merge).
  while (!sightings.empty()) {
    std::size_t j = 1;
    while (j < sightings.size() && sightings[j].source == sightings[0].source &&
           sightings[j].target == sightings[0].target && sightings[j].type == sightings[0].type)
      ++j;
    if (sightings[0].source != sightings[0].target) {
      RelationEdge edge;
      edge.type = sightings[0].type;
      // Best evidence first (sightings are sorted); one entry per sentence, reserved exactly.
      std::size_t sentences_seen = 0;
      for (std::size_t k = 0; k < j; ++k)
        if (k == 0 || !same_sentence(sightings[k - 1], sightings[k])) ++sentences_seen;
      edge.evidence.reserve(sentences_seen);
      for (std::size_t k = 0; k < j; ++k) {
        const NodeSighting& s = sightings[k];
        if (k > 0 && same_sentence(sightings[k - 1], s)) continue;
        // An empty sentence is held too (as ""): a size of 0 means held.
        const bool is_held = s.sentence_text != nullptr || s.sentence_size == 0;
        edge.evidence.push_back({article_index(*s.article_id), s.sentence, s.begin, s.end, rule(*s.rule),
                                 is_held ? 0 : s.sentence_size,
                                 is_held ? held(s.sentence_text ? s.sentence_text : &kEmpty) : s.sentence_at});
      }
      edge.text = *sightings[0].text;
      // A meeting seen held anywhere is held; planned only when every sighting says so.
      for (std::size_t k = 0; k < j; ++k)
        if (!sightings[k].status->empty() && (edge.status.empty() || *sightings[k].status == "held"))
          edge.status = *sightings[k].status;
      kg.graph[boost::add_edge(sightings[0].source, sightings[0].target, kg.graph).first] = std::move(edge);
    }
    for (std::size_t k = 0; k < j; ++k) sightings.pop_front();
  }

  return kg;
}

KnowledgeGraph build_graph(std::vector<EntityNode> nodes, std::vector<RelationSighting> sightings,
                           std::vector<ArticleInfo> articles) {
  // Node ids are unique by contract; of two nodes with one id the first is kept.
  std::map<std::string, std::uint32_t> index_of;
  std::vector<EntityNode> unique;
  for (EntityNode& node : nodes)
    if (index_of.emplace(node.id, static_cast<std::uint32_t>(unique.size())).second) unique.push_back(std::move(node));
  std::deque<NodeSighting> by_index;
  for (const RelationSighting& s : sightings) {  // the sightings point into these
    const auto source = index_of.find(s.source_id);
    const auto target = index_of.find(s.target_id);
    if (source == index_of.end() || target == index_of.end()) continue;
    by_index.push_back({source->second, target->second, s.type, s.evidence.sentence, s.evidence.begin, s.evidence.end,
                        &s.evidence.article_id, &s.evidence.rule, &s.text, &s.status, &s.evidence.sentence_text});
  }
  return build_graph(std::move(unique), std::move(by_index), std::move(articles));
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
