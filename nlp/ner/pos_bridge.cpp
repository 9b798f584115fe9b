// The POS tagger as the NER features see it (nlp/pos): loading, and tagging CoNLL sentences
// with the same tagger that runs at inference (never the file's POS column).
#include "nlp/ner/model_impl.hpp"

#if __has_include("nlp/pos/pos_tagger.hpp")
#include "nlp/pos/pos_tagger.hpp"
#define NEWSGRAPH_NER_HAS_POS 1
#endif

namespace newsgraph::ner {

#ifdef NEWSGRAPH_NER_HAS_POS

Result<std::shared_ptr<const pos::PosTagger>> load_pos_tagger(const std::string& path) {
  auto tagger = pos::PosTagger::load(path);
  if (!tagger) return tagger.status();
  return std::shared_ptr<const pos::PosTagger>(std::make_shared<pos::PosTagger>(std::move(*tagger)));
}

std::vector<std::vector<std::string>> pos_tags(const pos::PosTagger* pos, const ConllDocument& doc) {
  std::vector<std::vector<std::string>> result;
  result.reserve(doc.sentences.size());
  std::vector<std::string_view> words, tags;
  for (const ConllSentence& sent : doc.sentences) {
    words.assign(sent.tokens.begin(), sent.tokens.end());
    pos->tag(words, tags);
    result.emplace_back(tags.begin(), tags.end());
  }
  return result;
}

#else

Result<std::shared_ptr<const pos::PosTagger>> load_pos_tagger(const std::string& path) {
  return Status::error(path + ": POS features are not available in this build (nlp/pos missing)");
}

std::vector<std::vector<std::string>> pos_tags(const pos::PosTagger*, const ConllDocument&) { return {}; }

#endif

}  // namespace newsgraph::ner
