#include "file_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace vankho::ingest {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

std::string os_reason(int error) { return std::string("cannot read: ") + std::strerror(error); }

// Opens a regular file of at most `limit` bytes for reading: its descriptor and `size`, or -1 and
// `error` (the OS reason, a folder, a device, too large).
int open_regular(const std::string& path, uint64_t limit, uint64_t& size, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0) {
    error = os_reason(errno);
  } else if (S_ISDIR(st.st_mode)) {
    error = os_reason(EISDIR);
  } else if (!S_ISREG(st.st_mode)) {
    error = "not a regular file";
  } else if (static_cast<uint64_t>(st.st_size) > limit) {
    error = too_large_reason("file", static_cast<uint64_t>(st.st_size), limit, "--max-file-size");
  } else {
    size = static_cast<uint64_t>(st.st_size);
    return fd;
  }
  if (fd >= 0) ::close(fd);
  return -1;
}

}  // namespace

std::string describe_size(uint64_t bytes) {
  char buf[64];
  if (bytes < 1024) {
    std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
    return buf;
  }
  const char* unit = "KiB";
  double value = static_cast<double>(bytes) / 1024.0;
  if (value >= 1024.0) {
    value /= 1024.0;
    unit = "MiB";
  }
  if (value >= 1024.0) {
    value /= 1024.0;
    unit = "GiB";
  }
  std::snprintf(buf, sizeof buf, "%.1f %s (%llu bytes)", value, unit,
                static_cast<unsigned long long>(bytes));
  return buf;
}

std::string too_large_reason(std::string_view what, uint64_t size, uint64_t limit,
                             std::string_view option) {
  std::string reason(what);
  reason += " is ";
  reason += describe_size(size);
  reason += ", over the limit of ";
  reason += describe_size(limit);
  reason += "; raise it with ";
  reason += option;
  return reason;
}

FileBytes read_file_bytes(const std::string& path, uint64_t limit) {
  FileBytes out;
  uint64_t size = 0;
  Fd fd(open_regular(path, limit, size, out.error));
  if (fd.get() < 0) return out;
  out.bytes.resize(size);
  size_t done = 0;
  while (done < out.bytes.size()) {
    const ssize_t n = ::read(fd.get(), out.bytes.data() + done, out.bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      out.error = os_reason(errno);
      out.bytes.clear();
      return out;
    }
    if (n == 0) break;  // the file shrank while we read it
    done += static_cast<size_t>(n);
  }
  out.bytes.resize(done);
  // A file that grew after fstat: read on, but never past the limit.
  char more[65536];
  for (;;) {
    const ssize_t n = ::read(fd.get(), more, sizeof more);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (out.bytes.size() + static_cast<size_t>(n) > limit) {
      out.error = too_large_reason("file", out.bytes.size() + static_cast<size_t>(n), limit,
                                   "--max-file-size");
      out.bytes.clear();
      return out;
    }
    out.bytes.append(more, static_cast<size_t>(n));
  }
  return out;
}

FileHead read_file_head(const std::string& path, size_t n, uint64_t limit) {
  FileHead out;
  Fd fd(open_regular(path, limit, out.size, out.error));
  if (fd.get() < 0) return out;
  out.bytes.resize(n);
  size_t done = 0;
  while (done < n) {
    const ssize_t got = ::read(fd.get(), out.bytes.data() + done, n - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      out.error = os_reason(errno);
      return out;
    }
    if (got == 0) break;
    done += static_cast<size_t>(got);
  }
  out.bytes.resize(done);
  return out;
}

std::string binary_reason(std::string_view head) {
  if (head.size() > kSniffBytes) head = head.substr(0, kSniffBytes);
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    return "UTF-16 text is not supported (save it as UTF-8)";
  }
  size_t controls = 0;
  for (const char c : head) {
    const auto u = static_cast<unsigned char>(c);
    if (u == 0) return "binary file (NUL bytes in the first 8 KB)";
    if ((u < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') || u == 0x7F) {
      ++controls;
    }
  }
  // Text has next to no control characters; 10% (and a handful at least) means binary.
  if (controls >= 8 && controls * 10 > head.size()) {
    return "binary file (" + std::to_string(controls * 100 / head.size()) +
           "% control characters in the first 8 KB)";
  }
  return "";
}

}  // namespace vankho::ingest
