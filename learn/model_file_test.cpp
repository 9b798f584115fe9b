#include "learn/model_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

using namespace newsgraph;
using namespace newsgraph::learn;
namespace fs = std::filesystem;

namespace {
ModelFile sample_model() {
  ModelFile model;
  model.header.kind = "toy-tagger";
  model.header.feature_set_version = 3;
  model.header.labels = {"NN", "VB", "-LRB-", ":", "nmod:poss", "B=X"};
  model.header.hyper_parameters = {{"epochs", "8"}, {"prune", "0.01"}};
  model.header.seed = 12345;
  model.header.training_data = {{"en_ewt-ud-train.conllu", std::string(64, 'a')}};
  model.header.dev_scores = {{"accuracy", "96.10"}};
  model.sections = {{"weights", std::string("\0\1\2\n\n", 5)}, {"tagdict", "the DT\n"}, {"empty", ""}};
  return model;
}

std::string temp_path(const char* name) {
  const fs::path dir = fs::temp_directory_path() / "newsgraph_model_file_test";
  fs::create_directories(dir);
  return (dir / name).string();
}
}  // namespace

TEST_CASE("model file round-trips header and sections", "[learn]") {
  ModelFile model = sample_model();
  const std::string path = temp_path("round.model");
  REQUIRE(save_model(path, model));
  auto loaded = load_model(path);
  REQUIRE(loaded);
  CHECK(loaded->header.kind == "toy-tagger");
  CHECK(loaded->header.feature_set_version == 3);
  CHECK(loaded->header.labels == model.header.labels);
  CHECK(loaded->header.hyper_parameters == model.header.hyper_parameters);
  CHECK(loaded->header.seed == 12345);
  CHECK(loaded->header.training_data == model.header.training_data);
  CHECK(loaded->header.dev_scores == model.header.dev_scores);
  REQUIRE(loaded->sections.size() == 3);
  CHECK(loaded->section("weights")->bytes == model.sections[0].bytes);
  CHECK(loaded->section("tagdict")->bytes == "the DT\n");
  CHECK(loaded->section("empty")->bytes.empty());
  CHECK(loaded->section("missing") == nullptr);
  CHECK(loaded->hyper_parameter("epochs") == "8");
  CHECK(header_text(*loaded) == header_text(model));
  CHECK(header_text(model).rfind("NEWSGRAPH-MODEL\nformat: 1\nkind: toy-tagger\n", 0) == 0);
}

TEST_CASE("save_model refuses header values it could not read back", "[learn]") {
  ModelFile model = sample_model();
  model.header.labels.push_back("two words");
  const Status st = save_model(temp_path("bad.model"), model);
  REQUIRE_FALSE(st);
  CHECK(st.message().find("'two words'") != std::string::npos);
  ModelFile bad_key = sample_model();
  bad_key.header.hyper_parameters.push_back({"a=b", "c"});
  CHECK_FALSE(save_model(temp_path("bad.model"), bad_key));
}

TEST_CASE("model loader errors name the file and the problem", "[learn]") {
  struct Case {
    std::string bytes;
    std::string fragment;
  };
  const Case cases[] = {
      {"NOT-A-MODEL\nformat: 1\n\n", "bad.model: not a newsgraph model (bad magic"},
      {"NEWSGRAPH-MODEL\nformat: 3\nkind: x\n\n",
       "bad.model: format 3, this build reads up to 1; retrain with the command in models/README.md"},
      {"NEWSGRAPH-MODEL\nformat: 1\nkind: x\nsection: w 10\n\n12345", "bad.model: truncated: section 'w' needs 10 bytes"},
      {"NEWSGRAPH-MODEL\nformat: 1\nkind: x\n", "bad.model: truncated: the header does not end"},
      {"NEWSGRAPH-MODEL\nformat: 1\nkind: x\nsection: w 2\n\n12345", "3 unexpected bytes"},
      {"NEWSGRAPH-MODEL\nkind: x\n\n", "expected 'format: N'"},
      {"NEWSGRAPH-MODEL\nformat: 1\nlabels: 3 A B\n\n", "line 3: bad labels"},
  };
  for (const auto& c : cases) {
    auto result = parse_model(c.bytes, "bad.model");
    REQUIRE_FALSE(result);
    INFO(result.status().message());
    CHECK(result.status().message().find(c.fragment) != std::string::npos);
  }
  auto missing = load_model("/nonexistent/x.model");
  REQUIRE_FALSE(missing);
  CHECK(missing.status().message().find("/nonexistent/x.model: cannot open") == 0);
}
