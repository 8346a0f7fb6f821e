#include "time_expr.h"

#include <gtest/gtest.h>

#include "analyzer.h"

namespace vankho::query {
namespace {

struct PeriodCase {
  std::string text;
  int from, to;
  size_t tokens;  // how many tokens the period spans
};

TEST(TimeExpr, PeriodsGoldenTable) {
  const std::vector<PeriodCase> cases = {
      {"tháng 7/2022", 20220701, 20220731, 3},
      {"tháng 9 năm 2022", 20220901, 20220930, 4},
      {"thang 2 nam 2024", 20240201, 20240229, 4},
      {"quý I năm 2025", 20250101, 20250331, 4},
      {"quy 1 2025", 20250101, 20250331, 3},
      {"Quý IV năm 2020", 20201001, 20201231, 4},
      {"quý II/2023", 20230401, 20230630, 3},
      {"năm 2023", 20230101, 20231231, 2},
      {"3 tháng cuối năm 2020", 20201001, 20201231, 5},
      {"6 tháng đầu năm 2021", 20210101, 20210630, 5},
      {"6 thang dau nam 2021", 20210101, 20210630, 5},
      {"2020-2025", 20200101, 20251231, 2},
      {"2020 - 2025", 20200101, 20251231, 2},
  };
  for (const auto& c : cases) {
    const auto tokens = text::analyze(c.text);
    const auto m = match_period_at(tokens, c.text, 0);
    ASSERT_TRUE(m.has_value()) << c.text;
    EXPECT_EQ(m->from, c.from) << c.text;
    EXPECT_EQ(m->to, c.to) << c.text;
    EXPECT_EQ(m->last - m->first, c.tokens) << c.text;
  }
}

TEST(TimeExpr, NotPeriods) {
  for (const std::string s : {"tháng 13/2022", "quý V năm 2025", "quý I", "năm học", "2025-2020",
                              "2020 2025", "tháng 9", "năm 99", "7 tháng giữa năm 2020"}) {
    const auto tokens = text::analyze(s);
    EXPECT_FALSE(match_period_at(tokens, s, 0).has_value()) << s;
  }
}

TEST(TimeExpr, DayBounds) {
  EXPECT_EQ(parse_day_bound("2022-04-02", false), 20220402);
  EXPECT_EQ(parse_day_bound("2022-04", false), 20220401);
  EXPECT_EQ(parse_day_bound("2022-04", true), 20220430);
  EXPECT_EQ(parse_day_bound("2022", true), 20221231);
  EXPECT_EQ(parse_day_bound("2022-13-40", false), 0);
  EXPECT_EQ(parse_day_bound("2022-02-30", false), 0);
  EXPECT_EQ(parse_day_bound("abc", false), 0);
  EXPECT_EQ(parse_day_bound("2022-4-2", false), 0);
  EXPECT_EQ(parse_day_bound("", false), 0);
  EXPECT_EQ(day_to_iso(20220402), "2022-04-02");
  EXPECT_EQ(parse_day_bound("2024-02", true), 20240229);  // leap years (extract::days_in_month)
  EXPECT_EQ(parse_day_bound("2100-02", true), 21000228);
}

}  // namespace
}  // namespace vankho::query
