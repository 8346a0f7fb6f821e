// Facet counts over a match set larger than any sample: every match counts, whatever its place in
// the index (an archive is indexed in folder order, so the lowest document ids are often the
// oldest documents), and a new revision's documents count once the searcher has reopened.
#include <gtest/gtest.h>

#include <fstream>

#include "searcher.h"
#include "temp_dir.h"
#include "test_index.h"

namespace vankho {
namespace {

// `count` JSONL records, all saying `chương trình`, dated in `year`.
std::string records(const std::string& prefix, int count, int year) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += R"({"id": ")" + prefix + std::to_string(i) + R"(", "title": "Chương trình công tác số )" +
           std::to_string(i) + R"(", "text": "Chương trình công tác năm )" + std::to_string(year) +
           R"(.", "date": ")" + std::to_string(year) + "-03-01\"}\n";
  }
  return out;
}

size_t count_of(const query::SearchResponse& r, const std::string& facet, const std::string& value) {
  for (const auto& f : r.facets.at(facet)) {
    if (f.value == value) return f.count;
  }
  return 0;
}

TEST(Facets, CountEveryMatchNotTheFirstDocumentsIndexed) {
  testing::TempDir dir;
  dir.write("docs/archive.jsonl", records("old-", 2600, 2019) + records("new-", 400, 2023));
  testing::build_index(dir.str("index"), {dir.str("docs")});
  query::Searcher searcher(dir.str("index"));
  query::SearchRequest r;
  r.q = "chương trình công tác";
  const auto response = searcher.search(r);
  EXPECT_EQ(response.total, 3000u);
  EXPECT_TRUE(response.total_exact);
  EXPECT_EQ(count_of(response, "year", "2019"), 2600u);
  EXPECT_EQ(count_of(response, "year", "2023"), 400u);  // indexed last: a sample in id order misses them

  // A new revision: its documents count after the searcher reopens.
  dir.write("more/archive.jsonl", records("newer-", 25, 2024));
  testing::build_index(dir.str("index"), {dir.str("docs"), dir.str("more")});
  ASSERT_TRUE(searcher.refresh());
  const auto after = searcher.search(r);
  EXPECT_EQ(after.total, 3025u);
  EXPECT_EQ(count_of(after, "year", "2024"), 25u);
  EXPECT_EQ(count_of(after, "year", "2019"), 2600u);
}

TEST(Facets, WithNoHitsWantedAQueryNoDocumentFullyMatchesStillFallsBackToAnyWord) {
  // Every word is common, but no document has them all: an estimate from word frequencies alone
  // (what Xapian gives when no hit is wanted) would say some do.
  testing::TempDir dir;
  std::string jsonl;
  for (int i = 0; i < 40; ++i) {
    const std::string n = std::to_string(i);
    jsonl += R"({"id": "d)" + n + R"(", "title": "Văn bản )" + n + R"(", "text": ")" +
             (i % 2 ? "Giảm nghèo bền vững" : "Chuyển đổi số") + R"("})" + "\n";
  }
  dir.write("docs/archive.jsonl", jsonl);
  testing::build_index(dir.str("index"), {dir.str("docs")});
  query::Searcher searcher(dir.str("index"));
  query::SearchRequest r;
  r.q = "giảm nghèo chuyển đổi";
  r.limit = 0;
  const auto response = searcher.search(r);
  EXPECT_FALSE(response.query.all_words_required);
  EXPECT_EQ(response.total, 40u);
}

// The count runs a lighter query than the ranked one (planner.h's `match`: no bigrams, folded
// words only, no period fit): it must select exactly the documents the ranked search returns.
TEST(Facets, CountExactlyTheDocumentsTheRankedSearchReturns) {
  testing::TempDir dir;
  const std::vector<std::string> texts = {
      "Nghị quyết về đường giao thông nông thôn mới, ban hành theo Nghị quyết số 13-NQ/TW.",
      "Kế hoạch đầu tư dương tính, xây dựng đường giao thông.",
      "Duong giao thong, chương trình không dấu của Ủy ban nhân dân tỉnh.",
      "Chương trình công tác quý I năm 2025 của UBND tỉnh về chuyển đổi số.",
      "Báo cáo chuyển đổi số và cải cách hành chính tháng 7/2022.",
      "Quy định về bảo hiểm xã hội và BHYT cho người lao động.",
      "Chỉ thị về phòng chống tham nhũng, thực hiện Kết luận số 28-KL/TU.",
      "Kết luận số 28-KL/TU của Ban Thường vụ Tỉnh ủy về đường lối.",
  };
  std::string jsonl;
  for (size_t i = 0; i < 60; ++i) {
    const std::string n = std::to_string(i);
    const std::string& text = texts[i % texts.size()];
    const std::string year = std::to_string(2019 + i % 7);
    jsonl += R"({"id": "d)" + n + R"(", "title": "Văn bản )" + n + R"(", "text": ")" + text +
             R"(", "date": ")" + year + "-0" + std::to_string(1 + i % 9) + "-15\"}\n";
  }
  dir.write("docs/archive.jsonl", jsonl);
  testing::build_index(dir.str("index"), {dir.str("docs")});
  query::Searcher searcher(dir.str("index"));
  for (const std::string q :
       {"đường giao thông", "duong giao thong", "dương", "đường", "chuyển đổi số", "UBND",
        "ủy ban nhân dân", "13-NQ/TW", "nghị quyết 13", "KL 28 đường", "quý I năm 2025",
        "chuyển đổi số tháng 7/2022", "chuyển đổi số -tỉnh", "\"giao thông nông thôn\"",
        "bảo hiểm xã hội BHYT", "giảm nghèo chuyển đổi",  // no document has both: the any-word reading
        "người lao động được hưởng bảo hiểm xã hội như thế nào từ năm 2021 đến năm 2023?",
        "đường OR tham nhũng", "chương trình công tác năm 2025"}) {
    query::SearchRequest r;
    r.q = q;
    r.limit = query::kMaxLimit;
    const auto response = searcher.search(r);
    EXPECT_GT(response.total, 0u) << q;
    EXPECT_EQ(response.total, response.hits.size()) << q;
    size_t counted = 0;
    for (const auto& year : response.facets.at("year")) counted += year.count;
    EXPECT_EQ(counted, response.hits.size()) << q;
  }
}

// Without facets nothing counts every match: the total is Xapian's estimate, which may miss either
// way, and total_min/total_max say what is certain.
TEST(Facets, WithoutFacetsTheTotalIsAnEstimateWithBoundsThatHold) {
  testing::TempDir dir;
  std::string lines;
  size_t both = 0;
  for (int i = 0; i < 3000; ++i) {
    const bool a = i % 3 == 0, b = i % 5 == 0;
    both += a && b;
    lines += R"({"id": "d)" + std::to_string(i) + R"(", "text": "Văn bản số )" + std::to_string(i) +
             (a ? " về kiểm tra" : "") + (b ? " và giám sát" : "") + ".\"}\n";
  }
  dir.write("docs/archive.jsonl", lines);
  testing::build_index(dir.str("index"), {dir.str("docs")});
  query::Searcher searcher(dir.str("index"));
  query::SearchRequest r;
  r.q = "kiểm tra giám sát";
  r.limit = 1;
  r.facets = false;
  const auto estimated = searcher.search(r);
  EXPECT_LE(estimated.total_min, both);
  EXPECT_GE(estimated.total_max, both);
  EXPECT_EQ(estimated.total_exact, estimated.total_min == estimated.total_max);
  EXPECT_FALSE(estimated.total_exact) << "make the match set harder to estimate";
  r.facets = true;
  const auto counted = searcher.search(r);
  EXPECT_TRUE(counted.total_exact);
  EXPECT_EQ(counted.total, both);
  EXPECT_EQ(counted.total_min, both);
  EXPECT_EQ(counted.total_max, both);
}

}  // namespace
}  // namespace vankho
