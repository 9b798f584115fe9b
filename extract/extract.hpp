// extract/: one article's entities and relations, from its Document.
//
// Reads doc.article, doc.tokens, doc.sentences and doc.mentions; writes an ArticleGraph.
// A pure function of one Document: runs in parallel over articles.
//
// For issue 3 an article's entities are its mentions grouped by (type, name_key), and its
// relations are sentence co-occurrences (type co-occurs); the relation extractor of issue 7
// replaces them. Misc mentions (demonyms, events' names) never become entities.
#pragma once

#include "core/document.hpp"

namespace newsgraph {

ArticleGraph extract_article(const Document& doc);

// The sentence's text and byte range as Evidence (rule left empty).
Evidence sentence_evidence(const Document& doc, std::uint32_t sentence);

}  // namespace newsgraph
