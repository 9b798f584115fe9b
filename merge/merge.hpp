// merge/: cross-article resolution. Many ArticleGraphs -> the nodes and relation sightings
// of one KnowledgeGraph.
//
// For issue 3, entities are merged on (type, name_key) only; issue 6 replaces this with
// real entity resolution. Runs once, single-threaded, over articles in input order, so the
// result does not depend on how extraction was scheduled.
#pragma once

#include <span>
#include <vector>

#include "core/document.hpp"
#include "graph/knowledge_graph.hpp"

namespace newsgraph {

struct MergedGraph {
  std::vector<EntityNode> nodes;
  std::vector<RelationSighting> sightings;
  std::vector<ArticleInfo> articles;
};

// Node ids are "<type prefix>:<slug of the label>", made unique by a numeric suffix in key
// order. The label is the most frequent surface form (ties: the longest, then the first
// in byte order).
MergedGraph merge_articles(std::span<const ArticleGraph> articles);

}  // namespace newsgraph
