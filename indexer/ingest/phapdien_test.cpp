// The real legal corpus beside the project (../shared/corpus, not part of the repository): the
// whole export must read, with its known dirt counted exactly.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "ingest.h"

namespace vankho::ingest {
namespace {

TEST(Phapdien, ReadsTheWholeCorpus) {
  const std::string path = std::string(VANKHO_SOURCE_DIR) + "/../shared/corpus/phapdien.jsonl.gz";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "needs ../shared/corpus (not part of the project)";
  }
  IngestOptions options;
  options.field_map = {
      {"number", "source_number"}, {"date", "source_date"}, {"type", "source_type"}};
  size_t documents = 0, with_number = 0, duplicate_warnings = 0, other_problems = 0;
  uint64_t text_bytes = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  const IngestStats stats = read_paths(
      {path}, options,
      [&](SourceDocument&& d) {
        ++documents;
        text_bytes += d.text.size();
        if (d.fields.contains("number")) ++with_number;
      },
      [&](const Problem& p) {
        if (!p.skipped && p.reason.find(" repeats line ") != std::string::npos) {
          ++duplicate_warnings;
        } else {
          ++other_problems;
          ADD_FAILURE() << p.to_string();
        }
      });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::printf(
      "phapdien.jsonl.gz: %zu documents, %.1f MB decompressed, %.1f MB of text in %.2f s "
      "(%.2f s CPU)\n",
      documents, static_cast<double>(stats.bytes) / 1e6, static_cast<double>(text_bytes) / 1e6,
      seconds, cpu);
  EXPECT_EQ(documents + stats.skipped, 62315u);
  EXPECT_EQ(stats.skipped, 0u);
  EXPECT_EQ(stats.documents, documents);
  EXPECT_EQ(duplicate_warnings, 29u);
  EXPECT_EQ(stats.duplicate_ids, 29u);
  EXPECT_EQ(stats.title_only, 371u);
  EXPECT_EQ(other_problems, 0u);
  EXPECT_GT(with_number, 50000u);
}

}  // namespace
}  // namespace vankho::ingest
