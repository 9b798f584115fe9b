#include "pipeline/pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "extract/extract.hpp"
#include "merge/merge.hpp"
#include "pipeline/annotators.hpp"

namespace newsgraph {
namespace {

using Clock = std::chrono::steady_clock;


// Runs task(i) for i in [0, count) on `jobs` threads; the calling thread polls `tick`
// about ten times a second until all are done.
template <typename Task>
void parallel_for(std::size_t count, unsigned jobs, Task task, const std::function<void()>& tick) {
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> finished{0};
  const auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) {
      task(i);
      finished.fetch_add(1);
    }
  };
  std::vector<std::thread> threads;
  const unsigned n = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(count, 1))));
  for (unsigned t = 0; t < n; ++t) threads.emplace_back(worker);
  while (finished.load() < count) {
    if (tick) tick();
    std::this_thread::sleep_for(std::chrono::milliseconds(count < 64 ? 5 : 100));
  }
  for (std::thread& thread : threads) thread.join();
  if (tick) tick();
}

struct StageClock {
  std::array<std::atomic<std::int64_t>, static_cast<std::size_t>(Stage::kCount)> nanos{};
  void add(Stage stage, Clock::time_point start) {
    nanos[static_cast<std::size_t>(stage)] +=
        std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
  }
  void add_seconds(Stage stage, double seconds) {
    nanos[static_cast<std::size_t>(stage)] += static_cast<std::int64_t>(seconds * 1e9);
  }
};

}  // namespace

std::string find_models_dir(const std::string& executable_path) {
  namespace fs = std::filesystem;
  const auto has_models = [](const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / kNerModelFile, ec);
  };
  if (const char* env = std::getenv("NEWSGRAPH_MODELS"); env && *env) return env;
  if (has_models("models")) return "models";
  std::error_code ec;
  const fs::path exe = fs::weakly_canonical(fs::path(executable_path), ec);
  for (const fs::path& dir : {exe.parent_path().parent_path() / "models",
                              exe.parent_path().parent_path() / "share" / "newsgraph" / "models"})
    if (has_models(dir)) return dir.string();
  return {};
}

Result<BuildReport> run_build(const PipelineOptions& options, const ProgressCallback& progress) {
  BuildReport report;
  StageClock clock;
  const unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());

  const auto load_start = Clock::now();
  Result<std::unique_ptr<Annotators>> loaded = load_annotators(options.models_dir);
  if (!loaded) return loaded.status();
  const Annotators& annotators = **loaded;
  const NameLexicon& lexicon = annotators.lexicon;
  clock.add(Stage::Load, load_start);

  // Ingest: every file read in parallel, results kept in input order.
  const std::vector<std::string> files = ingest::list_input_files(options.inputs, report.errors);
  report.input_files = files.size();
  std::vector<ingest::ReadReport> reads(files.size());
  parallel_for(
      files.size(), jobs,
      [&](std::size_t i) {
        const auto start = Clock::now();
        reads[i] = ingest::read_file(files[i], options.ingest);
        clock.add(Stage::Ingest, start);
      },
      {});

  std::vector<Article*> articles;
  for (ingest::ReadReport& read : reads) {
    report.warnings.insert(report.warnings.end(), read.warnings.begin(), read.warnings.end());
    report.errors.insert(report.errors.end(), read.errors.begin(), read.errors.end());
    for (Article& article : read.articles) articles.push_back(&article);
  }
  report.articles = articles.size();


  // Per article: tokenize, tag, extract — in parallel, results by index.
  std::vector<ArticleGraph> extracted(articles.size());
  std::vector<std::vector<std::string>> limit_warnings(articles.size());  // kept in input order
  std::atomic<std::size_t> done{0};
  std::atomic<std::size_t> tokens{0};
  std::atomic<std::size_t> bytes{0};
  parallel_for(
      articles.size(), jobs,
      [&](std::size_t i) {
        Document doc;
        doc.article = std::move(*articles[i]);
        ArticleTimings timings;
        extracted[i] = process_article(annotators, doc, &timings, options.limits, &limit_warnings[i]);
        clock.add_seconds(Stage::Tokenize, timings.tokenize_s);
        clock.add_seconds(Stage::Tag, timings.tag_s);
        clock.add_seconds(Stage::Parse, timings.parse_s);
        clock.add_seconds(Stage::Extract, timings.extract_s);
        tokens += doc.tokens.size();
        bytes += doc.article.text.size();
        done.fetch_add(1);
      },
      [&] {
        if (progress) progress(done.load(), articles.size());
      });
  for (auto& warnings : limit_warnings) report.warnings.insert(report.warnings.end(), warnings.begin(), warnings.end());
  report.tokens = tokens.load();
  report.text_bytes = bytes.load();

  auto start = Clock::now();
  MergedGraph merged = merge_articles(extracted, lexicon);
  report.merge_explanations = std::move(merged.explanations);
  clock.add(Stage::Merge, start);
  start = Clock::now();
  report.graph = build_graph(std::move(merged.nodes), std::move(merged.sightings), std::move(merged.articles));
  clock.add(Stage::Graph, start);

  for (std::size_t s = 0; s < report.stage_seconds.size(); ++s) report.stage_seconds[s] = clock.nanos[s].load() / 1e9;
  return report;
}

}  // namespace newsgraph
