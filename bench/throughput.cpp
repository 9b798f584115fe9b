// bench_throughput: end-to-end speed and memory of `newsgraph build` (issue 8).
//
// Runs the newsgraph executable as a child process on a corpus folder (bench/corpus writes
// one), once per --jobs value, and prints for each run articles/s, words/s, MB/s, the wall
// time of every stage as `build` reports it (summed over threads), the child's CPU time and
// its peak RSS (getrusage of the child). Before that it measures the floor: the same files
// read and tokenised once (ingest + tokenize, no model), in this process, on one thread.
// Words are whitespace-separated words of the cleaned article text, counted by that floor
// pass; MB are those texts' bytes.
//
// The machine may be shared: the header prints the load average, and every run its CPU
// time next to the wall time, so a slow wall clock caused by other processes shows.
//
// usage: bench_throughput [--newsgraph EXE] [--jobs 1,2] [--repeat N] [--models DIR] INPUT
//   INPUT: a folder or file `newsgraph build` accepts (e.g. /tmp/corpus/txt), or `-` is not
//   accepted (the floor needs files). Defaults: EXE is the newsgraph beside this program.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/ingest.hpp"
#include "tokenize/tokenize.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string cpu_name() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "unknown";
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

struct Floor {
  std::size_t files = 0, articles = 0, words = 0, tokens = 0, bytes = 0;
  double seconds = 0;
};

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Read + tokenise, one thread: what any pipeline over these files must at least do.
Floor measure_floor(const std::string& input) {
  using namespace newsgraph;
  Floor floor;
  const auto start = Clock::now();
  std::vector<std::string> errors;
  const std::vector<std::string> files = ingest::list_input_files({input}, errors);
  floor.files = files.size();
  for (const std::string& file : files) {
    ingest::ReadReport read = ingest::read_file(file);
    for (Article& article : read.articles) {
      Document doc;
      doc.article = std::move(article);
      tokenize(doc);
      ++floor.articles;
      floor.tokens += doc.tokens.size();
      floor.bytes += doc.article.text.size();
      floor.words += count_words(doc.article.text);
    }
  }
  floor.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return floor;
}

struct Run {
  double wall_s = 0, cpu_s = 0;
  long peak_rss_kb = 0;
  int exit_code = -1;
  std::vector<std::pair<std::string, double>> stages;  // the "stages" line of the summary, in order
  std::string summary;
};

// Runs `argv` with stdout captured; fills wall time, CPU time and peak RSS of the child.
Run run_child(const std::vector<std::string>& argv) {
  Run run;
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return run;
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    std::perror(args[0]);
    _exit(127);
  }
  close(pipe_fds[1]);
  char buffer[4096];
  ssize_t n;
  while ((n = read(pipe_fds[0], buffer, sizeof buffer)) > 0) run.summary.append(buffer, static_cast<std::size_t>(n));
  close(pipe_fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  run.wall_s = std::chrono::duration<double>(Clock::now() - start).count();
  run.cpu_s = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
              1e-6 * static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
  run.peak_rss_kb = usage.ru_maxrss;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  // "  stages    load 1.648s ingest 0.068s ..."
  std::istringstream lines(run.summary);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string word;
    words >> word;
    if (word != "stages") continue;
    std::string name, value;
    while (words >> name >> value) run.stages.emplace_back(name, std::atof(value.c_str()));
  }
  return run;
}

std::vector<unsigned> parse_jobs(const std::string& list) {
  std::vector<unsigned> jobs;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) jobs.push_back(static_cast<unsigned>(std::max(1, std::atoi(item.c_str()))));
  return jobs;
}

}  // namespace

int main(int argc, char** argv) {
  std::string exe = (fs::path(argv[0]).parent_path() / "newsgraph").string();
  std::string jobs_list = "1,2";
  std::string models;
  std::string input;
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--newsgraph" && i + 1 < argc) {
      exe = argv[++i];
    } else if (arg == "--jobs" && i + 1 < argc) {
      jobs_list = argv[++i];
    } else if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--models" && i + 1 < argc) {
      models = argv[++i];
    } else if (input.empty() && arg != "-" && arg[0] != '-') {
      input = arg;
    } else {
      std::fprintf(stderr, "usage: bench_throughput [--newsgraph EXE] [--jobs 1,2] [--repeat N] [--models DIR] INPUT\n");
      return 1;
    }
  }
  if (input.empty()) {
    std::fprintf(stderr, "bench_throughput: no INPUT; write a corpus with bench/corpus /tmp/corpus first\n");
    return 1;
  }

  const std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  std::printf("bench_throughput  newsgraph %s\n", NEWSGRAPH_VERSION);
  std::printf("date:        %s\n", date);
  std::printf("cpu:         %s, %u cores; load average %s\n", cpu_name().c_str(),
              static_cast<unsigned>(sysconf(_SC_NPROCESSORS_ONLN)), load_average().c_str());
  std::printf("build type:  %s\n", NEWSGRAPH_BUILD_TYPE);
#ifndef NDEBUG
  std::printf("WARNING: assertions are enabled; figures are not representative\n");
#endif
  if (std::string(NEWSGRAPH_BUILD_TYPE) != "Release")
    std::printf("WARNING: not a Release build; figures are not representative\n");

  measure_floor(input);  // warm-up: the page cache holds the corpus afterwards
  const Floor floor = measure_floor(input);
  const double mb = static_cast<double>(floor.bytes) / 1e6;
  std::printf("input:       %s: %zu files, %zu articles, %zu words, %zu tokens, %.1f MB of text\n", input.c_str(),
              floor.files, floor.articles, floor.words, floor.tokens, mb);
  std::printf("floor:       read + tokenise, 1 thread: %.2f s = %.0f words/s, %.1f MB/s\n", floor.seconds,
              static_cast<double>(floor.words) / floor.seconds, mb / floor.seconds);

  const fs::path out_dir = fs::temp_directory_path() / ("bench_throughput." + std::to_string(getpid()));
  double jobs1_words_per_s = 0;
  int status = 0;
  for (const unsigned jobs : parse_jobs(jobs_list)) {
    std::vector<double> rates;
    Run last;
    for (int r = 0; r < repeat; ++r) {
      std::vector<std::string> args = {exe, "build", "--jobs", std::to_string(jobs), "-o", out_dir.string()};
      if (!models.empty()) args.insert(args.end(), {"--models", models});
      args.push_back(input);
      last = run_child(args);
      if (last.exit_code != 0) {
        std::fprintf(stderr, "bench_throughput: %s exited with %d\n", exe.c_str(), last.exit_code);
        status = 1;
        break;
      }
      rates.push_back(static_cast<double>(floor.words) / last.wall_s);
    }
    if (rates.empty()) break;
    double mean = 0, sd = 0;
    for (double x : rates) mean += x;
    mean /= static_cast<double>(rates.size());
    for (double x : rates) sd += (x - mean) * (x - mean);
    sd = rates.size() > 1 ? std::sqrt(sd / static_cast<double>(rates.size() - 1)) : 0.0;
    if (jobs == 1) jobs1_words_per_s = mean;
    const double wall = static_cast<double>(floor.words) / mean;
    std::printf("\n--jobs %u (%d run%s)\n", jobs, repeat, repeat > 1 ? "s" : "");
    std::printf("  wall        %.2f s   (CPU %.2f s, %.2f cores busy)\n", wall, last.cpu_s, last.cpu_s / last.wall_s);
    std::printf("  articles/s  %.0f\n", static_cast<double>(floor.articles) / wall);
    std::printf("  words/s     %.0f ± %.0f   (per CPU second: %.0f)\n", mean, sd,
                static_cast<double>(floor.words) / last.cpu_s);
    std::printf("  MB/s        %.2f\n", mb / wall);
    std::printf("  peak RSS    %.0f MB\n", static_cast<double>(last.peak_rss_kb) / 1024.0);
    std::printf("  stages (s, summed over threads):");
    for (const auto& [name, seconds] : last.stages) std::printf(" %s %.2f", name.c_str(), seconds);
    std::printf("\n  x floor     %.1f   (full pipeline wall / read+tokenise wall)\n", wall / floor.seconds);
    if (jobs != 1 && jobs1_words_per_s > 0) std::printf("  vs --jobs 1 %.2fx\n", mean / jobs1_words_per_s);
  }
  std::error_code ec;
  fs::remove_all(out_dir, ec);
  return status;
}
