#include "params.h"

#include <gtest/gtest.h>

namespace vankho::searchd {
namespace {

TEST(ParseSearch, TypedRequestFromParameters) {
  const Params p{{"q", "nông thôn mới"}, {"type", "nghi-quyet"}, {"type", "Chương trình"}, {"from", "2022-04"},
                 {"to", "2022"},         {"sort", "date"},      {"offset", "20"},           {"limit", "5"},
                 {"facets", "false"},    {"year", "2022"},      {"parent", "57/2020/QH14"}};
  const auto r = parse_search(p);
  ASSERT_FALSE(r.error) << r.error->message;
  EXPECT_EQ(r.value.q, "nông thôn mới");
  EXPECT_EQ(r.value.types, (std::vector<std::string>{"nghi-quyet", "Chương trình"}));
  EXPECT_EQ(r.value.years, (std::vector<std::string>{"2022"}));
  EXPECT_EQ(r.value.parents, (std::vector<std::string>{"57/2020/QH14"}));
  EXPECT_EQ(r.value.from, 20220401);
  EXPECT_EQ(r.value.to, 20221231);
  EXPECT_EQ(r.value.sort, query::SortOrder::kDate);
  EXPECT_EQ(r.value.offset, 20u);
  EXPECT_EQ(r.value.limit, 5u);
  EXPECT_FALSE(r.value.facets);
  EXPECT_TRUE(r.value.snippets);
}

TEST(ParseSearch, DefaultsWithoutParameters) {
  const auto r = parse_search({});
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.value.limit, 10u);
  EXPECT_EQ(r.value.offset, 0u);
  EXPECT_EQ(r.value.sort, query::SortOrder::kRelevance);
}

struct BadCase {
  Params params;
  std::string param;     // named in the error
  std::string expected;  // a fragment of the message
};

TEST(ParseSearch, EveryBadParameterIsNamed) {
  const std::vector<BadCase> cases = {
      {{{"limit", "-1"}}, "limit", "expected an integer from 0 to 100"},
      {{{"limit", "100000"}}, "limit", "from 0 to 100, got '100000'"},
      {{{"limit", "101"}}, "limit", "0 to 100"},
      {{{"limit", "ten"}}, "limit", "got 'ten'"},
      {{{"limit", ""}}, "limit", "expected an integer"},
      {{{"limit", "99999999999999999999"}}, "limit", "expected an integer"},
      {{{"offset", "10001"}}, "offset", "from 0 to 10000"},
      {{{"sort", "newest"}}, "sort", "expected relevance or date, got 'newest'"},
      {{{"from", "2022-13-40"}}, "from", "expected a date YYYY-MM-DD, YYYY-MM or YYYY, got '2022-13-40'"},
      {{{"to", "yesterday"}}, "to", "expected a date"},
      {{{"from", "2023-01-01"}, {"to", "2022-12-31"}}, "from", "is after to=2022-12-31"},
      {{{"q", "a\xff\xfe"}}, "q", "not valid UTF-8"},
      {{{"q", "\xc0\xaf"}}, "q", "not valid UTF-8"},  // overlong '/'
      {{{"q", std::string(3000, 'a')}}, "q", "longer than 2000 bytes"},
      {{{"q", "a"}, {"q", "b"}}, "q", "given more than once"},
      {{{"facets", "maybe"}}, "facets", "expected true or false"},
      {{{"year", "22"}}, "year", "expected a year such as 2022"},
      {{{"type", ""}}, "type", "empty value"},
      {{{"issuer", "\xed\xa0\x80"}}, "issuer", "not valid UTF-8"},  // a surrogate
      {{{"bogus", "1"}}, "bogus", "unknown parameter 'bogus'; expected one of: q, type"},
      {{{"Q", "x"}}, "Q", "unknown parameter 'Q'"},
  };
  for (const auto& c : cases) {
    const auto r = parse_search(c.params);
    ASSERT_TRUE(r.error) << "accepted: " << c.params.begin()->first << "=" << c.params.begin()->second;
    EXPECT_EQ(r.error->param, c.param);
    EXPECT_TRUE(r.error->message.starts_with(c.param + ": ") || r.error->message.starts_with("unknown parameter"))
        << r.error->message;
    EXPECT_NE(r.error->message.find(c.expected), std::string::npos) << r.error->message;
  }
}

TEST(ParseSearch, ManyValuesAreRefused) {
  Params p;
  for (int i = 0; i < 21; ++i) p.emplace("theme", "t" + std::to_string(i));
  const auto r = parse_search(p);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->param, "theme");
}

TEST(ParseSearch, ShownValuesAreCutAndEscaped) {
  const auto r = parse_search({{"sort", std::string(500, 'x') + "\xff"}});
  ASSERT_TRUE(r.error);
  EXPECT_LT(r.error->message.size(), 160u);
  const auto bad = parse_search({{"d\xff", "1"}});
  ASSERT_TRUE(bad.error);
  EXPECT_NE(bad.error->message.find("d\\xFF"), std::string::npos) << bad.error->message;
}

TEST(ParseSearch, BooleansInAnyCaseAndSpelling) {
  for (const std::string t : {"true", "TRUE", "True", "1", "yes", "YES", "on", "On"}) {
    const auto r = parse_search({{"facets", "false"}, {"snippets", t}, {"suggest", t}, {"interpret", t}});
    ASSERT_FALSE(r.error) << t << ": " << r.error->message;
    EXPECT_TRUE(r.value.snippets && r.value.suggest && r.value.interpret) << t;
  }
  for (const std::string f : {"false", "FALSE", "False", "0", "no", "NO", "off", "OFF"}) {
    const auto r = parse_search({{"facets", f}, {"snippets", f}, {"suggest", f}, {"interpret", f}});
    ASSERT_FALSE(r.error) << f << ": " << r.error->message;
    EXPECT_FALSE(r.value.facets || r.value.snippets || r.value.suggest || r.value.interpret) << f;
  }
  const auto bad = parse_search({{"snippets", "ja"}});
  ASSERT_TRUE(bad.error);
  EXPECT_EQ(bad.error->param, "snippets");
  EXPECT_NE(bad.error->message.find("yes/no, on/off; any case"), std::string::npos) << bad.error->message;
  EXPECT_NE(bad.error->message.find("got 'ja'"), std::string::npos) << bad.error->message;
}

TEST(QueryParams, EveryPairIsKeptAndDecodedAsHttplibDoes) {
  const Params p = query_params("/api/search?sort=date&sort=date&q=n%C3%B4ng+th%C3%B4n&&type=a&type=a&flag");
  EXPECT_EQ(p.count("sort"), 2u);  // httplib's own parse keeps one
  EXPECT_EQ(p.count("type"), 2u);
  EXPECT_EQ(p.find("q")->second, "nông thôn");
  EXPECT_EQ(p.count("flag"), 1u);
  EXPECT_EQ(p.size(), 6u);
  EXPECT_TRUE(query_params("/api/search").empty());
  EXPECT_TRUE(query_params("/api/search?").empty());
  EXPECT_EQ(parse_search(query_params("/api/search?sort=date&sort=date")).error->param, "sort");
}

TEST(ParseSearch, ARepeatedSingleValuedParameterIsNamed) {
  const std::vector<std::pair<std::string, std::string>> singles = {
      {"q", "a"},         {"sort", "date"},     {"from", "2022"},    {"to", "2023"},
      {"offset", "0"},    {"limit", "5"},       {"facets", "true"},  {"snippets", "false"},
      {"suggest", "on"},  {"interpret", "no"}};
  for (const auto& [name, value] : singles) {
    const auto r = parse_search({{name, value}, {name, value}});
    ASSERT_TRUE(r.error) << name;
    EXPECT_EQ(r.error->param, name);
    EXPECT_EQ(r.error->message, name + ": given more than once; expected a single value");
  }
  EXPECT_EQ(parse_suggest({{"q", "a"}, {"q", "a"}}).error->param, "q");
  EXPECT_EQ(parse_suggest({{"limit", "1"}, {"limit", "1"}}).error->param, "limit");
  EXPECT_EQ(parse_document({{"q", "a"}, {"q", "a"}}).error->param, "q");
  EXPECT_EQ(parse_limit_only({{"limit", "1"}, {"limit", "1"}}, 10).error->param, "limit");
}

TEST(ParseOther, SuggestDocumentLimitAndNone) {
  EXPECT_FALSE(parse_suggest({{"q", "nong th"}}).error);
  EXPECT_EQ(parse_suggest({{"q", "x"}, {"limit", "11"}}).error->param, "limit");
  EXPECT_EQ(parse_suggest({{"limit", "3"}}).value.limit, 3u);
  EXPECT_EQ(parse_document({{"q", "nông"}}).value, "nông");
  EXPECT_EQ(parse_document({{"limit", "3"}}).error->param, "limit");
  EXPECT_EQ(parse_limit_only({}, 10).value, 10u);
  EXPECT_EQ(parse_limit_only({{"limit", "0"}}, 10).error->param, "limit");
  EXPECT_FALSE(expect_no_params({}));
  EXPECT_EQ(expect_no_params({{"x", ""}})->param, "x");
}

}  // namespace
}  // namespace vankho::searchd
