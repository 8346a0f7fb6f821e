// A fresh temporary folder per test, removed when the test ends (no fixed /tmp paths).
#pragma once

#include <filesystem>
#include <string>

namespace vankho::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::string str(const std::string& child = "") const {
    return child.empty() ? path_.string() : (path_ / child).string();
  }
  void write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

}  // namespace vankho::testing
