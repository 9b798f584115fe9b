// bench_taggers: accuracy and speed of the trained taggers (NER and POS), like LevelDB's
// db_bench: a header (date, CPU, build type, warnings), then per-tagger figures: model load
// time and size, accuracy on the dev split, tokens/s on one thread (a warm-up run, then the
// mean ± standard deviation over --runs runs, wall-clock and thread CPU time).
//
// usage: bench_taggers [--ner MODEL] [--pos MODEL] [--conll-dev FILE] [--ewt-dev FILE] [--runs N]
// Defaults: models/ner-en.model, models/pos-en.model, ../shared/data/conll2003/dev.txt,
// ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu (run from the repository root).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "nlp/ner/ner.hpp"

#if __has_include("nlp/pos/pos_tagger.hpp")
#include "nlp/pos/pos_tagger.hpp"
#define BENCH_HAS_POS 1
#endif

namespace {

using namespace newsgraph;

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

std::string cpu_name() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("model name")) {
      const auto colon = line.find(':');
      return colon == std::string::npos ? line : line.substr(colon + 2);
    }
  }
  return "unknown";
}

struct Spread {
  double mean = 0, stddev = 0;
};
Spread spread(const std::vector<double>& values) {
  Spread s;
  if (values.empty()) return s;
  for (const double v : values) s.mean += v;
  s.mean /= static_cast<double>(values.size());
  for (const double v : values) s.stddev += (v - s.mean) * (v - s.mean);
  s.stddev = values.size() > 1 ? std::sqrt(s.stddev / static_cast<double>(values.size() - 1)) : 0;
  return s;
}

// Runs `work` (which handles `tokens` tokens) once to warm up, then `runs` times; prints
// tokens/s by wall clock and by thread CPU time.
void time_runs(const char* what, std::size_t tokens, int runs, const std::function<void()>& work) {
  work();
  std::vector<double> wall, cpu;
  for (int r = 0; r < runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_seconds();
    work();
    cpu.push_back(tokens / (thread_cpu_seconds() - cpu_start));
    wall.push_back(tokens / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  const Spread w = spread(wall), c = spread(cpu);
  std::printf("%-28s %10.0f ± %-8.0f tokens/s wall   %10.0f ± %-8.0f tokens/s cpu   (%d runs, %zu tokens)\n", what,
              w.mean, w.stddev, c.mean, c.stddev, runs, tokens);
}

template <typename Load>
double load_ms(int runs, Load load) {
  std::vector<double> ms;
  for (int r = 0; r < runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    load();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  return spread(ms).mean;
}

double file_mb(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<double>(size) / (1024.0 * 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  std::string ner_path = "models/ner-en.model", pos_path = "models/pos-en.model";
  std::string conll_dev = "../shared/data/conll2003/dev.txt";
  std::string ewt_dev = "../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu";
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) {
      std::fprintf(stderr, "bench_taggers: %s needs a value\n", arg.c_str());
      return 1;
    }
    if (arg == "--ner") ner_path = argv[++i];
    else if (arg == "--pos") pos_path = argv[++i];
    else if (arg == "--conll-dev") conll_dev = argv[++i];
    else if (arg == "--ewt-dev") ewt_dev = argv[++i];
    else if (arg == "--runs") runs = std::max(1, std::atoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: bench_taggers [--ner MODEL] [--pos MODEL] [--conll-dev FILE] [--ewt-dev FILE] [--runs N]\n");
      return 1;
    }
  }

  char date[64];
  const std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&now));
  std::printf("bench_taggers: date %s\n", date);
  std::printf("CPU:        %s (%u hardware threads; this bench uses one)\n", cpu_name().c_str(),
              std::thread::hardware_concurrency());
  std::printf("build type: %s\n", NEWSGRAPH_BUILD_TYPE);
#ifndef NDEBUG
  std::printf("WARNING: assertions are enabled (no NDEBUG); timings are not representative\n");
#endif
  if (std::string_view(NEWSGRAPH_BUILD_TYPE) != "Release")
    std::printf("WARNING: not a Release build; timings are not representative\n");
  std::printf("\n");

#ifdef BENCH_HAS_POS
  std::optional<pos::PosTagger> pos_tagger;
  if (std::filesystem::exists(pos_path)) {
    const double ms = load_ms(3, [&] { auto t = pos::PosTagger::load(pos_path); });
    auto loaded = pos::PosTagger::load(pos_path);
    if (!loaded) {
      std::fprintf(stderr, "bench_taggers: %s\n", loaded.status().message().c_str());
      return 1;
    }
    pos_tagger.emplace(std::move(*loaded));
    std::printf("== POS %s: %.1f MB, load %.0f ms\n", pos_path.c_str(), file_mb(pos_path), ms);
    auto sentences = conllu::read_conllu(ewt_dev);
    if (!sentences) {
      std::fprintf(stderr, "bench_taggers: %s\n", sentences.status().message().c_str());
      return 1;
    }
    const auto eval = pos::evaluate_pos(*pos_tagger, *sentences);
    std::printf("EWT dev accuracy: %.2f%% over %zu tokens\n", eval.accuracy, eval.tokens);
    const auto tagged = pos::to_tagged(*sentences, pos::TreebankTokens::kWords);
    std::size_t tokens = 0;
    for (const auto& sent : tagged) tokens += sent.words.size();
    std::vector<std::string_view> words, tags;
    time_runs("POS tagging (EWT dev)", tokens, runs, [&] {
      for (const auto& sent : tagged) {
        words.assign(sent.words.begin(), sent.words.end());
        pos_tagger->tag(words, tags);
      }
    });
    std::printf("\n");
  } else {
    std::printf("== POS: %s not found, skipped\n\n", pos_path.c_str());
  }
  const pos::PosTagger* pos_ptr = pos_tagger ? &*pos_tagger : nullptr;
#else
  const pos::PosTagger* pos_ptr = nullptr;
  std::printf("== POS: not in this build, skipped\n\n");
#endif

  const double ner_ms = load_ms(3, [&] { auto m = ner::NerModel::load(ner_path); });
  auto model = ner::NerModel::load(ner_path);
  if (!model) {
    std::fprintf(stderr, "bench_taggers: %s\n", model.status().message().c_str());
    return 1;
  }
  std::printf("== NER %s: %.1f MB, load %.0f ms, POS features %s\n", ner_path.c_str(), file_mb(ner_path), ner_ms,
              model->uses_pos() ? "yes" : "no");
  if (model->uses_pos() && !pos_ptr) {
    std::fprintf(stderr, "bench_taggers: the NER model needs the POS model\n");
    return 1;
  }
  auto eval = ner::evaluate_ner(*model, conll_dev, pos_ptr);
  if (!eval) {
    std::fprintf(stderr, "bench_taggers: %s\n", eval.status().message().c_str());
    return 1;
  }
  std::printf("CoNLL-2003 dev (%llu sentences, %llu tokens), conlleval exact spans:\n",
              static_cast<unsigned long long>(eval->sentences), static_cast<unsigned long long>(eval->tokens));
  std::printf("  %-5s %6s %6s %7s %7s %7s\n", "type", "gold", "found", "P", "R", "F1");
  const auto row = [](std::string_view name, const ner::TypeCounts& c) {
    std::printf("  %-5.*s %6llu %6llu %7.2f %7.2f %7.2f\n", static_cast<int>(name.size()), name.data(),
                static_cast<unsigned long long>(c.gold), static_cast<unsigned long long>(c.predicted), c.precision(),
                c.recall(), c.f1());
  };
  for (int t = 0; t < ner::kNumTypes; ++t) row(ner::to_string(static_cast<ner::NerType>(t)), eval->scores.per_type[t]);
  row("all", eval->scores.micro());

  auto docs = ner::read_conll(conll_dev);
  if (!docs) return 1;
  std::size_t tokens = 0;
  for (const auto& doc : *docs)
    for (const auto& sent : doc.sentences) tokens += sent.tokens.size();
  std::printf("NER tagging alone: %.0f tokens/s cpu (evaluate_ner, POS tagging excluded)\n", eval->tokens_per_s());
  time_runs(model->uses_pos() ? "POS + NER tagging (CoNLL dev)" : "NER tagging (CoNLL dev)", tokens, runs, [&] {
    for (const auto& doc : *docs) ner::tag_conll(*model, doc, pos_ptr);
  });
  return 0;
}
