#include "extract/extract.hpp"

#include <algorithm>

#include "extract/entities.hpp"
#include "extract/relations.hpp"

namespace newsgraph {

Evidence sentence_evidence(const Document& doc, std::uint32_t sentence) {
  const Sentence& sent = doc.sentences[sentence];
  Evidence evidence;
  evidence.article_id = doc.article.id;
  evidence.sentence = sentence;
  if (sent.end_token > sent.first_token) {
    evidence.begin = doc.tokens[sent.first_token].begin;
    evidence.end = doc.tokens[sent.end_token - 1].end;
    evidence.sentence_text = std::string(doc.span_text(sent.first_token, sent.end_token));
  }
  return evidence;
}

ArticleGraph extract_article(const Document& doc, const NameLexicon& lexicon) {
  ArticleGraph graph;
  graph.article_id = doc.article.id;
  graph.source = doc.article.source;
  graph.title = doc.article.title;
  graph.date = doc.article.date;
  graph.url = doc.article.url;

  ResolvedEntities resolved = resolve_entities(doc, lexicon);
  graph.entities = std::move(resolved.entities);
  graph.references = std::move(resolved.references);
  extract_relations(doc, lexicon, graph);
  return graph;
}

}  // namespace newsgraph
