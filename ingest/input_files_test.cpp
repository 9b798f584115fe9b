#include <catch2/catch.hpp>

#include <algorithm>

#include "ingest/ingest.hpp"
#include "ingest/test_util.hpp"

namespace newsgraph::ingest {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> names(const std::vector<std::string>& files, const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& file : files) out.push_back(fs::path(file).lexically_relative(root).generic_string());
  return out;
}

TEST_CASE("directory walk keeps article extensions sorted by path and skips other files", "[ingest]") {
  const std::string mixed = testing::source_path("tests/data/bad/mixed");
  std::vector<std::string> errors;
  const auto files = list_input_files({mixed}, errors);
  CHECK(errors.empty());
  CHECK(names(files, mixed) == std::vector<std::string>{"feed.jsonl", "good.html", "good.txt"});
}

TEST_CASE("directory walk is recursive, case-insensitive on extensions and in byte order", "[ingest]") {
  testing::TempDir dir("walk");
  for (const char* name : {"b/Z.TXT", "b/a.Html", "B/c.htm", "a.ndjson", "a.jsonl", "notes.md", "img.png", "b/sub/x.txt"}) {
    testing::write_bytes(dir.path() / name, "x");
  }
  std::vector<std::string> errors;
  const auto files = list_input_files({dir.path().string()}, errors);
  CHECK(errors.empty());
  CHECK(names(files, dir.path()) ==
        std::vector<std::string>{"B/c.htm", "a.jsonl", "a.ndjson", "b/Z.TXT", "b/a.Html", "b/sub/x.txt"});
}

TEST_CASE("the order inputs are listed in does not matter, and a file reached twice is kept once", "[ingest]") {
  const std::string mixed = testing::source_path("tests/data/bad/mixed");
  const std::string txt = mixed + "/good.txt";
  std::vector<std::string> errors;
  const auto one = list_input_files({mixed, txt}, errors);
  const auto two = list_input_files({txt, mixed, txt}, errors);
  CHECK(errors.empty());
  CHECK(one == two);
  CHECK(one.size() == 3);
}

TEST_CASE("a file named directly is kept whatever its extension", "[ingest]") {
  const std::string readme = testing::source_path("tests/data/bad/mixed/README.md");
  std::vector<std::string> errors;
  CHECK(list_input_files({readme}, errors) == std::vector<std::string>{readme});
  const ReadReport report = read_file(readme);
  CHECK(report.articles.size() == 1);  // read as plain text
}

TEST_CASE("a missing input is reported as 'no such file or directory'", "[ingest]") {
  std::vector<std::string> errors;
  const auto files = list_input_files({"no/such/input.txt"}, errors);
  CHECK(files.empty());
  CHECK(errors == std::vector<std::string>{"no/such/input.txt: no such file or directory"});
}

TEST_CASE("a symlink loop does not hang the directory walk", "[ingest]") {
  testing::TempDir dir("loop");
  testing::write_bytes(dir.path() / "a/story.txt", "Story\n\nText.\n");
  std::error_code ec;
  fs::create_directory_symlink(dir.path(), dir.path() / "a/loop", ec);
  fs::create_directory_symlink(dir.path() / "a", dir.path() / "a/self", ec);
  std::vector<std::string> errors;
  const auto files = list_input_files({dir.path().string()}, errors);
  CHECK(errors.empty());
  CHECK(names(files, dir.path()) == std::vector<std::string>{"a/story.txt"});
}

}  // namespace
}  // namespace newsgraph::ingest
