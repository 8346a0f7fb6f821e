#include "sidecar.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace vankho::ingest {
namespace {

using extract::AccessLevel;

struct Read {
  std::optional<Sidecar> sidecar;
  std::vector<std::string> problems;
};

Read read_beside(const testing::TempDir& dir, const std::string& json) {
  const std::string doc = dir.write("qd.pdf", "x");
  if (!json.empty()) dir.write("qd.pdf.meta.json", json);
  Read out;
  std::vector<Problem> problems;
  out.sidecar = read_sidecar(doc, problems);
  for (const Problem& p : problems) {
    EXPECT_FALSE(p.skipped);
    out.problems.push_back(p.to_string());
  }
  return out;
}

TEST(Sidecar, NoneBesideTheFile) {
  testing::TempDir dir;
  const Read r = read_beside(dir, "");
  EXPECT_FALSE(r.sidecar.has_value());
  EXPECT_TRUE(r.problems.empty());
}

TEST(Sidecar, LevelAndSuppliedFields) {
  testing::TempDir dir;
  const Read r = read_beside(
      dir, R"({"level": "Tối mật", "title": "  Quyết định  về nhân sự ", "number": 12, "date": "02/4/2024",
               "type": "quyet-dinh", "issuer": null})");
  ASSERT_TRUE(r.sidecar.has_value());
  EXPECT_EQ(r.sidecar->level, AccessLevel::kToiMat);
  EXPECT_EQ(r.sidecar->title, "Quyết định về nhân sự");
  EXPECT_EQ(r.sidecar->fields, (std::map<std::string, std::string>{
                                   {"number", "12"}, {"date", "02/4/2024"}, {"type", "quyet-dinh"}}));
  // `issuer` is not a sidecar field: said, and the rest is used.
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0], dir.str("qd.pdf.meta.json") +
                               ": ignored `issuer`: a sidecar holds level, title, number, date and type");
}

TEST(Sidecar, WithoutALevel) {
  testing::TempDir dir;
  const Read r = read_beside(dir, R"({"title": "Kế hoạch"})");
  ASSERT_TRUE(r.sidecar.has_value());
  EXPECT_FALSE(r.sidecar->level.has_value());
  EXPECT_EQ(r.sidecar->title, "Kế hoạch");
}

TEST(Sidecar, ABadOneIsAWarningNamingItAndIsNotUsed) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"level": "mat",)", "bad JSON: parse error"},
      {R"(["mat"])", "expected a JSON object"},
      {R"({"level": "secret", "title": "T"})",
       "unknown level `secret` (expected one of cong-khai, noi-bo, mat, toi-mat, tuyet-mat)"},
      {R"({"level": ["mat"]})", "`level` is not text"},
      {"\xff\xfe{}", "bad JSON"},
  };
  for (const auto& [json, reason] : cases) {
    testing::TempDir dir;
    const Read r = read_beside(dir, json);
    EXPECT_FALSE(r.sidecar.has_value()) << json;
    ASSERT_EQ(r.problems.size(), 1u) << json;
    EXPECT_TRUE(r.problems[0].starts_with(dir.str("qd.pdf.meta.json") + ": " + reason)) << r.problems[0];
    EXPECT_TRUE(r.problems[0].ends_with("; not used: the document keeps its other sources of metadata"))
        << r.problems[0];
  }
}

TEST(Sidecar, Names) {
  EXPECT_TRUE(is_sidecar_name("quyet-dinh.pdf.meta.json"));
  EXPECT_TRUE(is_sidecar_name("a/b/x.meta.json"));
  EXPECT_FALSE(is_sidecar_name("x.json"));
  EXPECT_FALSE(is_sidecar_name("meta.json.txt"));
}

}  // namespace
}  // namespace vankho::ingest
