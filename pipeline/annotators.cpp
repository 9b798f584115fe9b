#include "pipeline/annotators.hpp"

#include <chrono>

#include "extract/extract.hpp"
#include "tokenize/tokenize.hpp"

namespace newsgraph {
namespace {

Result<NameLexicon> lexicon_with_gazetteer(const ner::NerModel& ner, const std::string& dir) {
  NameLexicon lexicon = NameLexicon::builtin();
  const std::string gazetteer_name = dir + "/" + kNerModelFile + " (gazetteer)";
  if (Status status = lexicon.add_gazetteer_tsv(ner.gazetteer().serialize(), gazetteer_name); !status) return status;
  return lexicon;
}

}  // namespace

Result<std::unique_ptr<Annotators>> load_annotators(const std::string& models_dir) {
  const std::string dir = models_dir.empty() ? std::string("models") : models_dir;
  Result<pos::PosTagger> pos = pos::PosTagger::load(dir + "/" + kPosModelFile);
  if (!pos) return pos.status();
  Result<ner::NerModel> ner = ner::NerModel::load(dir + "/" + kNerModelFile);
  if (!ner) return ner.status();
  Result<DependencyParser> parser = DependencyParser::load(dir + "/" + kParserModelFile);
  if (!parser) return parser.status();
  Result<NameLexicon> lexicon = lexicon_with_gazetteer(*ner, dir);
  if (!lexicon) return lexicon.status();
  return std::make_unique<Annotators>(Annotators{std::move(*pos), std::move(*ner), std::move(*parser), std::move(*lexicon)});
}

Result<NameLexicon> load_lexicon(const std::string& models_dir) {
  const std::string dir = models_dir.empty() ? std::string("models") : models_dir;
  Result<ner::NerModel> ner = ner::NerModel::load(dir + "/" + kNerModelFile);
  if (!ner) return ner.status();
  return lexicon_with_gazetteer(*ner, dir);
}

ArticleGraph process_article(const Annotators& annotators, Document& doc, ArticleTimings* timings) {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  const auto lap = [&](double ArticleTimings::*field) {
    const auto now = Clock::now();
    if (timings) timings->*field += std::chrono::duration<double>(now - start).count();
    start = now;
  };
  tokenize(doc);
  lap(&ArticleTimings::tokenize_s);
  tag_pos(annotators.pos, doc);
  tag_entities(annotators.ner, doc);
  lap(&ArticleTimings::tag_s);
  parse_document(annotators.parser, doc);
  lap(&ArticleTimings::parse_s);
  ArticleGraph graph = extract_article(doc, annotators.lexicon);
  lap(&ArticleTimings::extract_s);
  return graph;
}

}  // namespace newsgraph
