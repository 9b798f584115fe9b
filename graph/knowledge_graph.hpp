// KnowledgeGraph: the merged graph of all articles, on Boost.Graph, ready for export/.
//
// Nodes are entities and events with stable ids; edges are typed relations, one edge per
// (source, target, type) with all the evidence that supports it. Vertices are added in
// sorted id order and edges in sorted (source, target, type) order, so iteration order —
// and therefore every export — is deterministic. graph/ knows no file format.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/status.hpp"

namespace newsgraph {

// One node: an entity (Person, Organization, Place) or an Event.
struct EntityNode {
  std::string id;                    // stable, e.g. "person:steve-witkoff" (an XML NMTOKEN)
  std::string label;                 // canonical name
  EntityType type = EntityType::Person;
  std::vector<std::string> aliases;  // every surface form, sorted, unique
  std::uint32_t mentions = 0;
  // The articles that mention it, as indices in KnowledgeGraph::articles (so in id order),
  // one per article id (issue 8, memory: a string per node and article was a third of a
  // large graph). Given to build_graph(), indices in the articles given with it.
  std::vector<std::uint32_t> sources;
  std::string date;                  // events: ISO 8601 when known
  std::string place;                 // events: the place's label
};

// One edge: a typed relation with every sentence that supports it.
struct RelationEdge {
  RelationType type = RelationType::CoOccurs;
  std::vector<Evidence> evidence;    // sorted by (article_id, begin), unique
  std::vector<std::string> sources;  // article ids, sorted, unique
  std::string text;                  // claimed: the claim of the best evidence
  std::string status;                // met-with: "held" or "planned"

  std::uint32_t weight() const { return static_cast<std::uint32_t>(evidence.size()); }
  bool symmetric() const { return is_symmetric(type); }
  // The evidence shown when only one sentence fits: the first in article order.
  const Evidence& best_evidence() const { return evidence.front(); }
};

// Article metadata kept for provenance (JSON-LD NewsArticle nodes).
struct ArticleInfo {
  std::string id;
  std::string source;
  std::string title;
  std::string date;
  std::string url;
  // Where the title is when it is not held (as Evidence::sentence_at): read by KnowledgeGraph::title().
  std::uint64_t title_at = 0;
  std::uint32_t title_size = 0;
};

// Where the evidence sentences that a graph does not hold are (issue 8, memory: a large merge's
// sentences stay in its temporary file until they are exported). A failed read gives "" and
// is kept: status() says so, and no output written since may be kept.
class SentenceSource {
 public:
  virtual ~SentenceSource() = default;
  virtual std::string sentence(std::uint64_t at, std::uint32_t size) = 0;
  virtual Status status() const = 0;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                    EntityNode, RelationEdge>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

struct KnowledgeGraph {
  Graph graph;
  std::map<std::string, Vertex> index;  // node id -> vertex
  std::vector<ArticleInfo> articles;    // sorted by id
  SentenceSource* sentences = nullptr;  // the evidence sentences not held; must outlive the graph's use

  // An evidence's sentence and an article's title, held or read from `sentences`.
  std::string sentence(const Evidence& evidence) const {
    return held_or_read(evidence.sentence_text, evidence.sentence_at, evidence.sentence_size);
  }
  std::string title(const ArticleInfo& article) const {
    return held_or_read(article.title, article.title_at, article.title_size);
  }
  // Failed when a sentence could not be read: what was written with it must not be kept.
  Status sentences_status() const { return sentences ? sentences->status() : Status::ok(); }

  // The ids of the articles at `indices` (EntityNode::sources), in that order.
  std::vector<std::string> article_ids(const std::vector<std::uint32_t>& indices) const {
    std::vector<std::string> ids;
    ids.reserve(indices.size());
    for (std::uint32_t i : indices) ids.push_back(articles[i].id);
    return ids;
  }

  KnowledgeGraph() = default;
  KnowledgeGraph(const KnowledgeGraph&) = default;
  KnowledgeGraph& operator=(const KnowledgeGraph&) = default;
  // boost::adjacency_list has no move operations, and its swap() copies: moving a graph
  // copied every node and edge, two graphs at once at a merge's peak (issue 8, memory). Moves
  // swap the vertex vector and the edge list instead (public members of Boost's vecS graph;
  // the vertices' edge lists point into the edge list's nodes, which a std::list swap keeps).
  KnowledgeGraph(KnowledgeGraph&& other) noexcept { swap(other); }
  KnowledgeGraph& operator=(KnowledgeGraph&& other) noexcept {
    KnowledgeGraph(std::move(other)).swap(*this);
    return *this;
  }
  void swap(KnowledgeGraph& other) noexcept {
    graph.m_vertices.swap(other.graph.m_vertices);
    graph.m_edges.swap(other.graph.m_edges);
    index.swap(other.index);
    articles.swap(other.articles);
    std::swap(sentences, other.sentences);
  }

 private:
  std::string held_or_read(const std::string& held, std::uint64_t at, std::uint32_t size) const {
    if (size == 0 || sentences == nullptr) return held;
    return sentences->sentence(at, size);
  }
};

// One sighting of a relation between two nodes, by node id.
struct RelationSighting {
  std::string source_id;
  std::string target_id;
  RelationType type;
  Evidence evidence;
  std::string text;
  std::string status;
};

// The same, naming its nodes by their index in the list of nodes given with it: what the merge
// makes. Its strings are not its own: they point into whoever made the sightings (the merge's
// MergedGraph::strings), which must outlive build_graph (issue 8, memory: with its own copies of
// the evidence's strings a sighting took about 250 bytes, and the sightings of a large merge
// peaked with its resolution).
struct NodeSighting {
  std::uint32_t source;
  std::uint32_t target;
  RelationType type;
  std::uint32_t sentence = 0;  // the evidence's place (Evidence::sentence, begin, end)
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  const std::string* article_id;
  const std::string* rule;
  const std::string* text;
  const std::string* status;
  // The sentence when held; else (null) it is where sentence_at and sentence_size say, in the
  // SentenceSource given to build_graph.
  const std::string* sentence_text = nullptr;
  std::uint64_t sentence_at = 0;
  std::uint32_t sentence_size = 0;
};

// Builds the graph: nodes sorted by id; sightings aggregated per (source, target, type) —
// symmetric types with the lower id first — evidence sorted and deduplicated, sources
// collected. A sighting naming an unknown node or a self-loop is dropped.
KnowledgeGraph build_graph(std::vector<EntityNode> nodes, std::vector<RelationSighting> sightings,
                           std::vector<ArticleInfo> articles);
// The same from sightings by node index; node ids must be unique. A sighting without a held
// sentence keeps where it is (Evidence::sentence_at), read from `sentences` when exported.
KnowledgeGraph build_graph(std::vector<EntityNode> nodes, std::deque<NodeSighting> sightings,
                           std::vector<ArticleInfo> articles, SentenceSource* sentences = nullptr);

// Counts for summaries: nodes per type and edges per relation type.
std::map<EntityType, std::size_t> count_nodes_by_type(const KnowledgeGraph& kg);
std::map<RelationType, std::size_t> count_edges_by_type(const KnowledgeGraph& kg);

}  // namespace newsgraph
