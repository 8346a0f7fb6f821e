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
#include "temp_dir.h"

namespace vankho::ingest::testing {

using TempDir = vankho::testing::TempDir;  // tests/support/temp_dir.h

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
