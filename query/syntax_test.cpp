#include "syntax.h"

#include <gtest/gtest.h>

namespace vankho::query {
namespace {

TEST(Syntax, WordsPhrasesExclusionsAndOr) {
  const ParsedQuery p = parse_query(R"(nông thôn mới "chuyển đổi số" -covid tham nhũng OR tiêu cực)");
  ASSERT_EQ(p.units.size(), 4u);
  EXPECT_EQ(p.units[0].raw, "nông thôn mới");
  EXPECT_EQ(p.units[1].kind, Unit::Kind::kPhrase);
  EXPECT_EQ(p.units[1].raw, "chuyển đổi số");
  EXPECT_EQ(p.units[2].raw, "tham nhũng");
  EXPECT_EQ(p.units[3].raw, "tiêu cực");
  EXPECT_TRUE(p.units[3].or_with_previous);
  EXPECT_FALSE(p.units[2].or_with_previous);
  ASSERT_EQ(p.excluded.size(), 1u);
  EXPECT_EQ(p.excluded[0].raw, "covid");
  EXPECT_TRUE(p.warnings.empty());
}

TEST(Syntax, CodesWithSpacedDashStayText) {
  const ParsedQuery p = parse_query("nghị quyết số 13 - NQ/TW");
  ASSERT_EQ(p.units.size(), 1u);
  EXPECT_EQ(p.units[0].raw, "nghị quyết số 13 - NQ/TW");
  EXPECT_TRUE(p.excluded.empty());
}

TEST(Syntax, FiltersWithAndWithoutDiacritics) {
  const ParsedQuery p = parse_query(R"(loại:"chương trình" nam:2023 tỉnh:"Hậu Giang" chude:chuyen-doi-so so:13-NQ/TW tu:2022-01 den:2022-12 xyz)");
  ASSERT_EQ(p.filters.size(), 7u);
  EXPECT_EQ(p.filters[0].field, "type");
  EXPECT_EQ(p.filters[0].value, "chương trình");
  EXPECT_EQ(p.filters[1].field, "year");
  EXPECT_EQ(p.filters[2].field, "province");
  EXPECT_EQ(p.filters[2].value, "Hậu Giang");
  EXPECT_EQ(p.filters[3].field, "theme");
  EXPECT_EQ(p.filters[4].field, "number");
  EXPECT_EQ(p.filters[5].field, "from");
  EXPECT_EQ(p.filters[6].field, "to");
  ASSERT_EQ(p.units.size(), 1u);
  EXPECT_EQ(p.units[0].raw, "xyz");
}

TEST(Syntax, MalformedInputGivesWarningsNotFailures) {
  struct Case {
    std::string q;
    std::string warning_contains;
  };
  for (const Case& c : std::vector<Case>{{R"(nông "thôn mới)", "unbalanced quote"},
                                         {"OR tham nhũng", "'OR' at the start"},
                                         {"tham nhũng OR", "'OR' at the end"},
                                         {"tham - ", ""},
                                         {"- ", "lone '-'"},
                                         {"loai: ", "has no value"}}) {
    const ParsedQuery p = parse_query(c.q);
    if (c.warning_contains.empty()) continue;
    ASSERT_FALSE(p.warnings.empty()) << c.q;
    EXPECT_NE(p.warnings[0].message.find(c.warning_contains), std::string::npos) << c.q << ": " << p.warnings[0].message;
    EXPECT_FALSE(p.warnings[0].code.empty()) << c.q;
  }
  // the unbalanced quote's words are still searched
  EXPECT_EQ(parse_query(R"(nông "thôn mới)").units.back().raw, "thôn mới");
}

TEST(Syntax, UnknownKeysAreWords) {
  const ParsedQuery p = parse_query("http://example abc:def");
  EXPECT_TRUE(p.filters.empty());
  ASSERT_EQ(p.units.size(), 1u);
  EXPECT_EQ(p.units[0].raw, "http://example abc:def");
}

TEST(Syntax, FilterFieldNames) {
  EXPECT_EQ(filter_field("loại"), "type");
  EXPECT_EQ(filter_field("LOAI"), "type");
  EXPECT_EQ(filter_field("chủđề"), "theme");
  EXPECT_EQ(filter_field("cơquan"), "issuer");
  EXPECT_EQ(filter_field("đến"), "to");
  EXPECT_EQ(filter_field("từ"), "from");
  EXPECT_EQ(filter_field("abc"), "");
}

}  // namespace
}  // namespace vankho::query
