#include "extract/lexicon.hpp"

#include <fstream>
#include <sstream>
#include <vector>

#include "extract/names.hpp"

namespace newsgraph {
namespace {

// Common written forms of country names. General world knowledge, not tuned to any article.
struct PlaceAlias {
  const char* alias;
  const char* canonical;
};
constexpr PlaceAlias kPlaceAliases[] = {
    {"US", "United States"}, {"U.S.", "United States"}, {"U.S", "United States"}, {"USA", "United States"},
    {"U.S.A.", "United States"}, {"United States of America", "United States"}, {"America", "United States"},
    {"UK", "United Kingdom"}, {"U.K.", "United Kingdom"}, {"Britain", "United Kingdom"},
    {"Great Britain", "United Kingdom"}, {"United Kingdom of Great Britain and Northern Ireland", "United Kingdom"},
    {"UAE", "United Arab Emirates"}, {"U.A.E.", "United Arab Emirates"},
    {"Russian Federation", "Russia"}, {"DPRK", "North Korea"}, {"Democratic People's Republic of Korea", "North Korea"},
    {"Republic of Korea", "South Korea"}, {"ROK", "South Korea"}, {"PRC", "China"},
    {"People's Republic of China", "China"}, {"Holland", "Netherlands"}, {"The Netherlands", "Netherlands"},
    {"Czechia", "Czech Republic"}, {"Türkiye", "Turkey"}, {"Turkiye", "Turkey"}, {"Ivory Coast", "Côte d'Ivoire"},
    {"Cote d'Ivoire", "Côte d'Ivoire"}, {"Burma", "Myanmar"}, {"DRC", "Democratic Republic of the Congo"},
    {"DR Congo", "Democratic Republic of the Congo"}, {"Kiev", "Kyiv"}, {"Viet Nam", "Vietnam"},
    {"Swaziland", "Eswatini"}, {"East Timor", "Timor-Leste"}, {"Persia", "Iran"}, {"Islamic Republic of Iran", "Iran"},
    {"Syrian Arab Republic", "Syria"}, {"Vatican", "Vatican City"}, {"Holy See", "Vatican City"},
};

struct Demonym {
  const char* demonym;
  const char* place;
};
constexpr Demonym kDemonyms[] = {
    {"American", "United States"}, {"British", "United Kingdom"}, {"Russian", "Russia"}, {"Ukrainian", "Ukraine"},
    {"German", "Germany"}, {"French", "France"}, {"Italian", "Italy"}, {"Spanish", "Spain"}, {"Chinese", "China"},
    {"Japanese", "Japan"}, {"Indian", "India"}, {"Pakistani", "Pakistan"}, {"Iranian", "Iran"}, {"Iraqi", "Iraq"},
    {"Syrian", "Syria"}, {"Turkish", "Turkey"}, {"Israeli", "Israel"}, {"Palestinian", "Palestine"},
    {"Egyptian", "Egypt"}, {"Saudi", "Saudi Arabia"}, {"Yemeni", "Yemen"}, {"Polish", "Poland"},
    {"Canadian", "Canada"}, {"Mexican", "Mexico"}, {"Brazilian", "Brazil"}, {"Australian", "Australia"},
    {"Korean", "Korea"}, {"North Korean", "North Korea"}, {"South Korean", "South Korea"}, {"Georgian", "Georgia"},
    {"Belarusian", "Belarus"}, {"Hungarian", "Hungary"}, {"Dutch", "Netherlands"}, {"Belgian", "Belgium"},
    {"Swedish", "Sweden"}, {"Norwegian", "Norway"}, {"Finnish", "Finland"}, {"Danish", "Denmark"},
    {"Greek", "Greece"}, {"Portuguese", "Portugal"}, {"Irish", "Ireland"}, {"Swiss", "Switzerland"},
    {"Austrian", "Austria"}, {"Czech", "Czech Republic"}, {"Romanian", "Romania"}, {"Bulgarian", "Bulgaria"},
    {"Serbian", "Serbia"}, {"Croatian", "Croatia"}, {"Afghan", "Afghanistan"}, {"Venezuelan", "Venezuela"},
    {"Cuban", "Cuba"}, {"Argentine", "Argentina"}, {"Chilean", "Chile"}, {"Colombian", "Colombia"},
    {"Nigerian", "Nigeria"}, {"Kenyan", "Kenya"}, {"South African", "South Africa"}, {"Ethiopian", "Ethiopia"},
    {"Lebanese", "Lebanon"}, {"Jordanian", "Jordan"}, {"Qatari", "Qatar"}, {"Emirati", "United Arab Emirates"},
    {"Libyan", "Libya"}, {"Tunisian", "Tunisia"}, {"Moroccan", "Morocco"}, {"Algerian", "Algeria"},
    {"Sudanese", "Sudan"}, {"Somali", "Somalia"}, {"Vietnamese", "Vietnam"}, {"Thai", "Thailand"},
    {"Indonesian", "Indonesia"}, {"Filipino", "Philippines"}, {"Malaysian", "Malaysia"}, {"Kazakh", "Kazakhstan"},
    {"Azerbaijani", "Azerbaijan"}, {"Armenian", "Armenia"}, {"Moldovan", "Moldova"}, {"Lithuanian", "Lithuania"},
    {"Latvian", "Latvia"}, {"Estonian", "Estonia"}, {"Slovak", "Slovakia"}, {"Slovenian", "Slovenia"},
    {"Mozambican", "Mozambique"}, {"Zimbabwean", "Zimbabwe"}, {"Malagasy", "Madagascar"}, {"European", "Europe"},
    {"Scottish", "Scotland"}, {"Welsh", "Wales"}, {"English", "England"}, {"Taiwanese", "Taiwan"},
    {"Nepalese", "Nepal"}, {"Bangladeshi", "Bangladesh"}, {"Sri Lankan", "Sri Lanka"}, {"Peruvian", "Peru"},
    {"Bolivian", "Bolivia"}, {"Ecuadorian", "Ecuador"}, {"Uruguayan", "Uruguay"}, {"Paraguayan", "Paraguay"},
    {"Kuwaiti", "Kuwait"}, {"Omani", "Oman"}, {"Bahraini", "Bahrain"}, {"Icelandic", "Iceland"},
};

constexpr const char* kCountries[] = {
    "United States", "United Kingdom", "Russia", "Ukraine", "Germany", "France", "Italy", "Spain", "China", "Japan",
    "India", "Pakistan", "Iran", "Iraq", "Syria", "Turkey", "Israel", "Egypt", "Saudi Arabia", "Yemen", "Poland",
    "Canada", "Mexico", "Brazil", "Australia", "North Korea", "South Korea", "Georgia", "Belarus", "Hungary",
    "Netherlands", "Belgium", "Sweden", "Norway", "Finland", "Denmark", "Greece", "Portugal", "Ireland",
    "Switzerland", "Austria", "Czech Republic", "Romania", "Bulgaria", "Serbia", "Croatia", "Afghanistan",
    "Venezuela", "Cuba", "Argentina", "Chile", "Colombia", "Nigeria", "Kenya", "South Africa", "Ethiopia",
    "Lebanon", "Jordan", "Qatar", "United Arab Emirates", "Libya", "Tunisia", "Morocco", "Algeria", "Sudan",
    "Somalia", "Vietnam", "Thailand", "Indonesia", "Philippines", "Malaysia", "Kazakhstan", "Azerbaijan",
    "Armenia", "Moldova", "Lithuania", "Latvia", "Estonia", "Slovakia", "Slovenia", "Mozambique", "Zimbabwe",
    "Madagascar", "Taiwan", "Nepal", "Bangladesh", "Sri Lanka", "Peru", "Bolivia", "Ecuador", "Uruguay",
    "Paraguay", "Kuwait", "Oman", "Bahrain", "Iceland", "Palestine", "Myanmar", "Zambia", "Angola", "Namibia",
    "Botswana", "Malawi", "Tanzania", "Uganda", "Rwanda", "Ghana", "Senegal", "Mali", "Niger", "Chad",
    "Cameroon", "Luxembourg", "Malta", "Cyprus", "New Zealand", "Singapore", "Mongolia", "Uzbekistan",
    "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Albania", "Montenegro", "Kosovo", "Bosnia and Herzegovina",
    "North Macedonia", "Lesotho", "Eswatini", "Haiti", "Jamaica", "Panama", "Costa Rica", "Nicaragua",
    "Honduras", "Guatemala", "El Salvador", "Dominican Republic", "Scotland", "Wales", "England"};

// Continents and world regions: places, never countries.
constexpr const char* kRegions[] = {"Europe", "Africa", "Asia", "North America", "South America", "Latin America",
                                    "Middle East", "Oceania", "Antarctica", "Arctic", "Balkans", "Caucasus",
                                    "Scandinavia", "Central Asia", "Southeast Asia", "East Asia", "Eastern Europe",
                                    "Western Europe", "Caribbean", "Sahel", "Gulf", "Mediterranean"};

NameLexicon make_builtin() {
  NameLexicon lexicon;
  for (const char* region : kRegions) lexicon.add_known_place(region);
  for (const char* country : kCountries) lexicon.add_country(country);
  for (const PlaceAlias& entry : kPlaceAliases) lexicon.add_place_alias(entry.alias, entry.canonical);
  for (const Demonym& entry : kDemonyms)
    if (*entry.place) lexicon.add_demonym(entry.demonym, entry.place);
  return lexicon;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

}  // namespace

const NameLexicon& NameLexicon::builtin() {
  static const NameLexicon lexicon = make_builtin();
  return lexicon;
}

void NameLexicon::add_place_alias(std::string_view alias, std::string_view canonical) {
  std::string key = name_key(alias);
  if (key.empty() || key == name_key(canonical)) return;
  if (countries_.count(name_key(canonical))) countries_.insert(key);
  place_alias_.emplace(std::move(key), std::string(canonical));
}

void NameLexicon::add_demonym(std::string_view demonym, std::string_view place) {
  std::string key = name_key(demonym);
  if (!key.empty()) demonym_.emplace(std::move(key), std::string(place));
}

void NameLexicon::add_known_place(std::string_view name) {
  std::string key = name_key(name);
  if (!key.empty()) known_places_.insert(std::move(key));
}

void NameLexicon::add_country(std::string_view name) {
  std::string key = name_key(name);
  if (!key.empty()) countries_.insert(std::move(key));
}

Status NameLexicon::add_gazetteer_tsv(std::string_view tsv, std::string_view name) {
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < tsv.size()) {
    std::size_t newline = tsv.find('\n', start);
    if (newline == std::string_view::npos) newline = tsv.size();
    const std::string_view line = tsv.substr(start, newline - start);
    start = newline + 1;
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> fields = split_tabs(line);
    if (fields.size() < 2 || fields[0].empty())
      return Status::error(std::string(name) + ":" + std::to_string(line_number) + ": expected name<TAB>type");
    const std::string_view type = fields[1];
    const std::string_view link = fields.size() >= 4 ? fields[3] : std::string_view();
    if (type == "MISC.demonym") {
      if (!link.empty()) add_demonym(fields[0], link);
    } else if (type == "LOC.country") {
      add_country(fields[0]);
      if (!link.empty()) add_place_alias(fields[0], link);
    } else if (type.substr(0, 4) == "LOC.") {
      std::string key = name_key(fields[0]);
      if (!key.empty() && (type == "LOC.region" || key.find(' ') != std::string::npos)) known_places_.insert(key);
      if (!key.empty()) place_names_.insert(std::move(key));
      if (!link.empty()) add_place_alias(fields[0], link);
    } else if (type == "PER.first") {
      given_names_.insert(name_key(fields[0]));
    } else if (type == "PER.last") {
      surnames_.insert(name_key(fields[0]));
    } else if (type.substr(0, 4) == "ORG.") {
      std::string key = name_key(fields[0]);
      if (!key.empty()) known_organizations_.insert(std::move(key));
    }
  }
  return Status::ok();
}

Status NameLexicon::load_gazetteer(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path + ": cannot open gazetteer");
  std::ostringstream text;
  text << in.rdbuf();
  return add_gazetteer_tsv(text.str(), path);
}

std::string_view NameLexicon::canonical_place(std::string_view key) const {
  const auto it = place_alias_.find(std::string(key));
  return it == place_alias_.end() ? std::string_view() : std::string_view(it->second);
}

std::string_view NameLexicon::demonym_place(std::string_view key) const {
  const auto it = demonym_.find(std::string(key));
  return it == demonym_.end() ? std::string_view() : std::string_view(it->second);
}

bool NameLexicon::is_country(std::string_view key) const { return countries_.count(std::string(key)) > 0; }

}  // namespace newsgraph
