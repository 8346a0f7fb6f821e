#include "gzip_lines.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include "file_input.h"

namespace vankho::ingest {
namespace {
constexpr size_t kChunk = 1u << 20;
}  // namespace

struct LineReader::Gz {
  gzFile file = nullptr;
  ~Gz() {
    if (file != nullptr) gzclose(file);
  }
};

LineReader::LineReader(const std::string& path, LineLimits limits)
    : gz_(std::make_unique<Gz>()), limits_(limits) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    error_ = std::string("cannot read: ") + std::strerror(errno);
    return;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    error_ = S_ISDIR(st.st_mode) ? "cannot read: Is a directory" : "not a regular file";
    ::close(fd);
    return;
  }
  file_size_ = static_cast<uint64_t>(st.st_size);
  gz_->file = gzdopen(fd, "rb");  // owns fd from here on
  if (gz_->file == nullptr) {
    ::close(fd);
    error_ = "cannot read: out of memory opening the gzip stream";
    return;
  }
  gzbuffer(gz_->file, 256u << 10);
  buffer_.resize(kChunk);
  if (fill()) head_.assign(buffer_.data(), std::min(end_, kSniffBytes));
}

LineReader::~LineReader() = default;

std::string_view LineReader::head() const { return head_; }

uint64_t LineReader::input_bytes() const {
  if (gz_->file == nullptr) return 0;
  const z_off_t offset = gzoffset(gz_->file);
  return offset < 0 ? 0 : static_cast<uint64_t>(offset);
}

bool LineReader::fill() {
  begin_ = end_ = 0;
  if (at_eof_ || !error_.empty()) return false;
  const int n = gzread(gz_->file, buffer_.data(), static_cast<unsigned>(buffer_.size()));
  int errnum = Z_OK;
  const char* message = gzerror(gz_->file, &errnum);
  if (n < 0 || (errnum != Z_OK && errnum != Z_BUF_ERROR)) {
    error_ = std::string("gzip data is corrupt (zlib: ") + (message ? message : "?") + ")";
    at_eof_ = true;
    return false;
  }
  if (n == 0) {
    at_eof_ = true;
    if (errnum == Z_BUF_ERROR) {
      error_ = std::string("gzip data is truncated (zlib: ") + (message ? message : "?") + ")";
    }
    return false;
  }
  end_ = static_cast<size_t>(n);
  total_ += end_;
  if (total_ > limits_.max_total_bytes) {
    error_ = too_large_reason("decompressed data", total_, limits_.max_total_bytes,
                              "--max-export-size") +
             "; the rest of the file is not read";
    at_eof_ = true;
    end_ = 0;
    return false;
  }
  return true;
}

bool LineReader::next(Line& line) {
  if (clear_carry_) {
    carry_.clear();
    clear_carry_ = false;
  }
  if (gz_->file == nullptr) return false;
  uint64_t length = 0;  // counts the bytes of an over-long line that we no longer keep
  bool too_long = false;
  for (;;) {
    if (begin_ < end_) {
      const char* start = buffer_.data() + begin_;
      const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
      const size_t piece = nl ? static_cast<size_t>(nl - start) : end_ - begin_;
      if (!too_long && length + piece > limits_.max_line_bytes) {
        too_long = true;
        carry_.clear();
      }
      length += piece;
      if (nl != nullptr) {
        begin_ += piece + 1;
        line = Line{};
        line.number = ++number_;
        line.length = length;
        line.too_long = too_long;
        if (too_long) return true;
        if (carry_.empty()) {
          line.text = std::string_view(start, piece);
        } else {
          carry_.append(start, piece);
          line.text = carry_;
          clear_carry_ = true;
        }
        if (!line.text.empty() && line.text.back() == '\r') line.text.remove_suffix(1);
        return true;
      }
      if (!too_long) carry_.append(start, piece);
      begin_ = end_;
    }
    if (!fill()) {
      // A last line without '\n' (dropped after an error: it is cut short).
      if (!error_.empty() || (length == 0 && carry_.empty())) return false;
      line = Line{};
      line.number = ++number_;
      line.length = length;
      line.too_long = too_long;
      if (!too_long) {
        line.text = carry_;
        clear_carry_ = true;
        if (!line.text.empty() && line.text.back() == '\r') line.text.remove_suffix(1);
      }
      return true;
    }
  }
}

}  // namespace vankho::ingest
