#include "snippet.h"

#include <gtest/gtest.h>

namespace vankho::query {
namespace {

TEST(Snippet, MarksOriginalAccentedWordsForFoldedQuery) {
  const std::string text = "Tập trung xây dựng nông thôn mới; chăm lo đời sống Nhân dân.";
  const Snippet s = make_snippet(text, {{"nong", "thon", "moi"}, {}});
  EXPECT_NE(s.html.find("<mark>nông</mark> <mark>thôn</mark> <mark>mới</mark>"), std::string::npos) << s.html;
}

TEST(Snippet, EscapesHtmlAndPicksTheDensestPassage) {
  std::string text = "<script>alert(1)</script> chuyển đổi. ";
  for (int i = 0; i < 40; ++i) text += "lấp đầy văn bản dài. ";
  text += "Đẩy mạnh chuyển đổi số & phát triển kinh tế số.";
  const Snippet s = make_snippet(text, {{"chuyen", "doi", "so"}, {}});
  EXPECT_EQ(s.html.find("<script>"), std::string::npos);
  EXPECT_NE(s.html.find("<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark> &amp;"), std::string::npos)
      << s.html;
  EXPECT_TRUE(s.html.starts_with("… ")) << s.html;
  EXPECT_GT(s.start, 0u);
}

TEST(Snippet, ReadsOnUntilEveryQueryWordHasBeenSeen) {
  std::string text = "Chuyển đổi mô hình. ";
  while (text.size() < 20000) text += "Nội dung khác của văn bản dài. ";
  text += "Đẩy mạnh chuyển đổi số toàn diện.";
  const Snippet s = make_snippet(text, {{"chuyen", "doi", "so"}, {}});
  EXPECT_NE(s.html.find("<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark>"), std::string::npos) << s.html;
  EXPECT_GT(s.start, 19000u);
}

TEST(Snippet, CodesAndNoMatch) {
  const std::string text = "Thực hiện Nghị quyết số 13-NQ/TW của Bộ Chính trị.";
  EXPECT_NE(make_snippet(text, {{}, {"13-NQ/TW"}}).html.find("<mark>13-NQ/TW</mark>"), std::string::npos);
  const Snippet none = make_snippet(text, {{"xyz"}, {}});
  EXPECT_EQ(none.html.find("<mark>"), std::string::npos);
  EXPECT_NE(none.html.find("Thực hiện"), std::string::npos);
  EXPECT_EQ(make_snippet("", {{"a"}, {}}).html, "");
}

TEST(Snippet, AWordTypedWithMarksIsMarkedWhereTheTextWritesItSo) {
  const std::string text = "Kính gửi các đồng chí; hoạt động của Ban Thường vụ; đồng chí Bí thư.";
  // `đồng` typed: `động` (same letters, other marks) is not marked.
  const Snippet s = make_snippet(text, {{"dong", "chi"}, {}, {"đồng", "chí"}});
  EXPECT_NE(s.html.find("<mark>đồng</mark> <mark>chí</mark>"), std::string::npos) << s.html;
  EXPECT_EQ(s.html.find("<mark>động</mark>"), std::string::npos) << s.html;
  // Typed without marks, every form matches.
  EXPECT_NE(make_snippet(text, {{"dong"}, {}}).html.find("<mark>động</mark>"), std::string::npos);
  // Typed with marks the text never uses (a slip): the forms it has are marked after all.
  EXPECT_NE(make_snippet("hoạt động thường xuyên", {{"dong"}, {}, {"đồng"}}).html.find("<mark>động</mark>"),
            std::string::npos);
  EXPECT_EQ(highlight_all("đồng, động", {{"dong"}, {}, {"đồng"}}), "<mark>đồng</mark>, động");
}

TEST(Snippet, HighlightAllKeepsLines) {
  EXPECT_EQ(highlight_all("Tỉnh ủy\nhoà <b>", {{"uy", "hoa"}, {}}),
            "Tỉnh <mark>ủy</mark>\n<mark>hoà</mark> &lt;b&gt;");
}

}  // namespace
}  // namespace vankho::query
