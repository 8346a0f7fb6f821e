#include "boilerplate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.h"

namespace vankho::ingest {
namespace {

using testing::TempDir;

Boilerplate builtin() {
  std::vector<Problem> problems;
  Boilerplate rules = load_boilerplate("", problems);
  EXPECT_TRUE(problems.empty()) << problems.front().to_string();
  return rules;
}

TEST(Boilerplate, BuiltinRulesAreCompiledIn) {
  EXPECT_NE(builtin_boilerplate_rules().find("PublishingPortal"), std::string_view::npos);
  EXPECT_GT(builtin().size(), 3u);
}

TEST(Boilerplate, GoldenLines) {
  const Boilerplate rules = builtin();
  struct Case {
    const char* line;
    bool boilerplate;
  };
  const Case cases[] = {
      {"PublishingPortal - Block_BanTin_Toolbar", true},
      {" PublishingPortal - Block_BanTin_ViewData", true},
      {"Tăng cỡ chữ Giảm cỡ chữ", true},
      {"  TĂNG CỠ CHỮ   GIẢM CỠ CHỮ  ", true},  // case and spaces
      {"Ta\xCC\x86ng co\xCC\x83 chu\xCC\x83 Gia\xCC\x89m co\xCC\x83 chu\xCC\x83", true},  // NFD
      {"Tang co chu Giam co chu", true},               // accents folded
      {"Tăng cỡ chữ Giảm cỡ chữ và nội dung", false},  // a line rule is the whole line
      {"Hội nghị bàn về việc tăng cỡ chữ", false},
      {"", false},
      {"09/10/2020", false},
  };
  for (const Case& c : cases) EXPECT_EQ(rules.matches(c.line), c.boilerplate) << c.line;
}

TEST(Boilerplate, StripDropsWholeLines) {
  const Boilerplate rules = builtin();
  EXPECT_EQ(
      rules.strip("PublishingPortal - Block_BanTin_Toolbar\n\n09/10/2020\nTăng cỡ chữ Giảm cỡ "
                  "chữ\nTập trung\n PublishingPortal - Block_BanTin_ViewData\n\nNgày 29/9"),
      "\n09/10/2020\nTập trung\n\nNgày 29/9");
  EXPECT_EQ(rules.strip("không có gì"), "không có gì");
}

TEST(Boilerplate, LongLinesAreNeverDropped) {
  Boilerplate rules;
  EXPECT_TRUE(rules.add_rules("contains: xem", "test").empty());
  const std::string long_line = "xem " + std::string(Boilerplate::kMaxLineBytes, 'a');
  EXPECT_FALSE(rules.matches(long_line));
  EXPECT_TRUE(rules.matches("Xem thêm"));
}

TEST(Boilerplate, RuleKindsAndErrors) {
  Boilerplate rules;
  const std::vector<Problem> problems = rules.add_rules(
      "# chú thích\n\nline: Bản in\nprefix: Nguồn:\ncontains: Lượt xem\r\nbogus\nregex: .*\nline:  "
      " \n",
      "rules.txt");
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].to_string(),
            "rules.txt:6: rule `bogus` ignored: expected `line: TEXT`, `prefix: TEXT` or "
            "`contains: TEXT`");
  EXPECT_EQ(problems[1].line, 7u);
  EXPECT_EQ(problems[2].to_string(), "rules.txt:8: rule `line:` ignored: it has no text");
  EXPECT_FALSE(problems[0].skipped);
  EXPECT_TRUE(rules.matches("bản in"));
  EXPECT_FALSE(rules.matches("bản in màu"));
  EXPECT_TRUE(rules.matches("Nguồn: Báo Hậu Giang"));
  EXPECT_TRUE(rules.matches("123 Lượt xem hôm nay"));
}

TEST(Boilerplate, UserFileExtendsBuiltin) {
  TempDir dir;
  const std::string file = dir.write("mine.txt", "line: Trang chủ\n");
  std::vector<Problem> problems;
  const Boilerplate rules = load_boilerplate(file, problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_TRUE(rules.matches("Trang chủ"));
  EXPECT_TRUE(rules.matches("Tăng cỡ chữ"));
  const Boilerplate missing = load_boilerplate((dir.path() / "none.txt").string(), problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].reason.find("No such file"), std::string::npos) << problems[0].reason;
  EXPECT_TRUE(check_boilerplate_file(file).empty());
}

TEST(Boilerplate, Seed002LosesItsPortalLines) {
  const std::string seed = std::string(VANKHO_SOURCE_DIR) + "/seeds/002_d93671f2cbad73a6.txt";
  testing::Collected c = testing::read_all({seed});
  ASSERT_EQ(c.documents.size(), 1u) << ::testing::PrintToString(c.lines());
  const std::string& text = c.documents[0].text;
  EXPECT_EQ(text.find("PublishingPortal"), std::string::npos);
  EXPECT_EQ(text.find("Tăng cỡ chữ"), std::string::npos);
  EXPECT_EQ(text.find("Giảm cỡ chữ"), std::string::npos);
  EXPECT_TRUE(text.starts_with("09/10/2020\nTập trung thực hiện 15 nhiệm vụ"))
      << text.substr(0, 200);
  EXPECT_NE(text.find("Bích Huệ"), std::string::npos);
  EXPECT_EQ(c.documents[0].id, "002_d93671f2cbad73a6.txt");
}

}  // namespace
}  // namespace vankho::ingest
