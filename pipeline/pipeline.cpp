#include "pipeline/pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <memory>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <mutex>
#include <thread>

#include "core/free_memory.hpp"
#include "extract/extract.hpp"
#include "merge/merge.hpp"
#include "pipeline/extraction_file.hpp"
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

namespace {

// A batch holds about this much input text, so memory stays bounded whatever the input size
// (issue 8); a JSON-lines input is cut into chunks of whole lines of kChunkBytes.
constexpr std::size_t kBatchBytes = 4u << 20;
constexpr std::size_t kBatchFiles = 4096;
constexpr std::size_t kChunkBytes = 1u << 20;
// A worker takes up to this many articles at a time through the stages (process_articles()):
// 64 was faster than 16 and as fast as 256, which holds four times the documents.
constexpr std::size_t kGroupArticles = 64;

// One unit of reading: a whole file, or a chunk of lines of a JSON-lines input.
struct ReadTask {
  std::size_t source = 0;  // index in the source list
  bool is_chunk = false;
  ingest::JsonlChunk chunk;
};

// The inputs in build order: sorted by name, "-" (stdin) at the place of its name.
std::vector<std::string> ordered_sources(const std::vector<std::string>& inputs, const std::string& stdin_name,
                                         std::vector<std::string>& errors) {
  std::vector<std::string> paths;
  bool has_stdin = false;
  for (const std::string& input : inputs) {
    if (input == "-") {
      has_stdin = true;
    } else {
      paths.push_back(input);
    }
  }
  std::vector<std::string> sources = ingest::list_input_files(paths, errors);
  if (has_stdin) {
    const auto at = std::find_if(sources.begin(), sources.end(), [&](const std::string& s) { return s >= stdin_name; });
    sources.insert(at, "-");
  }
  return sources;
}

// See run_extract(); the annotators are loaded by the caller.
void extract_all(const Annotators& annotators, const PipelineOptions& options, const ExtractionSink& sink,
                 const ProgressCallback& progress, BuildReport& report, StageClock& clock) {
  const unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::vector<std::string> sources = ordered_sources(options.inputs, options.stdin_name, report.errors);
  const auto source_name = [&](const std::string& source) { return source == "-" ? options.stdin_name : source; };
  report.input_files = sources.size();
  std::vector<std::uint64_t> ordinals(sources.size(), 0);
  std::size_t next_source = 0;
  std::unique_ptr<ingest::JsonlStream> stream;
  std::size_t done_before = 0;

  for (;;) {
    // Gather a batch of read tasks, in input order.
    std::vector<ReadTask> tasks;
    std::size_t batch_bytes = 0;
    auto start = Clock::now();
    while (batch_bytes < kBatchBytes && tasks.size() < kBatchFiles) {
      if (stream) {
        ReadTask task{next_source, true, {}};
        if (stream->next(task.chunk, kChunkBytes)) {
          batch_bytes += task.chunk.bytes.size();
          tasks.push_back(std::move(task));
          continue;
        }
        if (!stream->error().empty()) report.errors.push_back(stream->error());
        stream.reset();
        ++next_source;
        continue;
      }
      if (next_source == sources.size()) break;
      const std::string& source = sources[next_source];
      if (source == "-" || ingest::is_jsonl_path(source)) {
        stream = std::make_unique<ingest::JsonlStream>(source, options.stdin_name);
        continue;
      }
      std::error_code ec;
      const auto size = std::filesystem::file_size(source, ec);
      batch_bytes += ec ? 0 : static_cast<std::size_t>(size);
      tasks.push_back(ReadTask{next_source++, false, {}});
    }
    clock.add(Stage::Ingest, start);
    if (tasks.empty()) break;

    std::vector<ingest::ReadReport> reads(tasks.size());
    parallel_for(
        tasks.size(), jobs,
        [&](std::size_t i) {
          const auto task_start = Clock::now();
          const ReadTask& task = tasks[i];
          reads[i] = task.is_chunk ? ingest::read_jsonl_chunk(task.chunk, source_name(sources[task.source]), options.ingest)
                                   : ingest::read_file(sources[task.source], options.ingest);
          clock.add(Stage::Ingest, task_start);
        },
        {});

    std::vector<Article*> articles;
    std::vector<std::uint64_t> article_ordinals;
    for (std::size_t t = 0; t < tasks.size(); ++t) {
      ingest::ReadReport& read = reads[t];
      report.warnings.insert(report.warnings.end(), read.warnings.begin(), read.warnings.end());
      report.errors.insert(report.errors.end(), read.errors.begin(), read.errors.end());
      for (Article& article : read.articles) {
        articles.push_back(&article);
        article_ordinals.push_back(ordinals[tasks[t].source]++);
      }
    }
    tasks.clear();

    // By groups of articles: tokenize, tag, parse, extract — in parallel, results by index.
    std::vector<ArticleGraph> extracted(articles.size());
    std::vector<std::vector<std::string>> limit_warnings(articles.size());  // kept in input order
    std::atomic<std::size_t> done{0};
    std::atomic<std::size_t> tokens{0};
    std::atomic<std::size_t> bytes{0};
    // Smaller groups for a small batch, so that every worker gets several.
    const std::size_t group_size = std::clamp<std::size_t>(articles.size() / (8 * jobs), 1, kGroupArticles);
    const std::size_t groups = (articles.size() + group_size - 1) / group_size;
    parallel_for(
        groups, jobs,
        [&](std::size_t g) {
          const std::size_t first = g * group_size;
          const std::size_t count = std::min(articles.size() - first, group_size);
          std::vector<Document> docs(count);
          for (std::size_t k = 0; k < count; ++k) docs[k].article = std::move(*articles[first + k]);
          std::vector<ArticleTimings> timings(count);
          process_articles(annotators, docs, std::span(extracted).subspan(first, count), timings, options.limits,
                           std::span(limit_warnings).subspan(first, count));
          for (std::size_t k = 0; k < count; ++k) {
            clock.add_seconds(Stage::Tokenize, timings[k].tokenize_s);
            clock.add_seconds(Stage::Tag, timings[k].tag_s);
            clock.add_seconds(Stage::Parse, timings[k].parse_s);
            clock.add_seconds(Stage::Extract, timings[k].extract_s);
            tokens += docs[k].tokens.size();
            bytes += docs[k].article.text.size();
          }
          done.fetch_add(count);
        },
        [&] {
          if (progress) progress(done_before + done.load(), done_before + articles.size());
        });
    for (auto& warnings : limit_warnings) report.warnings.insert(report.warnings.end(), warnings.begin(), warnings.end());
    reads.clear();
    report.articles += articles.size();
    report.tokens += tokens.load();
    report.text_bytes += bytes.load();
    done_before += articles.size();
    for (std::size_t i = 0; i < extracted.size(); ++i) sink(std::move(extracted[i]), article_ordinals[i]);
  }
}

// glibc hands the free memory at the top of a heap back to the system above 128 KB, and
// serves blocks above a (moving) threshold by mmap: each article's buffers, freed at its end,
// were faulted in and zeroed again by the next (about a third of the extract stage's time,
// most of the system time, issue 8); the models' tables were mapped and copied as they grew.
// Keeping up to 64 MB free per heap and mapping only blocks of 32 MB and more avoids both.
void keep_freed_memory() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

// Back to glibc's defaults once the articles are extracted, as in `newsgraph merge`: the merge
// frees whole phases, best handed back at once (issue 8, memory: a 60,000-article build's RSS
// at the merge's phase boundaries, 9-26 MB lower).
void free_memory_as_usual() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 128 << 10);
  mallopt(M_TRIM_THRESHOLD, 128 << 10);
#endif
}

// The models, their load time counted in the Load stage.
Result<std::unique_ptr<Annotators>> load_timed(const PipelineOptions& options, StageClock& clock) {
  keep_freed_memory();
  const auto start = Clock::now();
  const unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  Result<std::unique_ptr<Annotators>> loaded = load_annotators(options.models_dir, jobs);
  if (loaded) clock.add(Stage::Load, start);
  return loaded;
}

void fill_stage_seconds(const StageClock& clock, BuildReport& report) {
  for (std::size_t s = 0; s < report.stage_seconds.size(); ++s) report.stage_seconds[s] = clock.nanos[s].load() / 1e9;
}

}  // namespace

Result<BuildReport> run_extract(const PipelineOptions& options, const ExtractionSink& sink,
                                const ProgressCallback& progress) {
  BuildReport report;
  StageClock clock;
  Result<std::unique_ptr<Annotators>> loaded = load_timed(options, clock);
  if (!loaded) return loaded.status();
  extract_all(**loaded, options, sink, progress, report, clock);
  fill_stage_seconds(clock, report);
  return report;
}

Status merge_extractions(HeldArticles& articles, const NameLexicon& lexicon, BuildReport& report) {
  // Build order: by source name, then ordinal (see run_extract()); the id only orders the
  // articles of inputs given the same name (stdin in several runs), which build never has.
  const std::deque<HeldArticle>& held = articles.articles;
  std::vector<std::size_t> order(held.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (held[a].source != held[b].source) return articles.source(a) < articles.source(b);
    if (held[a].ordinal != held[b].ordinal) return held[a].ordinal < held[b].ordinal;
    return held[a].id < held[b].id;
  });
  // An article extracted twice (an incremental update re-extracted it): the later one wins.
  const auto same_article = [&](std::size_t a, std::size_t b) {
    return held[a].source == held[b].source && held[a].ordinal == held[b].ordinal && held[a].id == held[b].id;
  };
  std::vector<std::size_t> kept;
  kept.reserve(order.size());
  std::size_t replaced = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k + 1 < order.size() && same_article(order[k + 1], order[k])) {
      ++replaced;
      continue;
    }
    kept.push_back(order[k]);
  }
  if (replaced > 0)
    report.warnings.push_back(std::to_string(replaced) +
                              " article(s) given twice (same source, ordinal and id): the later extraction kept");
  std::vector<std::size_t>().swap(order);
  articles.keep(kept);
  std::vector<std::size_t>().swap(kept);

  return_free_memory();  // what reading the extractions parsed and left
  auto start = Clock::now();
  MergedGraph merged = merge_articles(std::move(articles), lexicon);
  if (!merged.status) return merged.status;
  report.merge_explanations = std::move(merged.explanations);
  report.stage_seconds[static_cast<std::size_t>(Stage::Merge)] += std::chrono::duration<double>(Clock::now() - start).count();
  start = Clock::now();
  report.graph = build_graph(std::move(merged.nodes), std::move(merged.sightings), std::move(merged.articles),
                             merged.spill);
  return_free_memory();  // the sightings, gone into the edges
  report.stage_seconds[static_cast<std::size_t>(Stage::Graph)] += std::chrono::duration<double>(Clock::now() - start).count();
  return Status::ok();
}

namespace {

// Reads back the extraction lines that run_build wrote to `spill` before `end`, into `articles`
// (whose own texts go on to the end of the same file).
Status read_back_extractions(SpillFile& spill, std::uint64_t end, HeldArticles& articles) {
  constexpr std::uint32_t kBlock = 1u << 20;
  std::string block;
  std::string line;  // a line cut by the end of a block
  for (std::uint64_t at = 0; at < end && articles.status;) {
    const auto size = static_cast<std::uint32_t>(std::min<std::uint64_t>(kBlock, end - at));
    if (Status status = spill.read(at, size, block); !status) return status;
    at += size;
    std::size_t pos = 0;
    for (std::size_t newline; (newline = block.find('\n', pos)) != std::string::npos; pos = newline + 1) {
      std::string_view text(block.data() + pos, newline - pos);
      if (!line.empty()) {
        line.append(text);
        text = line;
      }
      if (const std::string problem = add_extraction_line(text, articles); !problem.empty())
        return Status::error("temporary file: extraction read back is damaged: " + problem);
      line.clear();
    }
    line.append(block, pos);
  }
  return articles.status;
}

}  // namespace

Result<BuildReport> run_build(const PipelineOptions& options, const ProgressCallback& progress) {
  BuildReport report;
  StageClock clock;
  Result<std::unique_ptr<Annotators>> loaded = load_timed(options, clock);
  if (!loaded) return loaded.status();
  // The graph's evidence sentences stay in this file until they are exported: the report keeps it.
  report.spill = std::make_unique<SpillFile>();
  SpillFile& spill = *report.spill;
  if (Status status = spill.open(); !status) return status;
  // While the models are loaded, each article's extraction goes to the temporary file as an
  // extraction line (as `newsgraph extract` writes it) rather than being held (issue 8: held,
  // it took about 2.3 KB per article beside the models); it is read back once they are freed.
  Status written = Status::ok();
  std::string line;
  extract_all(**loaded, options, [&](ArticleGraph&& graph, std::uint64_t ordinal) {
    if (!written) return;
    line.clear();
    append_extraction_line(graph, ordinal, line);
    std::uint64_t at = 0;
    written = spill.append(line, at);
  }, progress, report, clock);
  if (!written) return written;
  std::string().swap(line);
  fill_stage_seconds(clock, report);
  // The taggers and the parser are done: free them (most of the memory so far) before the merge.
  const NameLexicon lexicon = std::move((*loaded)->lexicon);
  loaded->reset();
  // The workers' heaps keep their free memory (keep_freed_memory), which the merge, on this
  // thread, does not reuse (about 30 MB of a large build's peak).
  free_memory_as_usual();
  return_free_memory();
  HeldArticles articles;
  articles.spill = &spill;
  const auto start = Clock::now();
  if (Status status = read_back_extractions(spill, spill.size(), articles); !status) return status;
  report.stage_seconds[static_cast<std::size_t>(Stage::Merge)] += std::chrono::duration<double>(Clock::now() - start).count();
  if (Status status = merge_extractions(articles, lexicon, report); !status) return status;
  return report;
}

}  // namespace newsgraph
