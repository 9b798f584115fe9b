// train_ner(): averaged-perceptron training with early stopping on dev (see ner.hpp).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "learn/sha256.hpp"
#include "learn/shuffle.hpp"
#include "nlp/ner/model_impl.hpp"

namespace newsgraph::ner {

namespace {

// A corpus with its static features extracted once: they do not depend on the weights.
struct PreparedDoc {
  FormStore store;
  TaggerInput input;
  TaggerState state;
  std::vector<Label> gold;
};

std::vector<PreparedDoc> prepare(const std::vector<ConllDocument>& docs, const TaggerConfig& config,
                                 const Gazetteer& gazetteer, const pos::PosTagger* pos) {
  std::vector<PreparedDoc> prepared(docs.size());
  for (std::size_t d = 0; d < docs.size(); ++d) {
    PreparedDoc& p = prepared[d];
    std::vector<std::vector<std::string>> tags;
    if (config.use_pos && pos) tags = pos_tags(pos, docs[d]);
    conll_input(docs[d], tags.empty() ? nullptr : &tags, p.store, p.input);
    extract_static(config, gazetteer, p.input, p.state);
    for (const ConllSentence& sent : docs[d].sentences) {
      const auto labels = encode_bilou(sent.entities, sent.tokens.size());
      p.gold.insert(p.gold.end(), labels.begin(), labels.end());
    }
  }
  return prepared;
}

SpanScores score(const learn::Perceptron& model, std::vector<PreparedDoc>& prepared,
                 const std::vector<ConllDocument>& docs, std::uint32_t beam) {
  SpanScores scores;
  std::vector<Label> labels;
  for (std::size_t d = 0; d < prepared.size(); ++d) {
    PreparedDoc& p = prepared[d];
    decode(model, p.input, p.state, labels, nullptr, nullptr, {}, beam);
    for (std::size_t s = 0; s < docs[d].sentences.size(); ++s) {
      const TaggerInput::Range& sent = p.input.sentences[s];
      scores.add(docs[d].sentences[s].entities, decode_bilou(std::span(labels).subspan(sent.first, sent.end - sent.first)));
    }
  }
  return scores;
}

// Fits the mention score (model_impl.hpp): logistic regression of "the predicted mention is
// right" on its clipped smallest margin, by Newton's method, over the dev mentions.
ScoreCalibration calibrate(const learn::Perceptron& model, std::vector<PreparedDoc>& prepared,
                           const std::vector<ConllDocument>& docs, std::uint32_t beam) {
  std::vector<std::pair<double, double>> points;  // (margin, 1 if right)
  std::vector<Label> labels;
  std::vector<float> margins;
  for (std::size_t d = 0; d < prepared.size(); ++d) {
    PreparedDoc& p = prepared[d];
    decode(model, p.input, p.state, labels, &margins, nullptr, {}, beam);
    for (std::size_t s = 0; s < docs[d].sentences.size(); ++s) {
      const TaggerInput::Range& sent = p.input.sentences[s];
      for (const Span& span : decode_bilou(std::span(labels).subspan(sent.first, sent.end - sent.first))) {
        const auto& gold = docs[d].sentences[s].entities;
        const bool right = std::find(gold.begin(), gold.end(), span) != gold.end();
        points.emplace_back(smallest_margin(std::span(margins).subspan(sent.first + span.first, span.end - span.first)),
                            right ? 1.0 : 0.0);
      }
    }
  }
  double a = 0, b = 0.05;
  for (int iteration = 0; iteration < 50 && !points.empty(); ++iteration) {
    double ga = 0, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-6;
    for (const auto& [x, y] : points) {
      const double p = 1 / (1 + std::exp(-(a + b * x)));
      const double w = p * (1 - p);
      ga += y - p, gb += (y - p) * x;
      haa += w, hab += w * x, hbb += w * x * x;
    }
    const double det = haa * hbb - hab * hab;
    if (det <= 0) break;
    a += (hbb * ga - hab * gb) / det;
    b += (haa * gb - hab * ga) / det;
  }
  ScoreCalibration calibration;
  // Rounded so that the header holds exactly what the tagger uses.
  calibration.bias = static_cast<float>(std::round(a * 1e4) / 1e4);
  calibration.scale = static_cast<float>(std::round(b * 1e6) / 1e6);
  return calibration;
}

std::string fixed(double value, int digits) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

std::string fixed2(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

// "conll2003/train.txt": the last two components, so no absolute path lands in the model.
std::string data_name(const std::string& path) {
  const std::filesystem::path p(path);
  const std::string parent = p.parent_path().filename().string();
  return parent.empty() ? p.filename().string() : parent + "/" + p.filename().string();
}

}  // namespace

Result<NerTrainReport> train_ner(const NerTrainOptions& options, const std::function<void(std::string_view)>& log) {
  const auto start = std::chrono::steady_clock::now();
  auto train_docs = read_conll(options.train_path);
  if (!train_docs) return train_docs.status();
  auto dev_docs = read_conll(options.dev_path);
  if (!dev_docs) return dev_docs.status();
  auto gazetteer = Gazetteer::load(options.gazetteer_path);
  if (!gazetteer) return gazetteer.status();

  learn::ModelFile file;
  learn::ModelHeader& header = file.header;
  header.kind = std::string(kModelKind);
  header.feature_set_version = kFeatureSetVersion;
  for (int l = 0; l < kNumLabels; ++l) header.labels.emplace_back(label_name(static_cast<Label>(l)));
  header.seed = options.seed;
  for (const std::string& path : {options.train_path, options.dev_path, options.gazetteer_path}) {
    auto sha = learn::sha256_file(path);
    if (!sha) return sha.status();
    header.training_data.emplace_back(data_name(path), *sha);
  }

  TaggerConfig config;
  std::shared_ptr<const pos::PosTagger> pos;
  if (!options.pos_model_path.empty()) {
    auto loaded = load_pos_tagger(options.pos_model_path);
    if (!loaded) return loaded.status();
    pos = std::move(*loaded);
    config.use_pos = true;
    auto sha = learn::sha256_file(options.pos_model_path);
    if (!sha) return sha.status();
    header.training_data.emplace_back(data_name(options.pos_model_path), *sha);
  }

  log("reading and extracting features: " + std::to_string(train_docs->size()) + " train documents, " +
      std::to_string(dev_docs->size()) + " dev documents");
  auto train = prepare(*train_docs, config, *gazetteer, pos.get());
  auto dev = prepare(*dev_docs, config, *gazetteer, pos.get());

  learn::Perceptron model(kNumLabels);
  learn::Perceptron best;
  NerTrainReport report;
  double best_f1 = -1;
  std::vector<std::uint32_t> order(train.size());
  std::vector<Label> labels;
  for (std::uint32_t epoch = 1; epoch <= options.max_epochs; ++epoch) {
    for (std::uint32_t d = 0; d < order.size(); ++d) order[d] = d;
    learn::shuffle(order, options.seed + epoch);
    for (const std::uint32_t d : order) decode(model, train[d].input, train[d].state, labels, nullptr, &model, train[d].gold);
    learn::Perceptron averaged = model.averaged_copy(options.prune_below);
    const SpanScores scores = score(averaged, dev, *dev_docs, options.beam);
    const double f1 = scores.micro().f1();
    report.epochs_run = epoch;
    std::string line = "epoch ";
    line += std::to_string(epoch);
    line += ": dev f1=";
    line += fixed2(f1);
    // Appends only: GCC 12 warns falsely (-Wrestrict) on "..." + std::string here.
    for (int t = 0; t < kNumTypes; ++t) {
      line += ' ';
      line += to_string(static_cast<NerType>(t));
      line += '=';
      line += fixed2(scores.per_type[t].f1());
    }
    line += " features=";
    line += std::to_string(averaged.num_features());
    if (f1 > best_f1) {
      best_f1 = f1;
      best = std::move(averaged);
      report.best_epoch = epoch;
      report.dev = scores;
      line += " (best)";
    }
    log(line);
    if (epoch - report.best_epoch >= options.patience) break;
  }

  header.hyper_parameters = {
      {"decoder", options.beam > 1 ? "beam-bilou" : "greedy-bilou"},
      {"beam", std::to_string(options.beam)},
      {"max-epochs", std::to_string(options.max_epochs)},
      {"patience", std::to_string(options.patience)},
      {"best-epoch", std::to_string(report.best_epoch)},
      {"prune-below", fixed2(options.prune_below)},
      {"pos-features", config.use_pos ? "1" : "0"},
      {"shuffle", "documents"},
      {"weights", "int16"},
  };
  // The file stores quantised weights: score dev with exactly the weights that are saved.
  learn::ModelSection weights{"weights", {}};
  // Dense int16: kSparseInt16 currently quantises with exponent 0 (whole numbers), which
  // costs this model 0.15 F1 (learn/perceptron.cpp serialize()).
  best.serialize(weights.bytes, learn::WeightEncoding::kInt16);
  auto saved = learn::Perceptron::deserialize(weights.bytes);
  if (!saved) return Status::error("train_ner: weights do not round-trip: " + saved.status().message());
  report.dev = score(*saved, dev, *dev_docs, options.beam);
  log("saved weights (int16): dev f1=" + fixed2(report.dev.micro().f1()));
  const ScoreCalibration calibration = calibrate(*saved, dev, *dev_docs, options.beam);
  header.hyper_parameters.emplace_back("score-bias", fixed(calibration.bias, 4));
  header.hyper_parameters.emplace_back("score-scale", fixed(calibration.scale, 6));
  header.dev_scores.emplace_back("f1", fixed2(report.dev.micro().f1()));
  for (int t = 0; t < kNumTypes; ++t)
    header.dev_scores.emplace_back(std::string(to_string(static_cast<NerType>(t))) + "-f1", fixed2(report.dev.per_type[t].f1()));
  file.sections.push_back({"gazetteer", gazetteer->serialize()});
  file.sections.push_back(std::move(weights));
  if (Status s = learn::save_model(options.output_path, file); !s) return s;
  report.num_features = best.num_features();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace newsgraph::ner
