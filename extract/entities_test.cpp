// In-article entity resolution (issue 6): hand-built Documents, names not from any dev set.
#include "extract/entities.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

using namespace newsgraph;

namespace {

// Tokens split on spaces; sentences end after a "." token. Mentions are given as
// "[Type text]" brackets: "[PER Jane Doe] met [ORG Acme Corp] ." (PER, ORG, LOC, MISC).
Document bracketed(const std::string& marked) {
  Document doc;
  doc.article.id = "t";
  std::istringstream in(marked);
  std::string word;
  std::vector<std::string> words;
  while (in >> word) words.push_back(word);
  std::string& text = doc.article.text;
  bool open = false;
  Mention current{};
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    if (w.size() > 1 && w[0] == '[') {
      const std::string tag = w.substr(1);
      current = {static_cast<std::uint32_t>(doc.tokens.size()), 0,
                 tag == "PER"   ? EntityType::Person
                 : tag == "ORG" ? EntityType::Organization
                 : tag == "LOC" ? EntityType::Place
                                : EntityType::Misc,
                 0.9f};
      open = true;
      continue;
    }
    bool close = false;
    if (open && w.size() > 1 && w.back() == ']') {
      w.pop_back();
      close = true;
    }
    if (!text.empty()) text += ' ';
    const auto begin = static_cast<std::uint32_t>(text.size());
    text += w;
    doc.tokens.push_back({begin, static_cast<std::uint32_t>(text.size())});
    if (close) {
      current.end_token = static_cast<std::uint32_t>(doc.tokens.size());
      doc.mentions.push_back(current);
      open = false;
    }
  }
  std::uint32_t first = 0;
  for (std::uint32_t t = 0; t < doc.tokens.size(); ++t) {
    if (doc.token_text(t) == "." || t + 1 == doc.tokens.size()) {
      doc.sentences.push_back({first, t + 1});
      first = t + 1;
    }
  }
  return doc;
}

// The entity a token range refers to, or -1.
int entity_at(const ResolvedEntities& resolved, std::uint32_t first_token) {
  for (const EntityReference& ref : resolved.references)
    if (ref.first_token == first_token) return static_cast<int>(ref.entity);
  return -1;
}

int token_of(const Document& doc, std::string_view word, int nth = 0) {
  for (std::uint32_t t = 0; t < doc.tokens.size(); ++t)
    if (doc.token_text(t) == word && nth-- == 0) return static_cast<int>(t);
  return -1;
}

}  // namespace

TEST_CASE("resolve_entities links a surname and a titled surname to the full name, earlier or later", "[extract]") {
  const Document doc = bracketed(
      "[PER Mr. Halvorsen] arrived . Envoy [PER Ingrid Halvorsen] spoke . [PER Halvorsen] left .");
  const ResolvedEntities resolved = resolve_entities(doc);
  REQUIRE(resolved.entities.size() == 1);
  const ArticleEntity& entity = resolved.entities[0];
  CHECK(entity.name == "Ingrid Halvorsen");
  CHECK(entity.type == EntityType::Person);
  CHECK(entity.mentions == 3);
  CHECK(std::count(entity.aliases.begin(), entity.aliases.end(), "Mr. Halvorsen") == 1);
  CHECK(std::count(entity.aliases.begin(), entity.aliases.end(), "Halvorsen") == 1);
}

TEST_CASE("resolve_entities keeps a surname apart when two people carry it", "[extract]") {
  const Document doc = bracketed("[PER Park Min-jun] met [PER Park Min-seo] . [PER Park] spoke .");
  const ResolvedEntities resolved = resolve_entities(doc);
  CHECK(resolved.entities.size() == 3);
  const Document doc2 = bracketed("[PER Tomas Berg] and [PER Ana Berg] came . [PER Berg] spoke .");
  CHECK(resolve_entities(doc2).entities.size() == 3);
}

TEST_CASE("resolve_entities gives a shared surname to the one person introduced before its first use",
          "[extract]") {
  const Document doc = bracketed(
      "[PER Idris Okonjo] spoke . [PER Okonjo] left . Later [PER Femi Okonjo] came . [PER Okonjo] slept .");
  const ResolvedEntities resolved = resolve_entities(doc);
  REQUIRE(resolved.entities.size() == 2);
  CHECK(resolved.entities[0].name == "Idris Okonjo");
  CHECK(resolved.entities[0].mentions == 3);
}

TEST_CASE("resolve_entities links a given name alone to the one person who has it", "[extract]") {
  const Document doc = bracketed("[PER Tariq Osei] , 14 , built a radio . \" Well done , [PER Tariq] . \" [PER Tariq] smiled .");
  const ResolvedEntities resolved = resolve_entities(doc);
  REQUIRE(resolved.entities.size() == 1);
  CHECK(resolved.entities[0].mentions == 3);
  // Two people with that given name: it stays apart.
  const Document doc2 = bracketed("[PER Tariq Osei] met [PER Tariq Mensah] . [PER Tariq] spoke .");
  CHECK(resolve_entities(doc2).entities.size() == 3);
}

TEST_CASE("resolve_entities lets a list of three or more names vote for the type of each member", "[extract]") {
  const Document doc = bracketed("the regions [PER Varnok] , [LOC Tesbury] , [LOC Ombria] , and [LOC Quellin] .");
  const ResolvedEntities resolved = resolve_entities(doc);
  REQUIRE(resolved.entities.size() == 4);
  for (const ArticleEntity& entity : resolved.entities) CHECK(entity.type == EntityType::Place);
  // Two names are no list: the tagger's type stands.
  const Document pair = bracketed("[PER Varnok] and [LOC Tesbury] .");
  CHECK(resolve_entities(pair).entities[0].type == EntityType::Person);
}

TEST_CASE("resolve_entities never joins a country to a person with that surname", "[extract]") {
  const Document doc = bracketed("[PER Callum Chad] flew to [LOC Chad] . [LOC Chad] welcomed him .");
  const ResolvedEntities resolved = resolve_entities(doc);
  REQUIRE(resolved.entities.size() == 2);
  CHECK(resolved.entities[0].type == EntityType::Person);
  CHECK(resolved.entities[1].type == EntityType::Place);
}

TEST_CASE("resolve_entities links an acronym to its expansion in parentheses and by initials", "[extract]") {
  const Document doc = bracketed(
      "The [ORG Nordic Water Research Agency] ( [ORG NWRA] ) reported . The [ORG NWRA] said so . "
      "The [ORG Baltic Port Authority] agreed . The [ORG BPA] ruled .");
  const ResolvedEntities resolved = resolve_entities(doc);
  REQUIRE(resolved.entities.size() == 2);
  CHECK(resolved.entities[0].name == "Nordic Water Research Agency");
  CHECK(resolved.entities[1].name == "Baltic Port Authority");
  CHECK(std::count(resolved.entities[1].aliases.begin(), resolved.entities[1].aliases.end(), "BPA") == 1);
}

TEST_CASE("resolve_entities folds country short forms and keeps a person apart from their administration",
          "[extract]") {
  const Document doc = bracketed(
      "[LOC U.S.] officials met . The [LOC United States] agreed . [LOC US] troops left . "
      "The [PER Okafor] administration objected . [PER Okafor] said no .");
  const ResolvedEntities resolved = resolve_entities(doc);
  REQUIRE(resolved.entities.size() == 3);
  CHECK(resolved.entities[0].name == "United States");
  CHECK(resolved.entities[0].type == EntityType::Place);
  CHECK(resolved.entities[1].name == "Okafor administration");
  CHECK(resolved.entities[1].type == EntityType::Organization);
  CHECK(resolved.entities[2].name == "Okafor");
  CHECK(resolved.entities[2].type == EntityType::Person);
}

TEST_CASE("resolve_entities drops demonyms alone and decides the type by votes", "[extract]") {
  const Document doc = bracketed(
      "[MISC Ruritanian] voters and [LOC Russian] envoys met [PER Lena Marsh] . [LOC Marsh] spoke . "
      "[PER Marsh] left .");
  const ResolvedEntities resolved = resolve_entities(doc);
  REQUIRE(resolved.entities.size() == 1);
  CHECK(resolved.entities[0].type == EntityType::Person);
  CHECK(resolved.entities[0].mentions == 3);
}

TEST_CASE("resolve_entities resolves a nominal with a title and modifier to the person introduced with it",
          "[extract]") {
  const Document doc = bracketed(
      "[MISC Freedonian] President [PER Rufus Teasdale] met [PER Ambassador Trentino] . "
      "Later the Freedonian president said he was pleased .");
  const ResolvedEntities resolved = resolve_entities(doc);
  const int teasdale = entity_at(resolved, static_cast<std::uint32_t>(token_of(doc, "Rufus")));
  REQUIRE(teasdale >= 0);
  const int president = token_of(doc, "president");
  bool found = false;
  for (const EntityReference& ref : resolved.references)
    if (ref.kind == EntityReference::Kind::Nominal && ref.end_token == static_cast<std::uint32_t>(president + 1)) {
      CHECK(ref.entity == static_cast<std::uint32_t>(teasdale));
      found = true;
    }
  CHECK(found);
  // "he" in the same sentence as the nominal goes to the president too.
  CHECK(entity_at(resolved, static_cast<std::uint32_t>(token_of(doc, "he"))) == teasdale);
}

TEST_CASE("resolve_entities gives 'He said' to the named speaker of the previous sentence", "[extract]") {
  const Document doc = bracketed(
      "[PER Marta Quell] told [ORG Radio Lumen] the talks failed . He said the deal was dead .");
  // "He" is not a person's pronoun candidate for the organisation; Marta Quell is the subject.
  const ResolvedEntities resolved = resolve_entities(doc);
  const int quell = entity_at(resolved, 0);
  REQUIRE(quell >= 0);
  const int he = token_of(doc, "He");
  bool found = false;
  for (const EntityReference& ref : resolved.references)
    if (ref.first_token == static_cast<std::uint32_t>(he)) {
      CHECK(ref.kind == EntityReference::Kind::Pronoun);
      CHECK(ref.entity == static_cast<std::uint32_t>(quell));
      found = true;
    }
  CHECK(found);
}

TEST_CASE("resolve_entities links 'its' to an organisation and never a person pronoun to one", "[extract]") {
  const Document doc = bracketed("[ORG Velmar Bank] cut its rates . It is unclear why .");
  const ResolvedEntities resolved = resolve_entities(doc);
  CHECK(entity_at(resolved, static_cast<std::uint32_t>(token_of(doc, "its"))) == 0);
  CHECK(entity_at(resolved, static_cast<std::uint32_t>(token_of(doc, "It"))) == -1);  // pleonastic
  const Document doc2 = bracketed("[ORG Velmar Bank] cut rates . He was angry .");
  CHECK(entity_at(resolve_entities(doc2), static_cast<std::uint32_t>(token_of(doc2, "He"))) == -1);
}

TEST_CASE("resolve_entities records the in-article rule of each alias", "[extract]") {
  const Document doc = bracketed("[PER Oskar Lindqvist] spoke . [PER Lindqvist] left .");
  const ResolvedEntities resolved = resolve_entities(doc);
  REQUIRE(resolved.entities.size() == 1);
  const ArticleEntity& entity = resolved.entities[0];
  REQUIRE(entity.alias_rules.size() == entity.aliases.size());
  for (std::size_t i = 0; i < entity.aliases.size(); ++i)
    if (entity.aliases[i] == "Lindqvist") CHECK(entity.alias_rules[i] == "surname");
}

TEST_CASE("resolve_entities joins a person name the tagger split at its particles", "[extract]") {
  const Document doc = bracketed("Commission chief [ORG Margarethe] von der [PER Lindt] spoke . [PER Lindt] left .");
  const ResolvedEntities resolved = resolve_entities(doc);
  REQUIRE(resolved.entities.size() == 1);
  CHECK(resolved.entities[0].name == "Margarethe von der Lindt");
  CHECK(resolved.entities[0].type == EntityType::Person);
  CHECK(resolved.entities[0].mentions == 2);
  // Lower-case words that are no particles keep the names apart.
  const Document doc2 = bracketed("[ORG Acme] and the [PER Lindt] family spoke .");
  CHECK(resolve_entities(doc2).entities.size() == 2);
}

TEST_CASE("resolve_entities leaves an office's department out of the name after it", "[extract]") {
  const Document doc = bracketed(
      "Minister of [PER Culture Marta Lindqvist] spoke . Secretary of [PER State Tom H. Brandt] replied . "
      "Secretary of the [PER Navy Rune Haugen] came . "
      "Undersecretary for [PER Transport Mr. Okafor] agreed . Minister for [PER Foreign Affairs Ola von der Lindt] left .");
  const ResolvedEntities resolved = resolve_entities(doc);
  std::vector<std::string> names;
  for (const auto& entity : resolved.entities) names.push_back(entity.name);
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"Marta Lindqvist", "Okafor", "Ola von der Lindt", "Rune Haugen", "Tom H. Brandt"});
  // The tagger typed the department and the person one organisation.
  const Document typed_org = bracketed("Minister of [ORG Fisheries Ola Brandt] spoke .");
  REQUIRE(resolve_entities(typed_org).entities.size() == 1);
  CHECK(resolve_entities(typed_org).entities[0].name == "Ola Brandt");
  CHECK(resolve_entities(typed_org).entities[0].type == EntityType::Person);
  // Without an office before "of", the whole span is the name; organisations stay whole.
  for (const std::string marked : {"Friends of [PER Anna Maria Lindt] spoke .",
                                   "Minister of [ORG Health and Human Services] spoke .",
                                   "Minister of [ORG Acme Widget Group] spoke ."}) {
    const ResolvedEntities whole = resolve_entities(bracketed(marked));
    REQUIRE(whole.entities.size() == 1);
    CHECK(marked.find(whole.entities[0].name) != std::string::npos);
    CHECK(whole.entities[0].name.find(' ') != std::string::npos);
  }
}

TEST_CASE("resolve_entities reads a title in apposition to a name as describing that name", "[extract]") {
  const Document doc = bracketed(
      "President [PER Rufus Teasdale] spoke . [PER Ola Brandt] , the president of [LOC Freedonia] , replied .");
  const ResolvedEntities resolved = resolve_entities(doc);
  // "the president" after "Ola Brandt ," is Brandt's title, not a reference to Teasdale.
  const int the = token_of(doc, "the");
  for (const EntityReference& ref : resolved.references)
    CHECK_FALSE((ref.kind == EntityReference::Kind::Nominal && ref.first_token == static_cast<std::uint32_t>(the)));
}

TEST_CASE("resolve_entities reads \"the Court\" as the one organisation of the article named with that word",
          "[extract]") {
  const Document doc = bracketed("[ORG High Court of Veloria] met . Later the Court ruled . the court 's ruling stood .");
  const ResolvedEntities resolved = resolve_entities(doc);
  REQUIRE(resolved.entities.size() == 1);
  CHECK(entity_at(resolved, static_cast<std::uint32_t>(token_of(doc, "Court", 1))) == 0);
  CHECK(entity_at(resolved, static_cast<std::uint32_t>(token_of(doc, "court"))) == 0);
  // Two courts: "the Court" is left unresolved.
  const Document two = bracketed("[ORG High Court of Veloria] and [ORG Court of Audit] met . the Court ruled .");
  const ResolvedEntities both = resolve_entities(two);
  CHECK(entity_at(both, static_cast<std::uint32_t>(token_of(two, "Court", 2))) == -1);
}
