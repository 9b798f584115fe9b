// JsonlStream: JSON lines read in chunks of whole lines (issue 8), so that `newsgraph build`
// holds a bounded part of a huge .jsonl file or of stdin at a time.
#include <algorithm>
#include <cerrno>
#include <cstring>

#include "ingest/readers.hpp"

namespace newsgraph::ingest {
namespace {

constexpr std::size_t kReadBlockBytes = 1u << 20;

}  // namespace

JsonlStream::JsonlStream(const std::string& path, const std::string& stdin_name)
    : name_(path == "-" ? stdin_name : path) {
  if (path == "-") {
    file_ = stdin;
    return;
  }
  file_ = std::fopen(path.c_str(), "rb");
  owned_ = file_ != nullptr;
  if (file_ == nullptr) error_ = name_ + ": cannot read: " + std::strerror(errno);
}

JsonlStream::~JsonlStream() {
  if (owned_) std::fclose(file_);
}

bool JsonlStream::next(JsonlChunk& chunk, std::size_t max_bytes) {
  chunk.bytes.clear();
  if (file_ == nullptr) return false;
  // Read until the pending bytes hold max_bytes and a line end, or the input ends.
  bool at_end = false;
  std::size_t cut = std::string::npos;
  for (;;) {
    if (pending_.size() >= max_bytes) {
      cut = pending_.rfind('\n');
      if (cut != std::string::npos) break;
    }
    const std::size_t old_size = pending_.size();
    pending_.resize(old_size + kReadBlockBytes);
    const std::size_t count = std::fread(pending_.data() + old_size, 1, kReadBlockBytes, file_);
    pending_.resize(old_size + count);
    if (count == 0) {
      if (std::ferror(file_)) error_ = name_ + ": cannot read: " + std::strerror(errno);
      at_end = true;
      break;
    }
  }
  std::size_t begin = 0;
  if (at_start_ && pending_.compare(0, 3, "\xEF\xBB\xBF") == 0) begin = 3;
  at_start_ = false;
  offset_ += begin;
  const std::size_t end = at_end ? pending_.size() : cut + 1;
  chunk.bytes.assign(pending_, begin, end - begin);
  pending_.erase(0, end);
  chunk.lines_before = lines_;
  chunk.offset = offset_;
  lines_ += static_cast<std::size_t>(std::count(chunk.bytes.begin(), chunk.bytes.end(), '\n'));
  offset_ += chunk.bytes.size();
  if (!has_content_ && chunk.bytes.find_first_not_of(" \t\r\n\f\v") != std::string::npos) has_content_ = true;
  if (at_end) {
    if (owned_) std::fclose(file_);
    file_ = nullptr;
    owned_ = false;
    if (!has_content_ && error_.empty()) error_ = name_ + ": empty file";
  }
  if (!chunk.bytes.empty()) return true;
  return false;
}

ReadReport read_jsonl_chunk(const JsonlChunk& chunk, const std::string& stream_name, const IngestOptions& options) {
  ReadReport report;
  detail::read_jsonl_lines(chunk.bytes, stream_name, options, chunk.lines_before, chunk.offset, report);
  return report;
}

}  // namespace newsgraph::ingest
