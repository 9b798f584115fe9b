// extract/events: event mentions in one sentence — meetings, talks, calls, interviews,
// forums, visits, agreements, invasions, captures, elections, arrests, court rulings,
// withdrawals, bankruptcies — with their participants, place, date and status (issue 7).
//
// A trigger is a verb ("met", "invaded") or a noun ("talks", "a five-hour meeting"). Its
// participants come from the dependency parse: the subject (of the trigger, or of the light
// verb that governs a nominal trigger: "held talks"), the object, "with X", "between X and
// Y", "X's meeting", each with its conjuncts; they fall on two sides (subject side and
// object side) so that met-with pairs cross sides. Negated or hypothetical triggers ("did
// not meet", "if they meet", "could meet") give nothing; future ones ("will meet", "plans
// to meet", "the upcoming summit") are `planned`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/sentence_view.hpp"

namespace newsgraph {

enum class EventKind : std::uint8_t {
  Meeting, Call, Interview, Forum, Visit, Agreement, Invasion, Capture, Election, Arrest, Ruling, Withdrawal, Bankruptcy
};

// "meeting", "phone call", "interview", "forum", "visit", "agreement", "invasion", "capture",
// "election", "arrest", "ruling", "withdrawal", "bankruptcy".
std::string_view event_noun(EventKind kind);
// Meetings, calls, visits and interviews bring their two sides together: they give met-with
// edges.
bool is_encounter(EventKind kind);

struct EventMention {
  EventKind kind;
  std::uint32_t sentence = 0;
  std::uint32_t trigger = 0;              // token index
  std::vector<std::uint32_t> side_a;      // article entity indices (subject side)
  std::vector<std::uint32_t> side_b;      // article entity indices (object / "with" side)
  std::int32_t place = -1;                // article entity index of a Place, or -1
  std::int32_t wider_place = -1;          // the place written after it ("Miami, Florida"), or -1
  std::string date;                       // ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY), or ""
  bool planned = false;
  std::string phrase;  // a nominal trigger with its modifiers ("five-hour meeting", "talks in Moscow"), or ""
  std::string party_phrase;  // a nominal trigger with the phrases after it ("phone call between X and Y"), or ""
  // False when the sentence names too few participants for the event to stand alone (an
  // encounter with one party, "the talks" with none): such a mention is another mention of
  // an event of the article (extract/relations decides which) or, with a participant and an
  // unnamed counterpart ("X will meet Ukrainian representatives"), an event of its own.
  bool complete = true;
  bool unnamed_counterpart = false;  // an object or "with" phrase that names no entity
  bool earlier = false;  // "a previous meeting", "talks ... last week": not the event at hand
  bool gathering = false;  // "ministers convened": one group met, no pairs of its members
};

// The event mentions of one sentence, complete or not (see EventMention::complete). `entities` gives each entity's type (only Person,
// Organization and Place entities become participants). `article_date` (ISO, may be "")
// anchors "yesterday" and weekdays. Without a parse (view.has_parse() false) it finds none.
std::vector<EventMention> find_event_mentions(const SentenceView& view, const std::vector<ArticleEntity>& entities,
                                              std::string_view article_date);

// Nouns for a group of people who act for an entity ("delegation", "officials", "troops").
bool is_group_noun(std::string_view lower_word);

// The event kind a word names, if any ("talks" -> Meeting), for claims about an event.
bool event_word_kind(std::string_view lower_word, EventKind& kind);

// A date in `view` (ISO), resolved against `article_date` for "yesterday", "today" and
// weekdays (the last such day on or before it, or the next one when `future`); "" if none.
std::string find_date(const SentenceView& view, std::string_view article_date, bool future);

}  // namespace newsgraph
