// merge/: cross-article entity resolution (issue 6). Many ArticleGraphs -> the nodes and
// relation sightings of one KnowledgeGraph, with an explanation of every merge.
//
// Each article entity is a record. Records join one node by these rules, in order; each is
// a rule of evidence, and a pair that no rule confirms stays two nodes (precision first):
//   same-name         the same canonical key: NFKD without marks, case-folded, transliterated
//                     to ASCII (ICU "Any-Latin; Latin-ASCII"), 's and honorifics dropped
//                     (people), country short forms folded through the NameLexicon ("US",
//                     "U.S.", "America" -> "united states"). Same type, or a name of two or
//                     more words (then the type is decided by votes). Events: same name.
//   alias             a record's key is a multiword or acronym form that another record's
//                     article linked to its entity ("RDIF" in one article, "Russian Direct
//                     Investment Fund (RDIF)" in another). The in-article link is the
//                     evidence: a type disagreement is left to the votes.
//   spelling-variant  two person names with as many words, given names compatible (equal, an
//                     initial, or a close spelling), surnames within a spelling distance
//                     scaled by length (0 below 6 letters, 1 up to 8, 2 beyond; measured on
//                     skeletons: ASCII, "ph"/"ck"/"v" folded, doubled letters once; a lone
//                     vowel change below 9 letters is a different name) with the same
//                     phonetic key, and at least one co-mentioned entity in common. Also a
//                     lone surname against the surnames of multiword person nodes, when one
//                     node only fits.
//   surname           a lone surname joins the one multiword person node ending with it; not
//                     when two or more fit ("Bush" with "George Bush" and "George W. Bush").
//                     A one-word record typed Place that the lexicon does not know as a place
//                     may join too; its type then votes a quarter.
//   acronym           a record named by an acronym ("WHO") joins the one multiword
//                     organisation or place node with those initials; not when two fit.
//   same-event        two events of one kind (meeting, phone call, ...) with two participants
//                     in common after the rules above, whose dates (every record's) and
//                     places do not disagree.
// Organisation names drop a legal-form suffix ("Group", "SpA", "Inc") from their key.
// Candidates come from blocking keys (canonical key, alias key, surname key, phonetic key),
// never from all pairs, so the work grows with n log n in records.
//
// A node's type is the vote of its records' mentions; its label the most complete form among
// the frequent ones; its aliases every surface form. Runs once, single-threaded, over
// articles in input order, so the result does not depend on how extraction was scheduled.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/status.hpp"
#include "extract/lexicon.hpp"
#include "graph/knowledge_graph.hpp"
#include "merge/held_articles.hpp"

namespace newsgraph {

// One form a node absorbed, and why.
struct MergeStep {
  std::string form;        // the surface form (an article entity's name, or one of its aliases)
  std::string article_id;  // where it was seen
  std::string rule;        // "same-name", "alias", "surname", "spelling-variant", or an
                           // in-article rule prefixed "in-article:" ("in-article:surname")
  std::string detail;      // what matched: the other form, distances, shared context
};

// The explanation of one node that holds more than one form or record.
struct NodeExplanation {
  std::string node_id;
  std::string label;
  EntityType type = EntityType::Person;
  std::uint32_t records = 0;  // article entities merged into the node
  std::vector<MergeStep> steps;
};

struct MergeExplanations {
  std::vector<NodeExplanation> nodes;  // sorted by node id
};

struct MergedGraph {
  MergedGraph() = default;
  MergedGraph(MergedGraph&&) = default;
  MergedGraph& operator=(MergedGraph&&) = default;
  MergedGraph(const MergedGraph&) = delete;  // a copy's sightings would point into this one's strings
  MergedGraph& operator=(const MergedGraph&) = delete;

  std::vector<EntityNode> nodes;  // sources: indices in `articles`
  std::deque<NodeSighting> sightings;  // by index in `nodes`; their strings are in `strings`
  std::unique_ptr<StringPool> strings;  // the articles' strings, moved in from the merge's input
  std::vector<ArticleInfo> articles;
  MergeExplanations explanations;
  Status status = Status::ok();  // failed when held evidence could not be read back (HeldArticles::spill)
  // The articles' spill file, when they had one: the sightings' sentences and the articles'
  // titles are left there (NodeSighting::sentence_at, ArticleInfo::title_at), for the graph
  // made from them to read when it is exported (KnowledgeGraph::sentences).
  SpillFile* spill = nullptr;
};

// Node ids are "<type prefix>:<slug of the label>", made unique by a numeric suffix in key
// order. `lexicon` is read-only.
MergedGraph merge_articles(std::span<const ArticleGraph> articles,
                           const NameLexicon& lexicon = NameLexicon::builtin());
// The same result from articles held in compact form (issue 8: what build and merge use);
// consumes `articles` (left empty), moving each article's evidence into the result, so that
// a large merge does not hold it twice.
MergedGraph merge_articles(HeldArticles&& articles, const NameLexicon& lexicon);

// Writes the explanations as text, atomically: per node a header line
// "<id>\t<label>\t<Type>\t<records> records", then one line per absorbed form
// "  <form>\t<rule>\t<article id>\t<detail>". The pipeline calls it for
// `newsgraph build --explain-merges FILE`.
Status write_merge_explanations(const MergeExplanations& explanations, const std::string& path);

}  // namespace newsgraph
