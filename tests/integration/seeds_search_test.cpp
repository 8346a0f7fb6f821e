// Search over the five seed documents, with answers a person can check by reading seeds/.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "search_json.h"
#include "searcher.h"
#include "temp_dir.h"
#include "test_index.h"

namespace vankho {
namespace {

const std::string k000 = "000_b0635ad2fd7fc13e.txt";  // Chương trình làm việc tháng 9 năm 2022
const std::string k001 = "001_36391affc1bfd663.txt";  // Chương trình chỉ đạo tháng 7/2022, cites 13-NQ/TW
const std::string k002 = "002_d93671f2cbad73a6.txt";  // news: 3 tháng cuối năm 2020, cites 28-KL/TU
const std::string k003 = "003_aabf41006b262e9c.txt";  // draft: công tác quý I năm 2025, cites 4218-QĐ/TU
const std::string k004 = "004_d18117e02a6e2a66.txt";  // CTHĐ năm 2023, cites 13-NQ/TW, 42-KL/TW, 07/2021/NĐ-CP

class SeedsSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    const auto stats = testing::build_index(dir_->str("index"), {testing::seeds_dir()});
    ASSERT_EQ(stats.added, 5u);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override { searcher_ = std::make_unique<query::Searcher>(dir_->str("index")); }

  query::SearchResponse search(const std::string& q) {
    query::SearchRequest r;
    r.q = q;
    return searcher_->search(r);
  }
  std::vector<std::string> ids(const std::string& q) {
    std::vector<std::string> out;
    for (const auto& h : search(q).hits) out.push_back(h.id);
    return out;
  }
  std::set<std::string> id_set(const std::string& q) {
    const auto v = ids(q);
    return {v.begin(), v.end()};
  }

  static testing::TempDir* dir_;
  std::unique_ptr<query::Searcher> searcher_;
};
testing::TempDir* SeedsSearch::dir_ = nullptr;

// The 2023 programme says `chuyển đổi số` four times and names more of that theme's phrases, past
// the five themes it scores higher on: every theme over the threshold is kept, so the facet finds it.
TEST_F(SeedsSearch, EveryThemeOverTheThresholdIsAFacetOfItsDocument) {
  query::SearchRequest r;
  r.themes = {"Chuyển đổi số"};
  std::set<std::string> got;
  for (const auto& h : searcher_->search(r).hits) got.insert(h.id);
  EXPECT_TRUE(got.contains(k004)) << "found " << got.size() << " document(s) with the theme";
  r.themes = {"chuyen-doi-so"};
  r.q = "chương trình hành động";
  EXPECT_FALSE(searcher_->search(r).hits.empty());
}

TEST_F(SeedsSearch, EveryCodeSpellingFindsExactlyTheCitingDocuments) {
  for (const std::string q : {"13-NQ/TW", "13/NQ-TW", "13-nq/tw", "NQ 13", "nghị quyết 13",
                              "nghi quyet so 13-NQ/TW", "13 - NQ/TW", "nghị quyết số 13"}) {
    const auto r = search(q);
    std::set<std::string> got;
    for (const auto& h : r.hits) got.insert(h.id);
    EXPECT_EQ(got, (std::set<std::string>{k001, k004})) << q;
    ASSERT_EQ(r.query.codes.size(), 1u) << q;
    EXPECT_EQ(r.query.codes[0].codes, std::vector<std::string>{"13-NQ/TW"}) << q;
    EXPECT_EQ(r.query.codes[0].cited_by, 2u) << q;
    EXPECT_TRUE(r.query.words.empty()) << q << " left words: " << r.query.words.front();
  }
  EXPECT_EQ(id_set("4218-QD/TU"), std::set<std::string>{k003});
  EXPECT_EQ(id_set("4218-QĐ/TU"), std::set<std::string>{k003});
  EXPECT_EQ(id_set("07/2021/ND-CP"), std::set<std::string>{k004});
  EXPECT_EQ(id_set("42-KL/TW"), std::set<std::string>{k004});
  EXPECT_EQ(id_set("08-HD/UBKTTW"), std::set<std::string>{k003});
  // The same number under another issuer is another document: 42/NQ-CP (the Government's, cited
  // by the news seed) is not 42-KL/TW (cited by seed 004).
  EXPECT_EQ(id_set("42/NQ-CP"), std::set<std::string>{k002});
  EXPECT_EQ(search("42/NQ-CP").query.codes.at(0).cited_by, 1u);
  EXPECT_TRUE(ids("42-NQ/TW").empty());
}

TEST_F(SeedsSearch, PeriodQueriesRankTheCoveringDocumentFirst) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"tháng 9 năm 2022", k000}, {"tháng 7/2022", k001},       {"quý I năm 2025", k003},
      {"quy 1 2025", k003},       {"năm 2023", k004},           {"3 tháng cuối năm 2020", k002},
      {"chương trình công tác quý I năm 2025", k003}, {"chuong trinh thang 7/2022", k001}};
  for (const auto& [q, first] : cases) {
    const auto r = search(q);
    ASSERT_FALSE(r.hits.empty()) << q;
    EXPECT_EQ(r.hits[0].id, first) << q;
    ASSERT_TRUE(r.query.period.has_value()) << q;
  }
  const auto r = search("quý I năm 2025");
  EXPECT_EQ(r.query.period->from, 20250101);
  EXPECT_EQ(r.query.period->to, 20250331);
  // Taking the query literally (the interpretation undone) searches the words instead.
  query::SearchRequest literal;
  literal.q = "quý I năm 2025";
  literal.interpret = false;
  EXPECT_FALSE(searcher_->search(literal).query.period.has_value());
}

TEST_F(SeedsSearch, AbbreviationsFindWhatTheyStandFor) {
  // No seed writes HĐND or MTTQ; these are the ones that spell them out.
  EXPECT_EQ(id_set("HĐND"), (std::set<std::string>{k002, k003, k004}));
  EXPECT_EQ(id_set("hdnd"), id_set("HĐND"));
  EXPECT_EQ(id_set("MTTQ"), (std::set<std::string>{k000, k002, k003, k004}));
  const auto r = search("HĐND tỉnh");
  ASSERT_EQ(r.query.abbreviations.size(), 1u);
  EXPECT_EQ(r.query.abbreviations[0].also, "hội đồng nhân dân");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_NE(query::marked_html(r.hits[0].snippet).find("<mark>Hội</mark> <mark>đồng</mark> <mark>nhân</mark> <mark>dân</mark>"),
            std::string::npos) << query::marked_html(r.hits[0].snippet);
  query::SearchRequest literal;
  literal.q = "HĐND";
  literal.interpret = false;
  EXPECT_EQ(searcher_->search(literal).total, 0u);
  // 002 writes UBND, 004 Uỷ ban nhân dân: either form finds both, and spelled out they rank first
  // (the others have the four words apart).
  EXPECT_EQ(id_set("UBND"), (std::set<std::string>{k002, k004}));
  const auto spelled = ids("ủy ban nhân dân");
  ASSERT_GE(spelled.size(), 2u);
  EXPECT_EQ((std::set<std::string>{spelled[0], spelled[1]}), (std::set<std::string>{k002, k004}));
  // ... and 002 owes part of its score to its UBND: taken literally, it scores less.
  auto score_of_002 = [&](bool interpret) {
    query::SearchRequest r;
    r.q = "ủy ban nhân dân";
    r.interpret = interpret;
    for (const auto& h : searcher_->search(r).hits) {
      if (h.id == k002) return h.score;
    }
    return 0.0;
  };
  EXPECT_GT(score_of_002(true), score_of_002(false) + 0.1);
}

TEST_F(SeedsSearch, UnaccentedFindsWhatAccentedFinds) {
  for (const auto& [accented, plain] : std::vector<std::pair<std::string, std::string>>{
           {"nông thôn mới", "nong thon moi"},
           {"chuyển đổi số", "chuyen doi so"},
           {"phòng, chống tham nhũng", "phong chong tham nhung"},
           {"Ủy ban kiểm tra", "uy ban kiem tra"}}) {
    const auto a = id_set(accented), b = id_set(plain);
    EXPECT_FALSE(a.empty()) << accented;
    EXPECT_EQ(a, b) << accented;
  }
  EXPECT_EQ(id_set("nông thôn mới"), id_set("nông thon moi"));
  EXPECT_EQ(id_set("uỷ ban"), id_set("ủy ban"));  // old and new tone placement are one
}

TEST_F(SeedsSearch, SnippetsHighlightAccentedTextForUnaccentedQueries) {
  const auto r = search("nong thon moi");
  ASSERT_FALSE(r.hits.empty());
  bool marked = false;
  for (const auto& h : r.hits) {
    marked |= query::marked_html(h.snippet).find("<mark>nông thôn mới</mark>") != std::string::npos;
    EXPECT_EQ(query::marked_html(h.snippet).find("<script"), std::string::npos);
  }
  EXPECT_TRUE(marked) << query::marked_html(r.hits[0].snippet);
}

TEST_F(SeedsSearch, AQuestionsSnippetFindsThePassageDeepInALongDocument) {
  // A question (any word may match) whose words 004 (32 KB) has only past its 14th kilobyte, next
  // to words it never uses (`thưa`): the snippet looks for the words the document has and shows
  // that passage, not the opening.
  const auto r = search("Lượt khách du lịch tham quan có tăng không, thưa đồng chí?");
  const auto hit = std::find_if(r.hits.begin(), r.hits.end(), [](const auto& h) { return h.id == k004; });
  ASSERT_NE(hit, r.hits.end());
  EXPECT_NE(query::marked_html(hit->snippet).find("<mark>lượt</mark> <mark>khách</mark>"), std::string::npos) << query::marked_html(hit->snippet);
  EXPECT_NE(query::marked_html(hit->snippet).find("<mark>du</mark> <mark>lịch</mark>"), std::string::npos) << query::marked_html(hit->snippet);
}

TEST_F(SeedsSearch, PortalBoilerplateIsNotSearchable) {
  EXPECT_TRUE(ids("PublishingPortal").empty());
  EXPECT_TRUE(ids("Block_BanTin_Toolbar").empty());
  EXPECT_TRUE(ids("\"Tăng cỡ chữ Giảm cỡ chữ\"").empty());
  EXPECT_TRUE(ids("\"giảm cỡ chữ\"").empty());
}

TEST_F(SeedsSearch, SuggestsTheAccentedQuery) {
  EXPECT_EQ(search("nong thon moi").suggestion.value_or(""), "nông thôn mới");
  EXPECT_EQ(search("tham nhung").suggestion.value_or(""), "tham nhũng");
  EXPECT_FALSE(search("nông thôn mới").suggestion.has_value());
}

TEST_F(SeedsSearch, FacetsCountTheWholeMatchSet) {
  const auto r = search("tỉnh");
  EXPECT_EQ(r.total, 5u);
  EXPECT_TRUE(r.total_exact);
  size_t types = 0;
  for (const auto& f : r.facets.at("type")) types += f.count;
  EXPECT_EQ(types, 5u);
  ASSERT_FALSE(r.facets.at("year").empty());
  bool has_2025 = false;
  for (const auto& f : r.facets.at("year")) has_2025 |= f.value == "2025" && f.count == 1;
  EXPECT_TRUE(has_2025);
  // What tests/extract/ says of the five seeds: 3 Chương trình, 1 Chương trình hành động, 1 tin
  // bài; issuers Ban Thường vụ Tỉnh ủy ×3, Ban Chấp hành Đảng bộ tỉnh ×1; Hậu Giang, Đồng Tháp;
  // every seed has the theme kinh-te.
  auto count_of = [&](const std::string& facet, const std::string& value) -> size_t {
    for (const auto& f : r.facets.at(facet)) {
      if (f.value == value) return f.count;
    }
    return 0;
  };
  EXPECT_EQ(count_of("type", "chuong-trinh"), 3u);
  EXPECT_EQ(count_of("type", "chuong-trinh-hanh-dong"), 1u);
  EXPECT_EQ(count_of("type", "tin-bai"), 1u);
  EXPECT_EQ(count_of("issuer", "Ban Thường vụ Tỉnh ủy"), 3u);
  EXPECT_EQ(count_of("issuer", "Ban Chấp hành Đảng bộ tỉnh"), 1u);
  EXPECT_EQ(count_of("province", "Hậu Giang"), 1u);
  EXPECT_EQ(count_of("province", "Đồng Tháp"), 1u);
  EXPECT_EQ(count_of("theme", "kinh-te"), 5u);
}

TEST_F(SeedsSearch, FiltersNarrowAndMalformedOnesWarn) {
  query::SearchRequest req;
  req.q = "tỉnh";
  req.years = {"2025"};
  auto r = searcher_->search(req);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].id, k003);

  EXPECT_EQ(id_set("tỉnh nam:2022"), (std::set<std::string>{k000, k001}));  // years covered

  r = search("nông thôn nam:abc");
  ASSERT_FALSE(r.query.warnings.empty());
  EXPECT_NE(r.query.warnings[0].message.find("nam:abc"), std::string::npos);
  EXPECT_EQ(r.query.warnings[0].code, "bad_year");
  EXPECT_FALSE(r.hits.empty());  // the rest still ran

  r = search("tỉnh den:2021 tu:2023");
  ASSERT_FALSE(r.query.warnings.empty());
  EXPECT_NE(r.query.warnings.back().message.find("swapped"), std::string::npos);
  EXPECT_EQ(r.query.warnings.back().code, "dates_swapped");

  r = search("tỉnh -covid");
  for (const auto& h : r.hits) EXPECT_NE(h.id, k000) << "seed 000 mentions Covid-19";
}

TEST_F(SeedsSearch, SortByDateAndPaging) {
  query::SearchRequest req;
  req.q = "tỉnh";
  req.sort = query::SortOrder::kDate;
  req.limit = 2;
  const auto first = searcher_->search(req);
  ASSERT_EQ(first.hits.size(), 2u);
  EXPECT_GE(first.hits[0].date, first.hits[1].date);
  req.offset = 2;
  const auto second = searcher_->search(req);
  ASSERT_EQ(second.hits.size(), 2u);
  EXPECT_NE(second.hits[0].id, first.hits[0].id);
  EXPECT_NE(second.hits[0].id, first.hits[1].id);
}

TEST_F(SeedsSearch, AbsurdQueriesNeverFail) {
  for (const std::string& q : {std::string(200000, 'a'), std::string("\xFF\xFE\x80"), std::string("\"\"\"\""),
                              std::string("OR OR OR"), std::string("-"), std::string(":::"),
                              std::string("loai:xyz"), std::string(5000, ' ')}) {
    const auto r = search(q);
    (void)r;
  }
  const auto r = search(std::string(3000, 'a') + " b");
  EXPECT_FALSE(r.query.warnings.empty());
}

// Why a document answers a search: the plan's terms it has and where, codes, the period's fit.
TEST_F(SeedsSearch, AnExplanationSaysWhichOfThePlansTermsTheDocumentHasAndWhere) {
  const auto find = [](const query::Explanation& e, const std::string& kind, const std::string& text) {
    for (const auto& t : e.terms) {
      if (t.kind == kind && t.text == text) return t;
    }
    ADD_FAILURE() << "no " << kind << " '" << text << "' among " << e.terms.size() << " terms";
    return query::Explanation::Term{};
  };
  query::SearchRequest r;
  r.q = "chuyen doi so";
  const auto words = searcher_->explain(r, k004);
  ASSERT_TRUE(words.has_value());
  EXPECT_TRUE(words->matches);
  EXPECT_EQ(find(*words, "pair", "chuyen doi").count, 5u);  // its five `chuyển đổi số`
  EXPECT_EQ(find(*words, "pair", "doi so").count, 5u);
  EXPECT_EQ(find(*words, "folded", "so").where, (std::vector<std::string>{"text"}));
  EXPECT_FALSE(words->period_asked.has_value());

  r.q = "NQ 13";
  const auto code = searcher_->explain(r, k001);
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(find(*code, "cites", "13-NQ/TW").kind, "cites");

  r.q = "chương trình quý I năm 2025";
  const auto period = searcher_->explain(r, k003);
  ASSERT_TRUE(period.has_value());
  EXPECT_EQ(find(*period, "pair", "chuong trinh").where, (std::vector<std::string>{"title", "text"}));
  EXPECT_EQ(find(*period, "word", "chương").where, (std::vector<std::string>{"title", "text"}));
  ASSERT_TRUE(period->period_asked && period->period_document);
  EXPECT_EQ(*period->period_asked, std::make_pair(std::string("2025-01-01"), std::string("2025-03-31")));
  EXPECT_DOUBLE_EQ(period->period_fit, 1.0);
  // Another quarter: the document still matches the words, its period fits less.
  r.q = "chương trình năm 2025";
  EXPECT_LT(searcher_->explain(r, k003)->period_fit, 0.5);

  r.q = "NQ 13";
  EXPECT_FALSE(searcher_->explain(r, k000)->matches);  // a document the search does not find
  EXPECT_FALSE(searcher_->explain(r, "no-such-id").has_value());
}

TEST_F(SeedsSearch, DocumentSimilarAndCitations) {
  const auto view = searcher_->document(k001, "nghi quyet");
  ASSERT_TRUE(view.has_value());
  EXPECT_NE(query::marked_html(view->text).find("<mark>Nghị quyết</mark>"), std::string::npos);
  EXPECT_FALSE(searcher_->document("../../etc/passwd").has_value());

  const auto similar = searcher_->similar(k000);
  ASSERT_TRUE(similar.has_value());
  EXPECT_FALSE(similar->hits.empty());
  for (const auto& h : similar->hits) EXPECT_NE(h.id, k000);

  const auto c = searcher_->citations("NQ 13");
  EXPECT_EQ(c.codes, std::vector<std::string>{"13-NQ/TW"});
  std::set<std::string> citing;
  for (const auto& d : c.citing) citing.insert(d.id);
  EXPECT_EQ(citing, (std::set<std::string>{k001, k004}));
  EXPECT_FALSE(searcher_->citations("không phải mã").warning.empty());
}

}  // namespace
}  // namespace vankho
