// Test helpers of vankho_converters: a fresh temporary folder per test, and PATH set for a scope
// (to hide the converters or put fakes in their place).
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>

#include "temp_dir.h"

namespace vankho::formats::testing {

using ScratchDir = vankho::testing::TempDir;  // tests/support/temp_dir.h

// An executable script `name` in `dir` (a fake converter); returns its path.
inline std::string write_script(const ScratchDir& dir, const std::string& name, const std::string& body) {
  const std::string file = dir.write(name, "#!/bin/sh\n" + body + "\n");
  ::chmod(file.c_str(), 0755);
  return file;
}

class ScopedPath {
 public:
  explicit ScopedPath(const std::string& value) {
    if (const char* old = std::getenv("PATH")) old_ = old;
    ::setenv("PATH", value.c_str(), 1);
  }
  ~ScopedPath() {
    if (old_) {
      ::setenv("PATH", old_->c_str(), 1);
    } else {
      ::unsetenv("PATH");
    }
  }
  ScopedPath(const ScopedPath&) = delete;
  ScopedPath& operator=(const ScopedPath&) = delete;

 private:
  std::optional<std::string> old_;
};

}  // namespace vankho::formats::testing
