#include "html_reader.h"

#include <gtest/gtest.h>

#include "html_entities.h"

namespace vankho::ingest {
namespace {

struct Case {
  const char* input;
  const char* title;
  const char* text;
};

TEST(HtmlToText, GoldenTable) {
  const Case cases[] = {
      {"<html><head><title> Chương  trình\n công tác </title></head><body><p>Nội dung</p></body>",
       "Chương trình công tác", "Nội dung"},
      {"<p>a</p><p>b</p>", "", "a\n\nb"},
      {"a<br>b<br/>c<BR />d", "", "a\nb\nc\nd"},
      {"<ul><li>một</li><li>hai</li></ul>", "", "một\nhai"},
      {"<table><tr><td>TỈNH ỦY HẬU GIANG</td><td>ĐẢNG CỘNG SẢN VIỆT NAM</td></tr></table>", "",
       "TỈNH ỦY HẬU GIANG\nĐẢNG CỘNG SẢN VIỆT NAM"},
      {"<h1>I- MỤC TIÊU</h1>văn bản", "", "I- MỤC TIÊU\n\nvăn bản"},
      {"<div>x<span>y</span> <b>z</b></div>", "", "xy z"},
      // Scripts, styles, comments and the like are gone.
      {"a<script>var x = '<p>không</p>';</script>b", "", "ab"},
      {"a<SCRIPT type=\"text/javascript\">if (a < b) {}</SCRIPT >b", "", "ab"},
      {"a<style>p { color: red }</style>b", "", "ab"},
      {"a<!-- chú thích <p> -->b<!---->c<!-->d", "", "abcd"},
      {"<!DOCTYPE html><?xml version=\"1.0\"?>x", "", "x"},
      {"<noscript>Bật JavaScript</noscript>x", "", "x"},
      // Entities.
      {"&lt;p&gt; &amp; &quot;x&quot; &apos;y&apos;", "", "<p> & \"x\" 'y'"},
      {"Ban&nbsp;Thường&nbsp;vụ", "", "Ban Thường vụ"},
      {"&#272;&#7843;ng &#x110;&#xE0;", "", "Đảng Đà"},
      {"&Dstrok;&abreve;ng &Agrave; &ocirc; &utilde; &Itilde;", "", "Đăng À ô ũ Ĩ"},
      {"&#150; &#8211; &ndash; &hellip;", "", "– – – …"},
      {"&#0; &#xD800; &#x110000;", "", "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD"},
      {"AT&T &unknown; & &#; &#x; &amp", "", "AT&T &unknown; & &#; &#x; &"},
      // Whitespace collapses, except in <pre>.
      {"  a \n\n  b  ", "", "a b"},
      {"<pre>a\n  b</pre>c", "", "a\n  b\n\nc"},
      // Malformed markup.
      {"a < b và c > d", "", "a < b và c > d"},
      {"<p class=\"unclosed>text", "", "text"},
      {"<p title='a>b'>x</p>", "", "x"},
      {"text<!-- never closed", "", "text"},
      {"<title>không đóng<p>nội dung", "không đóng", "nội dung"},
      {"<script>never closed", "", ""},
      {"<svg/>sau svg", "", "sau svg"},
      {"<", "", "<"},
      {"</", "", ""},
      {"</>x", "", "x"},
      {"<![CDATA[dữ liệu]]>", "", "dữ liệu"},
  };
  for (const Case& c : cases) {
    const HtmlText out = html_to_text(c.input);
    EXPECT_EQ(out.title, c.title) << "input: " << c.input;
    EXPECT_EQ(out.text, c.text) << "input: " << c.input;
  }
}

TEST(HtmlToText, NeverCrashesOnTruncatedInput) {
  const std::string page =
      "<html><head><title>T&amp;x</title><style>a{}</style></head><body><p class='x'>Đảng "
      "&#x1EA3;<!-- c --><script>s</script><br/>&nbsp;<pre>p</pre></body></html>";
  for (size_t n = 0; n <= page.size(); ++n) {
    const HtmlText out = html_to_text(std::string_view(page).substr(0, n));
    EXPECT_LE(out.text.size(), page.size());
  }
}

TEST(HtmlToText, NeverCrashesOnRandomMarkupSoup) {
  const std::string_view pieces[] = {
      "<",       ">",     "</",     "<!--",      "-->",  "<script>", "</script>", "\"",
      "'",       "&",     "&#",     "&#x",       ";",    "amp",      "<p",        "<title>",
      "</title", "<pre>", "</pre>", "<![CDATA[", "]]>",  "<!",       "<?",        "Đảng",
      " ",       "\n",    "=",      "/",         "<svg", "<br/>",    "\xFF",      "1F"};
  uint64_t state = 12345;
  for (int round = 0; round < 3000; ++round) {
    std::string soup;
    const int n = static_cast<int>(state % 40);
    for (int i = 0; i < n; ++i) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      soup += pieces[(state >> 33) % std::size(pieces)];
    }
    const HtmlText out = html_to_text(soup);
    EXPECT_LE(out.text.size(), soup.size() * 2) << soup;
  }
}

TEST(MatchEntity, Lengths) {
  EXPECT_EQ(match_entity("&amp;x", 0).length, 5u);
  EXPECT_EQ(match_entity("&amp x", 0).length, 4u);
  EXPECT_EQ(match_entity("&copy x", 0).length, 0u);  // only the old five work without ';'
  EXPECT_EQ(match_entity("&#65x", 0).code_point, U'A');
  EXPECT_EQ(match_entity("&#99999999999999999999;", 0).code_point, 0xFFFDu);
}

}  // namespace
}  // namespace vankho::ingest
