// Past one machine (issue 8): `newsgraph extract` over shards + `newsgraph merge` gives the
// bytes of one `newsgraph build`; `build -` reads JSON lines from stdin.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/cli_runner.hpp"

using namespace newsgraph::testing;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kFormats = {"graph.graphml", "graph.dot", "graph.jsonld"};

// The sample files dealt round-robin into `count` shards.
std::vector<std::vector<std::string>> sample_shards(std::size_t count) {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(fs::path(NEWSGRAPH_SOURCE_DIR) / "samples"))
    files.push_back("samples/" + entry.path().filename().string());
  std::sort(files.begin(), files.end());
  std::vector<std::vector<std::string>> shards(count);
  for (std::size_t i = 0; i < files.size(); ++i) shards[i % count].push_back(files[i]);
  return shards;
}

// Extracts each shard into dir/shard-N.jsonl; returns the paths.
std::vector<std::string> extract_shards(const std::string& dir, std::size_t count) {
  std::vector<std::string> paths;
  const auto shards = sample_shards(count);
  for (std::size_t i = 0; i < shards.size(); ++i) {
    const std::string path = dir + "/shard-" + std::to_string(i) + ".jsonl";
    std::vector<std::string> args = {"extract", "--quiet", "-o", path};
    args.insert(args.end(), shards[i].begin(), shards[i].end());
    const CommandOutput run = run_newsgraph(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    paths.push_back(path);
  }
  return paths;
}

}  // namespace

TEST_CASE("extract over 4 shards then merge, in any file order, gives build's bytes in every format", "[e2e][scale]") {
  const std::string built = make_temp_dir("built");
  const std::string shards = make_temp_dir("shards");
  const std::string merged = make_temp_dir("merged");
  REQUIRE(run_newsgraph({"build", "--quiet", "samples", "-o", built}).exit_code == 0);
  std::vector<std::string> paths = extract_shards(shards, 4);
  std::vector<std::string> args = {"merge", "--quiet", "-o", merged};
  args.insert(args.end(), paths.rbegin(), paths.rend());
  const CommandOutput run = run_newsgraph(args);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  for (const std::string& name : kFormats) {
    INFO(name);
    CHECK(read_file(merged + "/" + name) == read_file(built + "/" + name));
  }
  for (const auto& dir : {built, shards, merged}) fs::remove_all(dir);
}

TEST_CASE("merge counts an article extracted twice once, keeping the later extraction", "[e2e][scale]") {
  const std::string built = make_temp_dir("built");
  const std::string shards = make_temp_dir("shards");
  const std::string merged = make_temp_dir("merged");
  REQUIRE(run_newsgraph({"build", "--quiet", "--format", "graphml", "samples", "-o", built}).exit_code == 0);
  const std::vector<std::string> paths = extract_shards(shards, 2);
  // An incremental update: the first shard re-extracted and merged with everything kept.
  const CommandOutput run =
      run_newsgraph({"merge", "--format", "graphml", "-o", merged, paths[0], paths[1], paths[0]});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.find("given twice") != std::string::npos);
  CHECK(run.out.find("5 articles") != std::string::npos);
  CHECK(read_file(merged + "/graph.graphml") == read_file(built + "/graph.graphml"));
  for (const auto& dir : {built, shards, merged}) fs::remove_all(dir);
}

TEST_CASE("extract takes build's limit flags: an extraction made with a limit merges to build's graph with it",
          "[e2e][scale]") {
  const std::string built = make_temp_dir("built");
  const std::string extracted = make_temp_dir("extracted");
  const std::string merged = make_temp_dir("merged");
  REQUIRE(run_newsgraph({"build", "--quiet", "--format", "graphml", "--max-entities-per-article", "6", "samples",
                         "-o", built}).exit_code == 0);
  const std::string file = extracted + "/all.jsonl";
  REQUIRE(run_newsgraph({"extract", "--quiet", "--max-entities-per-article", "6", "samples", "-o", file}).exit_code == 0);
  REQUIRE(run_newsgraph({"merge", "--quiet", "--format", "graphml", "-o", merged, file}).exit_code == 0);
  CHECK(read_file(merged + "/graph.graphml") == read_file(built + "/graph.graphml"));
  CHECK(run_newsgraph({"extract", "--max-html-depth", "0", "samples"}).exit_code == 1);
  for (const auto& dir : {built, extracted, merged}) fs::remove_all(dir);
}

TEST_CASE("merge rejects a file that is not an extraction, naming file and line", "[e2e][scale]") {
  const std::string merged = make_temp_dir("merged");
  const CommandOutput run = run_newsgraph({"merge", "-o", merged, "samples/000_b83f3884dc9034e7.txt"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("samples/000_b83f3884dc9034e7.txt:1: invalid JSON") != std::string::npos);
  CHECK_FALSE(fs::exists(merged + "/graph.graphml"));
  fs::remove_all(merged);
}

TEST_CASE("merge rejects an entity whose mention count is out of range, naming file and line", "[e2e][scale]") {
  const std::string dir = make_temp_dir("mentions");
  const std::string path = dir + "/x.jsonl";
  std::ofstream(path) << "{\"format\":\"newsgraph-extraction\",\"version\":1}\n"
                      << "{\"article\":\"a\",\"source\":\"s\",\"ordinal\":0,\"title\":\"\",\"date\":\"\",\"url\":\"\","
                         "\"entities\":[{\"type\":\"Person\",\"name\":\"Ana\",\"aliases\":[\"Ana\"],\"mentions\":600000000,"
                         "\"date\":\"\",\"place\":\"\",\"event_kind\":\"\",\"alias_rules\":[\"name\"]}],\"relations\":[]}\n";
  const CommandOutput run = run_newsgraph({"merge", "-o", dir + "/out", path});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("x.jsonl:2: mentions 600000000 out of range (at most 536870911)") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/out/graph.graphml"));
  fs::remove_all(dir);
}

TEST_CASE("build - reads JSON lines from stdin and gives the GraphML of the same .jsonl file", "[e2e][scale]") {
  const std::string file = make_temp_dir("file");
  const std::string piped = make_temp_dir("stdin");
  const std::string jsonl = "tests/data/samples-jsonl/samples.jsonl";
  REQUIRE(run_newsgraph({"build", "--quiet", "--format", "graphml", jsonl, "-o", file}).exit_code == 0);
  const CommandOutput run = run_newsgraph({"build", "--format", "graphml", "-", "-o", piped},
                                          std::string(NEWSGRAPH_SOURCE_DIR) + "/" + jsonl);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("5 articles") != std::string::npos);
  CHECK(read_file(piped + "/graph.graphml") == read_file(file + "/graph.graphml"));
  for (const auto& dir : {file, piped}) fs::remove_all(dir);
}

TEST_CASE("splits of a stream extracted from stdin under their own names merge to the build of the split files",
          "[e2e][scale]") {
  // Two splits of one feed, as a batch engine would pipe them: without their own names both
  // would be "stdin" with the same ordinals.
  const std::string dir = make_temp_dir("splits");
  const std::string lines = read_file(std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/data/samples-jsonl/samples.jsonl");
  const std::size_t cut = lines.find('\n', lines.size() / 2) + 1;
  for (const auto& [name, part] : {std::pair{"split-0.jsonl", lines.substr(0, cut)}, std::pair{"split-1.jsonl", lines.substr(cut)}}) {
    std::ofstream(dir + "/" + name) << part;
    const CommandOutput run = run_newsgraph(
        {"extract", "--quiet", "--stdin-name", name, "-o", dir + "/" + name + ".extract", "-"}, dir + "/" + name);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
  }
  const CommandOutput merged =
      run_newsgraph({"merge", "--format", "graphml", "-o", dir + "/merged", dir + "/split-1.jsonl.extract", dir + "/split-0.jsonl.extract"});
  INFO(merged.err);
  REQUIRE(merged.exit_code == 0);
  CHECK(merged.out.find("5 articles") != std::string::npos);
  const CommandOutput built = run_newsgraph(
      {"build", "--quiet", "--format", "graphml", "-o", dir + "/built", dir + "/split-0.jsonl", dir + "/split-1.jsonl"});
  REQUIRE(built.exit_code == 0);
  CHECK(read_file(dir + "/merged/graph.graphml") == read_file(dir + "/built/graph.graphml"));
  fs::remove_all(dir);
}
