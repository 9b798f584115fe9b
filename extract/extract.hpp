// extract/: one article's entities and relations, from its Document.
//
// Reads doc.article, doc.tokens, doc.sentences and doc.mentions; writes an ArticleGraph.
// A pure function of one Document: runs in parallel over articles.
//
// An article's entities and references come from resolve_entities() (extract/entities.hpp,
// issue 6); its relations are sentence co-occurrences of named entities (type co-occurs)
// until the relation extractor of issue 7 replaces them. Misc mentions (demonyms, events'
// names) never become entities.
#pragma once

#include "core/document.hpp"
#include "extract/lexicon.hpp"

namespace newsgraph {

// Fills every ArticleGraph field, references included. `lexicon` is read-only (shareable
// across threads).
ArticleGraph extract_article(const Document& doc, const NameLexicon& lexicon = NameLexicon::builtin());

// The sentence's text and byte range as Evidence (rule left empty).
Evidence sentence_evidence(const Document& doc, std::uint32_t sentence);

}  // namespace newsgraph
