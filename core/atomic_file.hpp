// Atomic file writes (LevelDB style): write `<path>.tmp` in the same folder, flush, fsync,
// rename over `<path>`. A reader of `<path>` sees the previous complete file or the new
// complete file, never a partial one. The temp file is removed when the write is abandoned.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace newsgraph {

// Not thread-safe; one writer per object.
class AtomicFile {
 public:
  AtomicFile() = default;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  // Abandons the write (removes the temp file) unless commit() succeeded.
  ~AtomicFile();

  // Opens `<path>.tmp` for writing. Writes go to file(); the final path is untouched.
  Status open(const std::string& path);
  // The open temp stream, for C APIs (fwrite, xmlOutputBuffer, ...). REQUIRES: open() ok.
  std::FILE* file() { return file_; }
  // The temp path, for libraries that insist on writing to a path themselves.
  const std::string& temp_path() const { return temp_path_; }

  Status write(std::string_view bytes);
  // Flushes, fsyncs and renames the temp file over the final path.
  Status commit();
  // Closes and removes the temp file; the final path is untouched.
  void abandon();

 private:
  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  bool committed_ = false;
};

// Writes `bytes` to `path` atomically.
Status write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace newsgraph
