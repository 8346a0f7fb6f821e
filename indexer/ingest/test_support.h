// Test helpers for the ingest tests: a temporary folder of their own and a collected run.
#pragma once

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest.h"

namespace vankho::ingest::testing {

// A fresh folder under the system temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = std::filesystem::temp_directory_path() /
            ("vankho-ingest-" + std::to_string(::getpid()) + "-" + std::to_string(now) + "-" +
             std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    // Give back permissions a test took away, so that removal works.
    for (auto it = std::filesystem::recursive_directory_iterator(path_, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                   std::filesystem::perm_options::add, ec);
    }
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::string str() const { return path_.string(); }

  // Writes `bytes` to `relative` (creating folders) and returns the full path.
  std::string write(const std::string& relative, std::string_view bytes) const {
    const auto full = path_ / relative;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream out(full, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return full.string();
  }

 private:
  std::filesystem::path path_;
};

struct Collected {
  std::vector<SourceDocument> documents;
  std::vector<Problem> problems;
  IngestStats stats;

  [[nodiscard]] const SourceDocument* find(std::string_view id) const {
    for (const auto& d : documents) {
      if (d.id == id) return &d;
    }
    return nullptr;
  }
  // Problems rendered with to_string(), for readable assertions.
  [[nodiscard]] std::vector<std::string> lines() const {
    std::vector<std::string> out;
    for (const auto& p : problems)
      out.push_back((p.skipped ? "skipped " : "warning ") + p.to_string());
    return out;
  }
};

inline Collected read_all(const std::vector<std::string>& paths,
                          const IngestOptions& options = {}) {
  Collected c;
  c.stats = read_paths(
      paths, options, [&](SourceDocument&& d) { c.documents.push_back(std::move(d)); },
      [&](const Problem& p) { c.problems.push_back(p); });
  return c;
}

}  // namespace vankho::ingest::testing
