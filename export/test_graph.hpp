// Hand-built knowledge graphs for the export tests and for export_sample (which writes them
// for ../shared/tools/check-exports). Not part of the library.
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace newsgraph::testing {

// `sources`: indices in the list of articles the graph is built with.
inline EntityNode make_node(std::string id, std::string label, EntityType type, std::vector<std::string> aliases,
                            std::uint32_t mentions, std::vector<std::uint32_t> sources) {
  EntityNode node;
  node.id = std::move(id);
  node.label = std::move(label);
  node.type = type;
  node.aliases = std::move(aliases);
  node.mentions = mentions;
  node.sources = std::move(sources);
  return node;
}

inline RelationSighting make_sighting(std::string source, std::string target, RelationType type, std::string article,
                                      std::uint32_t begin, std::string sentence, std::string rule = "pattern") {
  RelationSighting s;
  s.source_id = std::move(source);
  s.target_id = std::move(target);
  s.type = type;
  s.evidence.article_id = std::move(article);
  s.evidence.begin = begin;
  s.evidence.end = begin + static_cast<std::uint32_t>(sentence.size());
  s.evidence.sentence_text = std::move(sentence);
  s.evidence.rule = std::move(rule);
  return s;
}

// A small, well-behaved graph: one node of each type, one edge of each typed relation.
inline KnowledgeGraph simple_graph() {
  std::vector<EntityNode> nodes = {
      make_node("person:steve-witkoff", "Steve Witkoff", EntityType::Person, {"Steve Witkoff", "Witkoff"}, 5,
                {0, 1}),
      make_node("person:vladimir-putin", "Vladimir Putin", EntityType::Person, {"Putin", "Vladimir Putin"}, 7, {0}),
      make_node("organization:kremlin", "Kremlin", EntityType::Organization, {"Kremlin", "the Kremlin"}, 2, {0}),
      make_node("place:moscow", "Moscow", EntityType::Place, {"Moscow"}, 3, {0, 1}),
  };
  EntityNode event = make_node("event:moscow-talks-2025-08-06", "Moscow talks", EntityType::Event, {"talks"}, 2, {0});
  event.date = "2025-08-06";
  event.place = "Moscow";
  nodes.push_back(event);
  std::vector<RelationSighting> sightings = {
      make_sighting("person:vladimir-putin", "person:steve-witkoff", RelationType::MetWith, "a1", 0,
                    "Putin met Witkoff in Moscow.", "met-verb"),
      make_sighting("person:steve-witkoff", "person:vladimir-putin", RelationType::MetWith, "a2", 40,
                    "Witkoff and Putin met again.", "met-verb"),
      make_sighting("person:vladimir-putin", "organization:kremlin", RelationType::Represents, "a1", 30,
                    "Kremlin leader Putin spoke.", "apposition"),
      make_sighting("organization:kremlin", "place:moscow", RelationType::Claimed, "a1", 60,
                    "The Kremlin said the talks were useful.", "said-that"),
      make_sighting("person:steve-witkoff", "event:moscow-talks-2025-08-06", RelationType::ParticipatedIn, "a1", 90,
                    "Witkoff attended the talks.", "attend"),
      make_sighting("event:moscow-talks-2025-08-06", "place:moscow", RelationType::LocatedIn, "a1", 120,
                    "The talks took place in Moscow.", "in-place"),
  };
  sightings[0].status = "held";
  sightings[1].status = "held";
  sightings[3].text = "the talks were useful";
  std::vector<ArticleInfo> articles = {
      {"a1", "samples/a1.txt", "Putin meets Witkoff", "2025-08-06", "https://news.example.com/a1"},
      {"a2", "samples/a2.txt", "Second round", "2025-08-07", ""},
  };
  return build_graph(std::move(nodes), std::move(sightings), std::move(articles));
}

// Strings that break naive writers: quotes, backslashes, newlines, "]]>", <>{}, control
// characters, emoji, Greek, an RTL mark, invalid UTF-8, DOT keywords as ids, a 10,000-byte label.
inline KnowledgeGraph nasty_graph() {
  const std::string quote_label = "Dr. \"Quote\" O'Neil \\ back\\slash\nnew line\r\ttab ]]> <b>&amp;</b> {x} [y] | z";
  const std::string controls = std::string("ctl\x01\x02\x0B\x0C\x1B\x7F") + "\xC2\x85" + "end\xEF\xBF\xBE";
  const std::string long_label(10000, 'W');
  std::vector<EntityNode> nodes = {
      make_node("person:dr-quote", quote_label, EntityType::Person, {"Quote", "\"Q\"", "a|b"}, 1, {0}),
      make_node("person:controls", controls, EntityType::Person, {controls}, 2, {1}),
      make_node("person:emoji", "Emoji \xF0\x9F\x98\x80 \xF0\x9F\x87\xBA\xF0\x9F\x87\xA6 face", EntityType::Person, {}, 1,
                {1}),
      make_node("person:\xCE\xB1\xCE\xBB\xCE\xAD\xCE\xBE\xCE\xB7\xCF\x82",  // Greek id "person:αλέξης"
                "\xCE\x91\xCE\xBB\xCE\xAD\xCE\xBE\xCE\xB7\xCF\x82 \xCE\xA4\xCF\x83\xCE\xAF\xCF\x80\xCF\x81\xCE\xB1\xCF\x82",
                EntityType::Person, {}, 1, {1}),
      make_node("organization:rtl", "\xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D RTL mark", EntityType::Organization, {},
                1, {1}),
      make_node("place:long", long_label, EntityType::Place, {}, 1, {1}),
      make_node("node", "keyword id node", EntityType::Misc, {}, 1, {}),
      make_node("graph", "keyword id graph", EntityType::Organization, {}, 1, {}),
      make_node("person:bad id/with spaces\"", "Invalid \xFF\xFE UTF-8", EntityType::Person, {}, 1, {1}),
  };
  EntityNode event = make_node("event:summit", "Summit {1} <2>", EntityType::Event, {}, 1, {1});
  event.date = "2025-02-30";  // not a calendar date: must not be typed xsd:date
  event.place = "Nowhere \"special\"";
  nodes.push_back(event);
  std::vector<RelationSighting> sightings = {
      make_sighting("person:dr-quote", "person:controls", RelationType::MetWith, "art \"1\"", 0,
                    "He said \"hi\" \\ then\nleft ]]> <tag>", "rule \"q\""),
      make_sighting("person:emoji", "organization:rtl", RelationType::Represents, "art-2", 5,
                    "Emoji \xF0\x9F\x98\x80 represents \xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"),
      make_sighting("organization:rtl", "place:long", RelationType::Claimed, "art-2", 10, long_label),
      make_sighting("node", "graph", RelationType::CoOccurs, "art-2", 20, "node edge graph digraph subgraph strict"),
      make_sighting("person:bad id/with spaces\"", "event:summit", RelationType::ParticipatedIn, "art-2", 30,
                    controls),
      make_sighting("event:summit", "place:long", RelationType::LocatedIn, "art-2", 40, "In {place}."),
  };
  sightings[0].status = "planned";
  sightings[2].text = "claim with \"quotes\" and \\ and\nnewline";
  std::vector<ArticleInfo> articles = {
      {"art \"1\"", "in put/a \"1\".txt", "Title <with> \"markup\" & stuff", "2025-08-06T10:30:00Z",
       "https://example.com/a path/\"q\"?x=<1>#frag#2"},
      {"art-2", "in/b.html", controls, "August 2025", "not a url"},
  };
  return build_graph(std::move(nodes), std::move(sightings), std::move(articles));
}

}  // namespace newsgraph::testing

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace newsgraph::testing {

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "newsgraph-export-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  // The names of the files in the directory, sorted.
  std::vector<std::string> listing() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(path_)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::filesystem::path path_;
};

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace newsgraph::testing
