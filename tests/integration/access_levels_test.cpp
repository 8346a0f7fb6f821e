// Access levels in the core: a Searcher cleared for a level answers as if the documents above it
// did not exist — not only its hits, but every statistic (totals, facets, suggestions, completions,
// ranking weights) is that of an index built from the documents at or below it.
#include <gtest/gtest.h>

#include <random>

#include "completion_index.h"
#include "search_json.h"
#include "searcher.h"
#include "temp_dir.h"
#include "test_index.h"

namespace vankho {
namespace {

using extract::AccessLevel;

// A small archive: each document a level, words shared across levels and one word ("xylanh")
// only in the MẬT document.
struct Doc {
  std::string name, level, text;
};
const std::vector<Doc> kDocs = {
    {"a.txt", "cong-khai", "Kế hoạch về nông thôn mới năm 2023 của Ban Thường vụ Tỉnh ủy."},
    {"b.txt", "cong-khai", "Chương trình chuyển đổi số năm 2024, nông thôn mới."},
    {"c.txt", "noi-bo", "Báo cáo nội bộ về chuyển đổi số và cải cách hành chính năm 2024."},
    {"d.txt", "mat", "MẬT\n\nKế hoạch xylanh về quốc phòng, nông thôn mới năm 2022."},
    {"e.txt", "toi-mat", "TỐI MẬT\n\nNghị quyết về an ninh chính trị nội bộ năm 2021."},
};

// Writes the documents at or below `max` into `folder`, with a rules file giving each its level.
std::string write_archive(const testing::TempDir& dir, const std::string& folder, AccessLevel max) {
  std::string rules;
  for (const auto& d : kDocs) {
    if (*extract::parse_level(d.level) > max) continue;
    dir.write(folder + "/" + d.name, d.text);
    rules += d.name + " " + d.level + "\n";
  }
  return dir.write(folder + ".rules", rules);
}

std::string build(const testing::TempDir& dir, const std::string& name, AccessLevel max) {
  const std::string rules = write_archive(dir, name, max);
  const std::string index = dir.str(name + "-index");
  testing::build_index_with_access(index, {dir.str(name)}, rules);
  return index;
}

nlohmann::json answer(query::Searcher& s, const std::string& q) {
  query::SearchRequest r;
  r.q = q;
  nlohmann::json j = query::to_json(s.search(r));
  j.erase("took_ms");
  return j;
}

TEST(AccessLevels, EachClearanceAnswersAsAnIndexOfOnlyWhatItMayRead) {
  testing::TempDir dir;
  const std::string full = build(dir, "all", AccessLevel::kTuyetMat);
  const std::vector<std::string> queries = {"nông thôn mới", "nong thon moi", "chuyển đổi số", "xylanh",
                                            "năm 2024", "kế hoạch", "nội bộ", "an ninh", "nong thon"};
  for (AccessLevel level : extract::kAccessLevels) {
    const std::string only = build(dir, "upto-" + std::string(extract::level_slug(level)), level);
    query::Searcher cleared(full, level);
    query::Searcher oracle(only);
    EXPECT_EQ(cleared.info().documents, oracle.info().documents) << extract::level_slug(level);
    for (const auto& q : queries) {
      EXPECT_EQ(answer(cleared, q), answer(oracle, q)) << extract::level_slug(level) << ": " << q;
    }
    // Completions come from the same vocabulary.
    const auto completions = cleared.completions()->complete("xyl", 5);
    EXPECT_EQ(completions.empty(), level < AccessLevel::kMat) << extract::level_slug(level);
  }
}

TEST(AccessLevels, ADocumentAboveTheClearanceAnswersLikeAMissingOne) {
  testing::TempDir dir;
  const std::string full = build(dir, "all", AccessLevel::kTuyetMat);
  query::Searcher publicly(full, AccessLevel::kCongKhai);
  query::Searcher cleared(full, AccessLevel::kMat);
  EXPECT_FALSE(publicly.document("d.txt").has_value());
  EXPECT_FALSE(publicly.similar("d.txt").has_value());
  EXPECT_FALSE(publicly.original("d.txt").has_value());
  for (const auto& hit : publicly.similar("a.txt")->hits) EXPECT_NE(hit.id, "d.txt");
  ASSERT_TRUE(cleared.document("d.txt").has_value());
  EXPECT_EQ(cleared.document("d.txt")->level, AccessLevel::kMat);
  EXPECT_TRUE(cleared.original("d.txt").has_value());
  query::SearchRequest r;
  r.q = "xylanh";
  const auto hidden = publicly.search(r);
  EXPECT_TRUE(hidden.hits.empty());
  EXPECT_EQ(hidden.total, 0u);
  const auto seen = cleared.search(r);
  ASSERT_EQ(seen.hits.size(), 1u);
  EXPECT_EQ(seen.hits[0].level, AccessLevel::kMat);
}

}  // namespace
}  // namespace vankho
