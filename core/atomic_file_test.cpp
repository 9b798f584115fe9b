#include "core/atomic_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace newsgraph;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}
}  // namespace

TEST_CASE("an abandoned atomic write leaves the previous file and no temp file", "[core]") {
  const fs::path dir = fs::temp_directory_path() / "newsgraph_atomic_test";
  fs::create_directories(dir);
  const std::string path = (dir / "out.txt").string();
  REQUIRE(write_file_atomically(path, "old"));
  {
    AtomicFile out;
    REQUIRE(out.open(path));
    REQUIRE(out.write("new but unfinished"));
  }  // destroyed without commit
  CHECK(slurp(path) == "old");
  CHECK_FALSE(fs::exists(path + ".tmp"));
  REQUIRE(write_file_atomically(path, "new"));
  CHECK(slurp(path) == "new");
  fs::remove_all(dir);
}

TEST_CASE("an atomic write into a missing folder fails with the path in the message", "[core]") {
  const Status status = write_file_atomically("/nonexistent-dir/x/out.txt", "x");
  REQUIRE_FALSE(status);
  CHECK(status.message().find("/nonexistent-dir/x/out.txt.tmp") != std::string::npos);
}
