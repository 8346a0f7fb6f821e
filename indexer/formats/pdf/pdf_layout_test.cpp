// read_pdf's lines and paragraphs on PDFs drawn with cairo (justified and centered lines) and on
// the seed fixtures (LibreOffice exports of seeds/*.txt, one paragraph a line): hyphens at line
// ends kept, wrapped lines joined, headings, items and new paragraphs left on lines of their own.
#include <gtest/gtest.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "pdf_reader.h"
#include "temp_dir.h"
#include "test_pdfs.h"
#include "utf8.h"

namespace vankho::formats {
namespace {

using pdf::testing::TestPage;
using pdf::testing::TextLine;
using vankho::testing::TempDir;

std::string text_of(const std::string& path) {
  const ReadResult r = read_pdf(path, ReadLimits{});
  EXPECT_TRUE(r.doc) << r.error;
  return r.doc ? r.doc->text : "";
}

// The right edge of a justified paragraph whose lines are `lines`: just past the longest one.
double edge_for(const std::vector<std::string>& lines, double x = 50) {
  double widest = 0;
  for (const std::string& line : lines) widest = std::max(widest, pdf::testing::text_width(line));
  return x + widest + 8;
}

TEST(PdfLayout, HyphenAtALineEndStaysAndBothPartsAreKept) {
  TempDir dir;
  const std::vector<std::string> wrapped = {
      "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy tiếp tục thực hiện nghiêm Chỉ thị số 45-",
      "CT/TW của Ban Bí thư và Quy hoạch tỉnh thời kỳ 2021-",
      "2030, tầm nhìn đến năm 2050 và các nghị quyết của Đại hội nhiệm kỳ 2020",
      "- 2025 về phát triển công nghiệp, nông nghiệp, dịch vụ, du lịch và kinh tế-"};
  const double right = edge_for(wrapped);
  TestPage page;
  for (size_t i = 0; i < wrapped.size(); ++i) {
    page.lines.push_back({50, 100 + 16.0 * static_cast<double>(i), wrapped[i], right});
  }
  page.lines.push_back({50, 164, "xã hội của tỉnh."});  // the paragraph's last line
  // A line that ends in a hyphen far from any edge: not wrapped, the line break stays.
  page.lines.push_back({50, 300, "Số 45-"});
  page.lines.push_back({50, 316, "CT/TW"});
  const std::string path = dir.str("hyphen.pdf");
  pdf::testing::write_cairo_pdf(path, {page});
  // The wrapped lines are joined without a space after a hyphen glued to its word: a line breaker
  // breaks after such a hyphen only inside a word, so the text had `45-CT/TW`, `2021-2030`.
  EXPECT_EQ(text_of(path),
            "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy tiếp tục thực hiện nghiêm Chỉ thị số "
            "45-CT/TW của Ban Bí thư và Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050 "
            "và các nghị quyết của Đại hội nhiệm kỳ 2020 - 2025 về phát triển công nghiệp, nông "
            "nghiệp, dịch vụ, du lịch và kinh tế-xã hội của tỉnh.\n\nSố 45-\nCT/TW");
}

TEST(PdfLayout, WrappedLinesJoinHeadingsItemsAndNewParagraphsDoNot) {
  TempDir dir;
  const std::vector<std::string> justified = {
      "Trong tháng 7 năm 2022, Ban Thường vụ Tỉnh ủy tập trung lãnh đạo, chỉ đạo",
      "thực hiện nhiệm vụ chính trị của địa phương, trong đó chú trọng một số",
      "1. Chỉ đạo triển khai, quán triệt và cụ thể hóa Nghị quyết số 13-NQ/TW ngày",
      "- Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan tham mưu",
      "Các cấp ủy, tổ chức đảng tiếp tục thực hiện tốt việc học tập và làm theo tư",
      "tưởng, đạo đức, phong cách Hồ Chí Minh gắn với xây dựng, chỉnh đốn Đảng.",
      "Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị sơ kết giữa nhiệm kỳ vào tháng"};
  const double right = edge_for(justified);
  const double center = (50 + right) / 2;
  double y = 80;
  TestPage page;
  auto add = [&](const std::string& text, double x = 50, double line_right = 0) {
    page.lines.push_back({x, y, text, line_right});
    y += 16;
  };
  add("CHƯƠNG TRÌNH CÔNG TÁC THÁNG 7", 0, -center);  // a centered heading of two lines
  add("của Ban Thường vụ Tỉnh ủy", 0, -center);
  add(justified[0], 50, right);  // a paragraph: two wrapped lines and its last line
  add(justified[1], 50, right);
  add("công tác trọng tâm như sau:");
  y += 12;                       // a paragraph gap: a blank line
  add(justified[2], 50, right);  // an item, wrapped
  add("02/4/2022 của Bộ Chính trị.");
  add("2. Chỉ đạo tổng kết công tác năm 2022.");  // the next item
  add(justified[3], 50, right);                   // a full line, then an item: not joined
  add("- Văn phòng Tỉnh ủy theo dõi, đôn đốc.");
  add(justified[4], 80, right);  // a first line indented by 30 pt, wrapped
  add(justified[5], 50, right);  // the paragraph's last line, full by chance
  add(justified[6], 80, right);  // a new paragraph: its first line is indented
  add("năm 2023.");
  const std::string path = dir.str("wrapped.pdf");
  pdf::testing::write_cairo_pdf(path, {page});
  EXPECT_EQ(text_of(path),
            "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 7\n"
            "của Ban Thường vụ Tỉnh ủy\n" +
                justified[0] + " " + justified[1] + " công tác trọng tâm như sau:\n\n" +
                justified[2] + " 02/4/2022 của Bộ Chính trị.\n"
                "2. Chỉ đạo tổng kết công tác năm 2022.\n" +
                justified[3] + "\n- Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n" + justified[4] + " " +
                justified[5] + "\n" + justified[6] + " năm 2023.");
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Spaces (no-break spaces too: some seeds have them) collapsed, trimmed.
std::string collapsed(std::string_view line) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    const bool nbsp = line.substr(i).starts_with("\u00A0");
    if (nbsp || line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      if (nbsp) ++i;
    } else {
      out += line[i];
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string nfc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  normalizer->normalizeUTF8(0, s, sink, nullptr, status);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

std::vector<std::string> lines_of(std::string_view text, std::string_view breaks) {
  std::vector<std::string> out;
  for (size_t from = 0; from <= text.size();) {
    const size_t end = std::min(text.find_first_of(breaks, from), text.size());
    out.push_back(collapsed(text.substr(from, end - from)));
    from = end + 1;
  }
  return out;
}

// Each seed was exported one paragraph a line; its PDF text must come back with those lines.
// A paragraph that a page break cuts is two lines, one a page (the '\f' between them is the
// reader's contract): those are found when each '\f' is read as a space.
TEST(PdfLayout, SeedFixturesComeBackLineForLine) {
  const std::string root = VANKHO_SOURCE_DIR;
  const std::vector<std::string> seeds = {"000_b0635ad2fd7fc13e", "001_36391affc1bfd663",
                                          "002_d93671f2cbad73a6", "003_aabf41006b262e9c",
                                          "004_d18117e02a6e2a66"};
  size_t total = 0, found = 0, found_across_pages = 0;
  for (const std::string& seed : seeds) {
    const std::string text = text_of(root + "/tests/fixtures/formats/" + seed + ".pdf");
    ASSERT_FALSE(text.empty()) << seed;
    const std::vector<std::string> pdf_lines = lines_of(text, "\n\f");
    const std::set<std::string> lines(pdf_lines.begin(), pdf_lines.end());
    std::string joined = text;
    std::replace(joined.begin(), joined.end(), '\f', ' ');
    const std::vector<std::string> joined_lines = lines_of(joined, "\n");
    const std::set<std::string> across(joined_lines.begin(), joined_lines.end());
    size_t seed_total = 0, seed_found = 0, seed_across = 0;
    // Some seeds have decomposed letters (NFD); the reader gives NFC.
    for (const std::string& want :
         lines_of(nfc(read_file(root + "/seeds/" + seed + ".txt")), "\n")) {
      if (want.empty()) continue;
      ++seed_total;
      if (lines.count(want)) {
        ++seed_found;
      } else if (across.count(want)) {
        ++seed_across;
      } else {
        ADD_FAILURE() << seed << ": not a line of the PDF text: " << want;
      }
    }
    std::printf("[ seeds    ] %s: %zu of %zu lines, %zu more across a page break\n", seed.c_str(),
                seed_found, seed_total, seed_across);
    total += seed_total;
    found += seed_found;
    found_across_pages += seed_across;
  }
  std::printf("[ seeds    ] all: %zu of %zu lines, %zu more across a page break\n", found, total,
              found_across_pages);
  EXPECT_EQ(total, 235u);
  EXPECT_GE(found, 219u);
}

}  // namespace
}  // namespace vankho::formats
