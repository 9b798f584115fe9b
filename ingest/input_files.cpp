// Input expansion (list_input_files) and the dispatch from a file to its reader.
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "ingest/readers.hpp"

namespace newsgraph::ingest {
namespace {

namespace fs = std::filesystem;

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool is_article_extension(const fs::path& path) {
  const std::string ext = lower_extension(path);
  return ext == ".txt" || ext == ".html" || ext == ".htm" || ext == ".jsonl" || ext == ".ndjson";
}

// The identity of a file, so that one file reached twice is read once.
std::string identity(const fs::path& path) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  return ec ? path.lexically_normal().string() : canonical.string();
}

// What kind of thing a path that is not a regular file or a directory is, for messages.
std::string special_kind(const fs::file_status& status) {
  switch (status.type()) {
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::block:
    case fs::file_type::character: return "a device";
    default: return "not a regular file";
  }
}

// Walks the directory `root` depth-first in sorted order, without recursion, adding the
// article files to `files`. Symlinked directories are followed, except back into a directory
// being walked (a loop: reported) or into one already walked (its files are there already).
// An unreadable directory or entry is reported and skipped; the walk goes on.
void walk_directory(const fs::path& root, std::vector<std::string>& files, std::vector<std::string>& errors) {
  struct Pending {
    fs::path dir;
    std::vector<std::string> ancestors;  // canonical paths from root down to dir
  };
  std::error_code ec;
  std::set<std::string> walked;
  const std::string root_canonical = fs::canonical(root, ec).string();
  walked.insert(root_canonical);
  std::vector<Pending> stack = {{root, {root_canonical}}};
  while (!stack.empty()) {
    Pending pending = std::move(stack.back());
    stack.pop_back();
    std::vector<fs::directory_entry> entries;
    fs::directory_iterator it(pending.dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
    if (ec) {
      errors.push_back(pending.dir.string() + ": cannot read directory: " + ec.message());
      ec.clear();
    }
    std::sort(entries.begin(), entries.end());
    std::vector<Pending> subdirs;
    for (const fs::directory_entry& entry : entries) {
      const fs::path& path = entry.path();
      const fs::file_status status = entry.status(ec);  // follows symlinks
      if (ec) {
        if (is_article_extension(path)) errors.push_back(path.string() + ": cannot read: " + ec.message());
        ec.clear();
        continue;
      }
      if (fs::is_directory(status)) {
        std::string canonical = fs::canonical(path, ec).string();
        if (ec) {
          errors.push_back(path.string() + ": cannot read directory: " + ec.message());
          ec.clear();
          continue;
        }
        const auto& up = pending.ancestors;
        if (std::find(up.begin(), up.end(), canonical) != up.end()) {
          errors.push_back(path.string() + ": directory loop through a symlink (back to " + canonical + "), skipped");
          continue;
        }
        if (!walked.insert(canonical).second) continue;
        std::vector<std::string> ancestors = up;
        ancestors.push_back(std::move(canonical));
        subdirs.push_back({path, std::move(ancestors)});
      } else if (is_article_extension(path)) {
        if (fs::is_regular_file(status)) {
          files.push_back(path.string());
        } else {
          errors.push_back(path.string() + ": " + special_kind(status) + ", not a file to read; skipped");
        }
      }
    }
    // Reversed onto the stack, so the first subdirectory is walked first.
    for (auto sub = subdirs.rbegin(); sub != subdirs.rend(); ++sub) stack.push_back(std::move(*sub));
  }
}

}  // namespace

std::vector<std::string> list_input_files(const std::vector<std::string>& inputs, std::vector<std::string>& errors) {
  std::vector<std::string> files;
  for (const auto& input : inputs) {
    std::error_code ec;
    const fs::file_status status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      if (ec && ec != std::errc::no_such_file_or_directory) {
        errors.push_back(input + ": cannot read: " + ec.message());
      } else {
        errors.push_back(input + ": no such file or directory");
      }
      continue;
    }
    if (fs::is_directory(status)) {
      walk_directory(input, files, errors);
    } else if (fs::is_regular_file(status)) {
      files.push_back(input);
    } else {
      // Reading a FIFO or a device could block for ever or never end.
      errors.push_back(input + ": " + special_kind(status) + ", not a file to read; skipped");
    }
  }
  std::sort(files.begin(), files.end());
  // Keep each file once (the first spelling in sorted order).
  std::vector<std::string> unique;
  std::map<std::string, bool> seen;
  for (auto& file : files) {
    if (seen.emplace(identity(file), true).second) unique.push_back(std::move(file));
  }
  return unique;
}

bool is_jsonl_path(const std::string& path) {
  const std::string ext = lower_extension(path);
  return ext == ".jsonl" || ext == ".ndjson";
}

ReadReport read_bytes(std::string_view bytes, const std::string& path, std::string_view kind,
                      const IngestOptions& options) {
  if (kind == "html" || kind == "htm") return detail::read_html(bytes, path, options);
  if (kind == "jsonl" || kind == "ndjson") return detail::read_jsonl(bytes, path, options);
  return detail::read_txt(bytes, path, options);
}

ReadReport read_file(const std::string& path, const IngestOptions& options) {
  ReadReport report;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    report.errors.push_back(path + ": cannot read: " + std::strerror(errno));
    return report;
  }
  const std::string ext = lower_extension(path);
  std::string_view kind = "txt";
  if (ext == ".html" || ext == ".htm") kind = "html";
  if (ext == ".jsonl" || ext == ".ndjson") kind = "jsonl";
  // One article per .txt or .html file: past 4 x max_article_bytes nothing more can be kept,
  // so the rest is not read (memory stays bounded). JSON lines bound each line instead.
  const std::size_t max_bytes = kind == "jsonl" ? SIZE_MAX : detail::max_file_bytes(options);
  std::string bytes;
  char buffer[1 << 16];
  std::size_t count;
  bool cut = false;
  while ((count = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    if (count > max_bytes - bytes.size()) {
      bytes.append(buffer, max_bytes - bytes.size());
      cut = true;
      break;
    }
    bytes.append(buffer, count);
  }
  const bool failed = std::ferror(file) != 0;
  const int error = errno;
  std::fclose(file);
  if (failed) {
    report.errors.push_back(path + ": cannot read: " + std::strerror(error));
    return report;
  }
  report = read_bytes(bytes, path, kind, options);
  if (cut) {
    report.warnings.insert(report.warnings.begin(), path + ": file larger than " + std::to_string(max_bytes) +
                                                        " bytes, only the first " + std::to_string(max_bytes) +
                                                        " read (4 x max_article_bytes)");
  }
  return report;
}

}  // namespace newsgraph::ingest
