// extract/entities: in-article entity resolution (issue 6). One article's mentions become its
// entities, and every reference to an entity — a name or short form of it, a nominal that
// carries one of its titles, a pronoun — is recorded with its token range.
//
// Rules, in order (each entity form keeps the name of the rule that linked it):
//   name            mentions with the same name key, after honorifics and titles are
//                   stripped ("Mr. Witkoff" -> "witkoff"), join one entity; a country's
//                   short forms meet through the lexicon ("US", "U.S." -> "United States")
//                   and are marked "country-alias".
//   surname         a one-word name joins the one longer person name ending with it, earlier
//                   or later in the article; not when two such names exist ("Kim" with
//                   "Kim Jong-un" and "Kim Jong-il" stays apart) nor when the word is a
//                   country ("Jordan" never joins "Michael Jordan").
//   given-and-surname / initial   "Donald Trump" joins "Donald John Trump"; "J. Smith"
//                   joins the one "John Smith".
//   acronym         "Russian Direct Investment Fund (RDIF)" links RDIF to the name; else an
//                   acronym joins the one multiword non-person name with those initials.
//   X administration / X government  a name followed by "administration" or "government"
//                   is the organisation, apart from X ("the Trump administration").
// The entity's type is decided by the votes of its mentions: the tagger's type, a personal
// title (Person), an organisation word in the name (Organization), a country (Place).
// Then references: every mention is a Name reference; "the [modifier] title" (the Russian
// president, the Kremlin spokesman) is a Nominal reference to the one person introduced with
// that title (and modifier); he/him/his/she/her/... go to the most salient person
// (sentence recency, subject position, speech verb), it/its to an organisation or place,
// they/their/them to the one organisation in reach. Demonyms alone ("Russian") and Misc or
// Event mentions never become entities.
//
// Reads doc.tokens, doc.sentences, doc.mentions and, when not empty, doc.arcs. Pure; safe to
// call concurrently on different Documents.
#pragma once

#include <cstdint>
#include <vector>

#include "core/document.hpp"
#include "extract/lexicon.hpp"

namespace newsgraph {

struct ResolvedEntities {
  std::vector<ArticleEntity> entities;         // aliases sorted, alias_rules parallel to them
  std::vector<EntityReference> references;     // sorted by first_token, non-overlapping
  std::vector<std::int32_t> entity_of_mention;  // per doc.mentions: entity index, or -1
};

ResolvedEntities resolve_entities(const Document& doc, const NameLexicon& lexicon = NameLexicon::builtin());

}  // namespace newsgraph
