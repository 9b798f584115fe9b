// End-to-end: `newsgraph build --format html` on samples/ (issue 11). The page itself is
// tested in a browser by tests/browser/explorer_test.mjs (scripts/test-browser).
#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/cli_runner.hpp"

using namespace newsgraph::testing;
namespace fs = std::filesystem;

namespace {

// The graph the page carries: "id|label|type" per node and "source|target|type" per edge
// (endpoints by id), sorted, as read_graph_shape gives them for GraphML.
GraphShape page_shape(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"graph-data\">";
  const std::size_t begin = page.find(open) + open.size();
  rapidjson::Document json;
  json.Parse(page.substr(begin, page.find("</script>", begin) - begin).c_str());
  REQUIRE_FALSE(json.HasParseError());
  GraphShape shape;
  const auto& nodes = json["nodes"];
  for (const auto& node : nodes.GetArray())
    shape.nodes.push_back(std::string(node["id"].GetString()) + "|" + node["label"].GetString() + "|" +
                          node["type"].GetString());
  for (const auto& edge : json["edges"].GetArray())
    shape.edges.push_back(std::string(nodes[edge["source"].GetUint()]["id"].GetString()) + "|" +
                          nodes[edge["target"].GetUint()]["id"].GetString() + "|" + edge["type"].GetString());
  std::sort(shape.nodes.begin(), shape.nodes.end());
  std::sort(shape.edges.begin(), shape.edges.end());
  return shape;
}

}  // namespace

TEST_CASE("build --format html writes the samples' graph, the same as the GraphML, the same bytes for any --jobs",
          "[e2e][html]") {
  const std::string one = make_temp_dir("html1");
  const std::string two = make_temp_dir("html2");
  const CommandOutput run = run_newsgraph({"build", "samples", "--jobs", "1", "-o", one, "--format", "graphml,html"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("wrote     " + one + "/graph.html") != std::string::npos);
  REQUIRE(run_newsgraph({"build", "samples", "--jobs", "2", "-o", two, "--format", "html", "--quiet"}).exit_code == 0);
  const std::string page = read_file(one + "/graph.html");
  CHECK(read_file(two + "/graph.html") == page);

  const GraphShape graphml = read_graph_shape(one + "/graph.graphml");
  const GraphShape html = page_shape(page);
  CHECK(html.nodes == graphml.nodes);
  CHECK(html.edges == graphml.edges);
  CHECK_FALSE(graphml.nodes.empty());
  for (const auto& dir : {one, two}) fs::remove_all(dir);
}

TEST_CASE("build --format names html among the formats it knows", "[e2e][html]") {
  const CommandOutput run = run_newsgraph({"build", "samples", "--format", "graphml,htm"});
  CHECK(run.exit_code == 1);
  CHECK_THAT(run.err, Catch::Contains("unknown format 'htm'") && Catch::Contains("html"));
}
