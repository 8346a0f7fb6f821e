// Every facet value the search offers filters to exactly its count (a type no known type names
// included); a query with nothing to search for finds nothing, unless filters browse; and without
// facets, `total` never claims more documents than match.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "searcher.h"
#include "temp_dir.h"
#include "test_index.h"

namespace vankho {
namespace {

bool has_warning(const query::SearchResponse& r, const std::string& fragment) {
  for (const auto& w : r.query.warnings) {
    if (w.message.find(fragment) != std::string::npos) return true;
  }
  return false;
}

std::vector<std::string>& field_of(query::SearchRequest& r, const std::string& facet) {
  if (facet == "type") return r.types;
  if (facet == "theme") return r.themes;
  if (facet == "issuer") return r.issuers;
  if (facet == "province") return r.provinces;
  return r.years;
}

// For each facet value of `q`'s search: the search filtered by it has that many matches.
void expect_every_facet_value_filters(query::Searcher& searcher, const std::string& q) {
  query::SearchRequest base;
  base.q = q;
  const auto all = searcher.search(base);
  ASSERT_FALSE(all.facets.empty()) << q;
  size_t checked = 0;
  for (const auto& [facet, values] : all.facets) {
    for (const auto& v : values) {
      query::SearchRequest r = base;
      if (facet == "month") {  // "YYYY-MM": the documents whose period overlaps the month
        const int month = std::stoi(v.value.substr(0, 4)) * 10000 + std::stoi(v.value.substr(5, 2)) * 100;
        r.from = month + 1;
        r.to = month + 31;
      } else {
        field_of(r, facet).push_back(v.value);
      }
      const auto filtered = searcher.search(r);
      EXPECT_EQ(filtered.total, v.count) << "q='" << q << "' " << facet << "=" << v.value;
      EXPECT_TRUE(filtered.query.warnings.empty())
          << facet << "=" << v.value << ": " << filtered.query.warnings.front().message;
      ++checked;
    }
  }
  EXPECT_GE(checked, 4u);  // types and years at least
}

TEST(FilterValues, EveryFacetValueOfTheSeedsFilters) {
  testing::TempDir dir;
  testing::build_index(dir.str("index"), {testing::seeds_dir()});
  query::Searcher searcher(dir.str("index"));
  expect_every_facet_value_filters(searcher, "");
  expect_every_facet_value_filters(searcher, "tỉnh");
}

TEST(FilterValues, ATypeNoKnownTypeNamesFiltersOnItsSlug) {
  testing::TempDir dir;
  std::string jsonl;
  for (int i = 0; i < 9; ++i) {
    const std::string n = std::to_string(i);
    // An export whose types were cut to one word: "Thông" (slug thong) is no known type.
    const std::string type = i < 3 ? "Thông" : i < 5 ? "Pháp lệnh thuế" : "Kế hoạch";
    jsonl += R"({"id": "d)" + n + R"(", "title": "Văn bản số )" + n + R"(", "type": ")" + type +
             R"(", "issuer": ")" + (i % 2 ? "Ban Thường vụ Tỉnh ủy" : "Ủy ban nhân dân tỉnh") +
             R"(", "text": "Văn bản số )" + n + R"( về công tác năm 2022.", "date": "2022-0)" +
             std::to_string(1 + i % 9) + "-01\"}\n";
  }
  dir.write("docs/archive.jsonl", jsonl);
  testing::build_index(dir.str("index"), {dir.str("docs")});
  query::Searcher searcher(dir.str("index"));
  expect_every_facet_value_filters(searcher, "");
  expect_every_facet_value_filters(searcher, "công tác");

  query::SearchRequest r;
  for (const std::string as_written : {"thong", "Thông", "THONG"}) {
    r.types = {as_written};
    const auto thong = searcher.search(r);
    EXPECT_EQ(thong.total, 3u) << as_written;
    ASSERT_EQ(thong.query.filters.size(), 1u);
    EXPECT_EQ(thong.query.filters[0].value, "thong");
    EXPECT_EQ(thong.query.filters[0].label, as_written);
    EXPECT_TRUE(thong.query.warnings.empty()) << thong.query.warnings.front().message;
  }
  r.types = {"Pháp lệnh thuế"};
  EXPECT_EQ(searcher.search(r).total, 2u);
  query::SearchRequest in_query;
  in_query.q = "loai:phap-lenh-thue";
  EXPECT_EQ(searcher.search(in_query).total, 2u);

  // A type no document has: nothing, and a warning saying so.
  r.types = {"thongg"};
  auto none = searcher.search(r);
  EXPECT_EQ(none.total, 0u);
  EXPECT_TRUE(has_warning(none, "no document has this type")) << none.query.warnings.size();
  // A value that can be no type at all: dropped with a warning, as before.
  r.types = {"!!!"};
  none = searcher.search(r);
  EXPECT_EQ(none.total, 9u);
  EXPECT_TRUE(has_warning(none, "unknown document type"));
}

TEST(FilterValues, NothingToSearchForFindsNothingUnlessFiltersBrowse) {
  testing::TempDir dir;
  testing::build_index(dir.str("index"), {testing::seeds_dir()});
  query::Searcher searcher(dir.str("index"));
  for (const std::string q : {"((((", "😀", "---", "\"\""}) {
    query::SearchRequest r;
    r.q = q;
    const auto none = searcher.search(r);
    EXPECT_EQ(none.total, 0u) << q;
    EXPECT_TRUE(none.hits.empty()) << q;
    EXPECT_TRUE(has_warning(none, "no words to search for in the query")) << q;
    r.facets = false;
    EXPECT_EQ(searcher.search(r).total, 0u) << q;

    r.facets = true;
    r.types = {"chuong-trinh"};
    const auto browsed = searcher.search(r);
    EXPECT_EQ(browsed.total, 3u) << q;
    EXPECT_FALSE(has_warning(browsed, "no words to search for")) << q;
  }
  // No query at all, or a filter in the query: browse, as before.
  query::SearchRequest empty;
  EXPECT_EQ(searcher.search(empty).total, 5u);
  EXPECT_FALSE(has_warning(searcher.search(empty), "no words"));
  empty.q = "(((( loai:chuong-trinh";
  EXPECT_EQ(searcher.search(empty).total, 3u);
}

}  // namespace
}  // namespace vankho
