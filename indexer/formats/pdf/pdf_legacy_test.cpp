// read_pdf on a hand-made PDF whose text is set in TCVN3 fonts (`.VnTime`, not embedded, bytes
// read through WinAnsiEncoding as poppler does for such files): lines repaired and counted.
#include <gtest/gtest.h>

#include <memory>

#include "page_fonts.h"
#include "pdf_reader.h"
#include "poppler_session.h"
#include "temp_dir.h"
#include "test_pdfs.h"

namespace vankho::formats {
namespace {

using pdf::testing::hand_made_pdf;
using pdf::testing::stream_object;

// Page 1 mixes .VnTime and Helvetica in two blocks (a blank line between them: poppler's blocks),
// its fonts found word by word; page 2 is all .VnTime; page 3 has a line in the upper-case font
// .VnTimeH (its codes are lower-case letters: only the hint makes them upper case) over one in
// .VnTime.
std::string tcvn3_pdf() {
  const std::string vntime =
      "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+.VnTime /Encoding /WinAnsiEncoding >>";
  const std::string page1 =
      "BT /F1 14 Tf 72 700 Td (Ngh\\336 quy\\325t \\256\\266ng \\361y) Tj ET\n"
      "BT /F2 10 Tf 72 50 Td (Trang 1) Tj ET";
  const std::string page2 = "BT /F1 14 Tf 72 700 Td (Ban ch\\312p h\\265nh) Tj ET";
  const std::string page3 =
      "BT /F3 14 Tf 72 700 Td (quy\\325t \\256\\336nh) Tj ET\n"
      "BT /F1 14 Tf 72 680 Td (ngh\\336 quy\\325t) Tj ET";
  return hand_made_pdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 4 0 R 9 0 R] /Count 3 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
       "/Resources << /Font << /F1 7 0 R /F2 8 0 R >> >> >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R "
       "/Resources << /Font << /F1 7 0 R >> >> >>",
       stream_object(page1), stream_object(page2), vntime,
       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 10 0 R "
       "/Resources << /Font << /F1 7 0 R /F3 11 0 R >> >> >>",
       stream_object(page3),
       "<< /Type /Font /Subtype /Type1 /BaseFont /.VnTimeH /Encoding /WinAnsiEncoding >>"});
}

TEST(PdfLegacy, TextInVnTimeFontsIsRepairedLineByLine) {
  vankho::testing::TempDir dir;
  dir.write("tcvn3.pdf", tcvn3_pdf());
  const ReadResult r = read_pdf(dir.str("tcvn3.pdf"), ReadLimits{});
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_EQ(r.doc->pages, 3u);
  EXPECT_EQ(r.doc->text, "Nghị quyết đảng ủy\n\nTrang 1\fBan chấp hành\fQUYẾT ĐỊNH\nnghị quyết");
  EXPECT_EQ(r.doc->conversions, std::vector<std::string>{"TCVN3: 4 lines"});
  EXPECT_EQ(r.doc->pages_without_text, 0u);
}

TEST(PdfLegacy, ForcedEncodingOverridesTheFonts) {
  vankho::testing::TempDir dir;
  dir.write("tcvn3.pdf", tcvn3_pdf());
  const ReadResult r = read_pdf(dir.str("tcvn3.pdf"), ReadLimits{}, PdfOptions{Encoding::kUnicode});
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_EQ(r.doc->text, "NghÞ quyÕt ®¶ng ñy\n\nTrang 1\fBan chÊp hµnh\fquyÕt ®Þnh\nnghÞ quyÕt");
  EXPECT_TRUE(r.doc->conversions.empty());
}

TEST(PdfLegacy, EachPageReportsItsOwnFonts) {
  vankho::testing::TempDir dir;
  dir.write("tcvn3.pdf", tcvn3_pdf());
  pdf::PopplerMessages quiet;
  const pdf::OpenedDocument opened = pdf::open_document(dir.str("tcvn3.pdf"), quiet);
  ASSERT_TRUE(opened.doc) << opened.error;
  // Page 2 uses the font page 1 used too: a scan of its own still lists it.
  EXPECT_EQ(pdf::page_font_names(*opened.doc, 0),
            (std::vector<std::string>{"ABCDEF+.VnTime", "Helvetica"}));
  EXPECT_EQ(pdf::page_font_names(*opened.doc, 1), std::vector<std::string>{"ABCDEF+.VnTime"});

  const pdf::PageFonts mixed = pdf::classify_fonts(pdf::page_font_names(*opened.doc, 0));
  EXPECT_TRUE(mixed.any_legacy);
  EXPECT_FALSE(mixed.one_hint);
  const pdf::PageFonts legacy = pdf::classify_fonts(pdf::page_font_names(*opened.doc, 1));
  EXPECT_TRUE(legacy.any_legacy);
  EXPECT_TRUE(legacy.one_hint);
  ASSERT_TRUE(legacy.hint);
  EXPECT_EQ(legacy.hint->encoding, Encoding::kTcvn3);
  const pdf::PageFonts unicode = pdf::classify_fonts({"ABCDEF+NotoSerif-Regular", "Arial"});
  EXPECT_FALSE(unicode.any_legacy);
  EXPECT_FALSE(unicode.hint);

  std::unique_ptr<poppler::page> page(opened.doc->create_page(0));
  ASSERT_TRUE(page);
  const std::vector<pdf::PdfWord> words = pdf::page_words(*page, true);
  ASSERT_EQ(words.size(), 6u);
  EXPECT_EQ(words[0].text, "NghÞ");
  EXPECT_EQ(words[0].font, "ABCDEF+.VnTime");
  EXPECT_EQ(words[4].text, "Trang");
  EXPECT_EQ(words[4].font, "Helvetica");
}

}  // namespace
}  // namespace vankho::formats
