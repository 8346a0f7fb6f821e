#include "search_json.h"

#include <gtest/gtest.h>

namespace vankho::query {
namespace {

TEST(MarkedHtml, EscapesTheTextAndMarksTheRanges) {
  const MarkedText m{"Tỉnh ủy <b> & \"x\"", {{0, 6}, {7, 11}}};  // "Tỉnh" is 6 bytes, "ủy" 4
  EXPECT_EQ(marked_html(m), "<mark>Tỉnh</mark> <mark>ủy</mark> &lt;b&gt; &amp; &quot;x&quot;");
  EXPECT_EQ(marked_html({"a\nb", {}}), "a\nb");
  EXPECT_EQ(marked_html({"", {}}), "");
}

TEST(MarkedHtml, IgnoresRangesOutOfOrderOrOutOfTheText) {
  EXPECT_EQ(marked_html({"abc", {{1, 2}, {0, 1}, {2, 9}}}), "a<mark>b</mark>c");
}

TEST(ViewJson, CitationWarningIsNullWhenThereIsNone) {
  CitationView v;
  v.query = "13-NQ/TW";
  EXPECT_TRUE(to_json(v)["warning"].is_null());
  v.warning = "not a code";
  EXPECT_EQ(to_json(v)["warning"], "not a code");
}

TEST(ViewJson, ADocumentIsItsMetadataWithTextAndHighlightsWhenAsked) {
  DocumentView v;
  v.id = "a.txt";
  v.meta = {{"id", "a.txt"}, {"title", "T"}};
  v.text = {"nông thôn", {{0, 5}}};
  v.cited_by.push_back({"b.txt", "B", "nghi-quyet", "Nghị quyết", "1-NQ/TU", "2022"});
  nlohmann::json j = to_json(v);
  EXPECT_EQ(j["title"], "T");
  EXPECT_EQ(j["text"], "nông thôn");
  EXPECT_EQ(j["cited_by"][0]["type_label"], "Nghị quyết");
  EXPECT_FALSE(j.contains("highlighted_html"));
  v.highlighted = true;
  EXPECT_EQ(to_json(v)["highlighted_html"], "<mark>nông</mark> thôn");
}

}  // namespace
}  // namespace vankho::query
