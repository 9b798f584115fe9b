// extract/relations: the typed relations of one article, each read from one sentence and
// carrying it as evidence (issue 7; ../shared/eval/ANNOTATION.md defines the types).
//
//   represents       a person holds a post in an organisation or a country: a title before
//                    the name ("Kremlin spokesman Dmitry Peskov", "US special envoy Steve
//                    Witkoff", "Russia's President Putin", "Yemen's Foreign Minister, X"), a
//                    title and "of Y" ("President X of Ukraine"), an apposition after it
//                    ("Kirill Dmitriev, the head of the Russian Direct Investment Fund"), a
//                    verb (X leads / heads / chairs / represents Y), or membership of a
//                    country's delegation ("the Russian delegation was led by X")
//   claimed          a speaker (the subject of a reporting or stance verb: said, told, accused,
//                    denied, expressed, dismissed, ... or "according to X"; "officials from
//                    X" speak for X) asserted something about each entity named in what was
//                    said (not inside a relative clause), or about the event it describes;
//                    `text` is the claim
//   participated-in  a participant of an event (extract/events), or a member of a
//                    delegation the article names for the meeting at hand
//   met-with         two participants on opposite sides of a meeting, talks or a call,
//                    `status` held or planned
//   located-in       an event and the place it happened in
//
// Events become entities of the article (type Event) named from their kind and
// participants ("Putin–Witkoff meeting"); mentions of one occurrence in an article are
// merged when their kinds agree and their participants overlap. A mention that names too
// few parties ("the talks", "his meeting with X") joins the latest event of its kind that
// it does not contradict (date, place), or the first one named after it; one marked as
// another occurrence ("a previous meeting", "last week") stands alone.
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
