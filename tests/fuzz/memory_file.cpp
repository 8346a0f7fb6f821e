#include "memory_file.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace vankho::fuzz {

MemoryFile::MemoryFile() : fd_(memfd_create("vankho-fuzz-input", MFD_CLOEXEC)) {
  if (fd_ < 0) throw std::runtime_error(std::string("memfd_create: ") + std::strerror(errno));
  path_ = "/proc/self/fd/" + std::to_string(fd_);
}

MemoryFile::~MemoryFile() { ::close(fd_); }

const std::string& MemoryFile::write(std::string_view bytes) {
  if (::ftruncate(fd_, 0) != 0) throw std::runtime_error("ftruncate of the memory file failed");
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
    if (n <= 0) throw std::runtime_error("writing the memory file failed");
    done += static_cast<size_t>(n);
  }
  return path_;
}

MemoryFile& input_file() {
  static MemoryFile file;
  return file;
}

}  // namespace vankho::fuzz
