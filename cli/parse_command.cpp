// `newsgraph train parser`, `newsgraph eval parser` and `newsgraph parse FILE...` (CoNLL-U of
// the articles as the pipeline reads, tokenizes, tags and parses them): arguments and
// printing around nlp/parse.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "nlp/parse/parser.hpp"
#include "nlp/parse/train.hpp"
#include "nlp/pos/pos_tagger.hpp"

#if __has_include("ingest/ingest.hpp") && __has_include("tokenize/tokenize.hpp")
#include "ingest/ingest.hpp"
#include "nlp/parse/conllu_writer.hpp"
#include "tokenize/tokenize.hpp"
#define NEWSGRAPH_PARSE_HAS_INGEST 1
#endif

namespace newsgraph::cli {
namespace {

constexpr std::string_view kTrainUsage =
    "usage: newsgraph train parser --train FILE --dev FILE --pos MODEL -o MODEL\n"
    "                              [--epochs N] [--folds N] [--seed N]\n\n"
    "Trains the dependency parser (arc-hybrid, averaged perceptrons, dynamic oracle) on UD\n"
    "CoNLL-U files. Training tags are jackknifed with POS taggers trained like MODEL on the\n"
    "other folds; dev is tagged by MODEL. Keeps the epoch with the best dev LAS and writes\n"
    "the model atomically. Single-threaded and reproducible: same inputs, same bytes.\n\n"
    "  --train FILE   e.g. ../shared/data/ud-english-ewt/en_ewt-ud-train.conllu\n"
    "  --dev FILE     e.g. ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu\n"
    "  --pos MODEL    POS model (default models/pos-en.model)\n"
    "  --epochs N     epochs (default 15)\n"
    "  --folds N      jackknife folds (default 10; 1 trains on gold tags)\n"
    "  --seed N       shuffling and exploration seed (default 1)\n"
    "  -o MODEL       output model (e.g. models/parser-en.model)\n";

constexpr std::string_view kEvalUsage =
    "usage: newsgraph eval parser MODEL FILE [--pos MODEL]\n\n"
    "Tags the words of a CoNLL-U FILE with the POS model, parses them and scores against the\n"
    "gold trees, punctuation (gold UPOS PUNCT) excluded. The last line is\n"
    "`uas=NN.NN las=NN.NN tokens_per_s=N` (parsing speed, one thread, CPU time; tagging\n"
    "excluded).\n"
    "  --pos MODEL   POS model (default models/pos-en.model)\n";

bool parse_uint(const std::string& text, std::uint64_t& value) {
  if (text.empty() || text.size() > 18) return false;
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
  ParserTrainOptions options;
  options.pos_model_path = "models/pos-en.model";
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    std::uint64_t number = 0;
    const bool takes_value = arg == "--train" || arg == "--dev" || arg == "--pos" || arg == "-o" ||
                             arg == "--out" || arg == "--epochs" || arg == "--folds" || arg == "--seed";
    if (!takes_value) return usage_error(kTrainUsage, "unknown argument '" + arg + "'");
    if (i + 1 >= args.size()) return usage_error(kTrainUsage, arg + " needs a value");
    const std::string& value = args[++i];
    if (arg == "--train") options.train_path = value;
    else if (arg == "--dev") options.dev_path = value;
    else if (arg == "--pos") options.pos_model_path = value;
    else if (arg == "-o" || arg == "--out") options.output_path = value;
    else if (!parse_uint(value, number)) return usage_error(kTrainUsage, "bad " + arg + " '" + value + "'");
    else if (arg == "--epochs") {
      if (number == 0 || number > 1000) return usage_error(kTrainUsage, "bad --epochs");
      options.epochs = static_cast<int>(number);
    } else if (arg == "--folds") {
      if (number == 0 || number > 100) return usage_error(kTrainUsage, "bad --folds");
      options.folds = static_cast<int>(number);
    } else {
      options.seed = number;
    }
  }
  if (options.train_path.empty() || options.dev_path.empty() || options.output_path.empty())
    return usage_error(kTrainUsage, "--train, --dev and -o are required");
  auto report = train_parser(options, [](std::string_view line) {
    std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
  });
  if (!report) {
    std::fprintf(stderr, "newsgraph: %s\n", report.status().message().c_str());
    return kExitFailure;
  }
  std::printf("wrote %s: %llu bytes, best epoch %d, %zu features, dev uas=%.2f las=%.2f, %.1f s\n",
              options.output_path.c_str(), static_cast<unsigned long long>(report->model_bytes), report->best_epoch,
              report->features, report->dev_uas, report->dev_las, report->seconds);
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
  auto parser = DependencyParser::load(positional[0]);
  if (!parser) {
    std::fprintf(stderr, "newsgraph: %s\n", parser.status().message().c_str());
    return kExitFailure;
  }
  const double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  auto tagger = pos::PosTagger::load(pos_path);
  if (!tagger) {
    std::fprintf(stderr, "newsgraph: %s\n", tagger.status().message().c_str());
    return kExitFailure;
  }
  auto eval = evaluate_parser(*parser, *tagger, positional[1]);
  if (!eval) {
    std::fprintf(stderr, "newsgraph: %s\n", eval.status().message().c_str());
    return kExitFailure;
  }
  std::printf("%s: %zu words, %zu scored (punctuation excluded); model loaded in %.0f ms\n", positional[1].c_str(),
              eval->words, eval->tokens, load_ms);
  std::printf("speed: %.0f words/s of CPU time, %.0f words/s wall clock (one thread, tagging excluded)\n",
              eval->tokens_per_s, eval->wall_tokens_per_s);
  std::printf("uas=%.2f las=%.2f tokens_per_s=%.0f\n", eval->uas, eval->las, eval->tokens_per_s);
  return kExitOk;
}

#ifdef NEWSGRAPH_PARSE_HAS_INGEST
constexpr std::string_view kParseUsage =
    "usage: newsgraph parse [--pos MODEL] [--parser MODEL] FILE...\n\n"
    "Reads the articles in FILE... as `build` does (txt, html, jsonl; directories recursed),\n"
    "tokenizes, tags and parses them, and prints CoNLL-U: `# newdoc id` per article, then per\n"
    "sentence `# sent_id`, `# text` and one line per token (ID FORM _ _ XPOS _ HEAD DEPREL _\n"
    "MISC). For debugging the parser on real input.\n"
    "  --pos MODEL      POS model (default models/pos-en.model)\n"
    "  --parser MODEL   parser model (default models/parser-en.model)\n";

int run_parse(std::span<const std::string> args) {
  std::string pos_path = "models/pos-en.model", parser_path = "models/parser-en.model";
  std::vector<std::string> inputs;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--pos" || args[i] == "--parser") {
      if (i + 1 >= args.size()) return usage_error(kParseUsage, args[i] + " needs a value");
      (args[i] == "--pos" ? pos_path : parser_path) = args[i + 1];
      ++i;
    } else if (args[i].starts_with("-") && args[i] != "-") {
      return usage_error(kParseUsage, "unknown argument '" + args[i] + "'");
    } else {
      inputs.push_back(args[i]);
    }
  }
  if (inputs.empty()) return usage_error(kParseUsage, "want at least one FILE");
  auto tagger = pos::PosTagger::load(pos_path);
  if (!tagger) {
    std::fprintf(stderr, "newsgraph: %s\n", tagger.status().message().c_str());
    return kExitFailure;
  }
  auto parser = DependencyParser::load(parser_path);
  if (!parser) {
    std::fprintf(stderr, "newsgraph: %s\n", parser.status().message().c_str());
    return kExitFailure;
  }
  std::vector<std::string> errors;
  const std::vector<std::string> files = ingest::list_input_files(inputs, errors);
  for (const std::string& file : files) {
    ingest::ReadReport report = ingest::read_file(file);
    errors.insert(errors.end(), report.errors.begin(), report.errors.end());
    for (Article& article : report.articles) {
      Document doc;
      doc.article = std::move(article);
      tokenize(doc);
      pos::tag_pos(*tagger, doc);
      parse_document(*parser, doc);
      std::printf("# newdoc id = %s\n%s", doc.article.id.c_str(), to_conllu(doc).c_str());
    }
  }
  for (const std::string& error : errors) std::fprintf(stderr, "newsgraph: %s\n", error.c_str());
  return errors.empty() ? kExitOk : kExitPartial;
}

const CommandRegistration kParse{Command{"parse", "print the dependency parses of articles as CoNLL-U", kParseUsage,
                                         run_parse}};
#endif

const CommandRegistration kTrain{Command{"train parser", "train the dependency parser on UD CoNLL-U files",
                                         kTrainUsage, run_train}};
const CommandRegistration kEval{Command{"eval parser", "score a parser model on a UD CoNLL-U file (UAS/LAS)",
                                        kEvalUsage, run_eval}};

}  // namespace
}  // namespace newsgraph::cli
