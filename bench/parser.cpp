// bench_parser: dependency parser speed and accuracy on a CoNLL-U file (default: UD English
// EWT dev), one thread. Prints a header (version, date, CPU, build type, input size), a
// warning for unoptimised or assert-enabled builds, a warm-up pass, then words/s as mean ±
// standard deviation over the timed passes (wall clock and thread CPU time), and UAS/LAS with
// punctuation excluded.
//
// usage: bench_parser [PARSER_MODEL [POS_MODEL [CONLLU [PASSES]]]]
//   defaults: models/parser-en.model models/pos-en.model
//             ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu 5
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "nlp/conllu/conllu.hpp"
#include "nlp/parse/parser.hpp"
#include "nlp/parse/train.hpp"
#include "nlp/pos/pos_tagger.hpp"

namespace {

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

std::string cpu_name() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "unknown";
}

void mean_spread(const std::vector<double>& xs, double& mean, double& sd) {
  mean = 0;
  for (double x : xs) mean += x;
  mean /= static_cast<double>(xs.size());
  sd = 0;
  for (double x : xs) sd += (x - mean) * (x - mean);
  sd = xs.size() > 1 ? std::sqrt(sd / static_cast<double>(xs.size() - 1)) : 0.0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace newsgraph;
  const std::string parser_path = argc > 1 ? argv[1] : "models/parser-en.model";
  const std::string pos_path = argc > 2 ? argv[2] : "models/pos-en.model";
  const std::string data_path = argc > 3 ? argv[3] : "../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu";
  const int passes = argc > 4 ? std::max(1, std::atoi(argv[4])) : 5;

  const std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  std::printf("bench_parser  newsgraph %s\n", NEWSGRAPH_VERSION);
  std::printf("date:    %s\ncpu:     %s\n", date, cpu_name().c_str());
#ifdef NDEBUG
  std::printf("build:   optimised, assertions off\n");
#else
  std::printf("build:   assertions ON\nWARNING: not an NDEBUG build; speed figures are not representative\n");
#endif
#if defined(__OPTIMIZE__)
#else
  std::printf("WARNING: built without optimisation; speed figures are not representative\n");
#endif

  auto parser = DependencyParser::load(parser_path);
  if (!parser) return std::fprintf(stderr, "bench_parser: %s\n", parser.status().message().c_str()), 1;
  auto tagger = pos::PosTagger::load(pos_path);
  if (!tagger) return std::fprintf(stderr, "bench_parser: %s\n", tagger.status().message().c_str()), 1;
  auto bank = conllu::read_conllu(data_path);
  if (!bank) return std::fprintf(stderr, "bench_parser: %s\n", bank.status().message().c_str()), 1;

  // Tag once; the timed passes parse only.
  std::vector<std::vector<std::string_view>> words(bank->size()), tags(bank->size());
  std::size_t num_words = 0;
  for (std::size_t s = 0; s < bank->size(); ++s) {
    for (const auto& w : (*bank)[s].words) words[s].push_back(w.form);
    tagger->tag(words[s], tags[s]);
    num_words += words[s].size();
  }
  std::printf("input:   %s: %zu sentences, %zu words\nmodel:   %s (%zu labels)\n", data_path.c_str(), bank->size(),
              num_words, parser_path.c_str(), parser->labels().size());

  std::vector<Arc> arcs;
  std::size_t checksum = 0;
  auto pass = [&]() {
    for (std::size_t s = 0; s < words.size(); ++s) {
      parser->parse(words[s], tags[s], arcs);
      for (const Arc& arc : arcs) checksum += static_cast<std::size_t>(arc.head + 1);
    }
  };
  pass();  // warm-up
  std::vector<double> wall_rates, cpu_rates;
  for (int p = 0; p < passes; ++p) {
    const double cpu0 = thread_cpu_seconds();
    const auto wall0 = std::chrono::steady_clock::now();
    pass();
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    const double cpu = thread_cpu_seconds() - cpu0;
    wall_rates.push_back(static_cast<double>(num_words) / wall);
    cpu_rates.push_back(static_cast<double>(num_words) / cpu);
  }
  double mean = 0, sd = 0;
  mean_spread(wall_rates, mean, sd);
  std::printf("speed:   %.0f ± %.0f words/s wall clock, one thread (%d passes after a warm-up)\n", mean, sd, passes);
  mean_spread(cpu_rates, mean, sd);
  std::printf("speed:   %.0f ± %.0f words/s thread CPU time\n", mean, sd);

  auto eval = evaluate_parser(*parser, *tagger, data_path);
  if (!eval) return std::fprintf(stderr, "bench_parser: %s\n", eval.status().message().c_str()), 1;
  std::printf("accuracy: uas=%.2f las=%.2f over %zu scored words (punctuation excluded, predicted POS)\n", eval->uas,
              eval->las, eval->tokens);
  std::printf("(checksum %zu)\n", checksum);
  return 0;
}
