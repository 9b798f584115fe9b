#include "export/jsonld.hpp"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "export/escape.hpp"
#include "export/test_graph.hpp"

using namespace newsgraph;
using newsgraph::testing::TempDir;

namespace {

rapidjson::Document parse(const std::string& path) {
  rapidjson::Document doc;
  const std::string bytes = newsgraph::testing::read_bytes(path);
  doc.Parse(bytes.c_str(), bytes.size());
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc.IsObject());
  return doc;
}

std::string str(const rapidjson::Value& value) { return std::string(value.GetString(), value.GetStringLength()); }

// Every object with an @id, however deeply nested, by @id.
void collect_subjects(const rapidjson::Value& value, std::map<std::string, const rapidjson::Value*>& out) {
  if (value.IsObject()) {
    if (value.HasMember("@id")) out[str(value["@id"])] = &value;
    for (const auto& member : value.GetObject())
      if (str(member.name) != "@context") collect_subjects(member.value, out);
  } else if (value.IsArray()) {
    for (const auto& item : value.GetArray()) collect_subjects(item, out);
  }
}

std::vector<std::string> strings(const rapidjson::Value& value) {
  std::vector<std::string> out;
  if (value.IsString()) out.push_back(str(value));
  if (value.IsArray())
    for (const auto& item : value.GetArray()) out.push_back(str(item));
  return out;
}

const std::string kBase = "https://newsgraph.example/";

}  // namespace

TEST_CASE("write_jsonld round-trips nodes, types and relations through a JSON reader", "[export]") {
  const KnowledgeGraph kg = newsgraph::testing::simple_graph();
  TempDir dir;
  const std::string path = dir.file("graph.jsonld");
  REQUIRE(write_jsonld(kg, path).is_ok());
  const rapidjson::Document doc = parse(path);
  REQUIRE(doc.HasMember("@context"));
  REQUIRE(doc["@context"].IsObject());
  CHECK(str(doc["@context"]["kg"]) == kBase + "vocab#");
  CHECK(str(doc["@context"]["schema"]) == "https://schema.org/");
  REQUIRE(doc["@graph"].IsArray());
  std::map<std::string, const rapidjson::Value*> subjects;
  collect_subjects(doc["@graph"], subjects);

  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph))) {
    const EntityNode& node = kg.graph[v];
    const std::string iri = kBase + exporting::node_iri_path(node.id);
    REQUIRE(subjects.count(iri) == 1);
    const rapidjson::Value& json = *subjects.at(iri);
    CHECK(str(json["identifier"]) == node.id);
    CHECK(str(json["name"]) == node.label);
    CHECK(str(json["@type"]) == std::string(to_string(node.type)));
    CHECK(json["mentions"].GetUint() == node.mentions);
    CHECK(strings(json["alternateName"]) == node.aliases);
  }
  const rapidjson::Value& witkoff = *subjects.at(kBase + "id/person/steve-witkoff");
  CHECK(strings(witkoff["metWith"]) == std::vector<std::string>{kBase + "id/person/vladimir-putin"});
  CHECK(strings(witkoff["mentionedIn"]) == std::vector<std::string>{kBase + "article/a1", kBase + "article/a2"});
  const rapidjson::Value& event = *subjects.at(kBase + "id/event/moscow-talks-2025-08-06");
  CHECK(str(event["startDate"]) == "2025-08-06");
  CHECK(str(event["location"]) == kBase + "id/place/moscow");

  // One reified statement per edge, pointing at the same endpoints and carrying provenance.
  std::size_t statements = 0;
  for (auto e : boost::make_iterator_range(boost::edges(kg.graph))) {
    const RelationEdge& rel = kg.graph[e];
    const std::string source = kg.graph[boost::source(e, kg.graph)].id;
    const std::string target = kg.graph[boost::target(e, kg.graph)].id;
    const std::string iri = kBase + "statement/" + exporting::percent_encode(source) + "/" +
                            std::string(to_string(rel.type)) + "/" + exporting::percent_encode(target);
    REQUIRE(subjects.count(iri) == 1);
    const rapidjson::Value& st = *subjects.at(iri);
    ++statements;
    CHECK(str(st["@type"]) == "Statement");
    CHECK(str(st["subject"]) == kBase + exporting::node_iri_path(source));
    CHECK(str(st["object"]) == kBase + exporting::node_iri_path(target));
    CHECK(str(st["relation"]) == std::string(to_string(rel.type)));
    CHECK(st["weight"].GetUint() == rel.weight());
    CHECK(st["symmetric"].GetBool() == rel.symmetric());
    REQUIRE(st["evidence"].Size() == rel.evidence.size());
    const rapidjson::Value& ev = st["evidence"][0];
    CHECK(str(ev["@type"]) == "Evidence");
    CHECK(str(ev["sentence"]) == kg.sentence(rel.evidence[0]));
    CHECK(str(ev["article"]) == kBase + "article/" + kg.article_id(rel.evidence[0]));
    CHECK(ev["start"].GetUint() == rel.evidence[0].begin);
    CHECK(ev["end"].GetUint() == rel.evidence[0].end);
    CHECK(str(ev["rule"]) == kg.rule(rel.evidence[0]));
    if (rel.type == RelationType::MetWith) CHECK(str(st["status"]) == "held");
    if (rel.type == RelationType::Claimed) CHECK(str(st["claimText"]) == "the talks were useful");
  }
  CHECK(statements == boost::num_edges(kg.graph));

  const rapidjson::Value& a1 = *subjects.at(kBase + "article/a1");
  CHECK(str(a1["@type"]) == "NewsArticle");
  CHECK(str(a1["name"]) == "Putin meets Witkoff");
  CHECK(str(a1["url"]) == "https://news.example.com/a1");
  CHECK(str(a1["datePublished"]) == "2025-08-06");
  CHECK(str(a1["source"]) == "samples/a1.txt");
  CHECK_FALSE(subjects.at(kBase + "article/a2")->HasMember("url"));
}

TEST_CASE("every JSON-LD subject carries @type and every IRI is absolute, for nasty strings too", "[export]") {
  TempDir dir;
  const std::string path = dir.file("graph.jsonld");
  REQUIRE(write_jsonld(newsgraph::testing::nasty_graph(), path).is_ok());
  const rapidjson::Document doc = parse(path);
  std::map<std::string, const rapidjson::Value*> subjects;
  collect_subjects(doc["@graph"], subjects);
  CHECK(subjects.size() > 20);
  for (const auto& [iri, json] : subjects) {
    INFO(iri);
    CHECK(json->HasMember("@type"));
    CHECK(iri.rfind(kBase, 0) == 0);
    CHECK(exporting::is_absolute_iri(iri));
  }
  // The article with a messy URL gets a percent-encoded IRI; "not a url" is left out.
  const rapidjson::Value& art1 = *subjects.at(kBase + "article/art%20%221%22");
  CHECK(str(art1["url"]) == "https://example.com/a%20path/%22q%22?x=%3C1%3E#frag%232");
  CHECK(str(art1["datePublished"]["@type"]) == "xsd:dateTime");
  const rapidjson::Value& art2 = *subjects.at(kBase + "article/art-2");
  CHECK_FALSE(art2.HasMember("url"));
  CHECK(str(art2["datePublished"]["@value"]) == "August 2025");
  CHECK_FALSE(art2["datePublished"].HasMember("@type"));
  CHECK(str(art2["name"]) == "ctlend");
  // An impossible date is not typed xsd:date; an unknown place stays a string.
  const rapidjson::Value& summit = *subjects.at(kBase + "id/event/summit");
  CHECK(str(summit["startDate"]["@value"]) == "2025-02-30");
  CHECK(str(summit["location"]["@value"]) == "Nowhere \"special\"");
  CHECK(str((*subjects.at(kBase + "id/place/long"))["name"]).size() == 10000);
}

TEST_CASE("write_jsonld mints every IRI under the base IRI given in the options", "[export]") {
  TempDir dir;
  const std::string path = dir.file("graph.jsonld");
  REQUIRE(write_jsonld(newsgraph::testing::simple_graph(), path, {"https://kg.example.org/run-7"}).is_ok());
  const rapidjson::Document doc = parse(path);
  CHECK(str(doc["@context"]["kg"]) == "https://kg.example.org/run-7/vocab#");
  std::map<std::string, const rapidjson::Value*> subjects;
  collect_subjects(doc["@graph"], subjects);
  for (const auto& [iri, json] : subjects) CHECK(iri.rfind("https://kg.example.org/run-7/", 0) == 0);
  CHECK(subjects.count("https://kg.example.org/run-7/id/person/steve-witkoff") == 1);
}

TEST_CASE("write_jsonld rejects a base that is not an absolute IRI and writes nothing", "[export]") {
  TempDir dir;
  const std::string path = dir.file("graph.jsonld");
  for (const char* base : {"", "newsgraph.example/", "https://a b/", "https://x.example/#frag"}) {
    INFO(base);
    const Status s = write_jsonld(newsgraph::testing::simple_graph(), path, {base});
    REQUIRE_FALSE(s.is_ok());
    CHECK_THAT(s.message(), Catch::Contains("base IRI"));
  }
  CHECK(dir.listing().empty());
}

TEST_CASE("write_jsonld into a missing directory fails naming the path and leaves nothing", "[export]") {
  TempDir dir;
  const std::string path = dir.file("missing/graph.jsonld");
  const Status s = write_jsonld(newsgraph::testing::simple_graph(), path);
  REQUIRE_FALSE(s.is_ok());
  CHECK_THAT(s.message(), Catch::Contains(path));
  CHECK(dir.listing().empty());
}

TEST_CASE("write_jsonld writes the same bytes twice", "[export]") {
  TempDir dir;
  REQUIRE(write_jsonld(newsgraph::testing::nasty_graph(), dir.file("a.jsonld")).is_ok());
  REQUIRE(write_jsonld(newsgraph::testing::nasty_graph(), dir.file("b.jsonld")).is_ok());
  CHECK(newsgraph::testing::read_bytes(dir.file("a.jsonld")) == newsgraph::testing::read_bytes(dir.file("b.jsonld")));
}

TEST_CASE("the inline @context is the one published in schemas/newsgraph-context.jsonld", "[export]") {
  TempDir dir;
  REQUIRE(write_jsonld(KnowledgeGraph{}, dir.file("empty.jsonld")).is_ok());
  const rapidjson::Document written = parse(dir.file("empty.jsonld"));
  const rapidjson::Document published = parse(std::string(NEWSGRAPH_SOURCE_DIR) + "/schemas/newsgraph-context.jsonld");
  CHECK(written["@context"] == published["@context"]);
  CHECK(written["@graph"].Size() == 0);
}
