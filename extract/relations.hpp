// extract/relations: the typed relations of one article, each read from one sentence and
// carrying it as evidence (issue 7; ../shared/eval/ANNOTATION.md defines the types).
//
//   represents       a person holds a post in an organisation or a country: a title before
//                    the name ("Kremlin spokesman Dmitry Peskov", "US special envoy Steve
//                    Witkoff", "Russia's President Putin"), an apposition after it ("Kirill
//                    Dmitriev, the head of the Russian Direct Investment Fund"), or a verb
//                    (X leads / heads / chairs / represents Y)
//   claimed          a speaker (the subject of a reporting verb: said, told, accused, denied,
//                    warned, announced, ... or "according to X") asserted something about
//                    each entity named in what was said, or about the event it describes;
//                    `text` is the claim
//   participated-in  a participant of an event (extract/events)
//   met-with         two participants on opposite sides of a meeting, talks or a call,
//                    `status` held or planned
//   located-in       an event and the place it happened in
//
// Events become entities of the article (type Event) named from their kind and
// participants ("Putin–Witkoff meeting"); mentions of one occurrence in an article are
// merged when their kinds agree and their participants overlap.
//
// Precision first: no relation without a sentence that names (or co-refers to) both ends.
#pragma once

#include "core/document.hpp"

namespace newsgraph {

class NameLexicon;

// Reads doc (tokens, sentences, pos, arcs, mentions) and graph.entities/graph.references
// (from extract/entities); appends Event entities to graph.entities and relations to
// graph.relations. Pure; safe to call concurrently on different articles.
void extract_relations(const Document& doc, const NameLexicon& lexicon, ArticleGraph& graph);

}  // namespace newsgraph
