#include "learn/perceptron.hpp"

#include <catch2/catch.hpp>
#include <cstring>
#include <vector>

#include "learn/features.hpp"

using namespace newsgraph::learn;

namespace {
std::uint32_t predict(const Perceptron& model, const std::vector<std::uint64_t>& features) {
  std::vector<float> scores(model.num_labels(), 0.0f);
  model.score(features, scores);
  std::uint32_t best = 0;
  for (std::uint32_t l = 1; l < scores.size(); ++l)
    if (scores[l] > scores[best]) best = l;
  return best;
}

// Three classes, each signalled by its own word plus shared noise features.
std::vector<std::pair<std::vector<std::uint64_t>, std::uint32_t>> toy_data() {
  std::vector<std::pair<std::vector<std::uint64_t>, std::uint32_t>> data;
  const char* words[3] = {"red", "green", "blue"};
  for (int i = 0; i < 60; ++i) {
    const std::uint32_t label = static_cast<std::uint32_t>(i % 3);
    data.push_back({{hash_feature(0, std::string_view(words[label])), hash_feature(1, std::uint64_t(i % 5)),
                     hash_feature(2, std::string_view("bias"))},
                    label});
  }
  return data;
}
}  // namespace

TEST_CASE("perceptron learns a separable toy problem", "[learn]") {
  Perceptron model(3);
  const auto data = toy_data();
  for (int epoch = 0; epoch < 5; ++epoch)
    for (const auto& [features, truth] : data) {
      model.update(features, truth, predict(model, features));
      model.next_example();
    }
  model.finalize();
  CHECK(model.finalized());
  for (const auto& [features, truth] : data) CHECK(predict(model, features) == truth);
  // "bias" and the noise features may be kept; an unseen feature scores nothing.
  std::vector<float> scores(3, 0.0f);
  const std::uint64_t unseen = hash_feature(9, std::string_view("unseen"));
  model.score(std::span(&unseen, 1), scores);
  CHECK(scores == std::vector<float>{0, 0, 0});
}

TEST_CASE("perceptron averages weights over the examples seen", "[learn]") {
  Perceptron model(2);
  const std::vector<std::uint64_t> f = {42};
  // Update at clock 0 (+1 on label 1), then three examples without updates, then at clock 4
  // the opposite update, then one more example: w goes 0 -> 1 (4 examples) -> 0 (1 example).
  model.update(f, 1, 0);
  for (int i = 0; i < 4; ++i) model.next_example();
  model.update(f, 0, 1);
  model.next_example();
  const Perceptron snapshot = model.averaged_copy();
  CHECK(snapshot.weight(42, 1) == Approx(4.0 / 5.0));
  CHECK(snapshot.weight(42, 0) == Approx(-4.0 / 5.0));
  CHECK_FALSE(model.finalized());  // the snapshot leaves training going
  model.finalize();
  CHECK(model.weight(42, 1) == Approx(0.8));
}

TEST_CASE("finalize prunes rows whose weights are all tiny", "[learn]") {
  Perceptron model(2);
  const std::vector<std::uint64_t> big = {1}, small = {2};
  for (int i = 0; i < 10; ++i) {
    model.update(big, 1, 0);
    model.next_example();
  }
  model.update(small, 1, 0);
  model.next_example();
  model.finalize(0.5f);
  CHECK(model.num_features() == 1);
  CHECK(model.has_feature(1));
  CHECK_FALSE(model.has_feature(2));
}

TEST_CASE("perceptron serialisation round-trips byte for byte", "[learn]") {
  Perceptron model(3);
  const auto data = toy_data();
  for (const auto& [features, truth] : data) {
    model.update(features, truth, (truth + 1) % 3, 0.37f);
    model.next_example();
  }
  model.finalize();
  for (auto encoding : {WeightEncoding::kFloat32, WeightEncoding::kInt16, WeightEncoding::kSparseInt16}) {
    std::string bytes;
    model.serialize(bytes, encoding);
    auto loaded = Perceptron::deserialize(bytes);
    REQUIRE(loaded);
    CHECK(loaded->num_features() == model.num_features());
    CHECK(loaded->num_labels() == 3);
    std::string again;
    loaded->serialize(again, encoding);
    CHECK(again == bytes);
    for (const auto& [features, truth] : data) CHECK(predict(*loaded, features) == predict(model, features));
  }
}

TEST_CASE("perceptron deserialisation rejects truncated and corrupt bytes", "[learn]") {
  Perceptron model(2);
  model.update(std::vector<std::uint64_t>{5, 6}, 0, 1);
  model.next_example();
  model.finalize();
  std::string bytes;
  model.serialize(bytes);
  auto truncated = Perceptron::deserialize(std::string_view(bytes).substr(0, bytes.size() - 1));
  REQUIRE_FALSE(truncated);
  CHECK(truncated.status().message().find("truncated") != std::string::npos);
  std::string bad = bytes;
  bad[0] = 'X';
  auto bad_magic = Perceptron::deserialize(bad);
  REQUIRE_FALSE(bad_magic);
  CHECK(bad_magic.status().message().find("bad magic") != std::string::npos);
}

TEST_CASE("sparse int16 weights are smaller than dense ones for sparse rows", "[learn]") {
  Perceptron model(40);
  for (std::uint64_t f = 0; f < 100; ++f) {
    model.update(std::vector<std::uint64_t>{f}, static_cast<std::uint32_t>(f % 40), static_cast<std::uint32_t>((f + 1) % 40));
    model.next_example();
  }
  model.finalize();
  std::string dense, sparse;
  model.serialize(dense, WeightEncoding::kInt16);
  model.serialize(sparse, WeightEncoding::kSparseInt16);
  CHECK(sparse.size() * 4 < dense.size());
  auto truncated = Perceptron::deserialize(std::string_view(sparse).substr(0, sparse.size() - 2));
  CHECK_FALSE(truncated);
}

TEST_CASE("a model of up to 3 classes read from int16 weights scores as its float32 form, to the bit", "[learn]") {
  // Such models keep their rows inside the hash table's slots (the parser's moves); the sums
  // must not change, whatever the feature order, repeats, absent features or starting scores.
  for (std::uint32_t labels : {2u, 3u}) {
    Perceptron model(labels);
    for (std::uint64_t f = 0; f < 500; ++f) {
      model.update(std::vector<std::uint64_t>{f, f / 3, 1000 + f % 7}, static_cast<std::uint32_t>(f % labels),
                   static_cast<std::uint32_t>((f / 2 + 1) % labels), 0.1f + 0.01f * static_cast<float>(f % 13));
      model.next_example();
    }
    model.finalize();
    std::string int16_bytes;
    model.serialize(int16_bytes, WeightEncoding::kInt16);
    auto inline_rows = Perceptron::deserialize(int16_bytes);
    REQUIRE(inline_rows);
    std::string float_bytes;
    inline_rows->serialize(float_bytes, WeightEncoding::kFloat32);
    auto entry_rows = Perceptron::deserialize(float_bytes);
    REQUIRE(entry_rows);
    std::string again;
    inline_rows->serialize(again, WeightEncoding::kInt16);
    CHECK(again == int16_bytes);
    for (std::uint64_t f = 0; f < 1010; f += 7)
      for (std::uint32_t l = 0; l < labels; ++l) CHECK(inline_rows->weight(f, l) == entry_rows->weight(f, l));
    std::vector<std::uint64_t> features;
    for (std::uint64_t i = 0; i < 150; ++i) features.push_back((i * 7919) % 1200);  // repeats, absent ones
    for (float start : {0.0f, 1.5f, -3.25f}) {
      std::vector<float> a(labels, start), b(labels, start);
      inline_rows->score(features, a);
      entry_rows->score(features, b);
      CHECK(std::memcmp(a.data(), b.data(), labels * sizeof(float)) == 0);
    }
  }
}

TEST_CASE("score_units of a model read from int16 weights gives score(), to the bit, in any split", "[learn]") {
  // The parser keeps the units of parts of its features and adds the rest later (issue 8):
  // quantum() * (units of one part + units of the other) must be what score() gives for all
  // the features, for inline rows (up to 3 classes) and for entry rows alike.
  for (std::uint32_t labels : {3u, 7u}) {
    Perceptron model(labels);
    for (std::uint64_t f = 0; f < 600; ++f) {
      model.update(std::vector<std::uint64_t>{f, f / 3, 1000 + f % 7}, static_cast<std::uint32_t>(f % labels),
                   static_cast<std::uint32_t>((f / 2 + 1) % labels), 0.1f + 0.01f * static_cast<float>(f % 13));
      model.next_example();
    }
    model.finalize();
    CHECK_FALSE(model.integer_weights());
    for (auto encoding : {WeightEncoding::kInt16, WeightEncoding::kSparseInt16}) {
      std::string bytes;
      model.serialize(bytes, encoding);
      auto loaded = Perceptron::deserialize(bytes);
      REQUIRE(loaded);
      REQUIRE(loaded->integer_weights());
      std::vector<std::uint64_t> features;
      for (std::uint64_t i = 0; i < 300; ++i) features.push_back((i * 7919) % 1300);  // repeats, absent ones
      for (std::size_t split : {std::size_t{0}, std::size_t{1}, std::size_t{64}, std::size_t{150}, features.size()}) {
        std::vector<float> scores(labels, 0.0f);
        loaded->score(features, scores);
        std::vector<std::int32_t> units(labels, 0);
        loaded->score_units(std::span(features).subspan(split), units);
        loaded->score_units(std::span(features).first(split), units);
        std::vector<float> from_units(labels);
        for (std::uint32_t l = 0; l < labels; ++l) from_units[l] = static_cast<float>(units[l]) * loaded->quantum();
        CHECK(std::memcmp(scores.data(), from_units.data(), labels * sizeof(float)) == 0);
      }
    }
    std::string float_bytes;
    model.serialize(float_bytes, WeightEncoding::kFloat32);
    auto float_model = Perceptron::deserialize(float_bytes);
    REQUIRE(float_model);
    CHECK_FALSE(float_model->integer_weights());
  }
}

TEST_CASE("a finalized model finds every row's exact weights through its bucketed index", "[learn]") {
  // 40,000 feature hashes, so that many buckets fill and overflow (learn/key_index.hpp): every
  // weight read back must be the training model's, for inline rows (3 classes, int16) and
  // entry rows (9 classes), in every encoding; absent features weigh nothing.
  for (std::uint32_t labels : {3u, 9u}) {
    Perceptron model(labels);
    for (std::uint64_t i = 0; i < 40000; ++i) {
      const std::vector<std::uint64_t> features = {hash_feature(1, i), hash_feature(2, i % 97)};
      model.update(features, static_cast<std::uint32_t>(i % labels), static_cast<std::uint32_t>((i / 5 + 1) % labels),
                   0.25f * static_cast<float>(1 + i % 11));
    }
    std::vector<float> expected(labels);
    for (auto encoding : {WeightEncoding::kFloat32, WeightEncoding::kInt16, WeightEncoding::kSparseInt16}) {
      std::string bytes;
      model.serialize(bytes, encoding);
      auto loaded = Perceptron::deserialize(bytes);
      REQUIRE(loaded);
      REQUIRE(loaded->num_features() == model.num_features());
      REQUIRE(model.num_features() > 20000);
      std::size_t mismatches = 0;
      for (std::uint64_t i = 0; i < 40000; ++i) {
        const std::uint64_t f = hash_feature(1, i);
        // Rows whose update had truth == guess were never added.
        mismatches += loaded->has_feature(f) != model.has_feature(f) || loaded->has_feature(hash_feature(3, i));
        std::vector<float> scores(labels, 0.0f);
        loaded->score(std::vector<std::uint64_t>{f, hash_feature(3, i)}, scores);
        for (std::uint32_t l = 0; l < labels; ++l) {
          mismatches += loaded->weight(f, l) != model.weight(f, l) || scores[l] != model.weight(f, l);
          mismatches += loaded->weight(hash_feature(3, i), l) != 0.0f;
        }
      }
      CHECK(mismatches == 0);
    }
  }
}

TEST_CASE("an empty perceptron scores nothing, finalized or read back", "[learn]") {
  Perceptron training(3);
  std::vector<float> scores = {1.0f, 2.0f, 3.0f};
  const std::vector<std::uint64_t> features = {0, 1, 42};
  training.score(features, scores);
  CHECK_FALSE(training.has_feature(0));
  Perceptron finalized(3);
  finalized.finalize();
  finalized.score(features, scores);
  CHECK(finalized.weight(42, 1) == 0.0f);
  std::string bytes;
  finalized.serialize(bytes, WeightEncoding::kInt16);
  auto loaded = Perceptron::deserialize(bytes);
  REQUIRE(loaded);
  CHECK(loaded->num_features() == 0);
  loaded->score(features, scores);
  std::vector<std::int32_t> units(3, 5);
  loaded->score_units(features, units);
  CHECK(units == std::vector<std::int32_t>{5, 5, 5});
  CHECK(scores == std::vector<float>{1.0f, 2.0f, 3.0f});
}
