#include "extract/relations.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "extract/events.hpp"
#include "extract/extract.hpp"
#include "extract/lexicon.hpp"
#include "extract/names.hpp"
#include "extract/sentence_view.hpp"

namespace newsgraph {
namespace {

bool in(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Words that may stand between a title and the name it introduces, or inside a title.
bool is_title_modifier(std::string_view word) {
  return in(word, {"special", "senior", "former", "top", "chief", "deputy", "foreign", "prime", "vice", "acting",
                   "first", "general", "interim", "main", "presidential", "then", "new", "current", "defence",
                   "defense", "policy", "affairs", "state", "national", "security", "economic", "finance",
                   "interior", "justice", "trade", "-", "'s", "of", "for", "the", "and", "'", "us", "u.s.",
                   // portfolios: "EU Energy Commissioner X", "Secretary of the Army X"
                   "energy", "climate", "environment", "health", "education", "agriculture", "transport",
                   "digital", "labour", "labor", "culture", "intelligence", "army", "navy", "military", "member",
                   // "the president of the Lombardy region, X"
                   "region", "province", "county", "district", "municipality", "city", "regional",
                   "office"});  // "Foreign Office Minister X"
}

// Reporting verbs: their subject asserts what their clause says.
bool is_reporting_verb(std::string_view word) {
  return in(word, {"say", "says", "said", "saying", "tell", "tells", "told", "state", "states", "stated", "declare",
                   "declares", "declared", "claim", "claims", "claimed", "accuse", "accuses", "accused", "deny",
                   "denies", "denied", "warn", "warns", "warned", "announce", "announces", "announced", "insist",
                   "insists", "insisted", "add", "adds", "added", "emphasize", "emphasized", "emphasise",
                   "emphasised", "stress", "stressed", "conclude", "concluded", "confirm", "confirms", "confirmed",
                   "demand", "demands", "demanded", "threaten", "threatened", "argue", "argued", "argues", "note",
                   "noted", "suggest", "suggested", "acknowledge", "acknowledged", "admit", "admitted", "reject",
                   "rejected", "rejects", "criticize", "criticized", "criticise", "criticised", "condemn",
                   "condemned", "urge", "urged", "reiterate", "reiterated", "assert", "asserted", "allege",
                   "alleged", "blame", "blamed", "vow", "vowed", "pledge", "pledged", "predict", "predicted",
                   "complain", "complained", "explain", "explained", "described", "recognize", "recognized",
                   "recognise", "recognised", "praise", "praised", "promise", "promised", "believe", "believes",
                   "expects", "hopes", "wrote", "writes", "told", "reported", "called",
                   // stance and report verbs, and the -ing forms of reporting clauses
                   "corroborate", "corroborated", "indicate", "indicates", "indicated", "reveal", "reveals",
                   "revealed", "revealing", "signal", "signals", "signaled", "signalled", "maintain", "maintains",
                   "maintained", "characterize", "characterized", "characterise", "characterised", "relayed",
                   "dismiss", "dismissed", "dismisses", "express", "expressed", "expresses", "caution", "cautioned",
                   "hail", "hailed", "hails", "remark", "remarked", "affirm", "affirmed", "voice", "voiced",
                   "estimate", "estimates", "estimated", "disclose", "disclosed", "stating", "noting", "adding",
                   "claiming", "insisting", "warning", "arguing", "accusing", "denying", "citing", "asserting",
                   "announcing", "confirming", "emphasizing", "emphasising", "stressing", "urging", "demanding"});
}

bool is_actor(EntityType type) {
  return type == EntityType::Person || type == EntityType::Organization || type == EntityType::Place;
}

struct Sink {
  const Document& doc;
  ArticleGraph& graph;
  std::set<std::tuple<RelationType, std::uint32_t, std::uint32_t, std::uint32_t>> seen;  // type, a, b, sentence

  void add(RelationType type, std::uint32_t a, std::uint32_t b, std::uint32_t sentence, std::string rule,
           std::string text = {}, std::string status = {}) {
    if (a == b) return;
    if (!seen.insert({type, a, b, sentence}).second) return;
    ArticleRelation rel;
    rel.type = type;
    rel.source = a;
    rel.target = b;
    rel.evidence = sentence_evidence(doc, sentence);
    rel.evidence.rule = std::move(rule);
    rel.text = std::move(text);
    rel.status = std::move(status);
    graph.relations.push_back(std::move(rel));
  }

  // Whether the article says, so far, that `person` acts for `holder`.
  bool represents(std::uint32_t person, std::uint32_t holder) const {
    return std::any_of(graph.relations.begin(), graph.relations.end(), [&](const ArticleRelation& rel) {
      return rel.type == RelationType::Represents && rel.source == person && rel.target == holder;
    });
  }
};

// --- represents -----------------------------------------------------------------------

// The token ranges of person names in the sentence (Name references only).
std::vector<std::pair<std::uint32_t, std::uint32_t>> person_names(const SentenceView& view,
                                                                   const std::vector<ArticleEntity>& entities) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  for (std::uint32_t t = view.first; t < view.end;) {
    const std::int32_t e = view.entity_at(t);
    if (e < 0 || view.kind[t - view.first] != EntityReference::Kind::Name ||
        entities[static_cast<std::size_t>(e)].type != EntityType::Person) {
      ++t;
      continue;
    }
    std::uint32_t end = t + 1;
    while (end < view.end && view.entity_at(end) == e && view.kind[end - view.first] == EntityReference::Kind::Name) ++end;
    spans.emplace_back(t, end);
    t = end;
  }
  return spans;
}

// Organisations and places named in [first, end), if the range reads as a title
// (at least one title word, nothing but titles, modifiers and names).
std::vector<std::uint32_t> title_holders(const SentenceView& view, const std::vector<ArticleEntity>& entities,
                                         std::uint32_t first, std::uint32_t end) {
  bool title = false;
  std::vector<std::uint32_t> holders;
  for (std::uint32_t t = first; t < end; ++t) {
    const std::int32_t e = view.entity_at(t);
    if (e >= 0) {
      const EntityType type = entities[static_cast<std::size_t>(e)].type;
      if ((type == EntityType::Organization || type == EntityType::Place) &&
          std::find(holders.begin(), holders.end(), static_cast<std::uint32_t>(e)) == holders.end())
        holders.push_back(static_cast<std::uint32_t>(e));
      continue;
    }
    if (is_title_word(view.word(t)) ||
        in(view.word(t), {"executive", "ceo", "chairman", "chairwoman", "chair", "president", "head", "chief",
                          "spokesman", "spokeswoman", "spokesperson", "envoy", "adviser", "advisor", "aide",
                          "minister", "secretary", "ambassador", "director", "commander", "governor", "mayor",
                          "leader", "founder", "negotiator", "representative", "official", "premier", "member"}))
      title = true;
  }
  return title ? holders : std::vector<std::uint32_t>{};
}

void find_represents(const SentenceView& view, const std::vector<ArticleEntity>& entities, Sink& sink) {
  for (const auto& [first, end] : person_names(view, entities)) {
    const std::uint32_t person = static_cast<std::uint32_t>(view.entity_at(first));
    // Title before the name: "US special envoy Steve Witkoff", "Russia's President Putin".
    std::uint32_t left = first;
    while (left > view.first) {
      const std::uint32_t t = left - 1;
      const std::int32_t e = view.entity_at(t);
      const bool ok = is_title_word(view.word(t)) || is_title_modifier(view.word(t)) ||
                      (e >= 0 && entities[static_cast<std::size_t>(e)].type != EntityType::Person);
      if (!ok) break;
      left = t;
    }
    for (std::uint32_t holder : title_holders(view, entities, left, first))
      sink.add(RelationType::Represents, person, holder, view.index, "represents:title-before-name");
    // A title set off by a comma before the name: "Yemen's Foreign Minister, X,"; "the
    // co-founder of Google, X".
    if (left == first && first >= view.first + 2 && view.word(first - 1) == ",") {
      std::uint32_t title_first = first - 1;
      while (title_first > view.first && title_first + 8 > first) {
        const std::uint32_t t = title_first - 1;
        const std::int32_t e = view.entity_at(t);
        const bool ok = is_title_word(view.word(t)) || is_title_modifier(view.word(t)) || view.word(t) == "co-founder" ||
                        (e >= 0 && entities[static_cast<std::size_t>(e)].type != EntityType::Person);
        if (!ok) break;
        title_first = t;
      }
      // The whole title: from the sentence start, a comma or an article ("Also the president
      // of the Lombardy region, X").
      if (title_first == view.first || in(view.word(title_first), {"the", "a", "an"}) ||
          in(view.word(title_first - 1), {",", "the", "a", "an"}))
        for (std::uint32_t holder : title_holders(view, entities, title_first, first - 1))
          sink.add(RelationType::Represents, person, holder, view.index, "represents:title-comma-name");
    }

    // A title before the name and "of Y" after it: "President Zelensky of Ukraine".
    if (left < first && end + 1 < view.end && view.word(end) == "of") {
      std::uint32_t at = end + 1;
      if (view.word(at) == "the" && at + 1 < view.end) ++at;
      const std::int32_t holder = view.entity_at(at);
      bool titled = false;
      for (std::uint32_t t = left; t < first; ++t) titled = titled || is_title_word(view.word(t));
      if (titled && holder >= 0 && entities[static_cast<std::size_t>(holder)].type != EntityType::Person &&
          entities[static_cast<std::size_t>(holder)].type != EntityType::Event)
        sink.add(RelationType::Represents, person, static_cast<std::uint32_t>(holder), view.index,
                 "represents:title-name-of");
    }
    // Apposition after the name: "X, the head of Y," / "X, Y's envoy," / "X, a Kremlin aide".
    if (end < view.end && view.word(end) == ",") {
      std::uint32_t right = end + 1;
      while (right < view.end && right < end + 14 && !in(view.word(right), {",", ";", "(", ")", "who", "which", "that"}) &&
             !(view.is_verb(right) && !in(view.pos(right), {"VBN", "VBG"})) &&
             !(view.entity_at(right) >= 0 && entities[static_cast<std::size_t>(view.entity_at(right))].type == EntityType::Person))
        ++right;
      // "..., President X, the official Xinhua news agency said.": the phrase is the speaker.
      const bool speaker = right + 1 < view.end && is_reporting_verb(view.word(right)) &&
                           (right + 2 == view.end || view.word(right + 1) == ".");
      if (!speaker)
        for (std::uint32_t holder : title_holders(view, entities, end + 1, right))
          sink.add(RelationType::Represents, person, holder, view.index, "represents:apposition");
    }
  }
  // A title that refers back to a person, after a demonym or name: "the Russian president",
  // "the Kremlin spokesman".
  for (std::uint32_t t = view.first + 1; t < view.end; ++t) {
    const std::int32_t person = view.entity_at(t);
    const std::int32_t holder = view.entity_at(t - 1) == person ? view.country_of(t - 1) : view.entity_at(t - 1);
    if (person < 0 || holder < 0 || person == holder || view.kind[t - view.first] != EntityReference::Kind::Nominal ||
        entities[static_cast<std::size_t>(person)].type != EntityType::Person)
      continue;
    const EntityType type = entities[static_cast<std::size_t>(holder)].type;
    if (type == EntityType::Place || type == EntityType::Organization)
      sink.add(RelationType::Represents, static_cast<std::uint32_t>(person), static_cast<std::uint32_t>(holder),
               view.index, "represents:title-reference");
  }
  // Verbs: "X leads / heads / chairs / represents Y"; "Y's delegation, led by X".
  if (!view.has_parse()) return;
  for (std::uint32_t t = view.first; t < view.end; ++t) {
    if (!view.is_verb(t) || !in(view.word(t), {"leads", "led", "heads", "headed", "chairs", "chaired", "represents",
                                                "represented", "representing", "runs"}))
      continue;
    std::vector<std::uint32_t> people;
    std::vector<std::uint32_t> holders;
    const auto collect = [&](const std::vector<std::uint32_t>& tokens, std::vector<std::uint32_t>& into, bool person) {
      for (std::uint32_t d : tokens)
        for (std::uint32_t c : view.with_conjuncts(d)) {
          const std::int32_t e = view.entity_at(c);
          if (e < 0) continue;
          const EntityType type = entities[static_cast<std::size_t>(e)].type;
          if (person ? type == EntityType::Person : (type == EntityType::Organization || type == EntityType::Place))
            into.push_back(static_cast<std::uint32_t>(e));
        }
    };
    const bool passive = view.label(t) == "acl" || !view.deps_labelled(t, "obl:agent").empty();
    if (passive) {
      // "the Russian delegation, led by Putin": the modified noun's name or demonym holds.
      std::vector<std::uint32_t> agents = view.deps_labelled(t, "obl");
      collect(agents, people, true);
      if (view.head(t) >= 0) {
        const std::uint32_t noun = static_cast<std::uint32_t>(view.head(t));
        std::vector<std::uint32_t> modifiers;
        for (std::uint32_t c : view.deps(noun))
          if (in(view.label(c), {"amod", "compound", "nmod:poss", "nmod"})) modifiers.push_back(c);
        collect(modifiers, holders, false);
      }
    } else {
      collect(view.deps_labelled(t, "nsubj"), people, true);
      collect(view.deps_labelled(t, "obj"), holders, false);
      if (people.empty() && view.word(t) == "representing") {
        // "Representing the United States were X and Y": the clause's subjects.
        if (view.head(t) >= 0) collect(view.deps_labelled(static_cast<std::uint32_t>(view.head(t)), "nsubj"), people, true);
      }
    }
    for (std::uint32_t p : people)
      for (std::uint32_t h : holders) sink.add(RelationType::Represents, p, h, view.index, "represents:verb");
  }
}

// --- claimed --------------------------------------------------------------------------

std::string claim_text(const SentenceView& view, const std::vector<std::uint32_t>& tokens) {
  if (tokens.empty()) return {};
  std::uint32_t first = tokens.front();
  std::uint32_t last = tokens.back();
  const auto trim = [&](std::uint32_t t) {
    const std::string_view w = view.word(t);
    return in(w, {",", ".", ":", ";", "\"", "''", "``", "'", "“", "”", "‘", "’", "that", "-", "--"});
  };
  while (first < last && trim(first)) ++first;
  while (last > first && trim(last)) --last;
  std::string text = view.text(first, last + 1);
  constexpr std::size_t kMaxClaimBytes = 300;
  if (text.size() > kMaxClaimBytes) {
    std::size_t cut = kMaxClaimBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    text = text.substr(0, cut) + "…";
  }
  return text;
}

// An event mentioned in the sentence of a claim: its trigger token, its entity, and the
// entities the mention names as its participants or place.
constexpr std::uint32_t kNoEntity = UINT32_MAX;

struct ClaimedEvent {
  std::uint32_t trigger;
  std::uint32_t entity;  // kNoEntity while the mention has not joined an event
  std::vector<std::uint32_t> members;       // participants and place named in this sentence
  std::set<std::uint32_t> participants;     // the event's participants in the whole article
  std::int32_t taken = -1;                  // the place a capture or invasion took, or -1
};

bool is_quote_mark(std::string_view word) { return in(word, {"\"", "``", "''", "“", "”"}); }

// Whether `token` has a dependent labelled `label` with word `word`.
bool has_dep(const SentenceView& view, std::uint32_t token, std::string_view label, std::string_view word) {
  for (std::uint32_t child : view.deps(token))
    if (view.label(child) == label && view.word(child) == word) return true;
  return false;
}

// "the newspaper Kommersant": the name a common noun is followed by in apposition, else the
// token itself.
std::uint32_t named_after(const SentenceView& view, std::uint32_t token) {
  if (view.entity_at(token) >= 0) return token;
  for (std::uint32_t d : view.deps(token))
    if (d > token && in(view.label(d), {"appos", "flat"}) && view.entity_at(d) >= 0) return d;
  return token;
}

// Targets: the entities named in what was said; an event mentioned there is the target
// instead of its participants and place ("Trump said Witkoff will travel to Moscow to meet
// Putin" is a claim about the meeting).
// Claims of territory (ANNOTATION): "Russia annexed Crimea", "the regions that Russia seeks
// to annex" — the annexing country or organisation claims each place. Returns the tokens of
// the places claimed, which are then no targets of what others say about the claim.
std::set<std::uint32_t> find_territorial_claims(const SentenceView& view, const std::vector<ArticleEntity>& entities,
                                                Sink& sink) {
  std::set<std::uint32_t> claimed_tokens;
  if (!view.has_parse()) return claimed_tokens;
  for (std::uint32_t v = view.first; v < view.end; ++v) {
    if (!view.is_verb(v) || !in(view.word(v), {"annex", "annexes", "annexed", "annexing"})) continue;
    std::vector<std::uint32_t> claimants;
    for (std::uint32_t subject : view.subjects(v))
      for (std::uint32_t c : view.with_conjuncts(subject)) {
        const std::int32_t e = view.entity_at(c);
        if (e >= 0 && (entities[static_cast<std::size_t>(e)].type == EntityType::Place ||
                       entities[static_cast<std::size_t>(e)].type == EntityType::Organization))
          claimants.push_back(static_cast<std::uint32_t>(e));
      }
    if (claimants.empty()) continue;
    // The places: the object, or the noun a relative clause "that X seeks to annex" modifies.
    std::vector<std::uint32_t> objects = view.deps_labelled(v, "obj");
    std::uint32_t clause = v;
    while (in(view.label(clause), {"xcomp", "conj"}) && view.head(clause) >= 0)
      clause = static_cast<std::uint32_t>(view.head(clause));
    if (view.label(clause) == "acl:relcl" && view.head(clause) >= 0)
      objects.push_back(static_cast<std::uint32_t>(view.head(clause)));
    const std::string text = claim_text(view, view.subtree(clause));
    for (std::uint32_t o : objects)
      for (std::uint32_t place : view.with_conjuncts(o)) {
        const std::int32_t e = view.entity_at(place);
        // What is annexed is territory, whatever type the tagger gave the name.
        if (e < 0 || view.is_demonym(place) || entities[static_cast<std::size_t>(e)].type == EntityType::Person ||
            entities[static_cast<std::size_t>(e)].type == EntityType::Event)
          continue;
        claimed_tokens.insert(place);
        for (std::uint32_t claimant : claimants)
          sink.add(RelationType::Claimed, claimant, static_cast<std::uint32_t>(e), view.index, "claimed:territory", text);
      }
  }
  return claimed_tokens;
}

void find_claims(const SentenceView& view, const std::vector<ArticleEntity>& entities,
                 const std::vector<std::pair<EventKind, std::uint32_t>>& events_so_far,
                 const std::vector<ClaimedEvent>& sentence_events, const std::set<std::uint32_t>& territory,
                 Sink& sink) {
  if (!view.has_parse()) return;
  for (std::uint32_t v = view.first; v < view.end; ++v) {
    const bool according = view.word(v) == "according";
    // "as reported by X", "as X put it": X speaks, the clause the verb hangs from is what.
    const bool as_clause = view.is_verb(v) && has_dep(view, v, "mark", "as") && view.head(v) >= 0;
    if (!according && !(view.is_verb(v) && (is_reporting_verb(view.word(v)) ||
                                            (as_clause && in(view.word(v), {"put", "articulated"})))))
      continue;
    // The speaker: the subject, or X of "according to X".
    std::vector<std::uint32_t> speakers;
    std::int32_t according_source = -1;  // the "X" of "according to X"
    if (according) {
      if (view.label(v) == "case" && view.head(v) >= 0) according_source = view.head(v);
      for (std::uint32_t t = v + 1; t < view.end && t < v + 6; ++t)
        if (view.entity_at(t) >= 0) {
          speakers.push_back(static_cast<std::uint32_t>(view.entity_at(t)));
          break;
        }
    } else {
      // A reporting verb without a subject ("..., claiming that ...") takes its governor's.
      std::vector<std::uint32_t> subjects = view.deps_labelled(v, "nsubj");
      if (as_clause)
        for (std::uint32_t agent : view.deps_labelled(v, "obl"))
          if (view.case_word(agent) == "by") subjects.push_back(agent);
      if (subjects.empty() && !as_clause && view.head(v) >= 0 && in(view.label(v), {"advcl", "xcomp", "conj"}))
        subjects = view.deps_labelled(static_cast<std::uint32_t>(view.head(v)), "nsubj");
      for (std::uint32_t s : subjects) {
        if (view.label(s) == "nsubj:pass") continue;
        for (std::uint32_t conjunct : view.with_conjuncts(s)) {
          // "X, President Putin's aide, noted" read as two subjects: a possessor speaks not.
          if (conjunct != s && has_dep(view, conjunct, "case", "'s")) continue;
          const std::uint32_t c = named_after(view, conjunct);
          std::int32_t e = view.entity_at(c);
          // "Officials from the UK government", "Reports from negotiator X", "Kremlin sources":
          // the entity whose people or papers speak.
          if (e < 0 && in(view.word(c), {"officials", "official", "reports", "report", "sources", "source", "figures",
                                         "statement", "spokesman", "spokeswoman", "spokesperson", "representatives"}))
            for (std::uint32_t d : view.deps(c))
              if (view.entity_at(d) >= 0 && !view.is_demonym(d) &&
                  (view.label(d) == "compound" || view.label(d) == "nmod:poss" ||
                   (view.label(d) == "nmod" && in(view.case_word(d), {"from", "of"})))) {
                e = view.entity_at(d);
                break;
              }
          if (e >= 0 && !view.is_demonym(c) && is_actor(entities[static_cast<std::size_t>(e)].type))
            speakers.push_back(static_cast<std::uint32_t>(e));
        }
      }
    }
    if (speakers.empty()) continue;

    // What was said: the clause under the verb (minus its subject), or — for "“...,” X
    // said" — the clause the verb hangs from.
    std::vector<std::uint32_t> content;
    std::set<std::uint32_t> excluded;
    for (std::uint32_t s : view.deps_labelled(v, "nsubj"))
      for (std::uint32_t t : view.subtree(s)) excluded.insert(t);
    if (according) {
      // "According to X, Y ...": the clause X hangs from, without X.
      const std::uint32_t source = according_source >= 0 ? static_cast<std::uint32_t>(according_source) : v;
      if (view.head(source) < 0) continue;
      const std::uint32_t h = static_cast<std::uint32_t>(view.head(source));
      // Leave out "according to X" itself, not what the parse may have hung below X.
      excluded.insert(v);
      for (std::uint32_t t : view.deps(v)) excluded.insert(t);
      for (std::uint32_t t = view.first; t < view.end; ++t)
        if (view.entity_at(t) >= 0 && view.entity_at(t) == view.entity_at(source)) excluded.insert(t);
      excluded.insert(source);
      for (std::uint32_t t : view.subtree(h))
        if (!excluded.count(t)) content.push_back(t);
    } else if (as_clause) {
      // "This session, as reported by Kommersant, involved ...": the clause around it.
      for (std::uint32_t t : view.subtree(v)) excluded.insert(t);
      for (std::uint32_t t : view.subtree(static_cast<std::uint32_t>(view.head(v))))
        if (!excluded.count(t)) content.push_back(t);
    } else {
      for (std::uint32_t c : view.deps(v)) {
        const std::string_view label = view.label(c);
        // Not obliques: "said Tuesday in Washington" says nothing about Washington.
        if (in(label, {"ccomp", "parataxis", "xcomp", "obj", "iobj"}) ||
            (label.substr(0, 3) == "obl" && in(view.case_word(c), {"of", "about", "over", "for"}))) {
          for (std::uint32_t t : view.subtree(c))
            if (!excluded.count(t)) content.push_back(t);
        }
      }
      if (content.empty() && view.head(v) >= 0 && in(view.label(v), {"parataxis", "ccomp", "conj"})) {
        const std::uint32_t h = static_cast<std::uint32_t>(view.head(v));
        for (std::uint32_t t : view.subtree(v)) excluded.insert(t);
        for (std::uint32_t t : view.subtree(h))
          if (!excluded.count(t)) content.push_back(t);
      }
      // "“Ukraine is back,” he said." parsed with the quote hanging off the verb in some other
      // way: the words between the quotation marks before it.
      if (content.empty() && is_quote_mark(view.word(view.first))) {
        std::uint32_t close = view.first + 1;
        while (close < v && !is_quote_mark(view.word(close))) ++close;
        if (close < v)
          for (std::uint32_t t = view.first + 1; t < close; ++t) content.push_back(t);
      }
    }
    std::sort(content.begin(), content.end());
    content.erase(std::unique(content.begin(), content.end()), content.end());
    if (content.empty()) continue;
    // Names inside a relative or participial clause describe something ("the plan proposed
    // by the Trump administration"); the claim is not about them.
    std::set<std::uint32_t> described(territory);  // places another party claims
    for (std::uint32_t t : content)
      if (view.label(t).starts_with("acl"))
        for (std::uint32_t d : view.subtree(t)) described.insert(d);
    std::vector<std::uint32_t> targets;
    std::set<std::uint32_t> inside_event;  // participants and places of events claimed about
    for (const ClaimedEvent& event : sentence_events)
      if (std::binary_search(content.begin(), content.end(), event.trigger)) {
        // A claim of a capture is about the place taken ("Putin announced the capture of
        // Pokrovsk"); one about a meeting is about the meeting.
        if (event.taken >= 0) {
          targets.push_back(static_cast<std::uint32_t>(event.taken));
          continue;
        }
        if (event.entity != kNoEntity) targets.push_back(event.entity);
        inside_event.insert(event.members.begin(), event.members.end());
      }
    // A claim about an event is about the event, not about what describes its participants
    // and place ("X, the head of Y's council", "in Miami, Florida"), nor where one travels
    // to meet ("will travel to Moscow to meet Y").
    for (std::uint32_t t : content) {
      const std::int32_t e = view.entity_at(t);
      if (e < 0 || !inside_event.count(static_cast<std::uint32_t>(e))) continue;
      for (std::uint32_t d : view.subtree(t)) described.insert(d);
      // The apposition by its commas, whatever the parse made of it.
      if (t + 2 < view.end && view.entity_at(t + 1) != e && view.word(t + 1) == "," &&
          (in(view.word(t + 2), {"the", "a", "an"}) || is_title_word(view.word(t + 2))))
        for (std::uint32_t d = t + 2; d < view.end && view.word(d) != ","; ++d) described.insert(d);
    }
    for (const ClaimedEvent& event : sentence_events) {
      const std::int32_t h = view.head(event.trigger);
      if (h < 0 || !in(view.label(event.trigger), {"xcomp", "advcl"}) ||
          !std::binary_search(content.begin(), content.end(), event.trigger))
        continue;
      for (std::uint32_t o : view.deps_labelled(static_cast<std::uint32_t>(h), "obl"))
        if (in(view.case_word(o), {"to", "in", "at"}))
          for (std::uint32_t d : view.subtree(o)) described.insert(d);
    }
    for (std::uint32_t t : content) {
      const std::int32_t e = view.entity_at(t);
      // A demonym counts for its country only as the people acting for it ("accused European
      // nations of ..."), not as a mere adjective ("Russian gas").
      const bool country_people = view.is_demonym(t) && view.head(t) >= 0 && view.label(t) == "amod" &&
                                  is_group_noun(view.word(static_cast<std::uint32_t>(view.head(t))));
      if (e >= 0 && (!view.is_demonym(t) || country_people) && view.kind[t - view.first] != EntityReference::Kind::Pronoun &&
          !inside_event.count(static_cast<std::uint32_t>(e)) && !described.count(t) &&
          std::find(targets.begin(), targets.end(), static_cast<std::uint32_t>(e)) == targets.end())
        targets.push_back(static_cast<std::uint32_t>(e));
      EventKind kind;
      const bool trigger_here = std::any_of(sentence_events.begin(), sentence_events.end(),
                                            [&](const ClaimedEvent& c) { return c.trigger == t; });
      if (e < 0 && !trigger_here && event_word_kind(view.word(t), kind)) {
        // "the talks were constructive": the latest event of that kind in the article, not one
        // this sentence is set at ("ministers convened, where X said peace talks ...").
        const auto setting = [&](std::uint32_t event) {
          return std::any_of(sentence_events.begin(), sentence_events.end(), [&](const ClaimedEvent& c) {
            return c.entity == event && !std::binary_search(content.begin(), content.end(), c.trigger);
          });
        };
        for (auto it = events_so_far.rbegin(); it != events_so_far.rend(); ++it)
          if (it->first == kind && !setting(it->second)) {
            if (std::find(targets.begin(), targets.end(), it->second) == targets.end()) targets.push_back(it->second);
            break;
          }
      }
    }
    // A statement made at an event by one of its participants, naming nothing else ("At the
    // end of the meeting, X declared: “No agreement has been reached.”"), is about the event.
    if (targets.empty())
      for (const ClaimedEvent& event : sentence_events)
        if (event.entity != kNoEntity &&
            std::any_of(speakers.begin(), speakers.end(), [&](std::uint32_t p) { return event.participants.count(p); })) {
          targets.push_back(event.entity);
          break;
        }
    if (targets.empty()) continue;
    const std::string text = claim_text(view, content);
    for (std::uint32_t speaker : speakers)
      for (std::uint32_t target : targets)
        // Not about the speaker's own side ("Putin declared that Russia did not want war").
        if (!sink.represents(speaker, target))
          sink.add(RelationType::Claimed, speaker, target, view.index,
                 according ? "claimed:according-to" : "claimed:reporting-verb", text);
  }
}

// --- events ---------------------------------------------------------------------------

// The people a sentence names as members of a delegation ("The Russian delegation was led by
// X, alongside Y", "Representing the United States were X and Z", "the delegation's
// leadership includes X"): every person named in a sentence with a delegation word, unless
// the name hangs off a relative or participial clause or a possessive ("appointed by W",
// "W's son-in-law"), which describe a member rather than add one. Empty without a
// delegation word or a parse.
struct DelegationMembers {
  std::vector<std::uint32_t> members;
  std::int32_t country = -1;  // the place the delegation is of ("the Russian delegation"), or -1
};

DelegationMembers delegation_members(const SentenceView& view, const std::vector<ArticleEntity>& entities) {
  DelegationMembers found;
  std::vector<std::uint32_t>& members = found.members;
  if (!view.has_parse()) return found;
  bool delegation = false;
  for (std::uint32_t t = view.first; t < view.end; ++t) {
    const bool word = in(view.word(t), {"delegation", "delegations", "negotiators", "representing"}) ||
                      (in(view.word(t), {"team", "side"}) && t > view.first &&
                       (view.word(t - 1) == "negotiating" || view.entity_at(t - 1) >= 0));
    if (!word) continue;
    delegation = true;
    // Its country: a demonym or place before it ("Russian delegation", "US side", "Russian
    // negotiating team"), or the object of "representing".
    for (std::uint32_t c : view.deps(t)) {
      const std::int32_t e = view.entity_at(c);
      if (e >= 0 && entities[static_cast<std::size_t>(e)].type == EntityType::Place &&
          in(view.label(c), {"amod", "compound", "nmod:poss", "obj"}))
        found.country = e;
    }
  }
  if (!delegation) return found;
  for (std::uint32_t t = view.first; t < view.end; ++t) {
    const std::int32_t e = view.entity_at(t);
    if (e < 0 || view.kind[t - view.first] != EntityReference::Kind::Name ||
        entities[static_cast<std::size_t>(e)].type != EntityType::Person)
      continue;
    if (t > view.first && view.entity_at(t - 1) == e) continue;  // one token per name
    bool described = false;
    for (std::int32_t h = static_cast<std::int32_t>(t); h >= 0 && view.contains(static_cast<std::uint32_t>(h));
         h = view.head(static_cast<std::uint32_t>(h))) {
      const std::uint32_t token = static_cast<std::uint32_t>(h);
      if (in(view.case_word(token), {"including", "like"})) break;  // a listed member
      const std::string_view label = view.label(token);
      // "figures close to Putin": the name hangs off an adjective.
      if (label.starts_with("acl") || label == "nmod:poss" || label.starts_with("advcl") || label == "amod")
        described = true;
    }
    if (!described && std::find(members.begin(), members.end(), static_cast<std::uint32_t>(e)) == members.end())
      members.push_back(static_cast<std::uint32_t>(e));
  }
  return found;
}

// "X met Y during his visit to Z": a meeting within another event of the sentence is part of
// it; its parties join that event (and still meet each other) instead of making a second one.
void fold_parts_into_wholes(const SentenceView& view, std::vector<EventMention>& found) {
  for (std::size_t part = 0; part < found.size(); ++part) {
    std::size_t whole = found.size();
    for (std::uint32_t child : view.deps(found[part].trigger))
      if (view.case_word(child) == "during")
        for (std::size_t w = 0; w < found.size(); ++w)
          if (w != part && found[w].trigger == child) whole = w;
    if (whole == found.size()) continue;
    EventMention& into = found[whole];
    for (const auto* side : {&found[part].side_a, &found[part].side_b})
      for (std::uint32_t p : *side)
        if (std::find(into.side_a.begin(), into.side_a.end(), p) == into.side_a.end() &&
            std::find(into.side_b.begin(), into.side_b.end(), p) == into.side_b.end())
          into.side_a.push_back(p);
    into.complete = into.complete || found[part].complete;
    found.erase(found.begin() + static_cast<std::ptrdiff_t>(part));
    --part;
  }
}

struct ArticleEvent {
  EventKind kind;
  std::set<std::uint32_t> participants;
  std::int32_t place = -1;
  std::string date;
  bool planned = true;
  std::uint32_t entity = 0;  // index in graph.entities once added
  std::set<std::string> phrases;
  std::uint32_t last_sentence = 0;
  bool earlier = false;  // made from an "earlier" mention: other mentions do not join it
};

bool dates_agree(const std::string& a, const std::string& b) {
  return a.empty() || b.empty() || a.starts_with(b) || b.starts_with(a);
}

bool same_occurrence(const ArticleEvent& event, const EventMention& mention) {
  if (event.kind != mention.kind || event.earlier || event.participants.empty()) return false;
  std::set<std::uint32_t> parts(mention.side_a.begin(), mention.side_a.end());
  parts.insert(mention.side_b.begin(), mention.side_b.end());
  std::size_t common = 0;
  for (std::uint32_t p : parts) common += event.participants.count(p);
  if (!event.date.empty() && !mention.date.empty() && event.date != mention.date) return false;
  if (event.place >= 0 && mention.place >= 0 && event.place != mention.place) return false;
  // "X will meet Y" and "X met Y": two occurrences.
  if (is_encounter(mention.kind) && event.planned != mention.planned && parts.size() >= 2 &&
      event.participants.size() >= 2)
    return false;
  return common >= std::min<std::size_t>(2, std::min(parts.size(), event.participants.size()));
}

// The event an incomplete mention ("the talks", "his meeting with Witkoff") refers back to:
// of the events of `kind` that its date and place do not contradict, the latest one that
// has a participant it names, else the latest. events.size() when there is none.
std::size_t antecedent(const std::vector<ArticleEvent>& events, const EventMention& mention, EventKind kind) {
  std::size_t best = events.size();
  bool best_shares = false;
  for (std::size_t e = 0; e < events.size(); ++e) {
    const ArticleEvent& event = events[e];
    if (event.kind != kind || event.earlier || !dates_agree(event.date, mention.date)) continue;
    if (event.place >= 0 && mention.place >= 0 && event.place != mention.place) continue;
    bool shares = false;
    for (const auto* side : {&mention.side_a, &mention.side_b})
      for (std::uint32_t p : *side) shares = shares || event.participants.count(p) > 0;
    // One that shares a participant first, then the latest.
    if (best == events.size() || (shares && !best_shares) ||
        (shares == best_shares && event.last_sentence >= events[best].last_sentence)) {
      best = e;
      best_shares = shares;
    }
  }
  return best;
}

// The same, falling back for "the talks" to a conference of the article ("Miliband chaired
// the talks" after "a conference in London").
std::size_t antecedent(const std::vector<ArticleEvent>& events, const EventMention& mention) {
  const std::size_t found = antecedent(events, mention, mention.kind);
  if (found != events.size() || mention.kind != EventKind::Meeting) return found;
  return antecedent(events, mention, EventKind::Forum);
}

std::string short_name(const ArticleEntity& entity) {
  if (entity.type != EntityType::Person) return entity.name;
  const std::size_t space = entity.name.rfind(' ');
  return space == std::string::npos ? entity.name : entity.name.substr(space + 1);
}

// "Putin–Witkoff meeting" from the actors; places name it only when no actor is known
// ("Ukraine invasion"), and "meeting in Geneva" when nobody is named.
std::string event_name(const ArticleEvent& event, const std::vector<ArticleEntity>& entities) {
  std::vector<std::string> names;
  for (std::uint32_t p : event.participants)
    if (entities[p].type != EntityType::Place) names.push_back(short_name(entities[p]));
  if (names.empty())
    for (std::uint32_t p : event.participants) names.push_back(short_name(entities[p]));
  if (names.empty()) {
    std::string name(event_noun(event.kind));
    if (event.place >= 0) name += " in " + entities[static_cast<std::size_t>(event.place)].name;
    return name;
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::string name;
  for (const std::string& n : names) name += (name.empty() ? "" : "–") + n;
  return name + " " + std::string(event_noun(event.kind));
}

}  // namespace

void extract_relations(const Document& doc, const NameLexicon& lexicon, ArticleGraph& graph) {
  Sink sink{doc, graph, {}};
  std::vector<ArticleEvent> events;
  std::vector<std::pair<EventMention, std::size_t>> mentions;  // mention, event index
  std::vector<EventMention> pending;  // incomplete mentions before any event they could refer to
  struct Delegation {
    std::uint32_t sentence;
    std::vector<std::uint32_t> members;
    std::size_t event;  // kNoEvent when no meeting came before
  };
  constexpr std::size_t kNoEvent = SIZE_MAX;
  std::vector<Delegation> delegations;
  const auto latest_meeting = [](const std::vector<ArticleEvent>& all) {
    std::size_t best = kNoEvent;
    for (std::size_t e = 0; e < all.size(); ++e)
      if (all[e].kind == EventKind::Meeting && !all[e].earlier &&
          (best == kNoEvent || all[e].last_sentence >= all[best].last_sentence))
        best = e;
    return best;
  };
  const auto add_mention = [](ArticleEvent& event, const EventMention& mention) {
    event.participants.insert(mention.side_a.begin(), mention.side_a.end());
    event.participants.insert(mention.side_b.begin(), mention.side_b.end());
    if (event.place < 0) event.place = mention.place;
    if (event.date.empty()) event.date = mention.date;
    event.planned = event.planned && mention.planned;
    if (!mention.phrase.empty()) event.phrases.insert(mention.phrase);
    if (!mention.party_phrase.empty()) event.phrases.insert(mention.party_phrase);
    event.last_sentence = std::max(event.last_sentence, mention.sentence);
  };
  std::vector<std::pair<EventKind, std::uint32_t>> events_so_far;  // kind, entity index (once added)

  for (std::uint32_t s = 0; s < doc.sentences.size(); ++s) {
    if (doc.sentences[s].end_token <= doc.sentences[s].first_token) continue;
    const SentenceView view = make_sentence_view(doc, s, graph.entities, graph.references, lexicon);
    find_represents(view, graph.entities, sink);

    std::vector<EventMention> found = find_event_mentions(view, graph.entities, doc.article.date);
    fold_parts_into_wholes(view, found);
    const bool sentence_has_event = !found.empty();
    // This sentence's event mentions, so that a claim about one targets the event and not
    // its members, whether or not the mention joined an event yet (dates may decide that).
    std::vector<ClaimedEvent> sentence_events;
    for (const EventMention& mention : found) {
      ClaimedEvent claimed{mention.trigger, kNoEntity, mention.side_a, {}};
      claimed.members.insert(claimed.members.end(), mention.side_b.begin(), mention.side_b.end());
      if (mention.place >= 0) claimed.members.push_back(static_cast<std::uint32_t>(mention.place));
      if (mention.kind == EventKind::Capture || mention.kind == EventKind::Invasion) claimed.taken = mention.place;
      sentence_events.push_back(std::move(claimed));
    }
    for (EventMention& mention : found) {
      std::size_t e = 0;
      if (mention.earlier) {
        // "a previous meeting", "talks ... last week": another occurrence than the one at hand.
        e = events.size();
        if (!mention.complete && mention.place < 0) continue;
      } else if (mention.complete) {
        while (e < events.size() && !same_occurrence(events[e], mention)) ++e;
      } else {
        e = antecedent(events, mention);
        const bool named = !mention.side_a.empty() || !mention.side_b.empty();
        if (e == events.size() && !(named && mention.unnamed_counterpart)) {
          pending.push_back(std::move(mention));  // may refer forward to an event named later
          continue;
        }
      }
      if (e == events.size()) events.push_back({mention.kind, {}, -1, {}, true, 0, {}, 0, mention.earlier});
      add_mention(events[e], mention);
      mentions.emplace_back(std::move(mention), e);
    }
    // Delegation members take part in the meeting at hand: the latest one, or the next.
    if (!sentence_has_event) {
      const DelegationMembers delegation = delegation_members(view, graph.entities);
      if (!delegation.members.empty()) delegations.push_back({s, delegation.members, latest_meeting(events)});
      // Members of "the Russian delegation" act for Russia.
      if (delegation.country >= 0)
        for (std::uint32_t p : delegation.members)
          sink.add(RelationType::Represents, p, static_cast<std::uint32_t>(delegation.country), s,
                   "represents:delegation-member");
    }
    // Events get their entity index now, so claims later in the article can point at them.
    for (std::size_t e = 0; e < events.size(); ++e) {
      if (events[e].entity != 0) continue;
      events[e].entity = static_cast<std::uint32_t>(graph.entities.size());
      graph.entities.push_back({EntityType::Event, {}, {}, 0, {}, {}, {}, {}});
      events_so_far.emplace_back(events[e].kind, events[e].entity);
    }
    for (auto it = mentions.rbegin(); it != mentions.rend() && it->first.sentence == s; ++it)
      for (ClaimedEvent& claimed : sentence_events)
        if (claimed.trigger == it->first.trigger) {
          claimed.entity = events[it->second].entity;
          claimed.participants = events[it->second].participants;
        }
    const std::set<std::uint32_t> territory = find_territorial_claims(view, graph.entities, sink);
    find_claims(view, graph.entities, events_so_far, sentence_events, territory, sink);
  }

  // A mention that came before every event it could refer to ("the talks" in a lead that
  // names the parties only later): the first event of its kind named after it.
  for (EventMention& mention : pending) {
    if (mention.earlier) continue;
    std::size_t best = events.size();
    for (std::size_t e = 0; e < events.size(); ++e) {
      const ArticleEvent& event = events[e];
      if (event.kind != mention.kind || event.earlier || !dates_agree(event.date, mention.date) ||
          (event.place >= 0 && mention.place >= 0 && event.place != mention.place))
        continue;
      if (best == events.size()) best = e;
    }
    if (best == events.size()) {
      // Nothing to refer to: an occurrence of its own when it says where or with whom
      // ("negotiations between Russian and US delegations ... in Saudi Arabia").
      if (mention.place < 0 && mention.side_a.size() + mention.side_b.size() < 2) continue;
      events.push_back({mention.kind, {}, -1, {}, true, 0, {}, 0, false});
      events.back().entity = static_cast<std::uint32_t>(graph.entities.size());
      graph.entities.push_back({EntityType::Event, {}, {}, 0, {}, {}, {}, {}});
    }
    add_mention(events[best], mention);
    mentions.emplace_back(std::move(mention), best);
  }

  for (Delegation& delegation : delegations) {
    if (delegation.event == kNoEvent)
      for (std::size_t e = 0; e < events.size() && delegation.event == kNoEvent; ++e)
        if (events[e].kind == EventKind::Meeting && !events[e].earlier) delegation.event = e;
    if (delegation.event == kNoEvent) continue;
    events[delegation.event].participants.insert(delegation.members.begin(), delegation.members.end());
  }

  // Name the events now that their participants are known; relations per mention.
  for (ArticleEvent& event : events) {
    ArticleEntity& entity = graph.entities[event.entity];
    entity.name = event_name(event, graph.entities);
    entity.aliases = {entity.name};
    entity.aliases.insert(entity.aliases.end(), event.phrases.begin(), event.phrases.end());
    std::sort(entity.aliases.begin(), entity.aliases.end());
    entity.date = event.date;
    entity.event_kind = std::string(event_noun(event.kind));
    if (event.place >= 0) entity.place = graph.entities[static_cast<std::size_t>(event.place)].name;
  }
  for (const auto& [mention, e] : mentions) {
    const ArticleEvent& event = events[e];
    ++graph.entities[event.entity].mentions;
    const std::string status = mention.planned ? "planned" : "held";
    for (const auto* side : {&mention.side_a, &mention.side_b})
      for (std::uint32_t p : *side)
        if (graph.entities[p].type != EntityType::Place)
          sink.add(RelationType::ParticipatedIn, p, event.entity, mention.sentence, "participated-in:event-argument");
    if (mention.place >= 0)
      sink.add(RelationType::LocatedIn, event.entity, static_cast<std::uint32_t>(mention.place), mention.sentence,
               "located-in:event-place");
    if (mention.wider_place >= 0)
      sink.add(RelationType::LocatedIn, event.entity, static_cast<std::uint32_t>(mention.wider_place), mention.sentence,
               "located-in:event-place-region");
    if (!is_encounter(mention.kind)) continue;
    const auto actor = [&](std::uint32_t p) { return graph.entities[p].type != EntityType::Place; };
    if (!mention.side_b.empty()) {
      for (std::uint32_t a : mention.side_a)
        for (std::uint32_t b : mention.side_b)
          if (actor(a) && actor(b)) sink.add(RelationType::MetWith, a, b, mention.sentence, "met-with:across-sides", {}, status);
    } else if (!mention.gathering) {
      for (std::size_t i = 0; i < mention.side_a.size(); ++i)
        for (std::size_t j = i + 1; j < mention.side_a.size(); ++j)
          if (actor(mention.side_a[i]) && actor(mention.side_a[j]))
            sink.add(RelationType::MetWith, mention.side_a[i], mention.side_a[j], mention.sentence,
                     "met-with:joint-subjects", {}, status);
    }
  }
  for (const Delegation& delegation : delegations) {
    if (delegation.event == kNoEvent) continue;
    for (std::uint32_t p : delegation.members)
      sink.add(RelationType::ParticipatedIn, p, events[delegation.event].entity, delegation.sentence,
               "participated-in:delegation-member");
  }
}

}  // namespace newsgraph
