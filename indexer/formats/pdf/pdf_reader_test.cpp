// read_pdf on PDFs drawn with cairo or written by hand: text and page breaks, reading order of
// columns, properties, scanned pages and OCR, bad input and limits.
#include "pdf_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>

#include <fcntl.h>
#include <unistd.h>

#include "temp_dir.h"
#include "test_pdfs.h"
#include "utf8.h"

namespace vankho::formats {
namespace {

using pdf::testing::TestPage;
using vankho::testing::TempDir;

// The document read (a copy: the result is usually a temporary), or an empty one and a failure.
ExtractedText doc_of(const ReadResult& r) {
  EXPECT_TRUE(r.doc) << r.error;
  return r.doc ? *r.doc : ExtractedText{};
}

TEST(PdfReader, TwoPagesOfVietnameseComeBackInNfcWithOneFormFeed) {
  TempDir dir;
  const std::string path = dir.str("two.pdf");
  // The third line is decomposed (NFD: e + U+0302 + U+0301): it must come back composed.
  pdf::testing::write_cairo_pdf(path, {TestPage{{{50, 100, "Nghị quyết về công tác xây dựng Đảng"},
                                                 {50, 120, "Ủy ban kiểm tra Tỉnh ủy khóa XV"},
                                                 {50, 140, "nghi\xCC\xA3 quye\xCC\x82\xCC\x81t"}}},
                                       TestPage{{{50, 100, "Chương trình làm việc năm 2022"}}}});
  const ReadResult r = read_pdf(path, ReadLimits{});
  const ExtractedText doc = doc_of(r);
  EXPECT_EQ(doc.text,
            "Nghị quyết về công tác xây dựng Đảng\nỦy ban kiểm tra Tỉnh ủy khóa XV\nnghị quyết"
            "\fChương trình làm việc năm 2022");
  EXPECT_EQ(std::count(doc.text.begin(), doc.text.end(), '\f'), 1);
  EXPECT_TRUE(text::valid_utf8(doc.text));
  EXPECT_EQ(doc.pages, 2u);
  EXPECT_EQ(doc.pages_without_text, 0u);
  EXPECT_EQ(doc.format, "pdf");
  EXPECT_EQ(doc.converter, "poppler");
  EXPECT_TRUE(doc.warnings.empty());
  EXPECT_TRUE(doc.conversions.empty());
}

TEST(PdfReader, TwoColumnsComeInReadingOrder) {
  TempDir dir;
  const std::string path = dir.str("columns.pdf");
  const std::vector<std::string> left = {"alpha một tỉnh", "bravo hai huyện", "charlie ba xã",
                                         "delta bốn thôn", "echo năm bản"};
  const std::vector<std::string> right = {"foxtrot sáu phường", "golf bảy quận", "hotel tám phố",
                                          "india chín làng", "juliet mười ấp"};
  TestPage page;
  for (size_t i = 0; i < left.size(); ++i) {
    page.lines.push_back({50, 100 + 16.0 * static_cast<double>(i), left[i]});
    page.lines.push_back({320, 100 + 16.0 * static_cast<double>(i), right[i]});
  }
  pdf::testing::write_cairo_pdf(path, {page}, {}, "Noto Sans");
  const ExtractedText doc = doc_of(read_pdf(path, ReadLimits{}));
  size_t last_left = 0, first_right = std::string::npos;
  for (const std::string& line : left) {
    const size_t at = doc.text.find(line + "\n");
    ASSERT_NE(at, std::string::npos) << line << " in\n" << doc.text;
    last_left = std::max(last_left, at);
  }
  for (const std::string& line : right) {
    const size_t at = doc.text.find(line);
    ASSERT_NE(at, std::string::npos) << line << " in\n" << doc.text;
    first_right = std::min(first_right, at);
  }
  EXPECT_LT(last_left, first_right) << doc.text;
}

TEST(PdfReader, DocumentInfoBecomesProperties) {
  TempDir dir;
  const std::string path = dir.str("info.pdf");
  pdf::testing::write_cairo_pdf(
      path, {TestPage{{{50, 100, "Báo cáo"}}}},
      {"Nghị quyết số 13-NQ/TW", "Văn phòng Tỉnh ủy", "2022-04-02T10:00:00"});
  const ExtractedText doc = doc_of(read_pdf(path, ReadLimits{}));
  EXPECT_EQ(doc.properties.title, "Nghị quyết số 13-NQ/TW");
  EXPECT_EQ(doc.properties.creator, "Văn phòng Tỉnh ủy");
  EXPECT_EQ(doc.properties.created, "2022-04-02");
  EXPECT_EQ(doc.properties.modified, "");
}

TEST(PdfReader, PageWithOnlyAnImageIsCountedAndOcrFillsIt) {
  TempDir dir;
  const std::string path = dir.str("scan.pdf");
  pdf::testing::write_cairo_pdf(path, {TestPage{{{50, 100, "Trang có chữ"}}}, TestPage{{}, true}});

  const ExtractedText plain = doc_of(read_pdf(path, ReadLimits{}));
  EXPECT_EQ(plain.text, "Trang có chữ\f");
  EXPECT_EQ(plain.pages_without_text, 1u);
  EXPECT_EQ(plain.ocr_pages, 0u);

  int calls = 0;
  const OcrFunction ocr = [&](const GreyImage& image) -> std::optional<std::string> {
    ++calls;
    // A4 at 300 dpi: 595 x 842 pt -> 2479 x 3508 px.
    EXPECT_NEAR(image.width, pdf::testing::kA4Width / 72 * 300, 2);
    EXPECT_NEAR(image.height, pdf::testing::kA4Height / 72 * 300, 2);
    EXPECT_GE(image.stride, image.width);
    EXPECT_EQ(image.pixels.size(), static_cast<size_t>(image.stride) * image.height);
    // White paper, and the grey rectangle at (100..400, 100..500) pt: its middle is dark.
    const auto at = [&](double x_pt, double y_pt) {
      const int x = static_cast<int>(x_pt / 72 * 300), y = static_cast<int>(y_pt / 72 * 300);
      return image.pixels[static_cast<size_t>(y) * image.stride + x];
    };
    EXPECT_EQ(at(50, 50), 255);
    EXPECT_LT(at(250, 300), 128);
    return "văn bản nhận dạng";
  };
  const ExtractedText recognised = doc_of(read_pdf(path, ReadLimits{}, PdfOptions{{}, &ocr}));
  EXPECT_EQ(calls, 1);  // the page with text is not recognised
  EXPECT_EQ(recognised.text, "Trang có chữ\fvăn bản nhận dạng");
  EXPECT_EQ(recognised.ocr_pages, 1u);
  EXPECT_EQ(recognised.pages_without_text, 0u);

  const OcrFunction failing = [](const GreyImage&) -> std::optional<std::string> {
    return std::nullopt;
  };
  const ExtractedText failed = doc_of(read_pdf(path, ReadLimits{}, PdfOptions{{}, &failing}));
  EXPECT_EQ(failed.ocr_pages, 0u);
  EXPECT_EQ(failed.pages_without_text, 1u);
  ASSERT_EQ(failed.warnings.size(), 1u);
  EXPECT_EQ(failed.warnings[0], "OCR failed on 1 page(s)");
}

TEST(PdfReader, BadInputIsAnErrorNotACrash) {
  TempDir dir;
  dir.write("notes.pdf", "Đây là một tệp văn bản, không phải PDF.\n");
  EXPECT_EQ(read_pdf(dir.str("notes.pdf"), ReadLimits{}).error, "not a PDF");
  EXPECT_EQ(read_pdf(dir.str("empty.pdf"), ReadLimits{}).error.rfind("cannot read file", 0), 0u);
  EXPECT_EQ(read_pdf(dir.str(), ReadLimits{}).error, "cannot read file: it is a folder");

  const std::string whole = dir.str("whole.pdf");
  pdf::testing::write_cairo_pdf(whole, {TestPage{{{50, 100, "Nội dung đầy đủ"}}}});
  std::string bytes;
  {
    std::FILE* f = std::fopen(whole.c_str(), "rb");
    ASSERT_NE(f, nullptr);
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) bytes.append(buf, n);
    std::fclose(f);
  }
  // cairo writes the catalog and xref last: a file cut in half has neither.
  pdf::testing::write_file(dir.str("cut.pdf"), bytes.substr(0, bytes.size() / 2));
  const ReadResult cut = read_pdf(dir.str("cut.pdf"), ReadLimits{});
  EXPECT_FALSE(cut.doc);
  EXPECT_EQ(cut.error.rfind("damaged PDF: ", 0), 0u) << cut.error;
  EXPECT_NE(cut.error.find("xref"), std::string::npos) << cut.error;

  pdf::testing::write_file(dir.str("locked.pdf"),
                           pdf::testing::encrypted_pdf(pdf::testing::Protection::kUserPassword));
  const ReadResult locked = read_pdf(dir.str("locked.pdf"), ReadLimits{});
  EXPECT_FALSE(locked.doc);
  EXPECT_EQ(locked.error, "encrypted or password-protected PDF");
}

TEST(PdfReader, OwnerPasswordOnlyEncryptionIsRead) {
  TempDir dir;
  pdf::testing::write_file(
      dir.str("restricted.pdf"),
      pdf::testing::encrypted_pdf(pdf::testing::Protection::kOwnerPasswordOnly));
  const ExtractedText doc = doc_of(read_pdf(dir.str("restricted.pdf"), ReadLimits{}));
  EXPECT_EQ(doc.text, "Hello secret");
  EXPECT_EQ(doc.pages, 1u);
}

TEST(PdfReader, LimitsStopWithAWarning) {
  TempDir dir;
  const std::string path = dir.str("three.pdf");
  pdf::testing::write_cairo_pdf(
      path, {TestPage{{{50, 100, "trang một"}}}, TestPage{{{50, 100, "trang hai"}}},
             TestPage{{{50, 100, "trang ba"}}}});
  ReadLimits one_page;
  one_page.max_pages = 1;
  const ExtractedText first = doc_of(read_pdf(path, one_page));
  EXPECT_EQ(first.text, "trang một");
  EXPECT_EQ(first.pages, 3u);
  EXPECT_EQ(first.warnings, std::vector<std::string>{"only the first 1 of 3 pages were read"});

  ReadLimits no_time;
  no_time.time_limit = std::chrono::milliseconds(0);
  const ExtractedText timed = doc_of(read_pdf(path, no_time));
  EXPECT_EQ(timed.text, "trang một");  // the limit is checked between pages
  EXPECT_EQ(timed.warnings,
            std::vector<std::string>{
                "time limit of 0 s reached after 1 of 3 pages; the rest was left out"});

  ReadLimits few_bytes;
  few_bytes.max_text_bytes = std::string("trang một\ftrang").size();
  const ExtractedText cut = doc_of(read_pdf(path, few_bytes));
  EXPECT_EQ(cut.text, "trang một\ftrang");
  ASSERT_EQ(cut.warnings.size(), 1u);
  EXPECT_EQ(cut.warnings[0], "text limit of " + std::to_string(few_bytes.max_text_bytes) +
                                 " bytes reached on page 2 of 3 pages; the rest was left out");

  few_bytes.max_text_bytes = std::string("trang một\f").size();  // room for the '\f' alone
  const ExtractedText no_room = doc_of(read_pdf(path, few_bytes));
  EXPECT_EQ(no_room.text, "trang một");
  EXPECT_EQ(no_room.warnings.size(), 1u);
}

}  // namespace
}  // namespace vankho::formats
