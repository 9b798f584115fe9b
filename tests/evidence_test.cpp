// Issue 7: no edge without a sentence that names both ends. Every relation extracted from the
// samples must have, inside its evidence sentence, a reference (name, title nominal, pronoun
// or demonym resolved to it) to each entity end; an event end must be named there by a word of
// its kind ("meeting", "talks", "met", ...) or stand behind a delegation the sentence names.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "extract/events.hpp"
#include "extract/sentence_view.hpp"
#include "ingest/ingest.hpp"
#include "pipeline/annotators.hpp"

using namespace newsgraph;

namespace {

// A name, title nominal, pronoun or demonym ("Ukrainian Foreign Minister") in the sentence
// that the extractor resolved to `entity`.
bool refers_in(const SentenceView& view, std::uint32_t entity) {
  for (std::uint32_t t = view.first; t < view.end; ++t)
    if (view.entity_at(t) == static_cast<std::int32_t>(entity)) return true;
  return false;
}

// Event words: the nouns of extract/events plus the verb forms that trigger an event.
bool names_an_event(const Document& doc, const Sentence& sentence) {
  for (std::uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
    std::string word(doc.token_text(t));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EventKind kind;
    if (event_word_kind(word, kind)) return true;
    for (std::string_view trigger : {"meet", "met", "meets", "meeting", "meetings", "visited", "visit", "invaded",
                                     "captured", "capture", "spoke", "talked", "phoned", "interviewed", "hosted",
                                     "received", "signed", "negotiations", "delegation", "delegations",
                                     "negotiators", "representing", "team", "side", "capture", "seized", "attacked",
                                     "election", "elections", "arrested", "arrests", "detained", "ruled", "ruling",
                                     "verdict", "withdrawal", "pullout", "withdraw", "withdrew", "bankruptcy",
                                     "deliberations", "engagement", "conquest", "convened", "convene", "convenes",
                                     "agreement", "accord", "treaty", "deal"})
      if (word == trigger) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every edge of the sample graph is read from a sentence that refers to both its ends", "[model][relations]") {
  Result<std::unique_ptr<Annotators>> annotators = load_annotators(NEWSGRAPH_SOURCE_DIR "/models");
  REQUIRE(annotators);
  std::vector<std::string> errors;
  const std::vector<std::string> files = ingest::list_input_files({NEWSGRAPH_SOURCE_DIR "/samples"}, errors);
  REQUIRE(errors.empty());
  REQUIRE(files.size() == 5);
  std::size_t checked = 0;
  for (const std::string& file : files) {
    ingest::ReadReport report = ingest::read_file(file);
    REQUIRE(report.articles.size() == 1);
    Document doc;
    doc.article = std::move(report.articles.front());
    const ArticleGraph graph = process_article(**annotators, doc);
    for (const ArticleRelation& rel : graph.relations) {
      const Sentence& sentence = doc.sentences[rel.evidence.sentence];
      const SentenceView view =
          make_sentence_view(doc, rel.evidence.sentence, graph.entities, graph.references, (*annotators)->lexicon);
      INFO(file << ": " << to_string(rel.type) << " " << graph.entities[rel.source].name << " -> "
                << graph.entities[rel.target].name << " (" << rel.evidence.rule << ")\n"
                << rel.evidence.sentence_text);
      for (const std::uint32_t end : {rel.source, rel.target}) {
        if (graph.entities[end].type == EntityType::Event) CHECK(names_an_event(doc, sentence));
        else CHECK(refers_in(view, end));
      }
      CHECK(rel.evidence.sentence_text == doc.span_text(sentence.first_token, sentence.end_token));
      ++checked;
    }
  }
  CHECK(checked >= 50);
}
