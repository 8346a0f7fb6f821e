// Access levels in the core: a Searcher cleared for a level answers as if the documents above it
// did not exist — not only its hits, but every statistic (totals, facets, suggestions, completions,
// ranking weights) is that of an index built from the documents at or below it.
#include <gtest/gtest.h>

#include <filesystem>
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

// The oracle at scale: a generated archive of directive-like documents at random levels (codes,
// dates, periods, citations, stamps), and 2,000 random requests per level — words with and
// without marks, codes in several spellings, periods, filters, facets, sorting and paging —
// answered identically (JSON and scores) by the cleared reader and by an index of only the
// documents it may read. Any statistic that crossed a level would change a score or a count.
std::vector<std::string> generated_archive(const testing::TempDir& dir, std::mt19937& rng) {
  static const std::vector<std::string> kSubjects = {
      "nông thôn mới", "chuyển đổi số", "cải cách hành chính", "phòng, chống tham nhũng", "quốc phòng",
      "an ninh chính trị", "giáo dục", "y tế", "giao thông", "du lịch", "xây dựng Đảng", "kinh tế biển"};
  static const std::vector<std::string> kTypes = {"Nghị quyết", "Chỉ thị", "Kế hoạch", "Chương trình", "Kết luận"};
  static const std::vector<std::string> kLetters = {"NQ", "CT", "KH", "CTr", "KL"};
  static const std::vector<std::string> kStamps = {"", "", "MẬT\n", "TỐI MẬT\n", "LƯU HÀNH NỘI BỘ\n", "HỎA TỐC\n"};
  static const std::vector<std::string> kLevels = {"cong-khai", "noi-bo", "mat", "toi-mat", "tuyet-mat"};
  std::vector<std::string> levels;
  for (int i = 0; i < 60; ++i) {
    const size_t t = rng() % kTypes.size();
    const int year = 2018 + static_cast<int>(rng() % 7);
    const std::string& a = kSubjects[rng() % kSubjects.size()];
    const std::string& b = kSubjects[rng() % kSubjects.size()];
    std::string text = kStamps[rng() % kStamps.size()] + "TỈNH ỦY HẬU GIANG\nSố " + std::to_string(i + 1) + "-" +
                       kLetters[t] + "/TU\nngày " + std::to_string(1 + rng() % 28) + " tháng " +
                       std::to_string(1 + rng() % 12) + " năm " + std::to_string(year) + "\n\n" + kTypes[t] +
                       " về " + a + " năm " + std::to_string(year) + "\n\nThực hiện Nghị quyết số " +
                       std::to_string(1 + rng() % 20) + "-NQ/TU về " + b + ", quý " + std::to_string(1 + rng() % 4) +
                       " năm " + std::to_string(year) + ", tập trung lãnh đạo " + a + " và " + b + ".\n";
    dir.write("gen/d" + std::to_string(i) + ".txt", text);
    levels.push_back(kLevels[rng() % kLevels.size()]);
  }
  return levels;
}

query::SearchRequest random_request(std::mt19937& rng) {
  static const std::vector<std::string> kWords = {
      "nông thôn", "nong thon moi", "chuyển đổi số", "chuyen doi", "cải cách", "tham nhung", "quốc phòng",
      "an ninh", "giáo dục", "y te", "giao thông", "du lịch", "xây dựng Đảng", "kinh tế biển", "tập trung",
      "lãnh đạo", "NQ 3", "nghị quyết 12", "5-NQ/TU", "kế hoạch", "chỉ thị", "quý II năm 2021", "năm 2023",
      "tháng 7/2020", "hậu giang", "tỉnh ủy", "\"tập trung lãnh đạo\"", "-giáo", "kết luận OR chỉ thị", "mat"};
  static const std::vector<std::string> kTypes = {"nghi-quyet", "chi-thi", "ke-hoach", "chuong-trinh", "ket-luan"};
  query::SearchRequest r;
  const int words = 1 + static_cast<int>(rng() % 3);
  for (int w = 0; w < words; ++w) r.q += (r.q.empty() ? "" : " ") + kWords[rng() % kWords.size()];
  if (rng() % 4 == 0) r.types.push_back(kTypes[rng() % kTypes.size()]);
  if (rng() % 5 == 0) r.years.push_back(std::to_string(2018 + rng() % 7));
  if (rng() % 6 == 0) r.from = 20200101;
  if (rng() % 6 == 0) r.to = 20221231;
  if (rng() % 4 == 0) r.sort = query::SortOrder::kDate;
  r.offset = rng() % 3 == 0 ? 10 * (rng() % 3) : 0;
  r.limit = 1 + rng() % 20;
  r.facets = rng() % 3 != 0;
  r.snippets = rng() % 2 == 0;
  return r;
}

TEST(AccessLevels, TwoThousandRandomRequestsPerLevelAnswerAsTheOracle) {
  testing::TempDir dir;
  std::mt19937 rng(20261126);
  const std::vector<std::string> levels = generated_archive(dir, rng);
  auto build_upto = [&](const std::string& name, AccessLevel max) {
    std::string rules;
    for (size_t i = 0; i < levels.size(); ++i) {
      const std::string file = "d" + std::to_string(i) + ".txt";
      if (*extract::parse_level(levels[i]) <= max) {
        std::filesystem::create_directories(dir.path() / name);
        std::filesystem::copy_file(dir.path() / "gen" / file, dir.path() / name / file);
      }
      rules += file + " " + levels[i] + "\n";
    }
    testing::build_index_with_access(dir.str(name + "-index"), {dir.str(name)}, dir.write(name + ".rules", rules));
    return dir.str(name + "-index");
  };
  const std::string full = build_upto("all", AccessLevel::kTuyetMat);
  size_t compared = 0, with_hits = 0;
  for (AccessLevel level : extract::kAccessLevels) {
    const std::string only = build_upto("upto-" + std::string(extract::level_slug(level)), level);
    query::Searcher cleared(full, level);
    query::Searcher oracle(only);
    for (int i = 0; i < 2000; ++i) {
      const query::SearchRequest r = random_request(rng);
      nlohmann::json a = query::to_json(cleared.search(r)), b = query::to_json(oracle.search(r));
      a.erase("took_ms");
      b.erase("took_ms");
      ASSERT_EQ(a, b) << extract::level_slug(level) << ": request " << i << " q=" << r.q;
      ++compared;
      with_hits += !a["hits"].empty();
    }
  }
  EXPECT_EQ(compared, 10000u);
  EXPECT_GT(with_hits, 2000u) << "the requests must find something to compare";
}

TEST(AccessLevels, ADocumentAboveTheClearanceAnswersLikeAMissingOne) {
  testing::TempDir dir;
  const std::string full = build(dir, "all", AccessLevel::kTuyetMat);
  query::Searcher publicly(full, AccessLevel::kCongKhai);
  query::Searcher cleared(full, AccessLevel::kMat);
  EXPECT_FALSE(publicly.document("d.txt").has_value());
  EXPECT_FALSE(publicly.similar("d.txt").has_value());
  EXPECT_FALSE(publicly.original("d.txt").has_value());
  // Held in a variable: a range-for over `similar(...)->hits` reads a destroyed temporary.
  const auto similar = publicly.similar("a.txt");
  ASSERT_TRUE(similar.has_value());
  for (const auto& hit : similar->hits) EXPECT_NE(hit.id, "d.txt");
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
