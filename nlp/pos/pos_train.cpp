// Training of the POS tagger (see pos_tagger.hpp): lexicon from the training counts, then
// epochs of greedy left-to-right perceptron training in a seeded shuffled order, the best
// epoch on dev kept.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <fstream>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "learn/shuffle.hpp"
#include "nlp/pos/pos_features.hpp"
#include "nlp/pos/pos_tagger.hpp"

namespace newsgraph::pos {
namespace {

std::string format_fixed(double value, int digits) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, digits);
  return std::string(buf, r.ptr);
}

}  // namespace

class PosTrainer {
 public:
  static PosTagger train(const std::vector<conllu::TreebankSentence>& train_bank,
                         const std::vector<conllu::TreebankSentence>* dev_bank, const PosTrainOptions& options,
                         const std::function<void(std::string_view)>& log);
};

PosTagger PosTrainer::train(const std::vector<conllu::TreebankSentence>& train_bank,
                            const std::vector<conllu::TreebankSentence>* dev_bank, const PosTrainOptions& options,
                            const std::function<void(std::string_view)>& log) {
  auto say = [&](const std::string& line) {
    if (log) log(line);
  };
  const TreebankTokens mode = options.rejoin_hyphens ? TreebankTokens::kRejoinedHyphens : TreebankTokens::kWords;
  // With re-joined hyphens, the sentences that re-joining changed are also kept as they are
  // in the treebank, so that the tagger knows both "long-term" and "long" "-" "term".
  std::vector<TaggedSentence> train = to_tagged(train_bank, mode);
  std::vector<std::size_t> origin(train.size());  // index in train_bank, for the folds below
  std::iota(origin.begin(), origin.end(), std::size_t{0});
  if (mode == TreebankTokens::kRejoinedHyphens) {
    const std::vector<TaggedSentence> raw = to_tagged(train_bank, TreebankTokens::kWords);
    for (std::size_t s = 0; s < raw.size(); ++s)
      if (raw[s].words.size() != train[s].words.size()) {
        train.push_back(raw[s]);
        origin.push_back(s);
      }
  }
  std::vector<float> step(train.size(), 1.0f);
  for (const TaggedSentence& sent : options.extra) {
    origin.push_back(train_bank.size() + (train.size() - step.size()));
    train.push_back(sent);
  }
  step.resize(train.size(), options.extra_weight);
  const std::vector<TaggedSentence> dev = dev_bank ? to_tagged(*dev_bank, TreebankTokens::kWords) : std::vector<TaggedSentence>{};

  PosTagger tagger;
  if (!options.wordnet.empty()) {
    if (Status st = tagger.set_wordnet(options.wordnet); !st) throw std::runtime_error("train pos: " + st.message());
  }
  // Tag set: every training tag, sorted.
  {
    std::set<std::string> tags;
    for (const auto& sent : train) tags.insert(sent.tags.begin(), sent.tags.end());
    for (const auto& sent : options.extra)
      for (const auto& tag : sent.tags)
        if (!tags.count(tag)) throw std::runtime_error("train pos: extra data tag '" + tag + "' not in the treebank");
    tagger.tags_.assign(tags.begin(), tags.end());
  }
  std::map<std::string, std::uint32_t, std::less<>> tag_id;
  for (std::uint32_t t = 0; t < tagger.tags_.size(); ++t) tag_id.emplace(tagger.tags_[t], t);

  // Lexicon: per normalised form, tag counts; the ambiguity class of a word is the set of
  // tags with >= 10% of its occurrences.
  const std::size_t num_tag_set = tagger.tags_.size();
  auto tag_class = [&](const std::vector<std::uint32_t>& row, std::uint32_t total) {
    std::string out;
    for (std::size_t t = 0; t < row.size(); ++t)
      if (row[t] * 10 >= total && row[t] > 0) {
        if (!out.empty()) out += '|';
        out += tagger.tags_[t];
      }
    return out;
  };
  constexpr std::size_t kFolds = 10;
  std::map<std::string, std::vector<std::uint32_t>> counts;
  std::vector<std::unordered_map<std::string, std::vector<std::uint32_t>>> fold_counts(kFolds);
  {
    std::string buffer;
    for (std::size_t s = 0; s < train.size(); ++s) {
      const auto& sent = train[s];
      for (std::size_t i = 0; i < sent.words.size(); ++i) {
        const std::string form(pos_form(sent.words[i], buffer));
        const std::uint32_t t = tag_id.at(sent.tags[i]);
        auto& row = counts[form];
        row.resize(num_tag_set, 0);
        ++row[t];
        auto& fold_row = fold_counts[origin[s] % kFolds][form];
        fold_row.resize(num_tag_set, 0);
        ++fold_row[t];
      }
    }
    for (const auto& [word, row] : counts) {
      const std::uint32_t total = std::accumulate(row.begin(), row.end(), 0u);
      if (total < static_cast<std::uint32_t>(options.class_min_count)) continue;
      LexiconEntry entry;
      const auto best = static_cast<std::size_t>(std::max_element(row.begin(), row.end()) - row.begin());
      if (total >= static_cast<std::uint32_t>(options.dict_min_count) &&
          row[best] >= options.dict_min_share * static_cast<double>(total))
        entry.dict_tag = static_cast<std::int32_t>(best);
      entry.tag_class = tag_class(row, total);
      tagger.lexicon_.emplace_back(word, std::move(entry));
    }
    tagger.build_index();
  }

  // Word-level features do not change between epochs: analyse every sentence once. The
  // ambiguity classes of a training sentence come from the other nine tenths of the data
  // (jackknifing), so that training sees them as unreliable as they are on new text; the
  // tag dictionary is the full one, as at tagging time.
  std::vector<std::unordered_map<std::uint64_t, detail::LexiconHit>> fold_lexicon(kFolds);
  for (std::size_t k = 0; k < kFolds; ++k) {
    std::vector<std::uint32_t> rest(num_tag_set);
    for (const auto& [word, row] : counts) {
      const auto it = fold_counts[k].find(word);
      for (std::size_t t = 0; t < num_tag_set; ++t) rest[t] = row[t] - (it == fold_counts[k].end() ? 0 : it->second[t]);
      const std::uint32_t total = std::accumulate(rest.begin(), rest.end(), 0u);
      detail::LexiconHit hit;
      if (const auto* full = tagger.lexicon_index_.find(detail::lexicon_key(word))) hit.dict_tag = full->dict_tag;
      if (total >= static_cast<std::uint32_t>(options.class_min_count))
        hit.class_hash = learn::hash_feature(detail::kClassValue, std::string_view(tag_class(rest, total)));
      if (hit.class_hash != 0 || hit.dict_tag >= 0) fold_lexicon[k][detail::lexicon_key(word)] = hit;
    }
  }
  std::vector<std::vector<detail::TokenInfo>> info(train.size());
  std::vector<std::vector<std::uint16_t>> gold(train.size());
  {
    std::string buffer, lower;
    std::vector<std::string_view> words;
    for (std::size_t s = 0; s < train.size(); ++s) {
      const auto& lexicon = fold_lexicon[origin[s] % kFolds];
      auto lookup = [&lexicon](std::uint64_t key) {
        const auto it = lexicon.find(key);
        return it == lexicon.end() ? detail::LexiconHit{} : it->second;
      };
      words.assign(train[s].words.begin(), train[s].words.end());
      auto wordnet = [&tagger](std::uint64_t key) { return tagger.wordnet_lookup(key); };
      detail::analyse(words, lookup, wordnet, info[s], buffer, lower);
      for (const auto& tag : train[s].tags) gold[s].push_back(static_cast<std::uint16_t>(tag_id.at(tag)));
    }
  }

  const auto num_tags = static_cast<std::uint32_t>(tagger.tags_.size());
  const auto train_start = std::chrono::steady_clock::now();

  // One epoch over `subset` (indices into train) in an order shuffled from `seed`. With
  // `right` (the first pass's tags per sentence) this trains a second pass.
  std::vector<std::uint64_t> features;
  std::vector<float> scores(num_tags);
  auto greedy = [&](const learn::Perceptron& model, const std::vector<detail::TokenInfo>& sent_info, std::size_t n,
                    const std::vector<std::uint16_t>* right, std::size_t i, std::uint32_t prev1, std::uint32_t prev2) {
    detail::features(sent_info, i, prev1, prev2, features);
    if (right)
      detail::right_features(sent_info, i, prev1, i + 1 < n ? (*right)[i + 1] : detail::kStartTag,
                             i + 2 < n ? (*right)[i + 2] : detail::kStartTag, features);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model.score(features, scores);
    std::uint32_t guess = 0;
    for (std::uint32_t l = 1; l < num_tags; ++l)
      if (scores[l] > scores[guess]) guess = l;
    return guess;
  };
  auto run_epoch = [&](learn::Perceptron& model, std::vector<std::uint32_t> order,
                       const std::vector<std::vector<std::uint16_t>>* right, std::uint64_t seed) {
    learn::shuffle(order, seed);
    std::size_t correct = 0, total = 0;
    for (std::uint32_t s : order) {
      const auto& sent_gold = gold[s];
      std::uint32_t prev1 = detail::kStartTag, prev2 = detail::kStartTag;
      for (std::size_t i = 0; i < sent_gold.size(); ++i) {
        std::uint32_t guess;
        const std::int32_t dict = info[s][i + detail::kPad].dict_tag;
        if (dict >= 0) {
          guess = static_cast<std::uint32_t>(dict);
        } else {
          guess = greedy(model, info[s], sent_gold.size(), right ? &(*right)[s] : nullptr, i, prev1, prev2);
          model.update(features, sent_gold[i], guess, step[s]);
          model.next_example();
        }
        correct += guess == sent_gold[i];
        ++total;
        prev2 = prev1;
        prev1 = guess;
      }
    }
    return total ? 100.0 * static_cast<double>(correct) / static_cast<double>(total) : 0.0;
  };
  // The first pass's tags of training sentence s under `model`.
  auto predict = [&](const learn::Perceptron& model, std::uint32_t s) {
    std::vector<std::uint16_t> out(gold[s].size());
    std::uint32_t prev1 = detail::kStartTag, prev2 = detail::kStartTag;
    for (std::size_t i = 0; i < out.size(); ++i) {
      const std::int32_t dict = info[s][i + detail::kPad].dict_tag;
      const std::uint32_t guess =
          dict >= 0 ? static_cast<std::uint32_t>(dict) : greedy(model, info[s], out.size(), nullptr, i, prev1, prev2);
      out[i] = static_cast<std::uint16_t>(guess);
      prev2 = prev1;
      prev1 = guess;
    }
    return out;
  };
  // A model in its saved form: averaged, pruned, quantised, as save() stores it.
  auto saved_form = [&](const learn::Perceptron& trained) {
    std::string bytes;
    trained.averaged_copy(options.prune_below).serialize(bytes, learn::WeightEncoding::kSparseInt16);
    return std::move(*learn::Perceptron::deserialize(bytes));
  };
  // Epochs with early stopping on dev. `second`: train the second pass on top of `best`.
  PosTagger best = tagger;
  int best_epoch = 0, epochs_run = 0, best_second_epoch = 0;
  std::vector<std::uint32_t> all(train.size());
  std::iota(all.begin(), all.end(), 0u);
  auto train_pass = [&](const std::vector<std::vector<std::uint16_t>>* right, const std::string& name) {
    learn::Perceptron model(num_tags);
    double best_accuracy = -1;
    int kept = 0;
    for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
      const auto epoch_start = std::chrono::steady_clock::now();
      const double train_accuracy =
          run_epoch(model, all, right, learn::hash_combine(options.seed, static_cast<std::uint64_t>(epoch)));
      ++epochs_run;
      PosTagger candidate = best;
      (right ? candidate.second_ : candidate.model_) = saved_form(model);
      const double dev_accuracy = dev_bank ? evaluate_pos(candidate, dev).accuracy : 0.0;
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - epoch_start).count();
      say(name + " epoch " + std::to_string(epoch) + ": train " + format_fixed(train_accuracy, 2) + " dev " +
          format_fixed(dev_accuracy, 2) + " (" + format_fixed(seconds, 1) + " s)");
      if (!dev_bank || dev_accuracy > best_accuracy) {
        best_accuracy = dev_accuracy;
        kept = epoch;
        best = std::move(candidate);
      } else if (epoch - kept >= options.patience) {
        break;
      }
    }
    return kept;
  };
  best_epoch = train_pass(nullptr, "pass 1");

  if (options.two_pass) {
    // The second pass learns from the first pass's tags on the training sentences, each
    // tagged by a first pass trained without it (k-fold jackknifing), so that it sees them
    // as wrong as they are on new text.
    std::vector<std::vector<std::uint16_t>> right(train.size());
    const std::size_t folds = static_cast<std::size_t>(std::max(2, options.jackknife_folds));
    for (std::size_t k = 0; k < folds; ++k) {
      std::vector<std::uint32_t> rest, held;
      for (std::uint32_t s = 0; s < train.size(); ++s) (origin[s] % folds == k ? held : rest).push_back(s);
      learn::Perceptron model(num_tags);
      for (int epoch = 1; epoch <= best_epoch; ++epoch)
        run_epoch(model, rest, nullptr, learn::hash_combine(options.seed + 1000 * (k + 1), static_cast<std::uint64_t>(epoch)));
      const learn::Perceptron averaged = saved_form(model);
      for (std::uint32_t s : held) right[s] = predict(averaged, s);
      say("jackknife fold " + std::to_string(k + 1) + " of " + std::to_string(folds) + " tagged");
    }
    best_second_epoch = train_pass(&right, "pass 2");
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - train_start).count();
  say("kept epoch " + std::to_string(best_epoch) + (options.two_pass ? " (pass 2: " + std::to_string(best_second_epoch) + ")" : std::string()) +
      " of " + std::to_string(epochs_run) + " run, " + std::to_string(best.num_features()) + " features, " +
      format_fixed(seconds, 1) + " s");

  auto& header = best.header_;
  header = learn::ModelHeader{};
  header.kind = std::string(kPosModelKind);
  header.feature_set_version = kPosFeatureSet;
  header.labels = best.tags_;
  header.seed = options.seed;
  header.hyper_parameters = {
      {"max-epochs", std::to_string(options.max_epochs)},
      {"patience", std::to_string(options.patience)},
      {"epochs", std::to_string(best_epoch)},
      {"two-pass", options.two_pass ? "yes" : "no"},
      {"second-pass-epochs", std::to_string(best_second_epoch)},
      {"jackknife-folds", std::to_string(options.jackknife_folds)},
      {"prune-below", format_fixed(options.prune_below, 4)},
      {"dict-min-count", std::to_string(options.dict_min_count)},
      {"dict-min-share", format_fixed(options.dict_min_share, 4)},
      {"class-min-count", std::to_string(options.class_min_count)},
      {"rejoin-hyphens", options.rejoin_hyphens ? "yes" : "no"},
      {"weights", "sparse-int16"},
      {"features", std::to_string(best.num_features())},
      {"lexicon-words", std::to_string(best.lexicon_.size())},
      {"extra-sentences", std::to_string(options.extra.size())},
      {"extra-weight", format_fixed(options.extra_weight, 2)},
      {"wordnet-words", std::to_string(best.wordnet_index_.size())},
  };
  return best;
}

Result<std::vector<TaggedSentence>> read_conll2003_pos(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path + ": cannot open");
  std::vector<TaggedSentence> out;
  TaggedSentence sent;
  bool drop = false;
  auto flush = [&] {
    if (!sent.words.empty() && !drop) {
      bool open = true;
      for (auto& tag : sent.tags)
        if (tag == "\"") {
          tag = open ? "``" : "''";
          open = !open;
        }
      out.push_back(std::move(sent));
    }
    sent = TaggedSentence{};
    drop = false;
  };
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line.starts_with("-DOCSTART-")) continue;
    const auto sp1 = line.find(' ');
    const auto sp2 = sp1 == std::string::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp1 == std::string::npos) return Status::error(path + ":" + std::to_string(number) + ": expected 'word POS ...'");
    std::string tag = line.substr(sp1 + 1, sp2 == std::string::npos ? std::string::npos : sp2 - sp1 - 1);
    if (tag == "(") tag = "-LRB-";
    else if (tag == ")") tag = "-RRB-";
    else if (tag.find('|') != std::string::npos || tag == "-X-") drop = true;
    sent.words.push_back(line.substr(0, sp1));
    sent.tags.push_back(std::move(tag));
  }
  flush();
  return out;
}

PosTagger train_pos_tagger(const std::vector<conllu::TreebankSentence>& train,
                           const std::vector<conllu::TreebankSentence>* dev, const PosTrainOptions& options,
                           std::function<void(std::string_view)> log) {
  return PosTrainer::train(train, dev, options, log);
}

}  // namespace newsgraph::pos
