// The bad-input table (issue 3): each bad input beside a good article. The run must name the
// file and the problem, exit with the documented code, and still write the good article's
// graph; fatal cases must write nothing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/cli_runner.hpp"

using namespace newsgraph::testing;
namespace fs = std::filesystem;

namespace {
const std::string kGood = "samples/000_b83f3884dc9034e7.txt";

struct BadInputCase {
  std::string input;
  int exit_code;
  std::string message;  // must appear on stderr
  std::string summary;  // must appear on stdout ("N articles")
};
}  // namespace

TEST_CASE("bad inputs are named, skipped, and the rest of the graph is written", "[e2e][bad-input]") {
  const std::vector<BadInputCase> table = {
      {"tests/data/bad/empty.txt", 2, "tests/data/bad/empty.txt: empty file", "1 articles"},
      {"tests/data/bad/binary.txt", 2, "tests/data/bad/binary.txt: binary file", "1 articles"},
      {"tests/data/bad/invalid-utf8.txt", 0, "tests/data/bad/invalid-utf8.txt: 4 invalid UTF-8 sequences", "2 articles"},
      {"tests/data/bad/truncated.jsonl", 2, "tests/data/bad/truncated.jsonl:3:", "3 articles"},
      {"tests/data/bad/no-text.jsonl", 2, "tests/data/bad/no-text.jsonl:1:", "2 articles"},
      {"tests/data/bad/no-body.html", 2, "tests/data/bad/no-body.html: no article text", "1 articles"},
      {"tests/data/bad/does-not-exist.txt", 2, "tests/data/bad/does-not-exist.txt: no such file", "1 articles"},
      {"tests/data/bad/mixed", 2, "tests/data/bad/mixed/feed.jsonl:2: invalid JSON at byte", "4 articles"},
  };
  for (const BadInputCase& c : table) {
    INFO(c.input);
    const std::string out = make_temp_dir("bad");
    const CommandOutput run = run_newsgraph({"build", "-o", out, kGood, c.input});
    INFO(run.err);
    CHECK(run.exit_code == c.exit_code);
    CHECK(run.err.find(c.message) != std::string::npos);
    CHECK(run.out.find(c.summary) != std::string::npos);
    CHECK(fs::exists(out + "/graph.graphml"));
    fs::remove_all(out);
  }
}

TEST_CASE("a 20 MB single-line file is read", "[e2e][bad-input]") {
  const std::string dir = make_temp_dir("huge");
  {
    std::ofstream huge(dir + "/huge.txt", std::ios::binary);
    const std::string sentence = "Officials in Geneva met again on Tuesday and said the talks would go on. ";
    for (std::size_t written = 0; written < (20u << 20); written += sentence.size()) huge << sentence;
  }
  const CommandOutput run = run_newsgraph({"build", "-o", dir + "/out", "--quiet", dir + "/huge.txt"});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(fs::exists(dir + "/out/graph.graphml"));
  fs::remove_all(dir);
}

TEST_CASE("fatal runs exit 1 and write nothing", "[e2e][bad-input]") {
  struct FatalCase {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<FatalCase> table = {
      {{"--strict", kGood, "tests/data/bad/empty.txt"}, "--strict"},
      {{"tests/data/bad/empty.txt"}, "no article"},
      {{"--jobs", "zero", kGood}, "--jobs"},
      {{"--frobnicate", kGood}, "unknown option '--frobnicate'"},
      {{"--format", "pdf", kGood}, "unknown format 'pdf'"},
      {{}, "no input"},
  };
  for (const FatalCase& c : table) {
    const std::string out = make_temp_dir("fatal");
    std::vector<std::string> args = {"build", "-o", out};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const CommandOutput run = run_newsgraph(args);
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find(c.message) != std::string::npos);
    CHECK(fs::is_empty(out));
    fs::remove_all(out);
  }
}

TEST_CASE("an output folder that cannot be created is fatal", "[e2e][bad-input]") {
  const CommandOutput run = run_newsgraph({"build", "-o", "/proc/newsgraph-cannot-write", kGood});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("/proc/newsgraph-cannot-write") != std::string::npos);
}
