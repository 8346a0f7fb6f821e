// The fuzz input as a file, for the readers that take a path (zip, PDF, RTF, JSONL, gzip): an
// in-memory file (memfd) rewritten for each input and named /proc/self/fd/N, so that a run of
// millions of inputs touches no disk and leaves nothing behind.
#pragma once

#include <string>
#include <string_view>

namespace vankho::fuzz {

class MemoryFile {
 public:
  MemoryFile();
  ~MemoryFile();
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  // Replaces the file's content with `bytes` and returns its path.
  const std::string& write(std::string_view bytes);
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  int fd_;
  std::string path_;
};

// The one MemoryFile of this process (a target reads one input at a time).
MemoryFile& input_file();

}  // namespace vankho::fuzz
