// Limits (issue 9, docs/limits.md): each flag, the warning naming the file when a limit is
// reached, the graph still written, and bad values refused. Unit tests of each limit sit
// beside its code (tokenize/, ingest/); cap_entities is here with the pipeline's.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "pipeline/annotators.hpp"
#include "tests/cli_runner.hpp"

using namespace newsgraph::testing;
namespace fs = std::filesystem;

namespace newsgraph {
namespace {

struct LimitCase {
  std::vector<std::string> args;  // flag, value, inputs
  std::string warning;            // must appear on stderr: the start of the warning line
  std::string limit;              // and, further on that line, the limit named
};

TEST_CASE("each limit reached is a warning naming the file, and the graph is still written", "[e2e][limits]") {
  const std::vector<LimitCase> table = {
      {{"--max-article-bytes", "2000", "samples/001_5861c99586ffce41.txt"},
       "warning: samples/001_5861c99586ffce41.txt: article truncated to ", "at a paragraph boundary (max_article_bytes 2000)"},
      {{"--max-article-bytes", "500", "samples/001_5861c99586ffce41.txt"},
       "warning: samples/001_5861c99586ffce41.txt: file larger than 2000 bytes, only the first 2000 read",
       "(4 x max_article_bytes)"},
      {{"--max-sentence-tokens", "8", "samples/000_b83f3884dc9034e7.txt"},
       "warning: samples/000_b83f3884dc9034e7.txt: ", "sentences longer than 8 tokens split (max_sentence_tokens)"},
      {{"--max-html-depth", "3", "tests/data/samples-html/000_b83f3884dc9034e7.html"},
       "warning: tests/data/samples-html/000_b83f3884dc9034e7.html: nested deeper than 3 elements; ",
       "tags past the limit ignored, their text kept (max_html_depth)"},
      {{"--max-entities-per-article", "2", "samples/000_b83f3884dc9034e7.txt"},
       "warning: samples/000_b83f3884dc9034e7.txt: ", "entities, kept the 2 most mentioned (max_entities_per_article)"},
      {{"--max-entities-per-article", "2", "tests/data/samples-jsonl/samples.jsonl"},
       "warning: tests/data/samples-jsonl/samples.jsonl (article 000_b83f3884dc9034e7): ",
       "entities, kept the 2 most mentioned (max_entities_per_article)"},
  };
  for (const LimitCase& c : table) {
    INFO(c.args[0] << " " << c.args[1]);
    const std::string out = make_temp_dir("limit");
    std::vector<std::string> args = {"build", "-o", out};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const CommandOutput run = run_newsgraph(args);
    INFO(run.err);
    CHECK(run.exit_code == 0);
    const std::size_t at = run.err.find(c.warning);
    REQUIRE(at != std::string::npos);
    const std::string line = run.err.substr(at, run.err.find('\n', at) - at);
    CHECK(line.find(c.limit) != std::string::npos);
    CHECK(fs::exists(out + "/graph.graphml"));
    fs::remove_all(out);
  }
}

TEST_CASE("bad limit values are usage errors: exit 1, nothing written", "[e2e][limits]") {
  const std::vector<std::pair<std::vector<std::string>, std::string>> table = {
      {{"--max-article-bytes", "0"}, "--max-article-bytes takes a whole number from 1 on, not '0'"},
      {{"--max-article-bytes", "12kb"}, "--max-article-bytes takes a whole number from 1 on, not '12kb'"},
      {{"--max-html-depth", "-3"}, "--max-html-depth takes a whole number from 1 on, not '-3'"},
      {{"--max-entities-per-article", "99999999999999999999999"}, "--max-entities-per-article takes a whole number"},
      {{"--max-sentence-tokens", "3"}, "--max-sentence-tokens must be at least 8, not 3"},
      {{"--max-sentence-tokens"}, "--max-sentence-tokens needs a number"},
  };
  for (const auto& [flags, message] : table) {
    const std::string out = make_temp_dir("limit-bad");
    std::vector<std::string> args = {"build", "-o", out};
    args.insert(args.end(), flags.begin(), flags.end());
    if (flags.size() > 1) args.push_back("samples/000_b83f3884dc9034e7.txt");
    const CommandOutput run = run_newsgraph(args);
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find(message) != std::string::npos);
    CHECK(fs::is_empty(out));
    fs::remove_all(out);
  }
}

ArticleEntity entity(const std::string& name, std::uint32_t mentions) {
  ArticleEntity e{};
  e.type = EntityType::Person;
  e.name = name;
  e.mentions = mentions;
  return e;
}

TEST_CASE("cap_entities keeps the most mentioned entities in order, with the relations between them", "[limits]") {
  ArticleGraph graph;
  graph.entities = {entity("A", 1), entity("B", 5), entity("C", 2), entity("D", 5), entity("E", 2)};
  const auto relation = [](std::uint32_t source, std::uint32_t target) {
    ArticleRelation rel{};
    rel.type = RelationType::MetWith;
    rel.source = source;
    rel.target = target;
    return rel;
  };
  graph.relations = {relation(1, 3), relation(0, 1), relation(3, 2), relation(2, 4)};
  graph.references = {{0, 1, 0, EntityReference::Kind::Name},
                      {1, 2, 1, EntityReference::Kind::Name},
                      {2, 3, 2, EntityReference::Kind::Name},
                      {3, 4, 4, EntityReference::Kind::Name}};
  CHECK(cap_entities(graph, 3) == 5);
  // B and D (5 mentions), then C before E (2 each: the first met wins).
  REQUIRE(graph.entities.size() == 3);
  CHECK(graph.entities[0].name == "B");
  CHECK(graph.entities[1].name == "C");
  CHECK(graph.entities[2].name == "D");
  REQUIRE(graph.relations.size() == 2);
  CHECK((graph.relations[0].source == 0 && graph.relations[0].target == 2));  // B-D
  CHECK((graph.relations[1].source == 2 && graph.relations[1].target == 1));  // D-C
  REQUIRE(graph.references.size() == 2);
  CHECK(graph.references[0].entity == 0);
  CHECK(graph.references[1].entity == 1);
  CHECK(cap_entities(graph, 3) == 3);  // within the limit: unchanged
  CHECK(graph.entities.size() == 3);
}

}  // namespace
}  // namespace newsgraph
