// A fresh temporary folder per test, removed with everything in it when the test ends (no fixed
// /tmp paths). The one helper of this kind: every test target links vankho_test_tempdir.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace vankho::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();  // gives back permissions a test took away, so that removal works
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::string str(const std::string& child = "") const {
    return child.empty() ? path_.string() : (path_ / child).string();
  }
  // Writes `bytes` to `name` (creating folders) and returns its full path.
  std::string write(const std::string& name, std::string_view bytes) const;

 private:
  std::filesystem::path path_;
};

}  // namespace vankho::testing
