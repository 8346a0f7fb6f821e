// Page text tidying and the line <-> font matching that picks each run's legacy-encoding hint,
// on synthetic pages (words with font names as poppler's text_list gives them).
#include "page_text.h"

#include <gtest/gtest.h>

#include <cctype>

namespace vankho::formats::pdf {
namespace {

// The runs of `line` as "text=hint" strings: hint "-" (none), "TCVN3", "TCVN3H", "VNI".
std::vector<std::string> describe(LineFonts& fonts, std::string_view line) {
  std::vector<std::string> out;
  for (const LineRun& run : fonts.runs(line)) {
    std::string hint = "-";
    if (run.hint) {
      hint = std::string(encoding_name(run.hint->encoding));
      for (char& c : hint) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (run.hint->upper_case) hint += "H";
    }
    out.push_back(std::string(line.substr(run.begin, run.end - run.begin)) + "=" + hint);
  }
  return out;
}

using Runs = std::vector<std::string>;

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

TEST(LineFonts, AWholeLineInOneLegacyFontIsOneRun) {
  const std::vector<PdfWord> words = {
      {"NghÞ", "ABCDEF+.VnTime"}, {"quyÕt", "ABCDEF+.VnTime"}, {"Trang", "Arial"}, {"1", "Arial"}};
  LineFonts fonts(words, std::nullopt);
  EXPECT_EQ(describe(fonts, "NghÞ quyÕt"), Runs{"NghÞ quyÕt=TCVN3"});
  EXPECT_EQ(describe(fonts, "Trang 1"), Runs{"Trang 1=-"});
}

TEST(LineFonts, AMixedLineIsCutIntoRunsByFont) {
  const std::vector<PdfWord> words = {{"QUYÕT", ".VnTimeH"},
                                      {"§ÞNH", ".VnTimeH"},
                                      {"sè", ".VnTime"},
                                      {"42", ".VnTime"},
                                      {"(Unicode)", "TimesNewRomanPSMT"},
                                      {"VNI", "VNI-Times"}};
  LineFonts fonts(words, std::nullopt);
  EXPECT_EQ(describe(fonts, "QUYÕT §ÞNH sè 42 (Unicode) VNI"),
            (Runs{"QUYÕT §ÞNH=TCVN3H", "sè 42=TCVN3", "(Unicode)=-", "VNI=VNI"}));
}

TEST(LineFonts, ARepeatedWordTakesItsFontsInTurn) {
  const std::vector<PdfWord> words = {{"Ban", ".VnTime"}, {"Ban", "Arial"}};
  LineFonts fonts(words, std::nullopt);
  EXPECT_EQ(describe(fonts, "Ban"), Runs{"Ban=TCVN3"});
  EXPECT_EQ(describe(fonts, "Ban"), Runs{"Ban=-"});
  // Used up: the page's dominant hint (TCVN3 and Arial tie on characters: the first counted).
  EXPECT_EQ(describe(fonts, "Ban"), Runs{"Ban=TCVN3"});
}

TEST(LineFonts, UnknownWordsTakeTheirNeighboursHint) {
  const std::vector<PdfWord> words = {{"chÊp", ".VnTime"}, {"hµnh", ".VnTime"}, {"Page", "Arial"}};
  LineFonts fonts(words, std::nullopt);
  // "Ban" is not in the list: at the line start it takes the hint of the first known word;
  // "Trung" after "hµnh" takes the hint of "hµnh".
  EXPECT_EQ(describe(fonts, "Ban chÊp hµnh Trung Page"),
            (Runs{"Ban chÊp hµnh Trung=TCVN3", "Page=-"}));
}

TEST(LineFonts, ALineWithNoKnownWordGetsThePageHint) {
  const std::vector<PdfWord> words = {{"NghÞ", ".VnTime"}, {"quyÕt", ".VnTime"}, {"1", "Arial"}};
  LineFonts fonts(words, std::nullopt);
  EXPECT_EQ(fonts.fallback()->encoding, Encoding::kTcvn3);  // most characters
  EXPECT_EQ(describe(fonts, "xyz abc"), Runs{"xyz abc=TCVN3"});

  LineFonts no_words({}, FontHint{Encoding::kVni, false});
  EXPECT_EQ(describe(no_words, "Nghò quyeát"), Runs{"Nghò quyeát=VNI"});
  LineFonts nothing({}, std::nullopt);
  EXPECT_EQ(describe(nothing, "plain"), Runs{"plain=-"});
  EXPECT_TRUE(nothing.runs("").empty());
}

TEST(LineFonts, WordsJoinedInTheTextAreFoundByTheirParts) {
  const std::vector<PdfWord> words = {{"®", ".VnTime"}, {"¶ng", ".VnTime"}, {"ñy", "Arial"}};
  LineFonts fonts(words, std::nullopt);
  EXPECT_EQ(describe(fonts, "®¶ng ñy"), (Runs{"®¶ng=TCVN3", "ñy=-"}));
}

TEST(UnmaskSymbolCodes, PrivateUseCodesBecomeLatin1) {
  EXPECT_EQ(unmask_symbol_codes("Ngh\xEF\x83\x9E"), "NghÞ");                 // U+F0DE -> U+00DE
  EXPECT_EQ(unmask_symbol_codes("\xEF\x80\xA0x"), " x");                     // U+F020 -> ' '
  EXPECT_EQ(unmask_symbol_codes("Nghị \xEF\x84\x80"), "Nghị \xEF\x84\x80");  // U+F100 stays
}

TEST(RepairPageText, LinesInLegacyFontsAreConvertedAndCounted) {
  const std::vector<PdfWord> words = {{"NghÞ", "XYZABC+.VnTime"}, {"quyÕt", "XYZABC+.VnTime"},
                                      {"®¶ng", "XYZABC+.VnTime"}, {"ñy", "XYZABC+.VnTime"},
                                      {"Trang", "Arial"},         {"2", "Arial"}};
  const PageText page =
      repair_page_text("NghÞ quyÕt\n®¶ng ñy\n\nTrang 2\n", words, std::nullopt, std::nullopt);
  EXPECT_EQ(page.text, "Nghị quyết\nđảng ủy\n\nTrang 2");
  ASSERT_EQ(page.converted_lines.size(), 1u);
  EXPECT_EQ(page.converted_lines.at(Encoding::kTcvn3), 2u);
}

TEST(RepairPageText, UnicodeTextIsLeftAsItIs) {
  const PageText page = repair_page_text("Nghị quyết  đảng ủy\n", {{"Nghị", "NotoSerif"}},
                                         std::nullopt, std::nullopt);
  EXPECT_EQ(page.text, "Nghị quyết đảng ủy");
  EXPECT_TRUE(page.converted_lines.empty());
}

}  // namespace
}  // namespace vankho::formats::pdf
