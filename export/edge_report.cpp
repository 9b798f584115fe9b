#include "export/edge_report.hpp"

#include "core/atomic_file.hpp"

namespace newsgraph {

std::string edge_report(const KnowledgeGraph& kg) {
  std::string out;
  for (const Edge e : boost::make_iterator_range(boost::edges(kg.graph))) {
    const RelationEdge& edge = kg.graph[e];
    out += std::string(to_string(edge.type)) + " " + kg.graph[boost::source(e, kg.graph)].id + " -> " +
           kg.graph[boost::target(e, kg.graph)].id + " weight=" + std::to_string(edge.weight()) +
           " articles=" + std::to_string(kg.article_ids(edge).size());
    if (!edge.status.empty()) out += " status=" + edge.status;
    if (!edge.text.empty()) out += " claim=\"" + edge.text + "\"";
    out += "\n";
    for (const EdgeEvidence& evidence : edge.evidence) {
      std::string sentence = kg.sentence(evidence);
      for (char& c : sentence)
        if (c == '\n' || c == '\r') c = ' ';
      out += "    " + kg.article_id(evidence) + " [" + std::to_string(evidence.begin) + "," +
             std::to_string(evidence.end) + ") " + kg.rule(evidence) + ": " + sentence + "\n";
    }
  }
  return out;
}

Status write_edge_report(const KnowledgeGraph& kg, const std::string& path) {
  const std::string report = edge_report(kg);
  if (Status status = kg.sentences_status(); !status) return status;  // a sentence missing from it
  return write_file_atomically(path, report);
}

}  // namespace newsgraph
