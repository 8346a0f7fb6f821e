#include "snippet.h"

#include <gtest/gtest.h>

#include "search_json.h"

namespace vankho::query {
namespace {

// The snippet as the API shows it (search_json.h renders the marks as <mark>, escaping the text).
std::string html(const Snippet& s) { return marked_html(s.passage); }
std::string html_all(std::string_view text, const SnippetQuery& q) {
  return marked_html({std::string(text), highlight_all(text, q)});
}

// A query of folded words typed without marks.
SnippetQuery words(std::initializer_list<const char*> folded) {
  SnippetQuery q;
  for (const char* f : folded) q.words.push_back({f});
  return q;
}

TEST(Snippet, MarksOriginalAccentedWordsForFoldedQuery) {
  const std::string text = "Tập trung xây dựng nông thôn mới; chăm lo đời sống Nhân dân.";
  const Snippet s = make_snippet(text, words({"nong", "thon", "moi"}));
  EXPECT_NE(html(s).find("<mark>nông</mark> <mark>thôn</mark> <mark>mới</mark>"), std::string::npos) << html(s);
}

TEST(Snippet, EscapesHtmlAndPicksTheDensestPassage) {
  std::string text = "<script>alert(1)</script> chuyển đổi. ";
  for (int i = 0; i < 40; ++i) text += "lấp đầy văn bản dài. ";
  text += "Đẩy mạnh chuyển đổi số & phát triển kinh tế số.";
  const Snippet s = make_snippet(text, words({"chuyen", "doi", "so"}));
  EXPECT_EQ(html(s).find("<script>"), std::string::npos);
  EXPECT_NE(html(s).find("<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark> &amp;"), std::string::npos)
      << html(s);
  EXPECT_TRUE(html(s).starts_with("… ")) << html(s);
  EXPECT_GT(s.start, 0u);
}

TEST(Snippet, ReadsOnUntilEveryQueryWordHasBeenSeen) {
  std::string text = "Chuyển đổi mô hình. ";
  while (text.size() < 20000) text += "Nội dung khác của văn bản dài. ";
  text += "Đẩy mạnh chuyển đổi số toàn diện.";
  const Snippet s = make_snippet(text, words({"chuyen", "doi", "so"}));
  EXPECT_NE(html(s).find("<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark>"), std::string::npos) << html(s);
  EXPECT_GT(s.start, 19000u);
}

TEST(Snippet, ARunTypedSideBySideIsOneMarkAndItsWordsAloneAreNotMarkedWhereTheTextHasIt) {
  SnippetQuery q = words({"chuyen", "doi", "so"});
  q.runs = {{"chuyen", "doi", "so"}};
  const std::string with = "Số liệu đời sống; đẩy mạnh chuyển đổi số, sơ kết việc đổi mới.";
  EXPECT_EQ(html_all(with, q), "Số liệu đời sống; đẩy mạnh <mark>chuyển đổi số</mark>, sơ kết việc đổi mới.");
  EXPECT_EQ(html(make_snippet(with, q)), html_all(with, q));
  // Without the run, each word is marked on its own.
  const std::string without = "Số liệu đời sống; chuyển giao.";
  EXPECT_EQ(html_all(without, q), "<mark>Số</mark> liệu <mark>đời</mark> sống; <mark>chuyển</mark> giao.");
  // The run's words must be side by side, in the order typed.
  EXPECT_EQ(html_all("số đổi chuyển", q), "<mark>số</mark> <mark>đổi</mark> <mark>chuyển</mark>");
  EXPECT_EQ(html_all("chuyển đổi. Số", q), "<mark>chuyển</mark> <mark>đổi</mark>. <mark>Số</mark>");
}

TEST(Snippet, CodesAndNoMatch) {
  const std::string text = "Thực hiện Nghị quyết số 13-NQ/TW của Bộ Chính trị.";
  EXPECT_NE(html(make_snippet(text, {{}, {"13-NQ/TW"}, {}})).find("<mark>13-NQ/TW</mark>"), std::string::npos);
  const Snippet none = make_snippet(text, words({"xyz"}));
  EXPECT_EQ(html(none).find("<mark>"), std::string::npos);
  EXPECT_NE(html(none).find("Thực hiện"), std::string::npos);
  EXPECT_EQ(html(make_snippet("", words({"a"}))), "");
}

TEST(Snippet, AWordTypedWithMarksIsMarkedWhereTheTextWritesItSo) {
  const std::string text = "Kính gửi các đồng chí; hoạt động của Ban Thường vụ; đồng chí Bí thư.";
  // `đồng` typed: `động` (same letters, other marks) is not marked.
  const Snippet s = make_snippet(text, {{{"dong", "đồng"}, {"chi", "chí"}}, {}, {}});
  EXPECT_NE(html(s).find("<mark>đồng</mark> <mark>chí</mark>"), std::string::npos) << html(s);
  EXPECT_EQ(html(s).find("<mark>động</mark>"), std::string::npos) << html(s);
  // Typed without marks, every form matches.
  EXPECT_NE(html(make_snippet(text, words({"dong"}))).find("<mark>động</mark>"), std::string::npos);
  // Typed with marks the text never uses (a slip): the forms it has are marked after all.
  EXPECT_NE(html(make_snippet("hoạt động thường xuyên", {{{"dong", "đồng"}}, {}, {}})).find("<mark>động</mark>"),
            std::string::npos);
  EXPECT_EQ(html_all("đồng, động", {{{"dong", "đồng"}}, {}, {}}), "<mark>đồng</mark>, động");
}

TEST(Snippet, ThePassageIsChosenByItsRarestWordsNotByHowManyCommonOnes) {
  std::string text = "Điều 1. Các nội dung được quy định trong luật này có hiệu lực. ";
  for (int i = 0; i < 10; ++i) text += "Nội dung khác của văn bản dài. ";
  text += "Hội đồng xét duyệt hồ sơ trong thời hạn 15 ngày.";
  SnippetQuery q = words({"duoc", "quy", "dinh", "trong", "co", "hoi", "xet", "duyet"});
  const std::string rare_passage = "<mark>xét</mark> <mark>duyệt</mark>";
  // With every word weighing the same, the opening (five distinct words) wins over the passage
  // with three; weighed by how rare they are, the rare words choose.
  EXPECT_EQ(html(make_snippet(text, q)).find(rare_passage), std::string::npos);
  for (auto& w : q.words) w.weight = w.folded == "xet" || w.folded == "duyet" ? 1.0 : 0.05;
  EXPECT_NE(html(make_snippet(text, q)).find(rare_passage), std::string::npos) << html(make_snippet(text, q));
}

TEST(Snippet, AWordMarkedOnlyInPairsIsMarkedInARunOfTypedPairsHoldingAnotherWord) {
  SnippetQuery q{{{"giay", "giấy", 0.1, true}, {"chung", "chứng"}, {"nhan", "nhận", 0.1, true}}, {},
                 {{"giay", "chung"}, {"chung", "nhan"}}};
  EXPECT_EQ(html_all("Giấy phép. Giấy chứng nhận; nhận hồ sơ, giấy nhận.", q),
            "Giấy phép. <mark>Giấy</mark> <mark>chứng</mark> <mark>nhận</mark>; nhận hồ sơ, giấy nhận.");
}

TEST(Snippet, ThePassageIsPlainTextWithRangesOnIt) {
  const Snippet s = make_snippet("Tỉnh ủy\nchỉ đạo & <>.", words({"uy", "chi"}));
  EXPECT_EQ(s.passage.text, "Tỉnh ủy chỉ đạo & <>.");  // one line; no markup, no escaping
  std::vector<std::string> marked;
  for (const auto& m : s.passage.marks) marked.push_back(s.passage.text.substr(m.begin, m.end - m.begin));
  EXPECT_EQ(marked, (std::vector<std::string>{"ủy", "chỉ"}));
}

TEST(Snippet, HighlightAllKeepsLines) {
  EXPECT_EQ(html_all("Tỉnh ủy\nhoà <b>", words({"uy", "hoa"})),
            "Tỉnh <mark>ủy</mark>\n<mark>hoà</mark> &lt;b&gt;");
}

}  // namespace
}  // namespace vankho::query
