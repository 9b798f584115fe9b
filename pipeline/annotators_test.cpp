// load_annotators() loads the taggers on a second thread when given two: a missing model is
// still reported as with one thread, the first of POS, NER, parser that fails.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "pipeline/annotators.hpp"

using namespace newsgraph;

TEST_CASE("loading the models on two threads names the same missing model as on one", "[pipeline][model]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("newsgraph-load-models-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const unsigned threads : {1u, 2u}) {
    INFO("threads " << threads);
    const Result<std::unique_ptr<Annotators>> none = load_annotators(dir.string(), threads);
    REQUIRE_FALSE(none);
    CHECK(none.status().message().find(kPosModelFile) != std::string::npos);
  }
  // The taggers load, the parser is missing.
  for (const char* model : {kPosModelFile, kNerModelFile})
    fs::create_symlink(fs::absolute(fs::path(NEWSGRAPH_SOURCE_DIR "/models") / model), dir / model);
  for (const unsigned threads : {1u, 2u}) {
    INFO("threads " << threads);
    const Result<std::unique_ptr<Annotators>> no_parser = load_annotators(dir.string(), threads);
    REQUIRE_FALSE(no_parser);
    CHECK(no_parser.status().message().find(kParserModelFile) != std::string::npos);
  }
  fs::remove_all(dir);
}
