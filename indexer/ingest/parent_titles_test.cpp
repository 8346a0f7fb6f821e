// Records that belong to a larger document: the title any one of them carries is every record's,
// whatever the order, and a pattern reads it out of a note.
#include "parent_titles.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace vankho::ingest {
namespace {

using testing::Collected;
using testing::read_all;
using testing::TempDir;

std::string record(const std::string& id, const std::string& parent, const std::string& note) {
  return R"({"id": ")" + id + R"(", "text": "Điều )" + id + R"(.", "so": ")" + parent + R"(", "note": ")" + note +
         "\"}\n";
}

IngestOptions parent_options(const std::string& pattern) {
  IngestOptions options;
  options.field_map = {{"parent", "so"}, {"parent_title", "note"}};
  options.parent_title_pattern = pattern;
  return options;
}

std::map<std::string, std::string> titles(const Collected& c) {
  std::map<std::string, std::string> out;
  for (const auto& d : c.documents) {
    const auto t = d.fields.find("parent_title");
    out[d.id] = t == d.fields.end() ? "-" : t->second;
  }
  return out;
}

const char* kPattern = R"(số {parent} (.+?) ngày \d)";

TEST(ParentTitles, TheTitleOnAnyRecordIsEveryRecordsOfThatParentInEveryFile) {
  TempDir dir;
  // The record naming the act comes last, in the second file read.
  const std::string a = dir.write("a.jsonl", record("2", "57/2020/QH14", "(Điều 2 Luật số 57/2020/QH14, có hiệu lực ngày 01/01/2021)") +
                                                 record("9", "12/2011/NĐ-CP", "(Điều 9 Nghị định số 12/2011/NĐ-CP)"));
  const std::string b = dir.write("b.jsonl", record("3", "57/2020/QH14", "(Điều 3 Luật số 57/2020/QH14, có hiệu lực)") +
                                                 record("1", "57/2020/QH14", "(Điều 1 Luật số 57/2020/QH14 Luật Thanh niên ngày 16/06/2020 của Quốc hội)") +
                                                 record("4", "57/2020/QH14", "(Điều 4 Luật số 57/2020/QH14 Luật Thanh niên sửa đổi ngày 1/1/2022)"));
  const Collected c = read_all({a, b}, parent_options(kPattern));
  EXPECT_TRUE(c.problems.empty()) << ::testing::PrintToString(c.lines());
  EXPECT_EQ(titles(c), (std::map<std::string, std::string>{{"1", "Luật Thanh niên"},
                                                           {"2", "Luật Thanh niên"},
                                                           {"3", "Luật Thanh niên"},
                                                           {"4", "Luật Thanh niên sửa đổi"},  // its own
                                                           {"9", "-"}}));  // no record names that act
  EXPECT_EQ(c.documents[0].fields.at("parent"), "57/2020/QH14");
}

TEST(ParentTitles, TheInheritedTitleIsPartOfTheContentHash) {
  TempDir dir;
  const std::string dependent = record("2", "K", "(Điều 2 Luật số K, có hiệu lực)");
  auto hash_of_2 = [&](const std::string& title_note) {
    const std::string file = dir.write("x.jsonl", dependent + record("1", "K", title_note));
    const Collected c = read_all({file}, parent_options(kPattern));
    return c.documents.at(0).content_hash;
  };
  const uint64_t titled = hash_of_2("(Điều 1 Luật số K Luật Cũ ngày 1/1/2020)");
  EXPECT_NE(titled, hash_of_2("(Điều 1 Luật số K Luật Mới ngày 1/1/2020)"));  // the title changed
  EXPECT_NE(titled, hash_of_2("(Điều 1 Luật số K, có hiệu lực)"));           // no title any more
  EXPECT_EQ(titled, hash_of_2("(Điều 1 Luật số K Luật Cũ ngày 1/1/2020)"));
}

TEST(ParentTitles, WithoutAPatternTheFieldIsTheTitle) {
  TempDir dir;
  const std::string file =
      dir.write("x.jsonl", record("1", "P", "") + record("2", "P", "  Kế hoạch   tổng thể ") + record("3", "", "Riêng"));
  const Collected c = read_all({file}, parent_options(""));
  EXPECT_EQ(titles(c), (std::map<std::string, std::string>{{"1", "Kế hoạch tổng thể"},
                                                           {"2", "Kế hoạch tổng thể"},
                                                           {"3", "Riêng"}}));
}

TEST(ParentTitles, ParentInThePatternIsTheRecordsOwnKeyMatchedLiterally) {
  ParentTitles rule(kPattern);
  // Another act's number later in the note is not this record's act.
  const std::string note =
      "(Điều 18 Luật số 87/2015/QH13, có hiệu lực thi hành kể từ ngày 01/07/2016, bị ngưng hiệu lực theo Điều 20 "
      "của Nghị quyết số 96/2023/QH15 có hiệu lực thi hành kể từ ngày 01/07/2023)";
  EXPECT_EQ(rule.title_in(note, "87/2015/QH13"), "");
  EXPECT_EQ(ParentTitles(R"(số [^\s,]+ (.+?) ngày \d)").title_in(note), "có hiệu lực thi hành kể từ");  // unanchored
  EXPECT_EQ(rule.title_in("(Điều 1 Luật số 87/2015/QH13 Luật Giám sát ngày 20/11/2015)", "87/2015/QH13"),
            "Luật Giám sát");
  // Regular-expression characters in a key are letters: "1.2" is not "1x2", and a \E ends nothing.
  EXPECT_EQ(rule.title_in("số 1x2 Tên ngày 1", "1.2"), "");
  EXPECT_EQ(rule.title_in("số 1.2 Tên ngày 1", "1.2"), "Tên");
  EXPECT_EQ(rule.title_in("số a\\E(b Tên ngày 1", "a\\E(b"), "Tên");
  EXPECT_EQ(rule.title_in("số 1.2 Tên ngày 1", ""), "");  // no key, nothing to anchor on
}

TEST(ParentTitles, APatternIsCheckedAndItsFirstGroupOrWholeMatchIsTheTitle) {
  EXPECT_EQ(check_parent_title_pattern(kPattern), "");
  EXPECT_NE(check_parent_title_pattern("số (.+"), "");
  EXPECT_NE(check_parent_title_pattern("số (.+").find("U_REGEX_MISMATCHED_PAREN"), std::string::npos);
  EXPECT_NE(check_parent_title_pattern(""), "");
  EXPECT_THROW(ParentTitles("("), std::invalid_argument);
  ParentTitles grouped("Luật (\\p{L}+)");
  EXPECT_EQ(grouped.title_in("theo Luật Đất đai"), "Đất");
  ParentTitles whole("Luật \\p{L}+");
  EXPECT_EQ(whole.title_in("theo Luật Đất đai"), "Luật Đất");
  EXPECT_EQ(whole.title_in("không có"), "");
}

}  // namespace
}  // namespace vankho::ingest
