#include "pipeline/annotators.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <numeric>
#include <optional>
#include <thread>

#include "extract/extract.hpp"
#include "tokenize/tokenize.hpp"

namespace newsgraph {
namespace {

using Clock = std::chrono::steady_clock;

Result<NameLexicon> lexicon_with_gazetteer(const ner::NerModel& ner, const std::string& dir) {
  NameLexicon lexicon = NameLexicon::builtin();
  const std::string gazetteer_name = dir + "/" + kNerModelFile + " (gazetteer)";
  if (Status status = lexicon.add_gazetteer_tsv(ner.gazetteer().serialize(), gazetteer_name); !status) return status;
  return lexicon;
}

}  // namespace

Result<std::unique_ptr<Annotators>> load_annotators(const std::string& models_dir, unsigned threads) {
  const std::string dir = models_dir.empty() ? std::string("models") : models_dir;
  // The taggers and the lexicon built from the NER model's gazetteer; the parser is the
  // largest (about three quarters of the load time), so with two threads it loads alone.
  std::optional<Result<pos::PosTagger>> pos;
  std::optional<Result<ner::NerModel>> ner;
  std::optional<Result<NameLexicon>> lexicon;
  const auto load_taggers = [&] {
    pos.emplace(pos::PosTagger::load(dir + "/" + kPosModelFile));
    ner.emplace(ner::NerModel::load(dir + "/" + kNerModelFile));
    if (*ner) lexicon.emplace(lexicon_with_gazetteer(**ner, dir));
  };
  std::thread taggers;
  if (threads >= 2) taggers = std::thread(load_taggers);
  else load_taggers();
  Result<DependencyParser> parser = DependencyParser::load(dir + "/" + kParserModelFile);
  if (taggers.joinable()) taggers.join();
  if (!*pos) return pos->status();
  if (!*ner) return ner->status();
  if (!parser) return parser.status();
  if (!*lexicon) return lexicon->status();
  return std::make_unique<Annotators>(
      Annotators{std::move(**pos), std::move(**ner), std::move(*parser), std::move(**lexicon)});
}

Result<NameLexicon> load_lexicon(const std::string& models_dir) {
  const std::string dir = models_dir.empty() ? std::string("models") : models_dir;
  Result<ner::NerModel> ner = ner::NerModel::load(dir + "/" + kNerModelFile);
  if (!ner) return ner.status();
  return lexicon_with_gazetteer(*ner, dir);
}

namespace {

// "a.txt" for a file of one article, "a.jsonl (article 17)" for an article of a JSON lines file.
std::string article_name(const Article& article) {
  const std::string& source = article.source;
  const bool many_per_file = source.ends_with(".jsonl") || source.ends_with(".ndjson");
  return many_per_file ? source + " (article " + article.id + ")" : source;
}

}  // namespace

std::size_t cap_entities(ArticleGraph& graph, std::size_t max_entities) {
  const std::size_t count = graph.entities.size();
  if (count <= max_entities) return count;
  std::vector<std::uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return graph.entities[a].mentions > graph.entities[b].mentions;
  });
  constexpr std::uint32_t kDropped = UINT32_MAX;
  std::vector<std::uint32_t> new_index(count, kDropped);
  for (std::size_t k = 0; k < max_entities; ++k) new_index[order[k]] = 0;
  std::vector<ArticleEntity> kept;
  kept.reserve(max_entities);
  for (std::size_t i = 0; i < count; ++i) {
    if (new_index[i] == kDropped) continue;
    new_index[i] = static_cast<std::uint32_t>(kept.size());
    kept.push_back(std::move(graph.entities[i]));
  }
  graph.entities = std::move(kept);
  std::erase_if(graph.relations, [&](const ArticleRelation& rel) {
    return new_index[rel.source] == kDropped || new_index[rel.target] == kDropped;
  });
  for (ArticleRelation& rel : graph.relations) rel.source = new_index[rel.source], rel.target = new_index[rel.target];
  std::erase_if(graph.references, [&](const EntityReference& ref) { return new_index[ref.entity] == kDropped; });
  for (EntityReference& ref : graph.references) ref.entity = new_index[ref.entity];
  return count;
}

namespace {

// Adds the seconds since `start` to `seconds` and restarts `start`.
void lap(Clock::time_point& start, double& seconds) {
  const auto now = Clock::now();
  seconds += std::chrono::duration<double>(now - start).count();
  start = now;
}

}  // namespace

void process_articles(const Annotators& annotators, std::span<Document> docs, std::span<ArticleGraph> graphs,
                      std::span<ArticleTimings> timings, const ArticleLimits& limits,
                      std::span<std::vector<std::string>> warnings) {
  const std::size_t n = docs.size();
  auto start = Clock::now();
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t cut = tokenize(docs[k], limits.max_sentence_tokens);
    lap(start, timings[k].tokenize_s);
    if (cut == 0) continue;
    warnings[k].push_back(article_name(docs[k].article) + ": " + std::to_string(cut) + " sentence" +
                          (cut > 1 ? "s" : "") + " longer than " +
                          std::to_string(std::max(limits.max_sentence_tokens, kMinSentenceTokens)) +
                          " tokens split (max_sentence_tokens)");
  }
  for (std::size_t k = 0; k < n; ++k) {
    tag_pos(annotators.pos, docs[k]);
    lap(start, timings[k].tag_s);
  }
  for (std::size_t k = 0; k < n; ++k) {
    tag_entities(annotators.ner, docs[k]);
    lap(start, timings[k].tag_s);
  }
  for (std::size_t k = 0; k < n; ++k) {
    parse_document(annotators.parser, docs[k]);
    lap(start, timings[k].parse_s);
  }
  for (std::size_t k = 0; k < n; ++k) {
    graphs[k] = extract_article(docs[k], annotators.lexicon);
    if (const std::size_t found = cap_entities(graphs[k], limits.max_entities); found > limits.max_entities) {
      warnings[k].push_back(article_name(docs[k].article) + ": " + std::to_string(found) + " entities, kept the " +
                            std::to_string(limits.max_entities) + " most mentioned (max_entities_per_article)");
    }
    lap(start, timings[k].extract_s);
  }
}

ArticleGraph process_article(const Annotators& annotators, Document& doc, ArticleTimings* timings,
                             const ArticleLimits& limits, std::vector<std::string>* warnings) {
  ArticleGraph graph;
  ArticleTimings own_timings;
  std::vector<std::string> own_warnings;
  process_articles(annotators, std::span(&doc, 1), std::span(&graph, 1), std::span(timings ? timings : &own_timings, 1),
                   limits, std::span(warnings ? warnings : &own_warnings, 1));
  return graph;
}

}  // namespace newsgraph
