#include "extract/extract.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "extract/names.hpp"

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

ArticleGraph extract_article(const Document& doc) {
  ArticleGraph graph;
  graph.article_id = doc.article.id;
  graph.source = doc.article.source;
  graph.title = doc.article.title;
  graph.date = doc.article.date;
  graph.url = doc.article.url;

  // Entities: mentions grouped by (type, key); the index of each mention's entity kept.
  std::map<std::pair<EntityType, std::string>, std::uint32_t> entity_of_key;
  std::vector<std::int64_t> entity_of_mention(doc.mentions.size(), -1);
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const Mention& mention = doc.mentions[m];
    if (mention.type == EntityType::Misc || mention.type == EntityType::Event) continue;
    const std::string surface(doc.span_text(mention.first_token, mention.end_token));
    std::string key = name_key(surface);
    if (key.empty()) continue;
    auto [it, added] = entity_of_key.try_emplace({mention.type, std::move(key)},
                                                 static_cast<std::uint32_t>(graph.entities.size()));
    if (added) graph.entities.push_back({mention.type, surface, {}, 0, {}, {}});
    ArticleEntity& entity = graph.entities[it->second];
    entity.aliases.push_back(surface);
    ++entity.mentions;
    if (surface.size() > entity.name.size()) entity.name = surface;
    entity_of_mention[m] = it->second;
  }
  for (ArticleEntity& entity : graph.entities) {
    std::sort(entity.aliases.begin(), entity.aliases.end());
    entity.aliases.erase(std::unique(entity.aliases.begin(), entity.aliases.end()), entity.aliases.end());
  }

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
