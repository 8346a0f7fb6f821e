// The walk over what the user named: a file, or a folder read recursively in sorted order,
// skipping hidden entries and unsupported extensions silently and never looping on symbolic links.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest.h"

namespace vankho::ingest {

struct InputFile {
  std::string path;  // as the user would write it: the PATH given, then the relative part
  std::string id;    // relative to the PATH given, forward slashes; the file name for a file PATH
  uint64_t size = 0;
};

struct WalkResult {
  std::vector<InputFile> files;
  std::vector<Problem> problems;  // a missing PATH, an unreadable folder, a link loop, ...
};

[[nodiscard]] WalkResult walk(const std::string& root);

// `path` ends with `suffix` (lower case, e.g. ".jsonl.gz"), ignoring ASCII case.
[[nodiscard]] bool ends_with_nocase(std::string_view path, std::string_view suffix);

}  // namespace vankho::ingest
