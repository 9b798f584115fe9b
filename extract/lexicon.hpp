// NameLexicon: what entity resolution needs to know about names beyond the article (issue 6):
// demonyms and the place they belong to ("Russian" -> "Russia"), the usual short forms of
// country names ("US", "U.S.", "USA", "America" -> "United States") and other-script or
// other-language names of places ("Ουκρανία" -> "Ukraine").
//
// builtin() holds a small table of common forms, enough to run without data files. The
// pipeline fills a richer one from the gazetteer (data/gazetteers.tsv, see data/README.md)
// with add_gazetteer_tsv(): its MISC.demonym rows with a link give demonyms, its
// LOC.country rows give country names, other LOC rows known places, ORG rows known
// organisations.
//
// Keys are name_key() forms. Thread safety: a filled lexicon is immutable; const methods may
// run concurrently.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/status.hpp"

namespace newsgraph {

class NameLexicon {
 public:
  // The built-in table (common country short forms and demonyms). Thread-safe.
  static const NameLexicon& builtin();

  // Adds `alias` as another name of the place `canonical` (both as written).
  void add_place_alias(std::string_view alias, std::string_view canonical);
  // Adds a demonym ("Russian") of a place ("Russia").
  void add_demonym(std::string_view demonym, std::string_view place);
  // Marks `name` as a country (a vote for Place; never a surname antecedent).
  void add_country(std::string_view name);
  // Marks `name` as a known place that is not a country (a continent, a region).
  void add_known_place(std::string_view name);
  // Reads gazetteer lines "name<TAB>type[<TAB>sources[<TAB>link]]": MISC.demonym rows with a
  // link become demonyms, LOC.country rows countries, and any row whose link names another
  // place an alias of it. `name` prefixes error messages.
  Status add_gazetteer_tsv(std::string_view tsv, std::string_view name);
  Status load_gazetteer(const std::string& path);

  // The canonical name of a place given one of its aliases ("u.s" -> "United States"), or ""
  // when `key` is none. `key` is a name_key().
  std::string_view canonical_place(std::string_view key) const;
  // The place a demonym belongs to ("russian" -> "Russia"), or "". `key` is a name_key().
  std::string_view demonym_place(std::string_view key) const;
  bool is_demonym(std::string_view key) const { return !demonym_place(key).empty(); }
  // True when `key` (a name_key()) is a country's name or alias.
  bool is_country(std::string_view key) const;
  // True when the gazetteer lists `key` (a name_key()) as a place: a country or region, or a
  // name of two or more words in any LOC row (one-word city names collide with surnames:
  // "Obama", "Clinton"). A vote for Place; a known place never joins a person by surname.
  bool is_known_place(std::string_view key) const { return is_country(key) || known_places_.count(std::string(key)) > 0; }
  // True when any gazetteer LOC row has this name, one-word city names included.
  bool is_any_place_name(std::string_view key) const { return is_known_place(key) || place_names_.count(std::string(key)) > 0; }
  // ORG rows: a vote for Organization.
  bool is_known_organization(std::string_view key) const { return known_organizations_.count(std::string(key)) > 0; }
  // PER.first / PER.last rows: votes for Person.
  bool is_given_name(std::string_view key) const { return given_names_.count(std::string(key)) > 0; }
  bool is_surname(std::string_view key) const { return surnames_.count(std::string(key)) > 0; }

 private:
  std::unordered_map<std::string, std::string> place_alias_;  // key -> canonical
  std::unordered_map<std::string, std::string> demonym_;      // key -> place
  std::unordered_set<std::string> countries_;                 // keys
  std::unordered_set<std::string> known_places_;              // keys
  std::unordered_set<std::string> known_organizations_;       // keys
  std::unordered_set<std::string> place_names_;               // keys of every LOC row
  std::unordered_set<std::string> given_names_;               // keys
  std::unordered_set<std::string> surnames_;                  // keys
};

}  // namespace newsgraph
