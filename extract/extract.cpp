#include "extract/extract.hpp"

#include <algorithm>

#include "extract/entities.hpp"

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
  const std::vector<std::int32_t>& entity_of_mention = resolved.entity_of_mention;

  // Co-occurrence: every pair of distinct entities named in one sentence.
  std::size_t m = 0;
  for (std::uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    std::vector<std::uint32_t> in_sentence;
    while (m < doc.mentions.size() && doc.mentions[m].first_token < sent.end_token) {
      if (doc.mentions[m].first_token >= sent.first_token && entity_of_mention[m] >= 0)
        in_sentence.push_back(static_cast<std::uint32_t>(entity_of_mention[m]));
      ++m;
    }
    std::sort(in_sentence.begin(), in_sentence.end());
    in_sentence.erase(std::unique(in_sentence.begin(), in_sentence.end()), in_sentence.end());
    if (in_sentence.size() < 2) continue;
    Evidence evidence = sentence_evidence(doc, s);
    evidence.rule = "sentence-co-occurrence";
    for (std::size_t a = 0; a < in_sentence.size(); ++a)
      for (std::size_t b = a + 1; b < in_sentence.size(); ++b)
        graph.relations.push_back({RelationType::CoOccurs, in_sentence[a], in_sentence[b], evidence, {}, {}});
  }
  return graph;
}

}  // namespace newsgraph
