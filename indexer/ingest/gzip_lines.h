// Streaming line reader for JSONL exports, plain or gzip-compressed (zlib's gz* interface reads
// both): decompresses in chunks, never holds more than one line, bounds the length of a line and
// the decompressed size of the whole file, and reports truncated or corrupt gzip data.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vankho::ingest {

struct LineLimits {
  uint64_t max_line_bytes;   // a longer line is returned with too_long set and no text
  uint64_t max_total_bytes;  // reading stops with an error past this many decompressed bytes
};

struct Line {
  std::string_view text;  // without the '\n' (and without a '\r' before it); valid until next()
  size_t number = 0;      // 1-based
  uint64_t length = 0;    // bytes in the line, also when too long
  bool too_long = false;
};

class LineReader {
 public:
  // Opens `path`. On failure error() says why (OS reason, or "not a regular file").
  LineReader(const std::string& path, LineLimits limits);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  [[nodiscard]] bool ok() const { return error_.empty(); }
  // After next() returned false: "" at a clean end, else what went wrong (corrupt or truncated
  // gzip data, the size limit, a read error).
  [[nodiscard]] const std::string& error() const { return error_; }

  // The first decompressed bytes (up to 8 KB), for the binary check; available after opening.
  [[nodiscard]] std::string_view head() const;

  [[nodiscard]] bool next(Line& line);

  [[nodiscard]] uint64_t decompressed_bytes() const { return total_; }
  // On-disk bytes consumed so far (compressed size for gzip), for progress displays.
  [[nodiscard]] uint64_t input_bytes() const;
  [[nodiscard]] uint64_t file_size() const { return file_size_; }

 private:
  bool fill();  // reads the next chunk; false at the end or on error

  struct Gz;
  std::unique_ptr<Gz> gz_;
  LineLimits limits_;
  std::string error_;
  std::vector<char> buffer_;
  size_t begin_ = 0, end_ = 0;
  std::string carry_;  // a line that spans chunks
  bool clear_carry_ = false;
  bool at_eof_ = false;
  size_t number_ = 0;
  uint64_t total_ = 0, file_size_ = 0;
  std::string head_;
};

}  // namespace vankho::ingest
