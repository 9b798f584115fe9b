// Input expansion (list_input_files) and the dispatch from a file to its reader.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
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
    if (!fs::is_directory(status)) {
      files.push_back(input);
      continue;
    }
    // directory_options::none: symlinked directories are listed but not entered, so a
    // symlink loop cannot make the walk endless.
    fs::recursive_directory_iterator it(input, fs::directory_options::none, ec);
    if (ec) {
      errors.push_back(input + ": cannot read directory: " + ec.message());
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      std::error_code entry_ec;
      if (it->is_regular_file(entry_ec) && is_article_extension(it->path())) files.push_back(it->path().string());
    }
    if (ec) errors.push_back(input + ": cannot read directory: " + ec.message());
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
  std::string bytes;
  char buffer[1 << 16];
  std::size_t count;
  while ((count = std::fread(buffer, 1, sizeof buffer, file)) > 0) bytes.append(buffer, count);
  const bool failed = std::ferror(file) != 0;
  const int error = errno;
  std::fclose(file);
  if (failed) {
    report.errors.push_back(path + ": cannot read: " + std::strerror(error));
    return report;
  }
  const std::string ext = lower_extension(path);
  std::string_view kind = "txt";
  if (ext == ".html" || ext == ".htm") kind = "html";
  if (ext == ".jsonl" || ext == ".ndjson") kind = "jsonl";
  return read_bytes(bytes, path, kind, options);
}

}  // namespace newsgraph::ingest
