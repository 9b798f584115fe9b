#include "extract/events.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

#include "extract/names.hpp"

namespace newsgraph {
namespace {

struct Trigger {
  std::string_view word;
  EventKind kind;
};

// Verb forms and nouns that name an event. Calls are told apart from other "calls" by a
// phone word in the sentence (see is_call_sentence).
constexpr std::array<Trigger, 69> kTriggers = {{
    {"meet", EventKind::Meeting},        {"meets", EventKind::Meeting},
    {"met", EventKind::Meeting},         {"meeting", EventKind::Meeting},
    {"meetings", EventKind::Meeting},    {"talks", EventKind::Meeting},
    {"negotiations", EventKind::Meeting}, {"negotiate", EventKind::Meeting},
    {"negotiated", EventKind::Meeting},  {"summit", EventKind::Meeting},
    {"discussions", EventKind::Meeting}, {"dialogue", EventKind::Meeting},
    {"consultations", EventKind::Meeting}, {"encounter", EventKind::Meeting},
    {"deliberations", EventKind::Meeting}, {"engagement", EventKind::Meeting},
    {"election", EventKind::Election},   {"elections", EventKind::Election},
    {"arrested", EventKind::Arrest},     {"arrests", EventKind::Arrest},
    {"detained", EventKind::Arrest},     {"ruled", EventKind::Ruling},
    {"ruling", EventKind::Ruling},       {"withdrawal", EventKind::Withdrawal},
    {"pullout", EventKind::Withdrawal},  {"withdraw", EventKind::Withdrawal},
    {"withdrew", EventKind::Withdrawal}, {"bankruptcy", EventKind::Bankruptcy},
    {"verdict", EventKind::Ruling},      {"judgement", EventKind::Ruling},
    {"judgment", EventKind::Ruling},
    {"conversation", EventKind::Call},   {"call", EventKind::Call},
    {"spoke", EventKind::Call},          {"speak", EventKind::Call},
    {"talked", EventKind::Call},         {"phoned", EventKind::Call},
    {"interview", EventKind::Interview}, {"interviewed", EventKind::Interview},
    {"forum", EventKind::Forum},         {"conference", EventKind::Forum},
    {"visit", EventKind::Visit},         {"visited", EventKind::Visit},
    {"visits", EventKind::Visit},        {"visiting", EventKind::Visit},
    {"agreement", EventKind::Agreement}, {"accord", EventKind::Agreement},
    {"treaty", EventKind::Agreement},    {"deal", EventKind::Agreement},
    {"signed", EventKind::Agreement},    {"sign", EventKind::Agreement},
    {"invasion", EventKind::Invasion},   {"invaded", EventKind::Invasion},
    {"invade", EventKind::Invasion},     {"invades", EventKind::Invasion},
    {"capture", EventKind::Capture},     {"captured", EventKind::Capture},
    {"seized", EventKind::Capture},      {"seize", EventKind::Capture},
    {"hosted", EventKind::Meeting},      {"received", EventKind::Meeting},
    {"host", EventKind::Meeting},        {"hosts", EventKind::Meeting},
    {"attack", EventKind::Capture},      {"attacked", EventKind::Capture},
    {"convened", EventKind::Meeting},    {"convene", EventKind::Meeting},
    {"convenes", EventKind::Meeting},    {"conquest", EventKind::Capture},
}};

bool in(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool is_call_sentence(const SentenceView& view) {
  for (std::uint32_t t = view.first; t < view.end; ++t)
    if (in(view.word(t), {"phone", "telephone", "telephoned", "phoned", "call", "videoconference", "video"})) return true;
  return false;
}

// "ministers convened": a meeting whose subject is the whole group that met.
bool is_gathering_verb(std::string_view word) { return in(word, {"convened", "convene", "convenes"}); }

bool has_particle(const SentenceView& view, std::uint32_t t, std::string_view particle) {
  for (std::uint32_t child : view.deps(t))
    if (view.label(child) == "compound:prt" && view.word(child) == particle) return true;
  return t + 1 < view.end && view.word(t + 1) == particle;
}

// Agreements count only when signed or concluded; "received" and "hosted" only with a
// person or organisation as object; attacks only as verbs with a place object.
bool trigger_kind(const SentenceView& view, std::uint32_t t, EventKind& kind) {
  const std::string_view word = view.word(t);
  const auto found = std::find_if(kTriggers.begin(), kTriggers.end(), [&](const Trigger& k) { return k.word == word; });
  if (found == kTriggers.end()) return false;
  kind = found->kind;
  const bool verb = view.is_verb(t);
  const std::string_view tag = view.pos(t);
  if (!verb && !(tag.size() >= 2 && tag[0] == 'N' && tag[1] == 'N')) return false;
  if (view.entity_at(t) >= 0) return false;  // part of a name ("Munich Security Conference")
  if (kind == EventKind::Call) {
    if (word == "call" && verb) return false;  // "called for", "calls on"
    if (!is_call_sentence(view)) {
      // Without a phone word, people who spoke or talked with each other met ("Trump and Xi
      // spoke for two hours", "they spoke with Putin"); "spoke to reporters" is no meeting.
      if (!verb || !in(word, {"spoke", "speak", "talked"})) return false;
      bool with = false;
      for (std::uint32_t child : view.deps(t))
        with = with || (view.label(child).starts_with("obl") && view.case_word(child) == "with");
      bool joint = false;
      for (std::uint32_t subject : view.deps_labelled(t, "nsubj")) joint = joint || view.with_conjuncts(subject).size() >= 2;
      if (!with && !joint) return false;
      kind = EventKind::Meeting;
    }
  }
  if (word == "meeting" && verb) return true;
  if (in(word, {"signed", "sign"})) {
    bool agreement_object = false;
    for (std::uint32_t o : view.deps_labelled(t, "obj")) agreement_object |= in(view.word(o), {"agreement", "accord", "treaty", "deal", "memorandum"});
    if (!agreement_object) return false;
  } else if (kind == EventKind::Agreement) {
    // The noun alone: only as the object of signing, reaching, concluding.
    const std::int32_t h = view.head(t);
    if (h < 0 || !in(view.word(static_cast<std::uint32_t>(h)),
                     {"signed", "sign", "signing", "reached", "concluded", "struck", "forged", "clinched"}))
      return false;
  }
  if (is_gathering_verb(word) && !verb) return false;
  if (in(word, {"received", "hosted", "host", "hosts", "attack", "attacked", "arrested", "detained", "ruled", "withdraw",
                "withdrew"}) &&
      !verb)
    return false;
  if (word == "ruled" && has_particle(view, t, "out")) return false;  // "ruled out a meeting"
  // "ministers convened"; not "the meeting was convened", whose noun is the trigger.
  if (is_gathering_verb(word) && !view.deps_labelled(t, "nsubj:pass").empty()) return false;
  // "filed for bankruptcy", "a bankruptcy filing"; not "the risk of bankruptcy".
  if (kind == EventKind::Bankruptcy) {
    const std::int32_t h = view.head(t);
    if (h < 0 || !in(view.word(static_cast<std::uint32_t>(h)), {"filed", "files", "file", "filing", "entered", "declared"}))
      return false;
  }
  return true;
}

bool has_dep_word(const SentenceView& view, std::uint32_t t, std::initializer_list<std::string_view> words) {
  for (std::uint32_t child : view.deps(t))
    if (in(view.word(child), words)) return true;
  return false;
}

bool negated(const SentenceView& view, std::uint32_t t) {
  if (has_dep_word(view, t, {"not", "n't", "never", "no"})) return true;
  for (std::uint32_t child : view.deps(t))
    if (view.label(child) == "det" && in(view.word(child), {"no"})) return true;
  return false;
}

bool hypothetical(const SentenceView& view, std::uint32_t t) {
  for (std::uint32_t child : view.deps(t)) {
    const std::string_view label = view.label(child);
    if (label == "mark" && in(view.word(child), {"if", "whether", "unless"})) return true;
    if (label == "aux" && in(view.word(child), {"would", "could", "might", "may", "should", "'d"})) return true;
  }
  return false;
}

// A verb that says the event will not take place: "ruled out the meeting", "cancelled the
// talks", "called off the summit".
bool called_off(const SentenceView& view, std::uint32_t verb) {
  const std::string_view word = view.word(verb);
  if (in(word, {"ruled", "rules", "rule"})) return has_particle(view, verb, "out");
  if (in(word, {"called", "calls", "call"})) return has_particle(view, verb, "off");
  return in(word, {"cancelled", "canceled", "cancels", "cancel", "rejected", "rejects", "refused", "refuses",
                   "postponed", "postpones", "scrapped", "scraps"});
}

// A verb whose negation or modality says whether its subject event took place ("the talks
// did not take place"), unlike one that says what the event did ("the call did not yield a
// breakthrough").
bool occurrence_verb(std::string_view word) {
  return in(word, {"take", "takes", "took", "taken", "taking", "happen", "happens", "happened", "occur", "occurs",
                   "occurred", "go", "goes", "went", "gone", "proceed", "proceeded", "materialize", "materialized",
                   "materialise", "materialised", "start", "started", "begin", "began", "begun", "resume", "resumed",
                   "continue", "continued", "end", "ended", "conclude", "concluded"});
}

// A verb by which its subject comments on an event rather than takes part in it ("Trump
// characterized the discussions as productive", "Kyiv welcomed the talks").
bool commentary_verb(std::string_view word) {
  return in(word, {"characterized", "characterised", "characterizes", "described", "describes", "called", "calls",
                   "welcomed", "welcomes", "criticized", "criticised", "criticizes", "praised", "praises",
                   "condemned", "condemns", "hailed", "hails", "dismissed", "dismisses", "questioned", "mentioned",
                   "reported", "reports", "denied", "denies", "confirmed", "confirms", "noted", "downplayed",
                   "lauded", "slammed", "blasted", "defended", "doubted", "mocked"});
}

// A verb by which its subject carries out an event that is no encounter: "held elections",
// "filed for bankruptcy", "signed an agreement", "began the withdrawal", "told the forum".
bool doing_verb(std::string_view word) {
  return in(word, {"held", "hold", "holds", "holding", "filed", "files", "file", "filing", "signed", "sign", "signs",
                   "signing", "reached", "reach", "concluded", "conclude", "struck", "forged", "clinched", "completed",
                   "complete", "completes", "began", "begin", "begins", "begun", "started", "start", "starts",
                   "launched", "launch", "launches", "carried", "conducted", "conduct", "staged", "stage", "won",
                   "win", "wins", "organised", "organized", "entered", "declared", "made", "make",
                   // speaking to a forum or conference is taking part in it
                   "addressed", "addresses", "address", "told", "tells", "informed", "informs", "attended", "attends"});
}

bool future(const SentenceView& view, std::uint32_t t) {
  for (std::uint32_t child : view.deps(t)) {
    const std::string_view label = view.label(child);
    const std::string_view word = view.word(child);
    if (label == "aux" && in(word, {"will", "'ll", "shall", "wo"})) return true;
    if (label == "amod" && in(word, {"planned", "upcoming", "proposed", "possible", "future", "scheduled", "next",
                                     "potential", "expected", "forthcoming"}))
      return true;
  }
  const std::int32_t h = view.head(t);
  if (h >= 0 && (view.label(t) == "xcomp" || view.label(t) == "advcl" || view.label(t) == "obj")) {
    const std::string_view head_word = view.word(static_cast<std::uint32_t>(h));
    if (in(head_word, {"plan", "plans", "planned", "planning", "expect", "expects", "expected", "schedule", "scheduled",
                       "pledge", "pledges", "pledged", "promise", "promises", "promised", "vow", "vows", "vowed",
                       "agree", "agreed", "hope", "hopes", "hoped", "want", "wants", "wanted", "prepare", "prepares",
                       "preparing", "propose", "proposed", "travel", "travels", "traveling", "travelling", "arrange",
                       "arranged", "seek", "seeks", "sought", "intend", "intends", "set"}))
      return true;
    for (std::uint32_t child : view.deps(static_cast<std::uint32_t>(h)))
      if (view.label(child) == "aux" && in(view.word(child), {"will", "'ll", "shall"})) return true;
  }
  for (std::uint32_t w = view.first; w + 1 < view.end; ++w)
    if ((view.word(w) == "next" && in(view.word(w + 1), {"week", "month", "year"})) || view.word(w) == "tomorrow")
      return true;
  return false;
}


// The entities of `tokens` and their conjuncts.
void add_entities(const SentenceView& view, const std::vector<ArticleEntity>& entities, const std::vector<std::uint32_t>& tokens,
                  std::vector<std::uint32_t>& out) {
  for (std::uint32_t token : tokens) {
    for (std::uint32_t t : view.with_conjuncts(token)) {
      std::int32_t e = view.entity_at(t);
      // A name the parse hangs off a title or a first name ("President Volodymyr Zelensky").
      if (e < 0) {
        for (std::uint32_t child : view.deps(t))
          if (in(view.label(child), {"flat", "compound", "appos", "nmod:desc", "flat:name"}) && view.entity_at(child) >= 0) {
            e = view.entity_at(child);
            break;
          }
      }
      // "Co-founder of Google, Sergey Brin, met ...": the name in apposition to a title, by
      // its commas, whatever the parse made of it.
      if (e < 0 && (is_title_word(view.word(t)) || view.word(t) == "co-founder")) {
        std::uint32_t comma = t + 1;
        while (comma < view.end && comma < t + 6 && view.word(comma) != ",") ++comma;
        if (comma + 1 < view.end && view.word(comma) == ",") {
          const std::int32_t named = view.entity_at(comma + 1);
          if (named >= 0 && entities[static_cast<std::size_t>(named)].type == EntityType::Person) e = named;
        }
      }
      // "the delegation of X", "X's team", "Russian forces": the entity under a group noun,
      // a country or organisation; "the envoys of his counterpart" are not the counterpart.
      if (e < 0 && is_group_noun(view.word(t))) {
        for (std::uint32_t child : view.deps(t)) {
          const std::string_view label = view.label(child);
          if ((label == "nmod:poss" || label == "nmod" || label == "compound" || label == "amod") &&
              view.entity_at(child) >= 0 && entities[static_cast<std::size_t>(view.entity_at(child))].type != EntityType::Person) {
            e = view.entity_at(child);
            break;
          }
        }
      }
      if (e >= 0 && std::find(out.begin(), out.end(), static_cast<std::uint32_t>(e)) == out.end())
        out.push_back(static_cast<std::uint32_t>(e));
    }
  }
}

std::vector<std::uint32_t> obliques(const SentenceView& view, std::uint32_t t, std::initializer_list<std::string_view> cases) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t child : view.deps(t)) {
    const std::string_view label = view.label(child);
    if ((label.substr(0, 3) == "obl" || label.substr(0, 4) == "nmod") && in(view.case_word(child), cases))
      out.push_back(child);
  }
  return out;
}

// Days since 1970-01-01 for a civil date, and back (proleptic Gregorian).
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

std::string civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const long y = static_cast<long>(yoe) + era * 400 + (m <= 2);
  char buffer[40];  // room for any long year: no truncation warning
  std::snprintf(buffer, sizeof buffer, "%04ld-%02u-%02u", y, m, d);
  return buffer;
}

int month_number(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",
                                                               "may",     "june",     "july",      "august",
                                                               "september", "october", "november", "december"};
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  for (int m = 0; m < 12; ++m)
    if (word == kMonths[m] || (word.size() >= 3 && word.size() <= 4 && word != "may" && kMonths[m].substr(0, word.size()) == word))
      return m + 1;
  return 0;
}

int weekday_number(std::string_view word) {  // 0 = Monday
  static constexpr std::array<std::string_view, 7> kDays = {"monday", "tuesday", "wednesday", "thursday",
                                                            "friday", "saturday", "sunday"};
  for (int d = 0; d < 7; ++d)
    if (word == kDays[d]) return d;
  return -1;
}

int number(std::string_view word, int min, int max) {
  int value = 0;
  const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
  if (ec != std::errc() || end != word.data() + word.size() || value < min || value > max) return -1;
  return value;
}

bool parse_iso_day(std::string_view date, long& days) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return false;
  const int y = number(date.substr(0, 4), 1000, 2999);
  const int m = number(date.substr(5, 2), 1, 12);
  const int d = number(date.substr(8, 2), 1, 31);
  if (y < 0 || m < 0 || d < 0) return false;
  days = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

}  // namespace

// Nouns for a group that acts for an entity.
bool is_group_noun(std::string_view word) {
  return in(word, {"delegation", "team", "envoys", "envoy", "representatives", "officials", "negotiators", "side",
                   "counterpart", "counterparts", "leaders", "government", "administration", "forces", "troops",
                   "army", "military", "diplomats", "ministers", "members", "states", "nations", "countries", "allies",
                   "authorities", "soldiers"});
}

std::string_view event_noun(EventKind kind) {
  switch (kind) {
    case EventKind::Meeting: return "meeting";
    case EventKind::Call: return "phone call";
    case EventKind::Interview: return "interview";
    case EventKind::Forum: return "forum";
    case EventKind::Visit: return "visit";
    case EventKind::Agreement: return "agreement";
    case EventKind::Invasion: return "invasion";
    case EventKind::Capture: return "capture";
    case EventKind::Election: return "election";
    case EventKind::Arrest: return "arrest";
    case EventKind::Ruling: return "ruling";
    case EventKind::Withdrawal: return "withdrawal";
    case EventKind::Bankruptcy: return "bankruptcy";
  }
  return "event";
}

bool is_encounter(EventKind kind) {
  return kind == EventKind::Meeting || kind == EventKind::Call || kind == EventKind::Visit ||
         kind == EventKind::Interview;
}

bool event_word_kind(std::string_view lower_word, EventKind& kind) {
  for (const Trigger& trigger : kTriggers) {
    if (trigger.word == lower_word &&
        in(lower_word, {"meeting", "talks", "negotiations", "summit", "discussions", "dialogue", "consultations",
                        "deliberations", "engagement",
                        "conversation", "call", "interview", "forum", "conference", "visit", "invasion"})) {
      kind = trigger.kind;
      return true;
    }
  }
  return false;
}

std::string find_date(const SentenceView& view, std::string_view article_date, bool future_event) {
  long anchor = 0;
  const bool anchored = parse_iso_day(article_date, anchor);
  const int anchor_year = anchored ? number(article_date.substr(0, 4), 1000, 2999) : -1;
  for (std::uint32_t t = view.first; t < view.end; ++t) {
    const std::string_view word = view.word(t);
    const int month = month_number(word);
    if (month > 0 && (word != "may" || view.doc->token_text(t) == "May")) {
      // "December 2, 2025", "December 2", "2 December 2025", "December 2025"
      int day = t + 1 < view.end ? number(view.word(t + 1), 1, 31) : -1;
      int year = -1;
      if (day > 0) {
        std::uint32_t y = t + 2;
        if (y < view.end && view.word(y) == ",") ++y;
        if (y < view.end) year = number(view.word(y), 1000, 2999);
      } else {
        if (t > view.first) day = number(view.word(t - 1), 1, 31);
        if (t + 1 < view.end) year = number(view.word(t + 1), 1000, 2999);
      }
      if (year < 0) year = anchor_year;
      char buffer[32];
      if (year > 0 && day > 0) {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
        return buffer;
      }
      if (year > 0 && t + 1 < view.end && number(view.word(t + 1), 1000, 2999) > 0) {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
        return buffer;
      }
      // "in February": the last February up to the article's month (the next one for a
      // planned event).
      const std::string_view text = view.doc->token_text(t);
      if (anchored && day < 0 && t > view.first && view.word(t - 1) == "in" && !text.empty() && text[0] >= 'A' &&
          text[0] <= 'Z') {
        const int anchor_month = number(article_date.substr(5, 2), 1, 12);
        if (!future_event && month > anchor_month) --year;
        if (future_event && month < anchor_month) ++year;
        std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
        return buffer;
      }
      continue;
    }
    if (!anchored) continue;
    if (word == "yesterday") return civil_from_days(anchor - 1);
    if (word == "today" || word == "tonight") return civil_from_days(anchor);
    if (word == "tomorrow") return civil_from_days(anchor + 1);
    const int weekday = weekday_number(word);
    if (weekday >= 0) {
      const int anchor_weekday = static_cast<int>(((anchor % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
      int delta = anchor_weekday - weekday;
      if (future_event) {
        delta = (weekday - anchor_weekday + 7) % 7;
        return civil_from_days(anchor + delta);
      }
      if (delta < 0) delta += 7;
      return civil_from_days(anchor - delta);
    }
  }
  return {};
}

std::vector<EventMention> find_event_mentions(const SentenceView& view, const std::vector<ArticleEntity>& entities,
                                              std::string_view article_date) {
  std::vector<EventMention> found;
  if (!view.has_parse()) return found;
  for (std::uint32_t t = view.first; t < view.end; ++t) {
    EventKind kind;
    if (!trigger_kind(view, t, kind)) continue;
    const bool verb = view.is_verb(t);
    // A nominal trigger's governing verb ("held talks", "the meeting took place").
    std::int32_t governor = -1;
    if (!verb && view.head(t) >= 0 && view.is_verb(static_cast<std::uint32_t>(view.head(t))))
      governor = view.head(t);
    if (negated(view, t) || hypothetical(view, t)) continue;
    const bool governs_occurrence =
        governor >= 0 && (view.label(t) != "nsubj" || occurrence_verb(view.word(static_cast<std::uint32_t>(governor))));
    if (governs_occurrence && (negated(view, static_cast<std::uint32_t>(governor)) ||
                               hypothetical(view, static_cast<std::uint32_t>(governor)) ||
                               called_off(view, static_cast<std::uint32_t>(governor))))
      continue;

    EventMention mention;
    mention.kind = kind;
    mention.sentence = view.index;
    mention.trigger = t;
    std::vector<std::uint32_t> a;
    std::vector<std::uint32_t> b;
    std::vector<std::uint32_t> counterparts;  // object / "with" phrases, named or not
    if (verb) {
      add_entities(view, entities, view.deps_labelled(t, "nsubj"), a);
      // "X, who met with Y": the relative pronoun stands for the noun the clause modifies.
      if (a.empty() && view.label(t) == "acl:relcl" && view.head(t) >= 0)
        for (std::uint32_t subject : view.deps_labelled(t, "nsubj"))
          if (in(view.word(subject), {"who", "which", "that"})) add_entities(view, entities, {static_cast<std::uint32_t>(view.head(t))}, a);
      if (a.empty()) add_entities(view, entities, view.subjects(t), a);
      // "Ministers convened in Brussels" read as a noun phrase with a participle: the noun is
      // the subject (not so for a passive one, "the envoys met by Putin").
      if (a.empty() && view.label(t) == "acl" && view.head(t) >= 0 && obliques(view, t, {"by"}).empty())
        add_entities(view, entities, {static_cast<std::uint32_t>(view.head(t))}, a);
      add_entities(view, entities, view.deps_labelled(t, "obj"), b);
      add_entities(view, entities, obliques(view, t, {"with", "between", "by"}), b);
      counterparts = view.deps_labelled(t, "obj");
      const auto with = obliques(view, t, {"with"});
      counterparts.insert(counterparts.end(), with.begin(), with.end());
      // A parse that lost the object of "X met Y": the name right after the verb.
      if (b.empty() && !a.empty() && in(view.word(t), {"met", "meets", "meet", "hosted", "received", "visited"})) {
        std::uint32_t next = t + 1;
        if (next < view.end && view.word(next) == "with") ++next;
        if (next < view.end && view.entity_at(next) >= 0) add_entities(view, entities, {next}, b);
      }
    } else {
      add_entities(view, entities, view.deps_labelled(t, "nmod:poss"), a);
      // Who holds talks takes part unless the verb only comments on them; who takes part in a
      // capture, election or withdrawal is said by a verb of doing it ("held elections",
      // "filed for bankruptcy", "completed the withdrawal"), not of announcing or expecting it.
      if (governor >= 0 && in(view.label(t), {"obj", "obl"})) {
        const std::string_view verb = view.word(static_cast<std::uint32_t>(governor));
        const bool takes_part = is_encounter(kind) ? !commentary_verb(verb) : doing_verb(verb);
        if (takes_part) add_entities(view, entities, view.subjects(static_cast<std::uint32_t>(governor)), a);
      }
      // "X's comments during an interview with Y", "X spoke during the summit": X was there.
      if (view.case_word(t) == "during" && view.head(t) >= 0) {
        const std::uint32_t h = static_cast<std::uint32_t>(view.head(t));
        add_entities(view, entities, view.is_verb(h) ? view.subjects(h) : view.deps_labelled(h, "nmod:poss"), a);
      }
      // "the withdrawal of Russian forces": who withdraws.
      if (kind == EventKind::Withdrawal) add_entities(view, entities, obliques(view, t, {"of"}), a);
      // "the talks, (which were) attended by X".
      for (std::uint32_t child : view.deps(t))
        if (view.label(child).starts_with("acl") && in(view.word(child), {"attended", "joined"}))
          add_entities(view, entities, obliques(view, child, {"by"}), a);
      for (std::uint32_t o : obliques(view, t, {"with", "between"})) {
        counterparts.push_back(o);
        if (view.case_word(o) == "between") {
          const std::vector<std::uint32_t> sides = view.with_conjuncts(o);
          add_entities(view, entities, {sides.front()}, a);
          add_entities(view, entities, std::vector<std::uint32_t>(sides.begin() + 1, sides.end()), b);
        } else {
          add_entities(view, entities, {o}, b);
        }
      }
      if (governor >= 0) add_entities(view, entities, obliques(view, static_cast<std::uint32_t>(governor), {"with"}), b);
      for (std::uint32_t child : view.deps(t))
        if (view.label(child) == "compound" && view.entity_at(child) >= 0) add_entities(view, entities, {child}, a);
    }
    // "ministers convened in Brussels, where X said ...": X was there.
    for (std::uint32_t child : view.deps(t))
      if (in(view.label(child), {"advcl", "acl:relcl", "parataxis", "conj"}) && has_dep_word(view, child, {"where"}))
        add_entities(view, entities, view.deps_labelled(child, "nsubj"), a);
    // "X will meet Y, accompanied by Z": Z is on the side of whom the participle hangs off.
    const auto companions = [&](std::uint32_t token, std::vector<std::uint32_t>& side) {
      for (std::uint32_t child : view.deps(token))
        if (in(view.label(child), {"advcl", "acl"}) && in(view.word(child), {"accompanied", "joined", "flanked"}))
          add_entities(view, entities, obliques(view, child, {"by"}), side);
    };
    companions(t, a);
    if (verb)
      for (std::uint32_t o : view.deps_labelled(t, "obj")) companions(o, b);
    // Places: "in Miami", "at the Faena hotel", "to Moscow" (visits); a place object of an
    // invasion or capture is where it happened.
    std::vector<std::uint32_t> place_tokens = obliques(view, t, {"in", "at", "to"});
    if (governor >= 0) {
      const auto more = obliques(view, static_cast<std::uint32_t>(governor), {"in", "at"});
      place_tokens.insert(place_tokens.end(), more.begin(), more.end());
    }
    // "met Elon Musk in Texas": the place may hang off the counterpart.
    for (std::uint32_t d : view.deps(t)) {
      const bool counterpart = in(view.label(d), {"obj", "nsubj"}) ||
                               ((view.label(d).starts_with("obl") || view.label(d).starts_with("nmod")) &&
                                in(view.case_word(d), {"with", "between"}));
      if (!counterpart) continue;
      const auto more = obliques(view, d, {"in", "at"});
      place_tokens.insert(place_tokens.end(), more.begin(), more.end());
    }
    if (kind == EventKind::Election) {  // "Mozambique's general elections", "the Iraq election"
      for (std::uint32_t child : view.deps(t))
        if (in(view.label(child), {"nmod:poss", "compound"})) place_tokens.push_back(child);
    }
    if (kind == EventKind::Withdrawal) {  // "the pullout from Georgia"
      const auto from = obliques(view, t, {"from"});
      place_tokens.insert(place_tokens.end(), from.begin(), from.end());
    }
    if (kind == EventKind::Invasion || kind == EventKind::Capture || kind == EventKind::Visit) {
      const auto objects = view.deps_labelled(t, "obj");
      place_tokens.insert(place_tokens.end(), objects.begin(), objects.end());
      const auto of = obliques(view, t, {"of"});
      place_tokens.insert(place_tokens.end(), of.begin(), of.end());
    }
    for (std::uint32_t p : place_tokens) {
      std::int32_t e = view.entity_at(p);
      // "the port of Mariupol", "the city of Kherson".
      if (e < 0)
        for (std::uint32_t of : obliques(view, p, {"of"}))
          if (view.entity_at(of) >= 0) e = view.entity_at(of);
      if (e >= 0 && entities[static_cast<std::size_t>(e)].type == EntityType::Place) {
        mention.place = e;
        // "in Miami, Florida": the region or country written after the city.
        std::uint32_t after = p;
        while (after + 1 < view.end && view.entity_at(after + 1) == e) ++after;
        if (after + 2 < view.end && view.word(after + 1) == ",") {
          const std::int32_t wider = view.entity_at(after + 2);
          if (wider >= 0 && wider != e && entities[static_cast<std::size_t>(wider)].type == EntityType::Place)
            mention.wider_place = wider;
        }
        break;
      }
    }
    const auto keep = [&](std::vector<std::uint32_t>& side) {
      side.erase(std::remove_if(side.begin(), side.end(),
                                [&](std::uint32_t e) {
                                  const EntityType type = entities[e].type;
                                  return static_cast<std::int32_t>(e) == mention.place ||
                                         !(type == EntityType::Person || type == EntityType::Organization ||
                                           type == EntityType::Place);
                                }),
                 side.end());
    };
    keep(a);
    keep(b);
    for (std::uint32_t e : a) b.erase(std::remove(b.begin(), b.end(), e), b.end());
    mention.side_a = std::move(a);
    mention.side_b = std::move(b);
    const auto actors = [&](const std::vector<std::uint32_t>& side) {
      return std::count_if(side.begin(), side.end(), [&](std::uint32_t e) { return entities[e].type != EntityType::Place; });
    };
    const std::size_t total = mention.side_a.size() + mention.side_b.size();
    // An encounter needs two parties (a visit: a visitor and a place); other events one party.
    // A gathering ("NATO ministers convened") needs one; a capture or invasion may name only
    // its place ("the conquest of Mariupol").
    const bool gathering = verb && is_gathering_verb(view.word(t));
    const bool enough = kind == EventKind::Visit ? (actors(mention.side_a) + actors(mention.side_b) >= 1 &&
                                                    (total >= 2 || mention.place >= 0))
                        : gathering            ? total >= 1
                        : is_encounter(kind)   ? total >= 2
                                               : total >= 1 || mention.place >= 0;
    mention.complete = enough;
    mention.gathering = gathering;
    for (std::uint32_t child : view.deps(t))
      if ((view.label(child) == "amod" && in(view.word(child), {"previous", "earlier", "past", "prior", "former", "first"})) ||
          (view.word(child) == "time" && has_dep_word(view, child, {"first"})))  // "spoke for the first time"
        mention.earlier = true;
    for (std::uint32_t w = view.first; w + 1 < view.end; ++w)
      if ((view.word(w) == "last" && in(view.word(w + 1), {"week", "month", "year"})) || view.word(w + 1) == "ago")
        mention.earlier = true;
    // People left unnamed: "met with Ukrainian representatives", "a meeting with the envoys".
    for (std::uint32_t c : counterparts)
      if (view.entity_at(c) < 0 && (is_title_word(view.word(c)) || is_group_noun(view.word(c)))) {
        std::vector<std::uint32_t> named;
        add_entities(view, entities, {c}, named);
        mention.unnamed_counterpart = mention.unnamed_counterpart || named.empty();
      }
    // An incomplete verb with nobody named says too little to place it ("they met").
    if (!enough && verb && total == 0) continue;
    if (!verb) {
      // The trigger's noun phrase, for the event's aliases: modifiers before it, and a place
      // or counterpart after it ("talks in Moscow", "visit to Tbilisi").
      std::uint32_t first = t;
      std::uint32_t last = t;
      for (std::uint32_t child : view.deps(t)) {
        const std::string_view label = view.label(child);
        if (child < t && (label == "amod" || label == "compound" || label == "nmod:poss")) {
          for (std::uint32_t d : view.subtree(child)) first = std::min(first, d);
        } else if (child > t && mention.place >= 0 && label.substr(0, 4) == "nmod" &&
                   (view.entity_at(child) == mention.place ||
                    std::any_of(view.deps(child).begin(), view.deps(child).end(),
                                [&](std::uint32_t of) { return view.entity_at(of) == mention.place; }))) {
          // The place's name, not what hangs off it ("talks in Geneva", not "..., Switzerland").
          last = std::max(last, child);
          for (std::uint32_t d : view.subtree(child))  // "conquest of the port of Mariupol"
            if (view.entity_at(d) == mention.place) last = std::max(last, d);
          while (last + 1 < view.end && view.entity_at(last + 1) == mention.place) ++last;
        }
      }
      if (last > first) mention.phrase = view.text(first, last + 1);
      // And the trigger with the phrases right after it, as people name the event: "phone
      // call between Trump and Putin", "withdrawal of Russian forces from Georgia".
      std::uint32_t core = t;
      for (std::uint32_t child : view.deps(t))
        if (child < t && view.label(child) == "compound" && view.entity_at(child) < 0) core = std::min(core, child);
      std::uint32_t end = t;
      for (bool grew = true; grew;) {
        grew = false;
        for (std::uint32_t child : view.deps(t)) {
          if (!view.label(child).starts_with("nmod") ||
              !in(view.case_word(child), {"of", "from", "to", "in", "with", "between", "on"}))
            continue;
          const std::vector<std::uint32_t> phrase = view.subtree(child);
          if (phrase.front() != end + 1) continue;
          end = phrase.back();
          grew = true;
        }
      }
      if (end > t) mention.party_phrase = view.text(core, end + 1);
    }
    mention.planned = future(view, t) || (governor >= 0 && future(view, static_cast<std::uint32_t>(governor)));
    mention.date = find_date(view, article_date, mention.planned);
    found.push_back(std::move(mention));
  }
  return found;
}

}  // namespace newsgraph
