#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>

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

TEST_CASE("a directory loop through symlinks is reported and skipped, the walk ends", "[ingest]") {
  testing::TempDir dir("loop");
  testing::write_bytes(dir.path() / "a/story.txt", "Story\n\nText.\n");
  fs::create_directory_symlink(dir.path(), dir.path() / "a/loop");
  fs::create_directory_symlink(dir.path() / "a", dir.path() / "a/self");
  std::vector<std::string> errors;
  const auto files = list_input_files({dir.path().string()}, errors);
  const std::string root = fs::canonical(dir.path()).string();
  CHECK(errors == std::vector<std::string>{
                      (dir.path() / "a/loop").string() + ": directory loop through a symlink (back to " + root + "), skipped",
                      (dir.path() / "a/self").string() + ": directory loop through a symlink (back to " + root + "/a), skipped"});
  CHECK(names(files, dir.path()) == std::vector<std::string>{"a/story.txt"});
}

TEST_CASE("a symlink to a directory outside the input is followed", "[ingest]") {
  testing::TempDir dir("follow");
  testing::TempDir other("follow-target");
  testing::write_bytes(other.path() / "far.txt", "Far\n\nText.\n");
  testing::write_bytes(dir.path() / "near.txt", "Near\n\nText.\n");
  fs::create_directory_symlink(other.path(), dir.path() / "linked");
  std::vector<std::string> errors;
  const auto files = list_input_files({dir.path().string()}, errors);
  CHECK(errors.empty());
  CHECK(names(files, dir.path()) == std::vector<std::string>{"linked/far.txt", "near.txt"});
}

TEST_CASE("a FIFO is reported and skipped, never opened", "[ingest]") {
  testing::TempDir dir("fifo");
  testing::write_bytes(dir.path() / "story.txt", "Story\n\nText.\n");
  const fs::path fifo = dir.path() / "pipe.txt";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::vector<std::string> errors;
  // Inside a walked directory, and named directly.
  const auto files = list_input_files({dir.path().string(), fifo.string()}, errors);
  CHECK(names(files, dir.path()) == std::vector<std::string>{"story.txt"});
  CHECK(errors == std::vector<std::string>{fifo.string() + ": a FIFO, not a file to read; skipped",
                                           fifo.string() + ": a FIFO, not a file to read; skipped"});
}

TEST_CASE("a file that vanishes between listing and reading is reported", "[ingest]") {
  testing::TempDir dir("vanish");
  testing::write_bytes(dir.path() / "story.txt", "Story\n\nText.\n");
  std::vector<std::string> errors;
  const auto files = list_input_files({dir.path().string()}, errors);
  REQUIRE(files.size() == 1);
  fs::remove(files[0]);
  const ReadReport report = read_file(files[0]);
  CHECK(report.articles.empty());
  CHECK(report.errors == std::vector<std::string>{files[0] + ": cannot read: No such file or directory"});
}

// As root, mode 000 does not stop a read: the case cannot be made, and says so.
bool permissions_are_enforced(const fs::path& unreadable) {
  std::FILE* file = std::fopen(unreadable.c_str(), "rb");
  if (file == nullptr) return true;
  std::fclose(file);
  WARN("SKIPPED: running as root (or with CAP_DAC_OVERRIDE), mode 000 does not deny reads");
  return false;
}

TEST_CASE("an unreadable file or directory is reported, the rest is read", "[ingest]") {
  testing::TempDir dir("denied");
  testing::write_bytes(dir.path() / "ok.txt", "Story\n\nText.\n");
  testing::write_bytes(dir.path() / "locked.txt", "Locked\n\nText.\n");
  testing::write_bytes(dir.path() / "sub/inner.txt", "Inner\n\nText.\n");
  fs::permissions(dir.path() / "locked.txt", fs::perms::none);
  fs::permissions(dir.path() / "sub", fs::perms::none);
  if (permissions_are_enforced(dir.path() / "locked.txt")) {
    std::vector<std::string> errors;
    const auto files = list_input_files({dir.path().string()}, errors);
    CHECK(names(files, dir.path()) == std::vector<std::string>{"locked.txt", "ok.txt"});
    CHECK(errors == std::vector<std::string>{(dir.path() / "sub").string() + ": cannot read directory: Permission denied"});
    const ReadReport locked = read_file((dir.path() / "locked.txt").string());
    CHECK(locked.errors == std::vector<std::string>{(dir.path() / "locked.txt").string() + ": cannot read: Permission denied"});
  }
  fs::permissions(dir.path() / "sub", fs::perms::owner_all);  // so that TempDir can remove it
}

}  // namespace
}  // namespace newsgraph::ingest
