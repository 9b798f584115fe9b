#include "pipeline/pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <functional>
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

// One batch of articles on its way through the workers, with what its reading reported.
struct Batch {
  std::vector<ingest::ReadReport> reads;  // own the articles
  std::vector<std::string> stream_errors;  // inputs that ended unread while this batch was gathered
  std::vector<Article*> articles;
  std::vector<std::uint64_t> ordinals;
  std::vector<ArticleGraph> extracted;  // by index in `articles`
  std::vector<std::vector<std::string>> limit_warnings;  // kept in input order
  std::size_t group_size = 1;
  std::size_t groups = 0;
  std::size_t next_group = 0;   // the first group no worker has taken; under WorkerPool::mutex
  std::size_t groups_done = 0;  // under WorkerPool::mutex
  std::atomic<std::size_t> done{0};
  std::atomic<std::size_t> tokens{0};
  std::atomic<std::size_t> bytes{0};
};

// `jobs` threads that take the groups of the queued batches in order, flowing from one batch
// into the next, so that no thread waits at the end of a batch while another finishes its
// last group, nor while the calling thread reads the next batch or hands on the last one
// (issue 8: --jobs 2 ran 1.72-1.78 times as fast as --jobs 1 with a barrier per batch).
class WorkerPool {
 public:
  using GroupTask = std::function<void(Batch&, std::size_t group)>;
  WorkerPool(unsigned jobs, GroupTask task) : task_(std::move(task)) {
    for (unsigned t = 0; t < jobs; ++t) threads_.emplace_back([this] { work(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void push(std::unique_ptr<Batch> batch) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      batches_.push_back(std::move(batch));
    }
    work_ready_.notify_all();
  }
  std::size_t queued() {
    std::lock_guard<std::mutex> lock(mutex_);
    return batches_.size();
  }
  // The oldest batch once every group of it is done, calling `tick` with it about ten times a
  // second while it waits; null when no batch is queued.
  std::unique_ptr<Batch> pop_finished(const std::function<void(const Batch&)>& tick) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (batches_.empty()) return nullptr;
    Batch& front = *batches_.front();
    while (front.groups_done < front.groups) {
      batch_done_.wait_for(lock, std::chrono::milliseconds(front.groups < 64 ? 5 : 100));
      if (tick) {
        lock.unlock();
        tick(front);
        lock.lock();
      }
    }
    std::unique_ptr<Batch> finished = std::move(batches_.front());
    batches_.pop_front();
    return finished;
  }

 private:
  void work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      Batch* batch = nullptr;
      work_ready_.wait(lock, [&] {
        for (const auto& queued : batches_)
          if (queued->next_group < queued->groups) {
            batch = queued.get();
            return true;
          }
        return stopping_;
      });
      if (batch == nullptr) return;
      const std::size_t group = batch->next_group++;
      lock.unlock();
      task_(*batch, group);
      lock.lock();
      if (++batch->groups_done == batch->groups) batch_done_.notify_all();
    }
  }

  GroupTask task_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable batch_done_;
  std::deque<std::unique_ptr<Batch>> batches_;  // in input order
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

// See run_extract(); the annotators are loaded by the caller. The calling thread reads each
// batch and hands the finished one to `sink` while the workers annotate.
void extract_all(const Annotators& annotators, const PipelineOptions& options, const ExtractionSink& sink,
                 const ProgressCallback& progress, BuildReport& report, StageClock& clock) {
  const unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::vector<std::string> sources = ordered_sources(options.inputs, options.stdin_name, report.errors);
  const auto source_name = [&](const std::string& source) { return source == "-" ? options.stdin_name : source; };
  report.input_files = sources.size();
  std::vector<std::uint64_t> ordinals(sources.size(), 0);
  std::size_t next_source = 0;
  std::unique_ptr<ingest::JsonlStream> stream;

  // Reads the next batch, in input order: null at the end of the input (a batch without
  // articles when inputs that ended unread are left to report, so that errors keep their order).
  bool input_left = true;
  const auto read_batch = [&]() -> std::unique_ptr<Batch> {
    auto batch = std::make_unique<Batch>();
    std::vector<std::size_t> read_source;  // per read, the index of its source
    std::size_t batch_bytes = 0;
    const auto start = Clock::now();
    while (batch_bytes < kBatchBytes && batch->reads.size() < kBatchFiles) {
      if (stream) {
        ingest::JsonlChunk chunk;
        if (stream->next(chunk, kChunkBytes)) {
          batch_bytes += chunk.bytes.size();
          batch->reads.push_back(ingest::read_jsonl_chunk(chunk, source_name(sources[next_source]), options.ingest));
          read_source.push_back(next_source);
          continue;
        }
        if (!stream->error().empty()) batch->stream_errors.push_back(stream->error());
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
      batch->reads.push_back(ingest::read_file(source, options.ingest));
      read_source.push_back(next_source++);
    }
    for (std::size_t t = 0; t < batch->reads.size(); ++t)
      for (Article& article : batch->reads[t].articles) {
        batch->articles.push_back(&article);
        batch->ordinals.push_back(ordinals[read_source[t]]++);
      }
    clock.add(Stage::Ingest, start);
    if (batch->reads.empty()) {  // the loop above stops with nothing read only at the end of the input
      input_left = false;
      if (batch->stream_errors.empty()) return nullptr;
    }
    const std::size_t count = batch->articles.size();
    batch->extracted.resize(count);
    batch->limit_warnings.resize(count);
    // Smaller groups for a small batch, so that every worker gets several.
    batch->group_size = std::clamp<std::size_t>(count / (8 * jobs), 1, kGroupArticles);
    batch->groups = (count + batch->group_size - 1) / batch->group_size;
    return batch;
  };

  // By groups of articles: tokenize, tag, parse, extract, results by index.
  WorkerPool pool(jobs, [&](Batch& batch, std::size_t g) {
    const std::size_t first = g * batch.group_size;
    const std::size_t count = std::min(batch.articles.size() - first, batch.group_size);
    std::vector<Document> docs(count);
    for (std::size_t k = 0; k < count; ++k) docs[k].article = std::move(*batch.articles[first + k]);
    std::vector<ArticleTimings> timings(count);
    process_articles(annotators, docs, std::span(batch.extracted).subspan(first, count), timings, options.limits,
                     std::span(batch.limit_warnings).subspan(first, count));
    for (std::size_t k = 0; k < count; ++k) {
      clock.add_seconds(Stage::Tokenize, timings[k].tokenize_s);
      clock.add_seconds(Stage::Tag, timings[k].tag_s);
      clock.add_seconds(Stage::Parse, timings[k].parse_s);
      clock.add_seconds(Stage::Extract, timings[k].extract_s);
      batch.tokens += docs[k].tokens.size();
      batch.bytes += docs[k].article.text.size();
    }
    batch.done.fetch_add(count);
  });

  // One batch annotated while the next is read: at most two in memory.
  std::size_t done_before = 0;   // articles of the batches handed on
  std::size_t known = 0;         // articles of the batches read
  for (;;) {
    if (input_left && pool.queued() < 2) {
      if (std::unique_ptr<Batch> batch = read_batch()) {
        known += batch->articles.size();
        pool.push(std::move(batch));
      }
      continue;
    }
    std::unique_ptr<Batch> batch = pool.pop_finished([&](const Batch& waited) {
      if (progress) progress(done_before + waited.done.load(), known);
    });
    if (!batch) break;
    Batch& b = *batch;
    report.errors.insert(report.errors.end(), b.stream_errors.begin(), b.stream_errors.end());
    for (ingest::ReadReport& read : b.reads) {
      report.warnings.insert(report.warnings.end(), read.warnings.begin(), read.warnings.end());
      report.errors.insert(report.errors.end(), read.errors.begin(), read.errors.end());
    }
    for (auto& warnings : b.limit_warnings) report.warnings.insert(report.warnings.end(), warnings.begin(), warnings.end());
    report.articles += b.articles.size();
    report.tokens += b.tokens.load();
    report.text_bytes += b.bytes.load();
    done_before += b.articles.size();
    if (progress) progress(done_before, known);
    b.reads.clear();
    for (std::size_t i = 0; i < b.extracted.size(); ++i) sink(std::move(b.extracted[i]), b.ordinals[i]);
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
