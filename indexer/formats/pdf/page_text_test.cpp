// Page text from words: tidying, and the legacy repair of each line run by run, a run being the
// line's words of one font hint; on synthetic pages (words with font names and boxes as
// poppler's text_list gives them).
#include "page_text.h"

#include <gtest/gtest.h>

namespace vankho::formats::pdf {
namespace {

// Words set in `font`, one after another on line `line` (17 pt apart), 6 pt a character.
struct Writer {
  std::vector<PdfWord> words;
  double x = 50;
  int line = 0;

  Writer& add(std::string_view text, const std::string& font = "") {
    for (size_t from = 0; from < text.size();) {
      const size_t space = std::min(text.find(' ', from), text.size());
      const std::string word(text.substr(from, space - from));
      const double top = 100 + 17.0 * line;
      const double width = 6.0 * static_cast<double>(word.size());
      words.push_back({word, font, x, top, x + width, top + 14, 0, true});
      x += width + 3;
      from = space + 1;
    }
    return *this;
  }
  Writer& next_line() {
    words.back().space_after = false;
    ++line;
    x = 50;
    return *this;
  }
};

TEST(TidyText, LinesAreCleanValidAndNfc) {
  EXPECT_EQ(tidy_text("  Điều  1.\tPhạm vi  \r\n\n\n\nnội dung\f\n\n"),
            "Điều 1. Phạm vi\n\nnội dung");
  EXPECT_EQ(tidy_text("\n\n  \nđầu"), "đầu");
  EXPECT_EQ(tidy_text("quye\xCC\x82\xCC\x81t"), "quyết");  // NFD -> NFC
  EXPECT_EQ(tidy_text("a\xFF"
                      "b"),
            "a\xEF\xBF\xBD"
            "b");                                  // bad byte -> U+FFFD
  EXPECT_EQ(tidy_text("x\xC2\x85y\x01z"), "xyz");  // C0 and C1 controls
  EXPECT_EQ(tidy_text(""), "");
}

TEST(UnmaskSymbolCodes, PrivateUseCodesBecomeLatin1) {
  EXPECT_EQ(unmask_symbol_codes("Ngh\xEF\x83\x9E"), "NghÞ");                 // U+F0DE -> U+00DE
  EXPECT_EQ(unmask_symbol_codes("\xEF\x80\xA0x"), " x");                     // U+F020 -> ' '
  EXPECT_EQ(unmask_symbol_codes("Nghị \xEF\x84\x80"), "Nghị \xEF\x84\x80");  // U+F100 stays
}

TEST(PageText, EachRunOfALineIsRepairedWithItsFontsHint) {
  Writer page;
  page.add("QUYÕT §ÞNH", "ABCDEF+.VnTimeH")
      .add("sè 42 cña", ".VnTime")
      .add("Ban (Unicode)", "TimesNewRomanPSMT")
      .add("Nghò quyeát", "VNI-Times")
      .next_line()
      .add("Trang 2", "Arial");
  const PageText text = page_text(page.words, std::nullopt, std::nullopt);
  EXPECT_EQ(text.text, "QUYẾT ĐỊNH số 42 của Ban (Unicode) Nghị quyết\nTrang 2");
  EXPECT_EQ(text.converted_lines,
            (std::map<Encoding, size_t>{{Encoding::kTcvn3, 1}, {Encoding::kVni, 1}}));
}

TEST(PageText, WordsWithoutFontsTakeThePageHintOrThePagesMostCommonOne) {
  Writer no_fonts;
  no_fonts.add("NghÞ quyÕt").next_line().add("®¶ng ñy");
  const PageText tcvn3 =
      page_text(no_fonts.words, FontHint{Encoding::kTcvn3, false}, std::nullopt);
  EXPECT_EQ(tcvn3.text, "Nghị quyết\nđảng ủy");
  EXPECT_EQ(tcvn3.converted_lines, (std::map<Encoding, size_t>{{Encoding::kTcvn3, 2}}));

  // "ñy" has no font name (poppler found none): the hint of most of the page's characters.
  Writer some_fonts;
  some_fonts.add("NghÞ quyÕt", ".VnTime").add("®¶ng", ".VnTime").add("ñy").add("1", "Arial");
  EXPECT_EQ(page_text(some_fonts.words, std::nullopt, std::nullopt).text,
            "Nghị quyết đảng ủy 1");
}

TEST(PageText, ForcedEncodingAndUnicodeText) {
  Writer legacy;
  legacy.add("NghÞ quyÕt", ".VnTime");
  const PageText kept = page_text(legacy.words, std::nullopt, Encoding::kUnicode);
  EXPECT_EQ(kept.text, "NghÞ quyÕt");
  EXPECT_TRUE(kept.converted_lines.empty());

  Writer unicode;
  unicode.add("Nghị quyết đảng ủy", "NotoSerif").next_line().add("quye\xCC\x82\xCC\x81t\x01");
  const PageText text = page_text(unicode.words, std::nullopt, std::nullopt);
  EXPECT_EQ(text.text, "Nghị quyết đảng ủy\nquyết");  // NFC, no control character
  EXPECT_TRUE(text.converted_lines.empty());
  EXPECT_EQ(page_text({}, std::nullopt, std::nullopt).text, "");
}

TEST(PageText, LegacyTextIsToldByItsCharacters) {
  Writer tcvn3, vni, unicode, symbol;
  tcvn3.add("Ban chÊp hµnh §¶ng bé");
  vni.add("Ban chaáp haønh Ñaûng boä");
  unicode.add("Ban Chấp hành Đảng bộ tỉnh khóa XV, Hà Nội – 2023 “Nghị quyết”");
  symbol.add("\xEF\x83\x9E");  // U+F0DE
  EXPECT_TRUE(may_be_legacy(tcvn3.words));
  EXPECT_TRUE(may_be_legacy(vni.words));
  EXPECT_FALSE(may_be_legacy(unicode.words));
  EXPECT_TRUE(may_be_legacy(symbol.words));
  EXPECT_FALSE(may_be_legacy({}));
}

}  // namespace
}  // namespace vankho::formats::pdf
