// SentenceView: one sentence of a Document seen by the relation rules — lower-case word
// forms, dependency children, and which article entity each token refers to.
//
// Built from doc.tokens, doc.pos, doc.arcs (when the parser ran) and the article's entity
// references (extract/entities). Cheap: a few vectors per sentence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace newsgraph {

class NameLexicon;

struct SentenceView {
  const Document* doc = nullptr;
  std::uint32_t index = 0;   // sentence index in the Document
  std::uint32_t first = 0;   // token range [first, end)
  std::uint32_t end = 0;
  std::vector<std::string> lower;                    // per token: lower-case PTB form
  std::vector<std::vector<std::uint32_t>> children;  // per token: dependents (document token indices)
  std::vector<std::int32_t> entity;                  // per token: ArticleGraph entity index or -1
  std::vector<EntityReference::Kind> kind;           // per token: kind of that reference
  std::vector<bool> demonym;                         // per token: a demonym standing for its country
  std::vector<std::int32_t> country;                 // per token: the Place a demonym names, even
                                                     // inside a nominal ("the Russian president"), or -1

  bool contains(std::uint32_t token) const { return token >= first && token < end; }
  std::string_view word(std::uint32_t token) const { return lower[token - first]; }
  std::string_view pos(std::uint32_t token) const;
  std::int32_t head(std::uint32_t token) const;            // -1 for the root or without a parse
  std::string_view label(std::uint32_t token) const;       // "" without a parse
  const std::vector<std::uint32_t>& deps(std::uint32_t token) const { return children[token - first]; }
  std::int32_t entity_at(std::uint32_t token) const { return entity[token - first]; }
  bool is_demonym(std::uint32_t token) const { return demonym[token - first]; }
  std::int32_t country_of(std::uint32_t token) const { return country[token - first]; }
  bool has_parse() const { return !doc->arcs.empty(); }
  bool is_verb(std::uint32_t token) const;
  // The token of a reference span whose head lies outside the span (its syntactic head).
  std::uint32_t span_head(std::uint32_t first_token, std::uint32_t end_token) const;
  // Dependents of `token` with a label starting with `prefix` ("nsubj" also takes nsubj:pass).
  std::vector<std::uint32_t> deps_labelled(std::uint32_t token, std::string_view prefix) const;
  // The word of the `case` dependent of `token` ("with", "in", "between"), or "".
  std::string_view case_word(std::uint32_t token) const;
  // `token` and everything below it in the tree, sorted.
  std::vector<std::uint32_t> subtree(std::uint32_t token) const;
  // The distinct entities referred to inside `tokens`, in token order.
  std::vector<std::uint32_t> entities_in(const std::vector<std::uint32_t>& tokens) const;
  // The subjects of verb `verb`, or of the verb it depends on ("X plans to meet Y"); for a
  // sentence the parser read as "According to X, Y" with Y an apposition of X and no
  // subject, Y.
  std::vector<std::uint32_t> subjects(std::uint32_t verb) const;
  // `token`, plus the conj dependents of it (X and Y and Z).
  std::vector<std::uint32_t> with_conjuncts(std::uint32_t token) const;
  // The text of the token range [first_token, end_token).
  std::string text(std::uint32_t first_token, std::uint32_t end_token) const;
};

// Builds the view of sentence `index`. `entities` and `references` are the article's (see
// ArticleGraph); demonym mentions ("Russian") are mapped to the article's entity for their
// country when it has one, through `lexicon`.
SentenceView make_sentence_view(const Document& doc, std::uint32_t index, const std::vector<ArticleEntity>& entities,
                                const std::vector<EntityReference>& references, const NameLexicon& lexicon);

}  // namespace newsgraph
