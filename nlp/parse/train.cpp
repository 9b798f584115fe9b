// See train.hpp.
#include "nlp/parse/train.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "learn/model_file.hpp"
#include "learn/sha256.hpp"
#include "nlp/conllu/conllu.hpp"
#include "nlp/parse/trainer.hpp"

namespace newsgraph {
namespace {

std::string fixed(double value, int digits) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, digits);
  return std::string(buf, r.ptr);
}

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// Treebank sentences as the trainer sees them, with gold XPOS tags for now.
std::vector<parse::TrainSentence> to_train(const std::vector<conllu::TreebankSentence>& bank,
                                           const std::unordered_map<std::string, int>& label_ids,
                                           std::size_t& unknown_labels) {
  std::vector<parse::TrainSentence> out;
  out.reserve(bank.size());
  for (const auto& sent : bank) {
    parse::TrainSentence t;
    const int n = static_cast<int>(sent.words.size());
    for (const auto& word : sent.words) {
      t.words.push_back(word.form);
      t.tags.push_back(word.xpos);
      t.heads.push_back(word.head == 0 ? n : word.head - 1);
      const auto it = label_ids.find(word.deprel);
      if (it == label_ids.end()) ++unknown_labels;
      // An unknown relation can never be predicted; any id scores it as wrong.
      t.labels.push_back(it == label_ids.end() ? -2 : it->second);
      t.punct.push_back(word.upos == "PUNCT");
    }
    out.push_back(std::move(t));
  }
  return out;
}

void tag_sentences(const pos::PosTagger& tagger, std::vector<parse::TrainSentence>& sentences, std::size_t begin,
                   std::size_t end) {
  std::vector<std::string_view> words, tags;
  for (std::size_t i = begin; i < end; ++i) {
    auto& sent = sentences[i];
    words.assign(sent.words.begin(), sent.words.end());
    tagger.tag(words, tags);
    for (std::size_t k = 0; k < tags.size(); ++k) sent.tags[k] = std::string(tags[k]);
  }
}

// The POS training options of a tagger: its header's hyper-parameters (its best epoch as the
// epoch count) and its embedded WordNet lexicon.
pos::PosTrainOptions pos_options_from(const pos::PosTagger& tagger) {
  const learn::ModelHeader& header = tagger.header();
  pos::PosTrainOptions options;
  auto get = [&](std::string_view name) -> std::string {
    for (const auto& [k, v] : header.hyper_parameters)
      if (k == name) return v;
    return "";
  };
  auto to_int = [](const std::string& s, int fallback) { return s.empty() ? fallback : std::stoi(s); };
  auto to_double = [](const std::string& s, double fallback) { return s.empty() ? fallback : std::stod(s); };
  options.max_epochs = to_int(get("epochs"), options.max_epochs);
  options.prune_below = static_cast<float>(to_double(get("prune-below"), options.prune_below));
  options.dict_min_count = to_int(get("dict-min-count"), options.dict_min_count);
  options.dict_min_share = to_double(get("dict-min-share"), options.dict_min_share);
  options.class_min_count = to_int(get("class-min-count"), options.class_min_count);
  options.rejoin_hyphens = get("rejoin-hyphens") != "no";
  options.two_pass = get("two-pass") == "yes";
  options.jackknife_folds = to_int(get("jackknife-folds"), options.jackknife_folds);
  options.seed = header.seed;
  options.wordnet = tagger.wordnet_text();  // not in the header: the model's own section
  return options;
}

std::string base_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

}  // namespace

Result<ParserTrainReport> train_parser(const ParserTrainOptions& options, std::function<void(std::string_view)> log) {
  auto say = [&](const std::string& line) {
    if (log) log(line);
  };
  const auto start = std::chrono::steady_clock::now();
  auto train_bank = conllu::read_conllu(options.train_path);
  if (!train_bank) return train_bank.status();
  auto dev_bank = conllu::read_conllu(options.dev_path);
  if (!dev_bank) return dev_bank.status();
  auto tagger = pos::PosTagger::load(options.pos_model_path);
  if (!tagger) return tagger.status();

  // Labels: every training relation (with subtypes), sorted.
  std::set<std::string> label_set;
  for (const auto& sent : *train_bank)
    for (const auto& word : sent.words) label_set.insert(word.deprel);
  label_set.insert("root");
  const std::vector<std::string> label_names(label_set.begin(), label_set.end());
  if (label_names.size() > 64) return Status::error(options.train_path + ": more than 64 relations");
  std::unordered_map<std::string, int> label_ids;
  for (std::size_t i = 0; i < label_names.size(); ++i) label_ids.emplace(label_names[i], static_cast<int>(i));

  std::size_t unknown = 0;
  std::vector<parse::TrainSentence> train = to_train(*train_bank, label_ids, unknown);
  std::vector<parse::TrainSentence> dev = to_train(*dev_bank, label_ids, unknown);
  say("read " + std::to_string(train.size()) + " training and " + std::to_string(dev.size()) + " dev sentences, " +
      std::to_string(label_names.size()) + " relations (" + std::to_string(unknown) + " dev words with a relation unseen in train)");

  // Dev: tagged by the full POS model.
  tag_sentences(*tagger, dev, 0, dev.size());
  // Train: jackknifed tags.
  const int folds = std::max(1, options.folds);
  const pos::PosTrainOptions pos_options = pos_options_from(*tagger);
  if (folds > 1) {
    const std::size_t n = train_bank->size();
    for (int k = 0; k < folds; ++k) {
      const std::size_t begin = n * static_cast<std::size_t>(k) / static_cast<std::size_t>(folds);
      const std::size_t end = n * static_cast<std::size_t>(k + 1) / static_cast<std::size_t>(folds);
      std::vector<conllu::TreebankSentence> rest;
      rest.reserve(n - (end - begin));
      for (std::size_t i = 0; i < n; ++i)
        if (i < begin || i >= end) rest.push_back((*train_bank)[i]);
      const auto fold_start = std::chrono::steady_clock::now();
      const pos::PosTagger fold_tagger = pos::train_pos_tagger(rest, nullptr, pos_options, nullptr);
      tag_sentences(fold_tagger, train, begin, end);
      std::size_t right = 0, total = 0;
      for (std::size_t i = begin; i < end; ++i)
        for (std::size_t w = 0; w < train[i].words.size(); ++w, ++total)
          right += train[i].tags[w] == (*train_bank)[i].words[w].xpos;
      say("jackknife fold " + std::to_string(k + 1) + "/" + std::to_string(folds) + ": sentences " +
          std::to_string(begin) + "-" + std::to_string(end) + ", tag accuracy " +
          fixed(100.0 * static_cast<double>(right) / static_cast<double>(std::max<std::size_t>(1, total)), 2) + "%, " +
          fixed(std::chrono::duration<double>(std::chrono::steady_clock::now() - fold_start).count(), 1) + " s");
    }
  }

  parse::TrainerOptions trainer_options;
  trainer_options.epochs = options.epochs;
  trainer_options.explore_after = options.explore_after;
  trainer_options.explore_probability = options.explore_probability;
  trainer_options.seed = options.seed;
  trainer_options.prune_below = options.prune_below;
  parse::WordClasses word_classes;
  {
    std::vector<std::vector<std::string>> words, gold_tags;
    for (const auto& sent : *train_bank) {
      words.emplace_back();
      gold_tags.emplace_back();
      for (const auto& word : sent.words) {
        words.back().push_back(word.form);
        gold_tags.back().push_back(word.xpos);
      }
    }
    word_classes = parse::WordClasses::build(words, gold_tags, options.class_min_count, options.class_min_share);
  }
  say("word classes for " + std::to_string(word_classes.size()) + " words");
  parse::TrainerResult trained = parse::train_model(train, dev, label_names, trainer_options, log, word_classes);

  // Serialise (int16 weights), read back, and score what the file holds.
  learn::ModelFile file;
  auto& header = file.header;
  header.kind = std::string(parse::kModelKind);
  header.feature_set_version = parse::kFeatureVersion;
  for (const std::string& relation : label_names) header.labels.push_back(parse::label_to_header(relation));
  header.seed = options.seed;
  header.hyper_parameters = {
      {"transition-system", "arc-hybrid"},
      {"oracle", "dynamic"},
      {"epochs", std::to_string(options.epochs)},
      {"best-epoch", std::to_string(trained.best_epoch)},
      {"explore-after", std::to_string(options.explore_after)},
      {"explore-probability", fixed(options.explore_probability, 2)},
      {"jackknife-folds", std::to_string(folds)},
      {"prune-below", fixed(options.prune_below, 4)},
      {"class-min-count", std::to_string(options.class_min_count)},
      {"class-min-share", fixed(options.class_min_share, 2)},
      {"word-classes", std::to_string(word_classes.size())},
      {"weights", "moves-int16,labels-sparse-int16"},
      {"move-features", std::to_string(trained.model.moves.num_features())},
      {"label-features", std::to_string(trained.model.labels.num_features())},
  };
  for (const std::string* path : {&options.train_path, &options.dev_path, &options.pos_model_path}) {
    auto digest = learn::sha256_file(*path);
    if (!digest) return digest.status();
    header.training_data.emplace_back(base_name(*path), *digest);
  }
  learn::ModelSection moves{"moves", {}}, labels{"labels", {}}, classes{"word-classes", {}};
  word_classes.serialize(classes.bytes);
  trained.model.moves.serialize(moves.bytes, learn::WeightEncoding::kInt16);
  // Label rows are sparse (an update touches two of the 51 classes): store non-zeros only.
  trained.model.labels.serialize(labels.bytes, learn::WeightEncoding::kSparseInt16);
  ParserModel saved;
  saved.label_names = label_names;
  saved.root_label = trained.model.root_label;
  saved.word_classes = word_classes;
  auto saved_moves = learn::Perceptron::deserialize(moves.bytes);
  auto saved_labels = learn::Perceptron::deserialize(labels.bytes);
  if (!saved_moves || !saved_labels) return Status::error("parser weights do not round-trip (a bug)");
  saved.moves = std::move(*saved_moves);
  saved.labels = std::move(*saved_labels);
  const parse::Scores scores = parse::evaluate(saved, dev);
  header.dev_scores = {{"uas", fixed(scores.uas, 2)}, {"las", fixed(scores.las, 2)}};
  file.sections.push_back(std::move(moves));
  file.sections.push_back(std::move(labels));
  file.sections.push_back(std::move(classes));
  if (Status st = learn::save_model(options.output_path, file); !st) return st;

  ParserTrainReport report;
  report.dev_uas = scores.uas;
  report.dev_las = scores.las;
  report.best_epoch = trained.best_epoch;
  report.train_sentences = train.size();
  report.features = saved.moves.num_features() + saved.labels.num_features();
  std::error_code ec;
  report.model_bytes = std::filesystem::file_size(options.output_path, ec);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

Result<ParserEvaluation> evaluate_parser(const DependencyParser& parser, const pos::PosTagger& tagger,
                                         const std::string& path) {
  auto bank = conllu::read_conllu(path);
  if (!bank) return bank.status();
  std::unordered_map<std::string, int> label_ids;
  for (std::size_t i = 0; i < parser.labels().size(); ++i) label_ids.emplace(parser.labels()[i], static_cast<int>(i));
  std::size_t unknown = 0;
  std::vector<parse::TrainSentence> sentences = to_train(*bank, label_ids, unknown);
  tag_sentences(tagger, sentences, 0, sentences.size());

  ParserEvaluation eval;
  parse::Scratch scratch;
  std::vector<int> heads, labels;
  std::vector<std::string_view> words, tags;
  std::size_t head_ok = 0, both_ok = 0;
  const double cpu_start = thread_cpu_seconds();
  const auto wall_start = std::chrono::steady_clock::now();
  std::vector<std::vector<int>> all_heads(sentences.size()), all_labels(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto& sent = sentences[s];
    words.assign(sent.words.begin(), sent.words.end());
    tags.assign(sent.tags.begin(), sent.tags.end());
    parse::decode(parser.model(), words, tags, scratch, all_heads[s], all_labels[s]);
    eval.words += sent.words.size();
  }
  const double cpu = thread_cpu_seconds() - cpu_start;
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto& sent = sentences[s];
    const int n = static_cast<int>(sent.words.size());
    for (int i = 0; i < n; ++i) {
      const auto k = static_cast<std::size_t>(i);
      if (sent.punct[k]) continue;
      ++eval.tokens;
      const int pred = all_heads[s][k] < 0 ? n : all_heads[s][k];
      if (pred == sent.heads[k]) {
        ++head_ok;
        if (all_labels[s][k] == sent.labels[k]) ++both_ok;
      }
    }
  }
  if (eval.tokens) {
    eval.uas = 100.0 * static_cast<double>(head_ok) / static_cast<double>(eval.tokens);
    eval.las = 100.0 * static_cast<double>(both_ok) / static_cast<double>(eval.tokens);
  }
  eval.tokens_per_s = cpu > 0 ? static_cast<double>(eval.words) / cpu : 0.0;
  eval.wall_tokens_per_s = wall > 0 ? static_cast<double>(eval.words) / wall : 0.0;
  return eval;
}

}  // namespace newsgraph
