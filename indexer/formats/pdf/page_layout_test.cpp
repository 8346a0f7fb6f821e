// lay_out on synthetic pages: words with boxes as poppler's text_list gives them (6 pt a
// character, 14 pt high, 3 pt spaces), read back through page_text.
#include "page_layout.h"

#include <gtest/gtest.h>

#include "page_text.h"

namespace vankho::formats::pdf {
namespace {

constexpr double kChar = 6, kHeight = 14, kSpace = 3;

size_t chars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> words;
  for (size_t from = 0; from < text.size();) {
    const size_t space = std::min(text.find(' ', from), text.size());
    if (space > from) words.emplace_back(text.substr(from, space - from));
    from = space + 1;
  }
  return words;
}

// The words of a line whose baseline box starts at (x, top); `right` > 0: justified to end there.
void add_line(std::vector<PdfWord>& page, double x, double top, std::string_view text,
              double right = 0) {
  const std::vector<std::string> words = split(text);
  double space = kSpace;
  if (right > 0 && words.size() > 1) {
    double width = 0;
    for (const std::string& w : words) width += kChar * static_cast<double>(chars(w));
    space = (right - x - width) / static_cast<double>(words.size() - 1);
  }
  for (size_t i = 0; i < words.size(); ++i) {
    const double w = kChar * static_cast<double>(chars(words[i]));
    page.push_back({words[i], "", x, top, x + w, top + kHeight, 0, i + 1 < words.size()});
    x += w + space;
  }
}

std::string text_of(const std::vector<PdfWord>& page) {
  return page_text(page, std::nullopt, std::nullopt).text;
}

// A paragraph of `lines` from (50, top), 17 pt apart, all but the last justified to `right`.
void add_paragraph(std::vector<PdfWord>& page, double top, const std::vector<std::string>& lines,
                   double right = 500, double x = 50) {
  for (size_t i = 0; i < lines.size(); ++i) {
    add_line(page, x, top + 17.0 * static_cast<double>(i), lines[i],
             i + 1 < lines.size() ? right : 0);
  }
}

const std::vector<std::string> kParagraph = {
    "Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo các cấp ủy, tổ chức đảng",
    "triển khai thực hiện nghị quyết của Đại hội đại biểu Đảng bộ tỉnh",
    "lần thứ XV, nhiệm kỳ 2020 - 2025."};

TEST(LayOut, WordsOnOneBaselineAreALineAndNewBaselinesNewLines) {
  std::vector<PdfWord> page;
  // "Nghị" in two pieces (a font change inside the word): no space between them.
  page.push_back({"Ngh", "", 50, 100, 68, 114, 0, false});
  page.push_back({"ị", "", 68, 100, 74, 114, 0, true});
  page.push_back({"quyết", "", 77, 100, 107, 114, 0, false});
  add_line(page, 50, 117, "số 13");
  // On the same baseline but left of the last word's end: a new line (a table's next row).
  add_line(page, 50, 117.5, "về");
  // Far right of the last word on its baseline: the same line (a table row's next cell).
  add_line(page, 400, 117.5, "Hà Nội");
  EXPECT_EQ(text_of(page), "Nghị quyết\nsố 13\nvề Hà Nội");

  std::vector<PdfWord> rotated;
  add_line(rotated, 50, 100, "ngang");
  rotated.push_back({"dọc", "", 64, 100, 78, 130, 1, false});  // top to bottom, beside it
  EXPECT_EQ(text_of(rotated), "ngang\n\ndọc");
  EXPECT_TRUE(lay_out({}).empty());
}

TEST(LayOut, WrappedLinesOfAJustifiedParagraphAreJoined) {
  std::vector<PdfWord> page;
  add_paragraph(page, 100, kParagraph);
  add_paragraph(page, 151, kParagraph);  // the next paragraph, no gap: joined on its own
  EXPECT_EQ(text_of(page), kParagraph[0] + " " + kParagraph[1] + " " + kParagraph[2] + "\n" +
                               kParagraph[0] + " " + kParagraph[1] + " " + kParagraph[2]);
}

TEST(LayOut, ARaggedLineIsWrappedWhenTheNextWordWouldNotHaveFitted) {
  std::vector<PdfWord> page;
  const std::vector<std::string> lines = {
      "Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo các cấp ủy, tổ chức",  // to the edge, 370
      "đảng thực hiện nghị quyết của Đại hội Đảng bộ",      // ends at 287: "nghiêm" fits
      "nghiêm túc, đầy đủ, kịp thời; các cấp ủy triển khai thực",  // to the edge
      "hiện nghị quyết của Đại hội đại biểu Đảng bộ tỉnh, các",   // ends at 341: "huyện." not
      "huyện."};
  add_line(page, 50, 100, lines[0], 370);
  add_line(page, 50, 117, lines[1]);
  add_line(page, 50, 134, lines[2], 370);
  add_line(page, 50, 151, lines[3]);
  add_line(page, 50, 168, lines[4]);
  EXPECT_EQ(text_of(page),
            lines[0] + " " + lines[1] + "\n" + lines[2] + " " + lines[3] + " " + lines[4]);
}

TEST(LayOut, AHyphenAtALineEndIsKept) {
  std::vector<PdfWord> page;
  add_paragraph(page, 100,
                {"Các cấp ủy, tổ chức đảng tiếp tục thực hiện nghiêm Chỉ thị số 45-",
                 "CT/TW của Ban Bí thư và Quy hoạch tỉnh thời kỳ 2021-",
                 "2030 về phát triển kinh tế - xã hội, trong đó có mục II-",
                 "NHIỆM VỤ TRỌNG TÂM của Ban Chấp hành Đảng bộ nhiệm kỳ 2020", "- 2025 của tỉnh."});
  // Joined without a space after a hyphen glued to its word (`45-CT/TW`), with one after a
  // section label (`II- NHIỆM VỤ`); a line starting "- 2025" continues a range.
  EXPECT_EQ(text_of(page),
            "Các cấp ủy, tổ chức đảng tiếp tục thực hiện nghiêm Chỉ thị số 45-CT/TW của Ban Bí "
            "thư và Quy hoạch tỉnh thời kỳ 2021-2030 về phát triển kinh tế - xã hội, trong đó có "
            "mục II- NHIỆM VỤ TRỌNG TÂM của Ban Chấp hành Đảng bộ nhiệm kỳ 2020 - 2025 của tỉnh.");
}

TEST(LayOut, HeadingsItemsAndIndentedFirstLinesAreNotJoined) {
  std::vector<PdfWord> page;
  add_line(page, 200, 60, "NGHỊ QUYẾT");  // centered heading lines over the paragraph
  add_line(page, 150, 77, "về công tác xây dựng Đảng năm 2023");
  add_paragraph(page, 94, kParagraph);
  add_paragraph(page, 145, {"1. Lãnh đạo, chỉ đạo các cấp ủy, tổ chức đảng thực hiện tốt",
                            "công tác cán bộ."});
  add_line(page, 50, 179, "2. Chỉ đạo tổng kết công tác năm 2022.");
  add_line(page, 50, 196, "- Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ", 500);
  add_line(page, 50, 213, "- Văn phòng Tỉnh ủy theo dõi, đôn đốc thực hiện.");
  add_line(page, 50, 230, "Điều 4. Ban Thường vụ Tỉnh ủy chỉ đạo các cấp ủy thực", 500);
  add_line(page, 50, 247, "Điều 5. Hiệu lực thi hành.");
  add_line(page, 50, 264, "Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo các cấp ủy, tổ", 500);
  add_line(page, 80, 281, "Các cấp ủy triển khai thực hiện nghị quyết.");  // indented: new
  add_line(page, 335, 298, "Hà Nội, ngày 5 tháng 3 năm 2023");  // a dateline at the edge
  add_line(page, 50, 315, "Nơi nhận:");
  EXPECT_EQ(text_of(page),
            "NGHỊ QUYẾT\nvề công tác xây dựng Đảng năm 2023\n" + kParagraph[0] + " " +
                kParagraph[1] + " " + kParagraph[2] +
                "\n1. Lãnh đạo, chỉ đạo các cấp ủy, tổ chức đảng thực hiện tốt công tác cán bộ.\n"
                "2. Chỉ đạo tổng kết công tác năm 2022.\n"
                "- Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ\n"
                "- Văn phòng Tỉnh ủy theo dõi, đôn đốc thực hiện.\n"
                "Điều 4. Ban Thường vụ Tỉnh ủy chỉ đạo các cấp ủy thực\n"
                "Điều 5. Hiệu lực thi hành.\n"
                "Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo các cấp ủy, tổ\n"
                "Các cấp ủy triển khai thực hiện nghị quyết.\n"
                "Hà Nội, ngày 5 tháng 3 năm 2023\n"
                "Nơi nhận:");
}

TEST(LayOut, ALargerGapIsABlankLineAndAColumnANewBlock) {
  std::vector<PdfWord> page;
  add_paragraph(page, 100, kParagraph);
  add_paragraph(page, 100 + 17 * 3 + 12, kParagraph);  // 12 pt more than the line spacing
  EXPECT_EQ(text_of(page), kParagraph[0] + " " + kParagraph[1] + " " + kParagraph[2] + "\n\n" +
                               kParagraph[0] + " " + kParagraph[1] + " " + kParagraph[2]);

  // Two columns, the left one first (poppler's order): the right column's top is a new block.
  // The heading over both is not the left column's edge, nor a line wrapped into it.
  std::vector<PdfWord> columns;
  add_line(columns, 50, 83, "QUY ĐỊNH CHUNG VỀ CÔNG TÁC XÂY DỰNG ĐẢNG TRONG TÌNH HÌNH MỚI");
  const std::vector<std::string> left = {"Ban Thường vụ Tỉnh ủy lãnh đạo,",
                                         "chỉ đạo các cấp ủy, tổ chức", "đảng."};
  const std::vector<std::string> right = {"Các cấp ủy triển khai thực hiện",
                                          "nghị quyết của Đại hội Đảng bộ", "tỉnh."};
  add_paragraph(columns, 100, left, 270);
  add_paragraph(columns, 100, right, 540, 320);
  EXPECT_EQ(text_of(columns), "QUY ĐỊNH CHUNG VỀ CÔNG TÁC XÂY DỰNG ĐẢNG TRONG TÌNH HÌNH MỚI\n"
                              "Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo các cấp ủy, tổ chức đảng."
                              "\n\nCác cấp ủy triển khai thực hiện nghị quyết của Đại hội Đảng bộ "
                              "tỉnh.");
}

TEST(LayOut, ANarrowBlockIsNotJoined) {
  // Three short lines, the first the longest: nothing says the first one was wrapped.
  std::vector<PdfWord> page;
  add_line(page, 50, 100, "Kính gửi: Ban Thường vụ");
  add_line(page, 50, 117, "Ban Tuyên giáo");
  add_line(page, 50, 134, "Văn phòng");
  EXPECT_EQ(text_of(page), "Kính gửi: Ban Thường vụ\nBan Tuyên giáo\nVăn phòng");
}

TEST(StartsItem, NumbersLettersBulletsAndStructureWords) {
  for (const char* item :
       {"1. Mục tiêu", "2.3. Nhiệm vụ", "12) Kết luận", "(1) Tốc độ", "a) đến năm", "đ) các",
        "(b) các", "I- MỤC TIÊU", "II. NHIỆM VỤ", "IV) Giải pháp", "- Ban Tuyên giáo", "-Tăng",
        "+ Các", "• Các", "– Các", "Điều 5. Hiệu lực", "Chương II", "Mục 1", "PHẦN I", ""}) {
    EXPECT_TRUE(starts_item(item)) << item;
  }
  for (const char* text :
       {"2030 và tầm nhìn", "02/4/2022 của Bộ Chính trị", "2021. Ngày", "13-NQ/TW ngày",
        "CT/TW của Ban", "Điều hành", "Mục tiêu", "Chương trình", "Ban Thường vụ", "-5% so với",
        "Inox", "Việt Nam", "45-CT/TW"}) {
    EXPECT_FALSE(starts_item(text)) << text;
  }
}

}  // namespace
}  // namespace vankho::formats::pdf
