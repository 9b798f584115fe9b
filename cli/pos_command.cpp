// `newsgraph train pos` and `newsgraph eval pos`: the part-of-speech tagger's training and
// evaluation on UD English EWT (nlp/pos). Arguments, printing and exit codes only.
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "learn/sha256.hpp"
#include "nlp/conllu/conllu.hpp"
#include "nlp/pos/pos_tagger.hpp"

namespace newsgraph::cli {
namespace {

constexpr std::string_view kTrainUsage =
    "usage: newsgraph train pos --train FILE --dev FILE -o MODEL [--seed N] [--epochs N]\n"
    "                           [--wordnet FILE] [--extra FILE [--extra-weight W]]\n\n"
    "Trains the part-of-speech tagger (Penn tags, the XPOS column) on a CoNLL-U treebank\n"
    "(UD English EWT), keeping the epoch with the best accuracy on --dev, and writes MODEL\n"
    "atomically. The same data and options give the same model file, byte for byte.\n\n"
    "options:\n"
    "  --train FILE   training treebank (CoNLL-U)\n"
    "  --dev FILE     development treebank (CoNLL-U), for choosing the epoch\n"
    "  -o MODEL       output model file\n"
    "  --seed N       shuffling seed (default 1)\n"
    "  --epochs N     maximum number of epochs (default 15; stops earlier when dev stops improving)\n"
    "  --wordnet FILE open-class lexicon embedded in the model (default data/wordnet-pos.tsv,\n"
    "                 built by scripts/build-wordnet-pos; 'none' for no WordNet features)\n"
    "  --extra FILE   more training sentences from a CoNLL-2003 file's POS column (default none)\n"
    "  --extra-weight W  update step of the --extra sentences (default 1)\n";

constexpr std::string_view kEvalUsage =
    "usage: newsgraph eval pos MODEL FILE\n\n"
    "Tags the words of a CoNLL-U treebank with MODEL and compares with its XPOS column, one\n"
    "token per syntactic word as in the file. Also prints the accuracy with hyphen-split\n"
    "words re-joined (as the pipeline's tokenizer keeps them). The last line is\n"
    "accuracy=NN.NN tokens_per_s=N\n";

std::string fixed(double value, int digits) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, digits);
  return std::string(buf, r.ptr);
}

bool parse_number(const std::string& text, std::uint64_t& out) {
  const auto r = std::from_chars(text.data(), text.data() + text.size(), out);
  return r.ec == std::errc() && r.ptr == text.data() + text.size() && !text.empty();
}

int usage_error(std::string_view usage, const std::string& message) {
  std::fprintf(stderr, "newsgraph: %s\n\n%.*s", message.c_str(), static_cast<int>(usage.size()), usage.data());
  return kExitFailure;
}

int run_train(std::span<const std::string> args) {
  std::string train_path, dev_path, out_path, wordnet_path = "data/wordnet-pos.tsv", extra_path;
  pos::PosTrainOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    std::string v;
    std::uint64_t n = 0;
    if (a == "--train") {
      if (!value(train_path)) return usage_error(kTrainUsage, "--train needs a file");
    } else if (a == "--dev") {
      if (!value(dev_path)) return usage_error(kTrainUsage, "--dev needs a file");
    } else if (a == "-o" || a == "--out" || a == "--output") {
      if (!value(out_path)) return usage_error(kTrainUsage, a + " needs a path");
    } else if (a == "--seed") {
      if (!value(v) || !parse_number(v, n)) return usage_error(kTrainUsage, "--seed needs a number");
      options.seed = n;
    } else if (a == "--epochs") {
      if (!value(v) || !parse_number(v, n) || n == 0 || n > 1000) return usage_error(kTrainUsage, "--epochs needs a number 1-1000");
      options.max_epochs = static_cast<int>(n);
    } else if (a == "--wordnet") {
      if (!value(wordnet_path)) return usage_error(kTrainUsage, "--wordnet needs a file or 'none'");
    } else if (a == "--extra") {
      if (!value(extra_path)) return usage_error(kTrainUsage, "--extra needs a file");
    } else if (a == "--extra-weight") {
      double w = 0;
      if (!value(v)) return usage_error(kTrainUsage, "--extra-weight needs a number");
      const auto r = std::from_chars(v.data(), v.data() + v.size(), w);
      if (r.ec != std::errc() || r.ptr != v.data() + v.size() || !(w > 0 && w <= 10))
        return usage_error(kTrainUsage, "--extra-weight needs a number in (0, 10]");
      options.extra_weight = static_cast<float>(w);
    } else {
      return usage_error(kTrainUsage, "unknown argument '" + a + "'");
    }
  }
  if (train_path.empty() || dev_path.empty() || out_path.empty())
    return usage_error(kTrainUsage, "--train, --dev and -o are required");

  const auto start = std::chrono::steady_clock::now();
  auto train = conllu::read_conllu(train_path);
  if (!train) return std::fprintf(stderr, "newsgraph: %s\n", train.status().message().c_str()), kExitFailure;
  auto dev = conllu::read_conllu(dev_path);
  if (!dev) return std::fprintf(stderr, "newsgraph: %s\n", dev.status().message().c_str()), kExitFailure;
  std::vector<std::string> inputs{train_path, dev_path};
  if (wordnet_path != "none") {
    std::ifstream in(wordnet_path, std::ios::binary);
    if (!in) return std::fprintf(stderr, "newsgraph: %s: cannot open (see scripts/build-wordnet-pos)\n", wordnet_path.c_str()), kExitFailure;
    std::ostringstream text;
    text << in.rdbuf();
    options.wordnet = text.str();
    inputs.push_back(wordnet_path);
  }
  if (!extra_path.empty()) {
    auto extra = pos::read_conll2003_pos(extra_path);
    if (!extra) return std::fprintf(stderr, "newsgraph: %s\n", extra.status().message().c_str()), kExitFailure;
    options.extra = std::move(*extra);
    inputs.push_back(extra_path);
  }
  std::vector<std::pair<std::string, std::string>> checksums;
  for (const auto& path : inputs) {
    auto sha = learn::sha256_file(path);
    if (!sha) return std::fprintf(stderr, "newsgraph: %s\n", sha.status().message().c_str()), kExitFailure;
    checksums.emplace_back(std::filesystem::path(path).filename().string(), *sha);
  }
  std::fprintf(stderr, "train pos: %zu training sentences, %zu dev sentences\n", train->size(), dev->size());

  pos::PosTagger tagger = pos::train_pos_tagger(*train, &*dev, options, [](std::string_view line) {
    std::fprintf(stderr, "  %.*s\n", static_cast<int>(line.size()), line.data());
  });
  const pos::PosEvaluation raw = pos::evaluate_pos(tagger, *dev, pos::TreebankTokens::kWords);
  const pos::PosEvaluation rejoined = pos::evaluate_pos(tagger, *dev, pos::TreebankTokens::kRejoinedHyphens);
  tagger.header().training_data = checksums;
  tagger.header().dev_scores = {{"accuracy", fixed(raw.accuracy, 2)},
                                {"accuracy-rejoined-hyphens", fixed(rejoined.accuracy, 2)},
                                {"dev-tokens", std::to_string(raw.tokens)}};
  if (Status st = tagger.save(out_path); !st) return std::fprintf(stderr, "newsgraph: %s\n", st.message().c_str()), kExitFailure;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("wrote %s: %zu features, dev accuracy %s (re-joined hyphens %s), %s s\n", out_path.c_str(),
              tagger.num_features(), fixed(raw.accuracy, 2).c_str(), fixed(rejoined.accuracy, 2).c_str(),
              fixed(seconds, 1).c_str());
  return kExitOk;
}

int run_eval(std::span<const std::string> args) {
  if (args.size() != 2) return usage_error(kEvalUsage, "expected MODEL FILE");
  auto tagger = pos::PosTagger::load(args[0]);
  if (!tagger) return std::fprintf(stderr, "newsgraph: %s\n", tagger.status().message().c_str()), kExitFailure;
  auto bank = conllu::read_conllu(args[1]);
  if (!bank) return std::fprintf(stderr, "newsgraph: %s\n", bank.status().message().c_str()), kExitFailure;
  // A warm-up pass, so that the timed pass measures tagging rather than first-touch page faults.
  (void)pos::evaluate_pos(*tagger, *bank, pos::TreebankTokens::kWords);
  const pos::PosEvaluation rejoined = pos::evaluate_pos(*tagger, *bank, pos::TreebankTokens::kRejoinedHyphens);
  const pos::PosEvaluation raw = pos::evaluate_pos(*tagger, *bank, pos::TreebankTokens::kWords);
  std::printf("sentences=%zu tokens=%zu\n", bank->size(), raw.tokens);
  std::printf("accuracy_rejoined_hyphens=%s tokens=%zu\n", fixed(rejoined.accuracy, 2).c_str(), rejoined.tokens);
  std::printf("accuracy=%s tokens_per_s=%s\n", fixed(raw.accuracy, 2).c_str(), fixed(raw.tokens_per_s, 0).c_str());
  return kExitOk;
}

CommandRegistration train_registration{Command{"train pos", "train the part-of-speech tagger on a CoNLL-U treebank",
                                               kTrainUsage, &run_train}};
CommandRegistration eval_registration{Command{"eval pos", "score a part-of-speech model on a CoNLL-U treebank",
                                              kEvalUsage, &run_eval}};

}  // namespace
}  // namespace newsgraph::cli
