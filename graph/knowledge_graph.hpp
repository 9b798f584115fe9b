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

// One sentence that supports an edge: an Evidence by index into its graph (issue 8, memory:
// with its strings an Evidence took about 128 bytes, and a large merge's graph holds 1.5 M of
// them). KnowledgeGraph reads its article id, rule and sentence.
struct EdgeEvidence {
  std::uint32_t article = 0;   // KnowledgeGraph::article_id()
  std::uint32_t sentence = 0;  // as Evidence::sentence, begin, end
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t rule = 0;      // index in KnowledgeGraph::rules
  // The sentence: bytes [sentence_at, + sentence_size) of KnowledgeGraph::sentences; when
  // sentence_size is 0 (held, or empty), KnowledgeGraph::held_sentences[sentence_at].
  std::uint32_t sentence_size = 0;
  std::uint64_t sentence_at = 0;
};
static_assert(sizeof(EdgeEvidence) == 32);

// One edge: a typed relation with every sentence that supports it. Its articles are those of
// its evidence (KnowledgeGraph::article_ids).
struct RelationEdge {
  RelationType type = RelationType::CoOccurs;
  std::vector<EdgeEvidence> evidence;  // sorted by (article id, begin), unique
  std::string text;                    // claimed: the claim of the best evidence
  std::string status;                  // met-with: "held" or "planned"

  std::uint32_t weight() const { return static_cast<std::uint32_t>(evidence.size()); }
  bool symmetric() const { return is_symmetric(type); }
  // The evidence shown when only one sentence fits: the first in article order.
  const EdgeEvidence& best_evidence() const { return evidence.front(); }
};

// Article metadata kept for provenance (JSON-LD NewsArticle nodes).
struct ArticleInfo {
  std::string id;
  std::string source;
  std::string title;
  std::string date;
  std::string url;
  // Where the title is when it is not held (as EdgeEvidence::sentence_at): read by KnowledgeGraph::title().
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
  std::vector<std::string> rules;           // EdgeEvidence::rule, each once
  std::vector<std::string> held_sentences;  // EdgeEvidence with sentence_size 0
  // The article ids that evidence names and `articles` lacks (a graph built from sightings
  // alone): EdgeEvidence::article from articles.size() on.
  std::vector<std::string> other_article_ids;

  // An evidence's article id, rule and sentence (held or read from `sentences`).
  const std::string& article_id(const EdgeEvidence& evidence) const {
    return evidence.article < articles.size() ? articles[evidence.article].id
                                              : other_article_ids[evidence.article - articles.size()];
  }
  const std::string& rule(const EdgeEvidence& evidence) const { return rules[evidence.rule]; }
  std::string sentence(const EdgeEvidence& evidence) const {
    if (evidence.sentence_size == 0) return held_sentences[evidence.sentence_at];
    return sentences ? sentences->sentence(evidence.sentence_at, evidence.sentence_size) : std::string();
  }
  // An article's title, held or read from `sentences`.
  std::string title(const ArticleInfo& article) const {
    if (article.title_size == 0 || sentences == nullptr) return article.title;
    return sentences->sentence(article.title_at, article.title_size);
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
  // The ids of the articles of an edge's evidence, sorted, unique (its evidence is in article
  // order, one index per article id).
  std::vector<std::string> article_ids(const RelationEdge& edge) const {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < edge.evidence.size(); ++i)
      if (i == 0 || edge.evidence[i].article != edge.evidence[i - 1].article) ids.push_back(article_id(edge.evidence[i]));
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
    rules.swap(other.rules);
    held_sentences.swap(other.held_sentences);
    other_article_ids.swap(other.other_article_ids);
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
// symmetric types with the lower id first — evidence sorted and deduplicated. A sighting
// naming an unknown node or a self-loop is dropped.
KnowledgeGraph build_graph(std::vector<EntityNode> nodes, std::vector<RelationSighting> sightings,
                           std::vector<ArticleInfo> articles);
// The same from sightings by node index; node ids must be unique. A sighting without a held
// sentence keeps where it is (EdgeEvidence::sentence_at), read from `sentences` when exported.
KnowledgeGraph build_graph(std::vector<EntityNode> nodes, std::deque<NodeSighting> sightings,
                           std::vector<ArticleInfo> articles, SentenceSource* sentences = nullptr);

// Counts for summaries: nodes per type and edges per relation type.
std::map<EntityType, std::size_t> count_nodes_by_type(const KnowledgeGraph& kg);
std::map<RelationType, std::size_t> count_edges_by_type(const KnowledgeGraph& kg);

}  // namespace newsgraph
