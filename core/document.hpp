// The types that flow through the pipeline (see ../shared/docs/design.md, "Stages").
//
// One Document per article moves through the stages; each stage fills its own fields and
// says so in its header. Everything refers by index or byte offset into Document::text,
// which is never rewritten once ingest/ has produced it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

enum class EntityType : std::uint8_t { Person, Organization, Place, Event, Misc };

// "Person", "Organization", "Place", "Event", "Misc".
std::string_view to_string(EntityType type);
// Lower-case prefix used in node ids: "person", "organization", "place", "event", "misc".
std::string_view id_prefix(EntityType type);

enum class RelationType : std::uint8_t {
  CoOccurs,  // baseline only (issue 3); replaced by the typed relations of issue 7
  MetWith,
  Represents,
  Claimed,
  ParticipatedIn,
  LocatedIn,
};

// "co-occurs", "met-with", "represents", "claimed", "participated-in", "located-in".
std::string_view to_string(RelationType type);
// met-with and co-occurs are symmetric: stored once, lower id first.
bool is_symmetric(RelationType type);

// Where a piece of cleaned text came from: bytes [text_offset, ...) of Document::text start
// at source_offset in the original file, up to the next entry.
struct SourceSpan {
  std::uint64_t text_offset;
  std::uint64_t source_offset;
};

// What ingest/ produces for one article.
struct Article {
  std::string id;      // stable: file stem; for JSON lines the "id" field, else "<file stem>-<line>"
  std::string source;  // the input path as given (relative paths stay relative)
  std::string title;
  std::string date;    // ISO 8601 when the input had a recognisable date, else empty
  std::string url;
  // Cleaned text: valid UTF-8, no forbidden controls, paragraphs separated by "\n\n", the
  // title as the first paragraph (once: a repeated headline is dropped).
  std::string text;
  std::vector<SourceSpan> source_map;  // sorted by text_offset
};

// A token is the byte range [begin, end) of Document::text.
struct Token {
  std::uint32_t begin;
  std::uint32_t end;
};

// A sentence is the token range [first_token, end_token).
struct Sentence {
  std::uint32_t first_token;
  std::uint32_t end_token;
};

// A named mention: the token range [first_token, end_token) with a type and a confidence.
struct Mention {
  std::uint32_t first_token;
  std::uint32_t end_token;
  EntityType type;
  float score;
};

// Where a relation was read: the article, the sentence and its bytes, and the rule.
struct Evidence {
  std::string article_id;
  std::uint32_t sentence = 0;      // index in Document::sentences
  std::uint32_t begin = 0;         // byte range of the sentence in Document::text
  std::uint32_t end = 0;
  std::string sentence_text;
  std::string rule;                // which pattern or rule produced the relation
  // Where the sentence is when sentence_text is not held: a merge's temporary file, read through
  // KnowledgeGraph::sentence() when exported (issue 8, memory). 0 bytes: held.
  std::uint64_t sentence_at = 0;
  std::uint32_t sentence_size = 0;
};

// Dependency arcs, one per token: head is a DOCUMENT token index (always inside the token's
// own sentence), or -1 for the sentence root.
struct Arc {
  std::int32_t head = -1;
  std::string label;
};

// One article as it moves through the stages.
struct Document {
  Article article;                  // ingest/
  std::vector<Token> tokens;        // tokenize/
  std::vector<Sentence> sentences;  // tokenize/
  std::vector<std::string> pos;     // nlp/pos: one Penn tag per token
  std::vector<Arc> arcs;            // nlp/parse: one arc per token
  std::vector<Mention> mentions;    // nlp/ner: sorted by first_token, non-overlapping

  const std::string& text() const { return article.text; }
  std::string_view token_text(std::size_t i) const {
    return std::string_view(article.text).substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  }
  // The text from the first token's begin to the last token's end (original spacing kept).
  std::string_view span_text(std::uint32_t first_token, std::uint32_t end_token) const {
    const auto begin = tokens[first_token].begin;
    return std::string_view(article.text).substr(begin, tokens[end_token - 1].end - begin);
  }
};

// extract/ output for one article: its entities and the relations between them.
struct ArticleEntity {
  EntityType type;
  std::string name;                  // the fullest form in the article
  std::vector<std::string> aliases;  // every surface form, sorted, unique
  std::uint32_t mentions = 0;
  // Events only.
  std::string date;
  std::string place;
  std::string event_kind;  // "meeting", "phone call", ... (extract/events event_noun)
  // Parallel to aliases when not empty: the in-article rule that linked each form to the
  // entity ("name", "surname", "acronym", ...), for merge explanations (issue 6).
  std::vector<std::string> alias_rules;
};

struct ArticleRelation {
  RelationType type;
  std::uint32_t source;  // index in ArticleGraph::entities
  std::uint32_t target;
  Evidence evidence;
  std::string text;    // claimed: the claim
  std::string status;  // met-with: "held" or "planned"
};

// One place in the article that refers to an entity: its name (or a short form of it), a
// nominal that carries one of its titles ("the Russian president") or a pronoun (issue 6).
// The relation extractor maps token spans to entities through these.
struct EntityReference {
  enum class Kind : std::uint8_t { Name, Nominal, Pronoun };
  std::uint32_t first_token;  // token range [first_token, end_token) in the Document
  std::uint32_t end_token;
  std::uint32_t entity;       // index in ArticleGraph::entities
  Kind kind;
};

struct ArticleGraph {
  std::string article_id;
  std::string source;
  std::string title;
  std::string date;
  std::string url;
  std::vector<ArticleEntity> entities;
  std::vector<ArticleRelation> relations;
  std::vector<EntityReference> references;  // sorted by first_token, non-overlapping
};

}  // namespace newsgraph
