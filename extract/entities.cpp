#include "extract/entities.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/union_find.hpp"
#include "core/utf8.hpp"
#include "extract/names.hpp"

namespace newsgraph {
namespace {

bool is_capitalised(std::string_view word) {
  if (word.empty()) return false;
  std::size_t length = 0;
  return utf8::is_upper(utf8::decode(word, 0, length));
}

bool in(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

// Heads of nominals that point back at a person introduced with that title.
bool is_nominal_head(std::string_view key) {
  return is_person_title(key) ||
         in(key, {"envoy", "adviser", "advisor", "aide", "leader", "head", "chief", "negotiator", "foreign",
                  "spokesman", "spokeswoman", "spokesperson", "secretary", "minister", "premier", "director",
                  "executive", "founder", "coach", "manager", "commissioner", "mayor", "governor"});
}


// One usable mention after title stripping.
struct NameMention {
  std::uint32_t mention;      // index in doc.mentions
  std::uint32_t first_token;  // the reference span (the mention, extended for "X administration")
  std::uint32_t end_token;
  std::uint32_t core_first;   // first token of the name proper
  EntityType type;
  bool organization_suffix = false;   // "X administration"
  bool person_title = false;          // a personal title was stripped or precedes it
  std::string surface;                // as written
  std::string core_surface;           // the name proper, as written
  std::vector<std::string> words;     // key words of the name proper
  std::string key;                    // cluster key (country forms canonical)
  std::string rule = "name";
  std::set<std::string> titles;       // title and modifier keys carried by this mention
};

// One group of mentions with the same key; groups are then linked by the rules.
struct Group {
  std::string key;
  std::vector<std::string> words;
  std::vector<std::uint32_t> members;  // indexes in names
  std::array<double, 5> votes{};       // by EntityType
  bool country = false;
  bool acronym = false;
  std::string link_rule;  // the rule that linked this group to a longer one
};

EntityType winner(const std::array<double, 5>& votes, EntityType fallback) {
  EntityType best = fallback;
  for (EntityType type : {EntityType::Person, EntityType::Organization, EntityType::Place})
    if (votes[static_cast<std::size_t>(type)] > votes[static_cast<std::size_t>(best)]) best = type;
  return best;
}

class Resolver {
 public:
  Resolver(const Document& doc, const NameLexicon& lexicon) : doc_(doc), lexicon_(lexicon) {
    sentence_of_token_.assign(doc.tokens.size(), 0);
    for (std::uint32_t s = 0; s < doc.sentences.size(); ++s)
      for (std::uint32_t t = doc.sentences[s].first_token; t < doc.sentences[s].end_token && t < doc.tokens.size(); ++t)
        sentence_of_token_[t] = s;
    token_keys_.reserve(doc.tokens.size());
    for (std::size_t t = 0; t < doc.tokens.size(); ++t) token_keys_.push_back(name_key(doc.token_text(t)));
  }

  ResolvedEntities run() {
    collect_names();
    group_names();
    link_groups();
    build_entities();
    add_nominals();
    add_organisation_nominals();
    add_pronouns();
    std::sort(result_.references.begin(), result_.references.end(),
              [](const EntityReference& a, const EntityReference& b) { return a.first_token < b.first_token; });
    return std::move(result_);
  }

 private:
  const std::string& tkey(std::uint32_t t) const { return token_keys_[t]; }

  bool is_demonym_key(const std::string& key) const { return lexicon_.is_demonym(key); }

  // Title and modifier words just before a mention ("Russian president" Dmitry Medvedev,
  // "Kremlin spokesman" Dmitry Peskov) or in an apposition after it (", the Kremlin spokesman").
  void collect_context_titles(NameMention& name) {
    const std::uint32_t sentence_first = doc_.sentences[sentence_of_token_[name.first_token]].first_token;
    const std::uint32_t sentence_end = doc_.sentences[sentence_of_token_[name.first_token]].end_token;
    bool any_title = false;
    std::vector<std::string> before;
    for (std::uint32_t t = name.first_token; t > sentence_first && name.first_token - t < 4;) {
      --t;
      const std::string& key = tkey(t);
      if (is_title_word(key)) {
        any_title = true;
        if (is_person_title(key)) name.person_title = true;
      } else if (!(is_demonym_key(key) || lexicon_.is_country(key) || is_capitalised(doc_.token_text(t)))) {
        break;
      }
      before.push_back(key);
    }
    if (any_title) name.titles.insert(before.begin(), before.end());
    // Apposition: "Name , [the|a] [modifiers] title ,"
    std::uint32_t t = name.end_token;
    if (t + 1 < sentence_end && doc_.token_text(t) == ",") {
      ++t;
      if (in(tkey(t), {"the", "a", "an"})) ++t;
      std::vector<std::string> after;
      bool title = false;
      for (; t < sentence_end && after.size() < 5; ++t) {
        const std::string& key = tkey(t);
        if (key.empty() || key == "of" || doc_.token_text(t) == ",") break;
        if (is_title_word(key)) title = true;
        else if (!(is_demonym_key(key) || lexicon_.is_country(key) || is_capitalised(doc_.token_text(t)) ||
                   (key.size() > 2 && key.substr(key.size() - 2) == "'s")))
          break;
        after.push_back(key);
      }
      // The apposition ends the clause: "Dmitry Peskov, the Kremlin spokesman, said", not
      // "the White House, the spokesman added".
      const bool closed = t >= sentence_end || doc_.token_text(t) == "," || doc_.token_text(t) == "." ||
                          doc_.token_text(t) == ")" || doc_.token_text(t) == ";";
      if (title && closed) {
        for (std::string& word : after) {
          if (word.size() > 2 && word.substr(word.size() - 2) == "'s") word.resize(word.size() - 2);
          name.titles.insert(word);
        }
      }
    }
  }

  // Surname particles: the tagger often leaves them out of a name and splits it ("Ursula" |
  // "von der" | "Leyen").
  static bool is_name_particle(std::string_view word) {
    return in(word, {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "dos", "das",
                     "bin", "ibn", "ter", "ten", "zu"});
  }

  // Where each mention starts once a person name split at its particles is joined again
  // ("Ursula von der Leyen"); `absorbed` marks the given-name mentions joined into the next.
  std::vector<std::uint32_t> joined_starts(std::vector<bool>& absorbed) const {
    std::vector<std::uint32_t> starts(doc_.mentions.size());
    absorbed.assign(doc_.mentions.size(), false);
    for (std::uint32_t m = 0; m < doc_.mentions.size(); ++m) {
      const Mention& mention = doc_.mentions[m];
      starts[m] = mention.first_token;
      if (mention.type != EntityType::Person || m == 0) continue;
      std::uint32_t p = mention.first_token;
      while (p > 0 && mention.first_token - p < 3 && is_name_particle(doc_.token_text(p - 1))) --p;
      if (p == mention.first_token) continue;
      const Mention& before = doc_.mentions[m - 1];
      if (before.end_token != p || before.end_token - before.first_token > 2 ||
          sentence_of_token_[before.first_token] != sentence_of_token_[mention.first_token])
        continue;
      bool given_name = true;
      for (std::uint32_t t = before.first_token; t < before.end_token; ++t)
        given_name = given_name && is_capitalised(doc_.token_text(t));
      if (!given_name) continue;
      starts[m] = before.first_token;
      absorbed[m - 1] = true;
    }
    return starts;
  }

  void collect_names() {
    result_.entity_of_mention.assign(doc_.mentions.size(), -1);
    std::vector<bool> absorbed;
    const std::vector<std::uint32_t> starts = joined_starts(absorbed);
    for (std::uint32_t m = 0; m < doc_.mentions.size(); ++m) {
      const Mention& mention = doc_.mentions[m];
      if (mention.end_token <= mention.first_token || mention.end_token > doc_.tokens.size() || absorbed[m]) continue;
      NameMention name;
      name.mention = m;
      name.first_token = starts[m];
      name.end_token = mention.end_token;
      name.core_first = starts[m];
      name.type = mention.type;
      // "the Trump administration", "the Ukrainian government": the organisation.
      const bool before_next = m + 1 >= doc_.mentions.size() || doc_.mentions[m + 1].first_token > mention.end_token;
      if (mention.end_token < doc_.tokens.size() && before_next &&
          sentence_of_token_[mention.end_token] == sentence_of_token_[mention.first_token] &&
          in(doc_.token_text(mention.end_token), {"administration", "government"})) {
        name.end_token = mention.end_token + 1;
        name.type = EntityType::Organization;
        name.organization_suffix = true;
      }
      if (!name.organization_suffix && (mention.type == EntityType::Misc || mention.type == EntityType::Event)) continue;
      const std::string whole_key = name_key(doc_.span_text(name.first_token, name.end_token));
      if (whole_key.empty()) continue;
      if (!name.organization_suffix && is_demonym_key(whole_key)) continue;  // "Russian" alone
      // Strip leading titles, honorifics and demonyms from person names.
      if (!name.organization_suffix) {
        std::uint32_t t = name.first_token;
        bool strong = false;
        // "Minister of Education Jane Roe", "Secretary of State John F. Doe": the tagger's span
        // starts with the office's department. The person is the name at its end: the surname,
        // the particles and initials before it and one given name, or what follows an
        // honorific ("Undersecretary for Education Mr. Roe").
        // The tagger often types the whole span as the department's organisation; it is taken
        // as a person only when the words left are capitalised, no organisation word ends
        // them, and they do not continue a list ("Health and Human Services").
        // "Secretary of the Army Jane Roe": the office's "of" may take an article.
        const std::uint32_t of_at =
            name.first_token >= 3 && in(doc_.token_text(name.first_token - 1), {"the", "The"}) ? name.first_token - 2
                                                                                            : name.first_token - 1;
        if ((mention.type == EntityType::Person || mention.type == EntityType::Organization) &&
            name.first_token >= 2 && name.end_token - name.first_token >= 3 &&
            in(tkey(of_at), {"of", "for"}) && of_at >= 1 &&
            (is_person_title(tkey(of_at - 1)) || in(tkey(of_at - 1), {"secretary", "director"})) &&
            !is_organization_word(tkey(name.end_token - 1))) {
          const auto initial = [&](std::uint32_t u) {
            const std::string_view w = doc_.token_text(u);
            return w.size() == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.';
          };
          std::uint32_t start = name.end_token - 1;
          while (start > name.first_token + 1 && (is_name_particle(tkey(start - 1)) || initial(start - 1))) --start;
          if (start > name.first_token + 1) --start;  // the given name
          for (std::uint32_t u = name.first_token; u + 1 < name.end_token; ++u)
            if (is_person_title(tkey(u))) start = std::max(start, u + 1);
          bool person = !in(tkey(start - 1), {"and", "&", "of", "for", "the"});
          for (std::uint32_t u = start; u < name.end_token; ++u)
            person = person && (is_capitalised(doc_.token_text(u)) || is_name_particle(tkey(u)));
          if (person) {
            name.titles.insert(tkey(of_at - 1));
            name.type = EntityType::Person;
            t = start;
            strong = true;
          }
        }
        // Titles, honorifics, and demonyms that stand before a title ("German Chancellor").
        const auto title_at = [&](std::uint32_t u) {
          while (u < name.end_token && is_demonym_key(tkey(u))) ++u;
          return u < name.end_token && is_title_word(tkey(u));
        };
        while (t + 1 < name.end_token) {
          const std::string& key = tkey(t);
          const bool title = is_title_word(key);
          if (!(key == "the" || title || (is_demonym_key(key) && title_at(t + 1)))) break;
          strong = strong || is_person_title(key);
          if (key != "the") name.titles.insert(key);
          ++t;
        }
        // "EU Energy Commissioner Dan Jorgensen": a name, titles, then a full personal name.
        std::uint32_t u = t;
        while (u < name.end_token && !is_title_word(tkey(u))) ++u;
        if (u > t && u < name.end_token) {
          std::uint32_t v = u;
          while (v < name.end_token && is_title_word(tkey(v))) ++v;
          if (name.end_token - v >= 2 && (is_person_title(tkey(v - 1)) || mention.type == EntityType::Person)) {
            for (std::uint32_t w = t; w < v; ++w) name.titles.insert(tkey(w));
            t = v;
            strong = true;
          }
        }
        if (strong || mention.type == EntityType::Person) {
          name.core_first = t;
          name.person_title = strong;
        } else if (tkey(name.first_token) == "the" && name.first_token + 1 < name.end_token) {
          name.core_first = name.first_token + 1;
          name.titles.clear();
        } else {
          name.titles.clear();
        }
      }
      name.surface = std::string(doc_.span_text(name.first_token, name.end_token));
      name.core_surface = std::string(doc_.span_text(name.core_first, name.end_token));
      name.words = key_words(name.core_surface);
      if (name.words.empty()) continue;
      name.key = join(name.words);
      const std::string_view canonical = lexicon_.canonical_place(name.key);
      if (!canonical.empty()) {
        name.key = name_key(canonical);
        name.words = key_words(canonical);
        name.rule = "country-alias";
      }
      if (name.type == EntityType::Person || name.person_title) collect_context_titles(name);
      names_.push_back(std::move(name));
    }
  }

  // Lists of three or more names ("Kherson, Donetsk and Luhansk") name things of one kind:
  // for each name, the types of the other members (their tagger types; Place for a known
  // place), so that a list votes for a member the tagger got wrong. Names are in token order.
  std::vector<std::array<double, 5>> list_votes() const {
    std::vector<std::array<double, 5>> votes(names_.size());
    std::size_t first = 0;
    while (first < names_.size()) {
      std::size_t last = first;
      while (last + 1 < names_.size()) {
        const std::uint32_t gap = names_[last].end_token, next = names_[last + 1].first_token;
        const auto word = [&](std::uint32_t t) { return doc_.token_text(t); };
        const bool joined = (next == gap + 1 && in(word(gap), {",", "and", "or"})) ||
                            (next == gap + 2 && word(gap) == "," && in(word(gap + 1), {"and", "or"}));
        if (!joined) break;
        ++last;
      }
      if (last - first + 1 >= 3) {
        for (std::size_t n = first; n <= last; ++n)
          for (std::size_t m = first; m <= last; ++m) {
            if (m == n) continue;
            const bool place = lexicon_.is_known_place(names_[m].key);
            votes[n][static_cast<std::size_t>(place ? EntityType::Place : names_[m].type)] += 0.5;
          }
      }
      first = last + 1;
    }
    return votes;
  }

  void group_names() {
    std::map<std::string, std::uint32_t> group_of_key;
    const std::vector<std::array<double, 5>> in_list = list_votes();
    for (std::uint32_t n = 0; n < names_.size(); ++n) {
      const NameMention& name = names_[n];
      auto [it, added] = group_of_key.try_emplace(name.key, static_cast<std::uint32_t>(groups_.size()));
      if (added) {
        Group group;
        group.key = name.key;
        group.words = name.words;
        group.country = lexicon_.is_country(name.key);
        groups_.push_back(std::move(group));
      }
      Group& group = groups_[it->second];
      group.members.push_back(n);
      group.acronym = group.acronym || (name.end_token - name.core_first == 1 && is_acronym(name.core_surface));
      auto& votes = group.votes;
      votes[static_cast<std::size_t>(name.type)] += 1.0;
      for (std::size_t t = 0; t < votes.size(); ++t) votes[t] += in_list[n][t];
      if (name.person_title) votes[static_cast<std::size_t>(EntityType::Person)] += 2.0;
      if (!name.words.empty() && (is_organization_word(name.words.back()) || name.organization_suffix))
        votes[static_cast<std::size_t>(EntityType::Organization)] += 2.0;
      if (group.country) votes[static_cast<std::size_t>(EntityType::Place)] += 3.0;
      else if (lexicon_.is_known_place(name.key)) votes[static_cast<std::size_t>(EntityType::Place)] += 1.5;
      if (lexicon_.is_known_organization(name.key)) votes[static_cast<std::size_t>(EntityType::Organization)] += 1.5;
      // Context: "the newspaper Kommersant" (an organisation noun right before the name);
      // "Kremlin spokesman" (a spokesperson right after a name that is no known place:
      // a seat of government standing for the institution).
      const std::string_view before = name.first_token > 0 ? std::string_view(tkey(name.first_token - 1)) : "";
      const std::string_view after = name.end_token < doc_.tokens.size() ? std::string_view(tkey(name.end_token)) : "";
      if (in(before, {"newspaper", "daily", "agency", "broadcaster", "channel", "magazine", "outlet", "website",
                      "company", "firm", "bank", "party", "tabloid", "weekly", "network", "station"}))
        votes[static_cast<std::size_t>(EntityType::Organization)] += 2.0;
      if (in(after, {"spokesman", "spokeswoman", "spokesperson", "aide", "aides"}) && !group.country &&
          !lexicon_.is_any_place_name(name.key))
        votes[static_cast<std::size_t>(EntityType::Organization)] += 2.0;
      if (!lexicon_.is_known_place(name.key) &&
          ((name.words.size() == 1 && lexicon_.is_surname(name.key)) ||
           (name.words.size() >= 2 && name.words.size() <= 4 && lexicon_.is_given_name(name.words.front()))))
        votes[static_cast<std::size_t>(EntityType::Person)] += 1.0;
      group_of_name_.push_back(it->second);
    }
  }

  bool person_like(const Group& group) const {
    return winner(group.votes, EntityType::Misc) == EntityType::Person && !group.country && !group.acronym;
  }

  // The rule by which the words of a shorter name denote the longer person name, or "".
  static std::string short_form_rule(const std::vector<std::string>& short_words, const std::vector<std::string>& long_words) {
    if (short_words.size() >= long_words.size()) return {};
    if (short_words.size() == 1) return short_words[0] == long_words.back() ? "surname" : "";
    // A suffix of the long name ("Jong-un" is not split, so "Kim Jong-un" stays whole).
    if (std::equal(short_words.rbegin(), short_words.rend(), long_words.rbegin())) {
      // "W. Bush" for "George W. Bush" is a suffix too; a suffix starting with a given name is fine.
      return "name-suffix";
    }
    if (short_words.front() == long_words.front() && short_words.back() == long_words.back() && short_words.size() == 2)
      return "given-and-surname";
    return {};
  }

  void link_groups() {
    UnionFind uf(groups_.size());
    // Explicit acronyms: "Long Name (ACR)".
    std::map<std::string, std::uint32_t> acronym_target;
    std::set<std::string> acronym_conflict;
    for (std::uint32_t n = 0; n < names_.size(); ++n) {
      const NameMention& name = names_[n];
      const std::uint32_t e = name.end_token;
      if (name.words.size() < 2 || e + 2 >= doc_.tokens.size() || doc_.token_text(e) != "(" ||
          doc_.token_text(e + 2) != ")")
        continue;
      const std::string_view inner = doc_.token_text(e + 1);
      if (!is_acronym(inner)) continue;
      const std::string letters = acronym_letters(inner);
      const std::string first_initial = initials(name.words).substr(0, 1);
      if (letters.empty() || first_initial.empty() || letters[0] != first_initial[0]) continue;
      auto [it, added] = acronym_target.try_emplace(letters, group_of_name_[n]);
      if (!added && it->second != group_of_name_[n]) acronym_conflict.insert(letters);
    }
    // Longer names first, so that a short form's candidates are already merged.
    std::vector<std::uint32_t> order(groups_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return groups_[a].words.size() > groups_[b].words.size(); });
    for (std::uint32_t g : order) {
      Group& group = groups_[g];
      std::set<std::uint32_t> roots;
      std::string rule;
      if (group.acronym) {
        const std::string letters = acronym_letters(names_[group.members.front()].core_surface);
        const auto it = acronym_target.find(letters);
        if (it != acronym_target.end() && !acronym_conflict.count(letters) && it->second != g) {
          roots.insert(uf.find(it->second));
          rule = "acronym";
        } else {
          for (std::uint32_t h = 0; h < groups_.size(); ++h) {
            const Group& other = groups_[h];
            if (h == g || other.words.size() < 2 || person_like(other) || other.country) continue;
            if (initials(other.words) == letters) roots.insert(uf.find(h));
          }
          rule = "acronym-initials";
        }
      }
      // A short form of a person's name (an all-capitals headline word included: "MERKEL").
      if (roots.empty() && group.words.size() <= 3) {
        // A country never joins a person ("Jordan" / "Michael Jordan").
        const EntityType voted = winner(group.votes, EntityType::Misc);
        const bool compatible =
            voted == EntityType::Person ||
            (!group.country && !lexicon_.is_known_place(group.key) && voted != EntityType::Organization);
        for (std::uint32_t h = 0; compatible && h < groups_.size(); ++h) {
          const Group& other = groups_[h];
          if (h == g || other.words.size() <= group.words.size() || !person_like(other)) continue;
          const std::string r = short_form_rule(group.words, other.words);
          if (r.empty()) continue;
          roots.insert(uf.find(h));
          rule = r;
        }
      }
      // A given name alone ("Ahmed" after "Ahmed Mohamed", as news names children): only a
      // name voted a person, and only when one person of the article has that given name.
      if (roots.empty() && group.words.size() == 1 && winner(group.votes, EntityType::Misc) == EntityType::Person &&
          !group.country && !group.acronym) {
        for (std::uint32_t h = 0; h < groups_.size(); ++h) {
          const Group& other = groups_[h];
          if (h != g && other.words.size() >= 2 && other.words.size() <= 3 && person_like(other) &&
              !is_organization_word(other.words.back()) && other.words.front() == group.words.front())
            roots.insert(uf.find(h));
        }
        rule = "given-name";
      }
      // A shorter form of an organisation's name: "the Defence Ministry" after "the Russian
      // Defence Ministry"; the short form must end with an organisation word.
      if (roots.empty() && !group.country && !group.acronym && !person_like(group) && !group.words.empty() &&
          is_organization_word(group.words.back())) {
        for (std::uint32_t h = 0; h < groups_.size(); ++h) {
          const Group& other = groups_[h];
          if (h == g || other.words.size() <= group.words.size() || person_like(other) || other.country) continue;
          if (!std::equal(group.words.rbegin(), group.words.rend(), other.words.rbegin())) continue;
          roots.insert(uf.find(h));
          rule = "organization-short-form";
        }
      }
      // Two people fit ("Mohamed" with "Ahmed Mohamed" and, later, "Mohamed Said Mohamed"):
      // at the short form's first use only one of them may have been introduced; then it is
      // that one.
      if (roots.size() > 1 && (rule == "surname" || rule == "name-suffix" || rule == "given-and-surname")) {
        const auto first_of = [&](auto&& in_set) {
          std::uint32_t first = UINT32_MAX;
          for (std::uint32_t h = 0; h < groups_.size(); ++h)
            if (in_set(h))
              for (std::uint32_t n : groups_[h].members) first = std::min(first, names_[n].first_token);
          return first;
        };
        const std::uint32_t short_first = first_of([&](std::uint32_t h) { return h == g; });
        std::vector<std::uint32_t> introduced;
        for (std::uint32_t root : roots)
          if (first_of([&](std::uint32_t h) { return uf.find(h) == root; }) < short_first) introduced.push_back(root);
        if (introduced.size() == 1) {
          roots = {introduced.front()};
          rule += "-first-introduced";
        }
      }
      if (roots.size() == 1) {
        uf.unite(g, *roots.begin());
        group.link_rule = rule;
      }
    }
    root_of_group_.resize(groups_.size());
    for (std::uint32_t g = 0; g < groups_.size(); ++g) root_of_group_[g] = uf.find(g);
  }

  void build_entities() {
    std::map<std::uint32_t, std::uint32_t> entity_of_root;
    std::vector<std::array<double, 5>> votes;
    std::vector<std::map<std::string, std::string>> forms;  // surface -> rule
    std::vector<std::pair<std::size_t, std::size_t>> best;  // (words, count) of the name
    std::vector<std::map<std::string, std::size_t>> name_counts;
    entity_of_name_.assign(names_.size(), 0);
    entity_titles_.clear();
    for (std::uint32_t n = 0; n < names_.size(); ++n) {
      const std::uint32_t g = group_of_name_[n];
      const std::uint32_t root = root_of_group_[g];
      auto [it, added] = entity_of_root.try_emplace(root, static_cast<std::uint32_t>(result_.entities.size()));
      if (added) {
        result_.entities.emplace_back();
        votes.emplace_back();
        forms.emplace_back();
        name_counts.emplace_back();
        entity_titles_.emplace_back();
      }
      const std::uint32_t e = it->second;
      entity_of_name_[n] = e;
      const NameMention& name = names_[n];
      const Group& group = groups_[g];
      const std::string rule = group.link_rule.empty() ? name.rule : group.link_rule;
      forms[e].try_emplace(name.surface, rule);
      forms[e].try_emplace(name.core_surface, rule);
      name_counts[e][name.core_surface] += 1;
      ++result_.entities[e].mentions;
      result_.entity_of_mention[name.mention] = static_cast<std::int32_t>(e);
      entity_titles_[e].insert(name.titles.begin(), name.titles.end());
    }
    // Votes per entity: sum of its groups' votes.
    for (std::uint32_t g = 0; g < groups_.size(); ++g) {
      if (groups_[g].members.empty()) continue;
      const std::uint32_t e = entity_of_name_[groups_[g].members.front()];
      // A short form linked to a person's name is evidence of a person: its tagger votes for
      // other types count a quarter.
      const std::string& rule = groups_[g].link_rule;
      const bool person_link = rule.rfind("surname", 0) == 0 || rule.rfind("name-suffix", 0) == 0 ||
                               rule.rfind("given-and-surname", 0) == 0 || rule == "given-name";
      for (std::size_t t = 0; t < 5; ++t)
        votes[e][t] += groups_[g].votes[t] * (person_link && t != static_cast<std::size_t>(EntityType::Person) ? 0.25 : 1.0);
    }
    for (std::uint32_t e = 0; e < result_.entities.size(); ++e) {
      ArticleEntity& entity = result_.entities[e];
      // The fullest form: most words, then most frequent, then first in byte order.
      std::size_t best_words = 0, best_count = 0;
      for (const auto& [form, count] : name_counts[e]) {
        const std::size_t words = key_words(form).size();
        if (words > best_words || (words == best_words && count > best_count)) {
          entity.name = form;
          best_words = words;
          best_count = count;
        }
      }
      // The type of the fullest form's mentions breaks ties.
      EntityType fallback = EntityType::Misc;
      for (std::uint32_t n = 0; n < names_.size(); ++n)
        if (entity_of_name_[n] == e && names_[n].core_surface == entity.name) {
          fallback = names_[n].type;
          break;
        }
      entity.type = winner(votes[e], fallback);
      if (entity.type == EntityType::Misc || entity.type == EntityType::Event) entity.type = EntityType::Organization;
      for (const auto& [form, rule] : forms[e]) {
        entity.aliases.push_back(form);
        entity.alias_rules.push_back(rule);
      }
    }
    for (std::uint32_t n = 0; n < names_.size(); ++n)
      result_.references.push_back({names_[n].first_token, names_[n].end_token, entity_of_name_[n], EntityReference::Kind::Name});
    covered_.assign(doc_.tokens.size(), false);
    for (const EntityReference& ref : result_.references)
      for (std::uint32_t t = ref.first_token; t < ref.end_token; ++t) covered_[t] = true;
  }

  // Keys that mean the same modifier: a demonym and its place ("russian" ~ "russia").
  std::string modifier_key(const std::string& key) const {
    std::string k = key;
    if (k.size() > 2 && k.substr(k.size() - 2) == "'s") k.resize(k.size() - 2);
    const std::string_view place = lexicon_.demonym_place(k);
    if (!place.empty()) return name_key(place);
    const std::string_view canonical = lexicon_.canonical_place(k);
    if (!canonical.empty()) return name_key(canonical);
    return k;
  }

  bool carries(std::uint32_t entity, const std::string& head, const std::vector<std::string>& modifiers) const {
    const std::set<std::string>& titles = entity_titles_[entity];
    if (!titles.count(head)) return false;
    for (const std::string& modifier : modifiers) {
      const std::string want = modifier_key(modifier);
      bool found = false;
      for (const std::string& title : titles)
        if (modifier_key(title) == want) found = true;
      if (!found) return false;
    }
    return true;
  }

  void add_nominals() {
    for (std::uint32_t t = 0; t + 1 < doc_.tokens.size(); ++t) {
      if (tkey(t) != "the") continue;
      // "Ali Mujawar, the Prime Minister of Yemen,": an apposition describes the name before
      // it; it refers to no one else who carries that title.
      if (t >= 2 && doc_.token_text(t - 1) == "," &&
          std::any_of(result_.references.begin(), result_.references.end(), [&](const EntityReference& ref) {
            return ref.end_token == t - 1 && result_.entities[ref.entity].type == EntityType::Person;
          }))
        continue;
      const std::uint32_t s = sentence_of_token_[t];
      const std::uint32_t sentence_end = doc_.sentences[s].end_token;
      // the [modifier]{0,2} head, not followed by a capitalised name.
      std::vector<std::string> modifiers;
      std::uint32_t u = t + 1;
      for (; u < sentence_end && u < t + 4; ++u) {
        const std::string& key = tkey(u);
        if (key.empty()) break;
        if (is_nominal_head(key)) {
          if (u + 1 < sentence_end && covered_[u + 1]) break;  // a title before a name
          if (u + 1 < sentence_end && is_title_word(tkey(u + 1)) && is_nominal_head(tkey(u + 1))) {
            modifiers.push_back(key);  // "the foreign minister": foreign modifies minister
            continue;
          }
          std::uint32_t candidate = UINT32_MAX;
          bool ambiguous = false;
          for (std::uint32_t e = 0; e < result_.entities.size(); ++e) {
            if (result_.entities[e].type != EntityType::Person || !carries(e, key, modifiers)) continue;
            if (candidate != UINT32_MAX) ambiguous = true;
            candidate = e;
          }
          if (candidate != UINT32_MAX && !ambiguous) add_reference(t, u + 1, candidate, EntityReference::Kind::Nominal);
          break;
        }
        if (key == "of" || doc_.token_text(u) == "," || key == "and") break;
        modifiers.push_back(key);
      }
    }
  }

  // "the Court", "the Commission", "the party": the one organisation of the article whose
  // name has that word ("Supreme Court of Cassation", "European Commission").
  void add_organisation_nominals() {
    for (std::uint32_t t = 0; t + 1 < doc_.tokens.size(); ++t) {
      if (tkey(t) != "the" || covered_[t + 1]) continue;
      const std::uint32_t u = t + 1;
      std::string head = tkey(u);
      if (head.size() > 2 && head.substr(head.size() - 2) == "'s") head.resize(head.size() - 2);
      if (!in(head, {"court", "commission", "bank", "council", "ministry", "party", "committee", "agency", "parliament",
                     "assembly", "fund", "alliance", "board", "department", "league", "federation", "tribunal"}))
        continue;
      if (u + 1 < doc_.tokens.size() && (tkey(u + 1) == "of" || covered_[u + 1])) continue;  // another name
      std::uint32_t candidate = UINT32_MAX;
      bool ambiguous = false;
      for (std::uint32_t e = 0; e < result_.entities.size(); ++e) {
        if (result_.entities[e].type != EntityType::Organization) continue;
        const std::string name = name_key(result_.entities[e].name);
        bool has = false;
        for (std::size_t at = 0; (at = name.find(head, at)) != std::string::npos; at += head.size())
          has = has || ((at == 0 || name[at - 1] == ' ') &&
                        (at + head.size() == name.size() || name[at + head.size()] == ' '));
        if (!has) continue;
        ambiguous = ambiguous || candidate != UINT32_MAX;
        candidate = e;
      }
      if (candidate != UINT32_MAX && !ambiguous) add_reference(u, u + 1, candidate, EntityReference::Kind::Nominal);
    }
  }

  void add_reference(std::uint32_t first, std::uint32_t end, std::uint32_t entity, EntityReference::Kind kind) {
    // Nominals may cover a demonym or country mention ("the Russian president"); the
    // reference replaces nothing: name references inside it stay, so drop the nominal when
    // it would overlap a name that is not a demonym.
    for (const EntityReference& ref : result_.references)
      if (ref.first_token < end && first < ref.end_token) {
        if (kind != EntityReference::Kind::Nominal) return;
        const std::string key = name_key(doc_.span_text(ref.first_token, ref.end_token));
        if (!(is_demonym_key(key) || lexicon_.is_country(key) || lexicon_.canonical_place(key).size())) return;
        // Keep the country's own reference; the nominal takes the head only.
        first = ref.end_token;
      }
    if (first >= end) return;
    result_.references.push_back({first, end, entity, kind});
    for (std::uint32_t t = first; t < end; ++t) covered_[t] = true;
  }

  struct Candidate {
    std::uint32_t first_token;
    std::uint32_t end_token;
    std::uint32_t entity;
  };

  // "'s" / "’s" as a token or at the end of one.
  bool is_possessive(std::uint32_t t) const {
    const std::string_view text = doc_.token_text(t);
    return (text.size() >= 2 && text.substr(text.size() - 2) == "'s") ||
           (text.size() >= 4 && text.substr(text.size() - 4) == "\u2019s");
  }

  bool speech_verb(std::uint32_t t) const {
    return t < doc_.tokens.size() &&
           in(tkey(t), {"said", "says", "told", "added", "stated", "declared", "announced", "explained", "noted",
                        "warned", "insisted", "argued", "claimed", "replied", "wrote", "tweeted", "confirmed",
                        "denied", "asked", "emphasized", "emphasised", "stressed"});
  }

  void add_pronouns() {
    const bool have_arcs = doc_.arcs.size() == doc_.tokens.size();
    std::vector<EntityReference> refs = result_.references;
    std::sort(refs.begin(), refs.end(), [](const auto& a, const auto& b) { return a.first_token < b.first_token; });
    std::vector<Candidate> seen;  // references before the current token, in order
    std::size_t next_ref = 0;
    for (std::uint32_t t = 0; t < doc_.tokens.size(); ++t) {
      while (next_ref < refs.size() && refs[next_ref].end_token <= t) {
        seen.push_back({refs[next_ref].first_token, refs[next_ref].end_token, refs[next_ref].entity});
        ++next_ref;
      }
      if (covered_[t]) continue;
      const std::string& key = tkey(t);
      enum { None, PersonPronoun, ThingPronoun, PluralPronoun } kind = None;
      if (in(key, {"he", "him", "his", "himself", "she", "her", "hers", "herself"})) kind = PersonPronoun;
      else if (in(key, {"it", "its", "itself"})) kind = ThingPronoun;
      else if (in(key, {"they", "them", "their", "themselves"})) kind = PluralPronoun;
      if (kind == None) continue;
      // Pleonastic "it is / it was / it seems ...": no referent.
      if (key == "it" && t + 1 < doc_.tokens.size() &&
          in(tkey(t + 1), {"is", "was", "'s", "seems", "seemed", "remains", "remained", "appears", "appeared",
                           "would", "will", "has", "had", "may", "might", "could", "takes", "took", "sounds", "became"}))
        continue;
      const std::uint32_t s = sentence_of_token_[t];
      const std::uint32_t window = kind == PersonPronoun ? 2 : 1;
      double best_score = -1;
      std::uint32_t best_entity = UINT32_MAX;
      std::set<std::uint32_t> distinct;
      for (std::size_t i = seen.size(); i-- > 0;) {
        const Candidate& c = seen[i];
        const std::uint32_t cs = sentence_of_token_[c.first_token];
        if (s - cs > window) break;
        const EntityType type = result_.entities[c.entity].type;
        const bool fits = kind == PersonPronoun ? type == EntityType::Person
                          : kind == ThingPronoun ? (type == EntityType::Organization || type == EntityType::Place)
                                                 : type == EntityType::Organization;
        if (!fits) continue;
        // A possessive "X's" is rarely the antecedent of a following subject pronoun.
        const bool possessive = is_possessive(c.end_token - 1) ||
                                (c.end_token < doc_.tokens.size() && is_possessive(c.end_token));
        double score = 3.0 - static_cast<double>(s - cs);
        bool subject = false;
        if (have_arcs) {
          const std::string& label = doc_.arcs[c.end_token - 1].label;
          subject = label == "nsubj" || label == "nsubj:pass" || label == "nsubjpass";
        } else {
          // The first reference of its sentence, not a possessive.
          subject = (i == 0 || sentence_of_token_[seen[i - 1].first_token] != cs) && !possessive;
        }
        if (subject) score += 1.0;
        if (speech_verb(c.end_token) || (c.end_token + 1 < doc_.tokens.size() && doc_.token_text(c.end_token) == "," &&
                                         speech_verb(c.end_token + 1)) ||
            (c.first_token > 0 && speech_verb(c.first_token - 1)))
          score += 1.0;
        if (possessive) score -= 0.5;
        distinct.insert(c.entity);
        if (score > best_score) {  // ties: the most recent (seen first in this backward scan)
          best_score = score;
          best_entity = c.entity;
        }
      }
      if (best_entity == UINT32_MAX) continue;
      if (kind == PluralPronoun && distinct.size() != 1) continue;
      result_.references.push_back({t, t + 1, best_entity, EntityReference::Kind::Pronoun});
      covered_[t] = true;
      seen.push_back({t, t + 1, best_entity});
    }
  }

  const Document& doc_;
  const NameLexicon& lexicon_;
  std::vector<std::uint32_t> sentence_of_token_;
  std::vector<std::string> token_keys_;
  std::vector<NameMention> names_;
  std::vector<Group> groups_;
  std::vector<std::uint32_t> group_of_name_;
  std::vector<std::uint32_t> root_of_group_;
  std::vector<std::uint32_t> entity_of_name_;
  std::vector<std::set<std::string>> entity_titles_;
  std::vector<bool> covered_;
  ResolvedEntities result_;
};

}  // namespace

ResolvedEntities resolve_entities(const Document& doc, const NameLexicon& lexicon) {
  if (doc.tokens.empty() || doc.sentences.empty()) {
    ResolvedEntities empty;
    empty.entity_of_mention.assign(doc.mentions.size(), -1);
    return empty;
  }
  return Resolver(doc, lexicon).run();
}

}  // namespace newsgraph
