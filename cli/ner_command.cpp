// `newsgraph train ner` and `newsgraph eval ner`: arguments and printing around nlp/ner.
#include <algorithm>
#include <chrono>
#include <optional>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "nlp/ner/ner.hpp"

#if __has_include("nlp/pos/pos_tagger.hpp")
#include "nlp/pos/pos_tagger.hpp"
#define NEWSGRAPH_NER_HAS_POS 1
#endif

namespace newsgraph::cli {
namespace {

constexpr std::string_view kTrainUsage =
    "usage: newsgraph train ner --train FILE --dev FILE [--pos MODEL] [--gazetteer FILE]\n"
    "                           [--epochs N] [--seed N] [--beam N] -o MODEL\n\n"
    "Trains the named-entity tagger on CoNLL-2003 files (IOB1, -DOCSTART- documents),\n"
    "keeps the epoch with the best dev F1 and writes MODEL atomically.\n\n"
    "  --train FILE      training data (e.g. ../shared/data/conll2003/train.txt)\n"
    "  --dev FILE        development data, for early stopping and the dev scores\n"
    "  --pos MODEL       POS model whose tags become features (default: none)\n"
    "  --gazetteer FILE  gazetteer embedded in the model (default data/gazetteers.tsv)\n"
    "  --epochs N        at most N epochs (default 30; stops after 4 without a better dev F1)\n"
    "  --seed N          shuffling seed (default 20030531)\n"
    "  --beam N          decoding beam stored in the model (default 4; 1 = greedy)\n"
    "  -o MODEL          output model (e.g. models/ner-en.model)\n";

constexpr std::string_view kEvalUsage =
    "usage: newsgraph eval ner MODEL FILE [--pos MODEL]\n\n"
    "Tags a CoNLL-2003 file and prints precision, recall and F1 per type (exact span and\n"
    "type, as conlleval). The last line is `f1=NN.NN tokens_per_s=N` (micro F1 over PER,\n"
    "ORG, LOC, MISC; NER tagging speed on one thread, POS tagging excluded).\n"
    "  --pos MODEL   POS model, for NER models trained with POS features\n"
    "                (default models/pos-en.model)\n";

bool parse_uint(const std::string& text, std::uint64_t& value) {
  if (text.empty()) return false;
  value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return true;
}

int usage_error(std::string_view usage, const std::string& message) {
  std::fprintf(stderr, "newsgraph: %s\n\n%.*s", message.c_str(), static_cast<int>(usage.size()), usage.data());
  return kExitFailure;
}

int run_train(std::span<const std::string> args) {
  ner::NerTrainOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const bool has_value = i + 1 < args.size();
    std::uint64_t number = 0;
    if ((arg == "--train" || arg == "--dev" || arg == "--pos" || arg == "--gazetteer" || arg == "-o" ||
         arg == "--out" || arg == "--epochs" || arg == "--seed" || arg == "--beam") && !has_value)
      return usage_error(kTrainUsage, arg + " needs a value");
    if (arg == "--train") options.train_path = args[++i];
    else if (arg == "--dev") options.dev_path = args[++i];
    else if (arg == "--pos") options.pos_model_path = args[++i];
    else if (arg == "--gazetteer") options.gazetteer_path = args[++i];
    else if (arg == "-o" || arg == "--out") options.output_path = args[++i];
    else if (arg == "--epochs") {
      if (!parse_uint(args[++i], number) || number == 0 || number > 1000) return usage_error(kTrainUsage, "bad --epochs");
      options.max_epochs = static_cast<std::uint32_t>(number);
    } else if (arg == "--beam") {
      if (!parse_uint(args[++i], number) || number == 0 || number > 64) return usage_error(kTrainUsage, "bad --beam");
      options.beam = static_cast<std::uint32_t>(number);
    } else if (arg == "--seed") {
      if (!parse_uint(args[++i], number)) return usage_error(kTrainUsage, "bad --seed");
      options.seed = number;
    } else {
      return usage_error(kTrainUsage, "unknown argument '" + arg + "'");
    }
  }
  if (options.train_path.empty() || options.dev_path.empty() || options.output_path.empty())
    return usage_error(kTrainUsage, "--train, --dev and -o are required");
  auto report = ner::train_ner(options, [](std::string_view line) {
    std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
  });
  if (!report) {
    std::fprintf(stderr, "newsgraph: %s\n", report.status().message().c_str());
    return kExitFailure;
  }
  std::printf("wrote %s: best epoch %u of %u, %zu features, dev f1=%.2f, %.1f s\n", options.output_path.c_str(),
              report->best_epoch, report->epochs_run, report->num_features, report->dev.micro().f1(), report->seconds);
  return kExitOk;
}

int run_eval(std::span<const std::string> args) {
  std::vector<std::string> positional;
  std::string pos_path = "models/pos-en.model";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--pos") {
      if (i + 1 >= args.size()) return usage_error(kEvalUsage, "--pos needs a value");
      pos_path = args[++i];
    } else if (args[i].starts_with("-") && args[i] != "-") {
      return usage_error(kEvalUsage, "unknown argument '" + args[i] + "'");
    } else {
      positional.push_back(args[i]);
    }
  }
  if (positional.size() != 2) return usage_error(kEvalUsage, "want MODEL and FILE");
  const auto start = std::chrono::steady_clock::now();
  auto model = ner::NerModel::load(positional[0]);
  if (!model) {
    std::fprintf(stderr, "newsgraph: %s\n", model.status().message().c_str());
    return kExitFailure;
  }
  const double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const pos::PosTagger* pos_tagger = nullptr;
#ifdef NEWSGRAPH_NER_HAS_POS
  std::optional<pos::PosTagger> pos_model;
  if (model->uses_pos()) {
    auto loaded = pos::PosTagger::load(pos_path);
    if (!loaded) {
      std::fprintf(stderr, "newsgraph: %s\n", loaded.status().message().c_str());
      return kExitFailure;
    }
    pos_model.emplace(std::move(*loaded));
    pos_tagger = &*pos_model;
  }
#else
  if (model->uses_pos()) {
    std::fprintf(stderr, "newsgraph: %s uses POS features, but this build has no POS tagger\n", positional[0].c_str());
    return kExitFailure;
  }
#endif
  auto eval = ner::evaluate_ner(*model, positional[1], pos_tagger);
  if (!eval) {
    std::fprintf(stderr, "newsgraph: %s\n", eval.status().message().c_str());
    return kExitFailure;
  }
  std::printf("%s: %llu sentences, %llu tokens; model loaded in %.0f ms\n", positional[1].c_str(),
              static_cast<unsigned long long>(eval->sentences), static_cast<unsigned long long>(eval->tokens), load_ms);
  std::printf("%-6s %7s %7s %7s %7s %7s\n", "type", "gold", "found", "P", "R", "F1");
  const auto row = [](std::string_view name, const ner::TypeCounts& c) {
    std::printf("%-6.*s %7llu %7llu %7.2f %7.2f %7.2f\n", static_cast<int>(name.size()), name.data(),
                static_cast<unsigned long long>(c.gold), static_cast<unsigned long long>(c.predicted), c.precision(),
                c.recall(), c.f1());
  };
  for (int t = 0; t < ner::kNumTypes; ++t) row(ner::to_string(static_cast<ner::NerType>(t)), eval->scores.per_type[t]);
  row("all", eval->scores.micro());
  if (model->uses_pos()) std::printf("POS tagging: %.0f tokens/s\n", eval->tokens / std::max(eval->pos_seconds, 1e-9));
  std::printf("f1=%.2f tokens_per_s=%.0f\n", eval->scores.micro().f1(), eval->tokens_per_s());
  return kExitOk;
}

const CommandRegistration kTrain({"train ner", "train the named-entity tagger on CoNLL-2003 files", kTrainUsage, run_train});
const CommandRegistration kEval({"eval ner", "score a named-entity model on a CoNLL-2003 file", kEvalUsage, run_eval});

}  // namespace
}  // namespace newsgraph::cli
