// End-to-end runs of `newsgraph build` on samples/ and on the fixtures of tests/data/.
#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/cli_runner.hpp"

using namespace newsgraph::testing;
namespace fs = std::filesystem;

namespace {
const std::vector<std::string> kFormats = {"graph.graphml", "graph.dot", "graph.jsonld"};

std::vector<std::string> sample_files() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(fs::path(NEWSGRAPH_SOURCE_DIR) / "samples"))
    files.push_back("samples/" + entry.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}
}  // namespace

TEST_CASE("build writes the three formats of the samples and prints a summary", "[e2e]") {
  const std::string out = make_temp_dir("samples");
  const CommandOutput run = run_newsgraph({"build", "samples", "-o", out});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("5 articles") != std::string::npos);
  for (const std::string& name : kFormats) CHECK(fs::file_size(out + "/" + name) > 1000);
  CHECK_FALSE(fs::exists(out + "/.newsgraph-staging"));
  fs::remove_all(out);
}

TEST_CASE("build output is byte-identical for --jobs 1, --jobs 2 and inputs listed in reverse", "[e2e]") {
  const std::string one = make_temp_dir("jobs1");
  const std::string two = make_temp_dir("jobs2");
  const std::string reversed = make_temp_dir("reversed");
  REQUIRE(run_newsgraph({"build", "samples", "--jobs", "1", "-o", one, "--quiet"}).exit_code == 0);
  REQUIRE(run_newsgraph({"build", "samples", "--jobs", "2", "-o", two, "--quiet"}).exit_code == 0);
  std::vector<std::string> args = {"build", "--quiet", "--jobs", "2", "-o", reversed};
  std::vector<std::string> files = sample_files();
  args.insert(args.end(), files.rbegin(), files.rend());
  REQUIRE(run_newsgraph(args).exit_code == 0);
  for (const std::string& name : kFormats) {
    INFO(name);
    const std::string expected = read_file(one + "/" + name);
    CHECK(read_file(two + "/" + name) == expected);
    CHECK(read_file(reversed + "/" + name) == expected);
  }
  for (const auto& dir : {one, two, reversed}) fs::remove_all(dir);
}

TEST_CASE("build draws the same picture run after run", "[e2e]") {
  // Graphviz's force-directed layout draws random numbers; unseeded, it placed this graph's
  // edge labels two ways from run to run.
  std::string first;
  for (int run = 0; run < 4; ++run) {
    const std::string out = make_temp_dir("picture");
    REQUIRE(run_newsgraph({"build", "samples", "tests/data/samples-html", "tests/data/samples-jsonl", "-o", out,
                           "--quiet", "--format", "svg"})
                .exit_code == 0);
    const std::string svg = read_file(out + "/graph.svg");
    REQUIRE(svg.size() > 1000);
    if (run == 0) first = svg;
    INFO("run " << run);
    CHECK(svg == first);
    fs::remove_all(out);
  }
}

// The page and JSON forms carry a publication date that the .txt files lack; dates place
// events ("this past Tuesday"), so events may differ from the undated text's. Entities and
// the edges between them must not; the two dated forms must agree on everything.
namespace {
GraphShape without_events(const GraphShape& shape) {
  GraphShape out;
  for (const std::string& node : shape.nodes)
    if (!node.starts_with("event:")) out.nodes.push_back(node);
  for (const std::string& edge : shape.edges)
    if (edge.find("event:") == std::string::npos) out.edges.push_back(edge);
  return out;
}
}  // namespace

TEST_CASE("the .txt, .html and .jsonl forms of the samples give the same graph", "[e2e]") {
  const std::string txt = make_temp_dir("txt");
  const std::string html = make_temp_dir("html");
  const std::string jsonl = make_temp_dir("jsonl");
  REQUIRE(run_newsgraph({"build", "samples", "-o", txt, "--quiet", "--format", "graphml"}).exit_code == 0);
  REQUIRE(run_newsgraph({"build", "tests/data/samples-html", "-o", html, "--quiet", "--format", "graphml"}).exit_code == 0);
  REQUIRE(run_newsgraph({"build", "tests/data/samples-jsonl", "-o", jsonl, "--quiet", "--format", "graphml"}).exit_code == 0);
  const GraphShape undated = without_events(read_graph_shape(txt + "/graph.graphml"));
  REQUIRE(undated.nodes.size() > 20);
  const GraphShape dated = read_graph_shape(html + "/graph.graphml");
  const GraphShape from_json = read_graph_shape(jsonl + "/graph.graphml");
  CHECK(from_json.nodes == dated.nodes);
  CHECK(from_json.edges == dated.edges);
  for (const GraphShape* shape : {&dated, &from_json}) {
    const GraphShape entities = without_events(*shape);
    CHECK(entities.nodes == undated.nodes);
    CHECK(entities.edges == undated.edges);
  }
  for (const auto& dir : {txt, html, jsonl}) fs::remove_all(dir);
}
