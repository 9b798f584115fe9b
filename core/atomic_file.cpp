#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace newsgraph {

AtomicFile::~AtomicFile() {
  if (!committed_) abandon();
}

Status AtomicFile::open(const std::string& path) {
  abandon();
  path_ = path;
  temp_path_ = path + ".tmp";
  committed_ = false;
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (!file_) return Status::error(temp_path_ + ": cannot create: " + std::strerror(errno));
  return Status::ok();
}

Status AtomicFile::write(std::string_view bytes) {
  if (!file_) return Status::error(path_ + ": write to a file that is not open");
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
    return Status::error(temp_path_ + ": write failed: " + std::strerror(errno));
  return Status::ok();
}

Status AtomicFile::commit() {
  if (!file_) return Status::error(path_ + ": commit of a file that is not open");
  bool ok = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  int err = errno;
  ok = (std::fclose(file_) == 0) && ok;
  file_ = nullptr;
  if (!ok) {
    std::remove(temp_path_.c_str());
    return Status::error(temp_path_ + ": flush failed: " + std::strerror(err));
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    err = errno;
    std::remove(temp_path_.c_str());
    return Status::error(path_ + ": rename failed: " + std::strerror(err));
  }
  committed_ = true;
  return Status::ok();
}

void AtomicFile::abandon() {
  if (file_) {
    std::fclose(file_);
    file_ = nullptr;
  }
  if (!temp_path_.empty() && !committed_) std::remove(temp_path_.c_str());
  temp_path_.clear();
}

Status write_file_atomically(const std::string& path, std::string_view bytes) {
  AtomicFile out;
  if (Status s = out.open(path); !s) return s;
  if (Status s = out.write(bytes); !s) return s;
  return out.commit();
}

}  // namespace newsgraph
