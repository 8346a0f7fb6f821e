#include "access_rules.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace vankho::ingest {
namespace {

using extract::AccessLevel;

AccessRules rules_of(std::string_view text) {
  std::vector<Problem> problems;
  auto rules = AccessRules::parse(text, "access.txt", problems);
  EXPECT_TRUE(problems.empty()) << problems.front().to_string();
  return rules ? *rules : AccessRules{};
}

std::vector<std::string> problems_of(std::string_view text) {
  std::vector<Problem> problems;
  EXPECT_FALSE(AccessRules::parse(text, "access.txt", problems).has_value());
  std::vector<std::string> out;
  for (const Problem& p : problems) out.push_back(p.to_string());
  return out;
}

TEST(AccessRules, StarStaysInAFolderDoubleStarCrossesFolders) {
  const AccessRules r = rules_of("*.pdf mat\n**/*.docx toi-mat\n");
  EXPECT_EQ(r.size(), 2u);
  EXPECT_EQ(r.level_of("a.pdf"), AccessLevel::kMat);
  EXPECT_EQ(r.level_of("x/a.pdf"), std::nullopt);
  EXPECT_EQ(r.level_of("a.docx"), AccessLevel::kToiMat);  // ** is zero folders too
  EXPECT_EQ(r.level_of("x/y/a.docx"), AccessLevel::kToiMat);
  EXPECT_EQ(r.level_of("a.txt"), std::nullopt);
}

TEST(AccessRules, TheLaterRuleWins) {
  const AccessRules r = rules_of(
      "# everything internal, the published folder public, its drafts secret\n"
      "**            noi-bo\n"
      "cong-bo/**    cong-khai   # comment after a rule\n"
      "cong-bo/du-thao-*.txt  mat\n");
  EXPECT_EQ(r.level_of("ghi-chu.txt"), AccessLevel::kNoiBo);
  EXPECT_EQ(r.level_of("cong-bo/2024/nq-12.pdf"), AccessLevel::kCongKhai);
  EXPECT_EQ(r.level_of("cong-bo/du-thao-3.txt"), AccessLevel::kMat);
  EXPECT_EQ(r.level_of("cong-bo/x/du-thao-3.txt"), AccessLevel::kCongKhai);
}

TEST(AccessRules, ARuleForAFolderCoversItsContents) {
  const AccessRules r = rules_of("ho-so mat\nluu-tru/ toi-mat\n2024/*/bien-ban tuyet-mat\n");
  EXPECT_EQ(r.level_of("ho-so/a/b.pdf"), AccessLevel::kMat);
  EXPECT_EQ(r.level_of("ho-so"), AccessLevel::kMat);
  EXPECT_EQ(r.level_of("ho-so-2/a.pdf"), std::nullopt);
  EXPECT_EQ(r.level_of("luu-tru/c.txt"), AccessLevel::kToiMat);
  EXPECT_EQ(r.level_of("2024/q1/bien-ban/1.txt"), AccessLevel::kTuyetMat);
}

TEST(AccessRules, SpacesInGlobsAndLevelsInAnySpelling) {
  const AccessRules r = rules_of(
      "Ban Tổ chức/hồ sơ/**   Tối mật\r\n"
      "Văn phòng/**\tLưu hành nội bộ\n"
      "./cong-khai/** công khai\n");
  EXPECT_EQ(r.level_of("Ban Tổ chức/hồ sơ/a.pdf"), AccessLevel::kToiMat);
  // The same name decomposed (NFD, as macOS writes it) is the same folder.
  EXPECT_EQ(r.level_of("Ban To\u0302\u0309 chu\u031b\u0301c/ho\u0302\u0300 so\u031b/a.pdf"), AccessLevel::kToiMat);
  EXPECT_EQ(r.level_of("Văn phòng/b.txt"), AccessLevel::kNoiBo);
  EXPECT_EQ(r.level_of("cong-khai/c.txt"), AccessLevel::kCongKhai);
}

TEST(AccessRules, ClassesAndQuestionMarks) {
  const AccessRules r = rules_of("nq-[0-9][0-9].txt mat\nqd-?.txt toi-mat\n");
  EXPECT_EQ(r.level_of("nq-12.txt"), AccessLevel::kMat);
  EXPECT_EQ(r.level_of("nq-1a.txt"), std::nullopt);
  EXPECT_EQ(r.level_of("qd-7.txt"), AccessLevel::kToiMat);
  EXPECT_EQ(r.level_of("qd-77.txt"), std::nullopt);
}

TEST(AccessRules, EmptyFileHasNoRules) {
  const AccessRules r = rules_of("\n# nothing yet\n   \n");
  EXPECT_EQ(r.size(), 0u);
  EXPECT_EQ(r.level_of("a.txt"), std::nullopt);
}

TEST(AccessRules, BadLinesNameFileLineAndWhatWasExpected) {
  const auto problems = problems_of(
      "ok/** mat\n"
      "secret/** topsecret\n"
      "\n"
      "mat\n"
      "/abs/** mat\n"
      "./ mat\n");
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0],
            "access.txt:2: unknown level `topsecret` (expected one of cong-khai, noi-bo, mat, toi-mat, tuyet-mat)");
  EXPECT_EQ(problems[1], "access.txt:4: expected GLOB LEVEL (e.g. `mat/** mat`), got `mat`");
  EXPECT_NE(problems[2].find("access.txt:5: `/abs/**`: globs match paths relative to the PATH"), std::string::npos)
      << problems[2];
  EXPECT_NE(problems[3].find("access.txt:6: `./` names no file or folder"), std::string::npos) << problems[3];
}

TEST(AccessRules, LoadNamesAFileThatCannotBeRead) {
  testing::TempDir dir;
  std::vector<Problem> problems;
  EXPECT_FALSE(AccessRules::load(dir.str("missing.txt"), problems).has_value());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].to_string(), dir.str("missing.txt") + ": cannot read the access rules file");
  problems.clear();
  const auto rules = AccessRules::load(dir.write("access.txt", "** mat\n"), problems);
  ASSERT_TRUE(rules.has_value());
  EXPECT_EQ(rules->level_of("a/b.txt"), AccessLevel::kMat);
}

}  // namespace
}  // namespace vankho::ingest
