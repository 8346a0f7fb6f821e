// Reading one input file safely: size limit before reading, the OS reason when it cannot be read,
// and the checks that tell text from binary. Reasons are written for the person running the tool.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vankho::ingest {

struct FileBytes {
  std::string bytes;
  std::string error;  // "" when read; else why not ("cannot read: Permission denied", ...)
};

// Reads a whole regular file, refusing (without reading) one larger than `limit` bytes.
[[nodiscard]] FileBytes read_file_bytes(const std::string& path, uint64_t limit);

// The first `n` bytes of a regular file (fewer when it is shorter), with the same checks as
// read_file_bytes, the size limit included (`size` is the whole file's).
struct FileHead {
  std::string bytes;
  uint64_t size = 0;
  std::string error;
};
[[nodiscard]] FileHead read_file_head(const std::string& path, size_t n, uint64_t limit);

// "" for text; else why `head` (the first bytes of a file) looks binary: NUL bytes or many control
// characters in the first 8 KB, or a UTF-16 byte order mark.
[[nodiscard]] std::string binary_reason(std::string_view head);

// "70.1 MiB (73500000 bytes)" style sizes for messages.
[[nodiscard]] std::string describe_size(uint64_t bytes);

// The reason for a file over the --max-file-size limit.
[[nodiscard]] std::string too_large_reason(std::string_view what, uint64_t size, uint64_t limit,
                                           std::string_view option);

inline constexpr size_t kSniffBytes = 8192;

}  // namespace vankho::ingest
