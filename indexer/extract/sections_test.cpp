#include "sections.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vankho::extract::detail {
namespace {

struct Want {
  std::string heading;
  int level;
};

std::vector<Section> sections_of(const std::string& text) {
  const DocText d(text, nullptr);
  return find_sections(d);
}

TEST(Sections, MarkersAndLevels) {
  const std::string text =
      "CHƯƠNG TRÌNH\n\nI. Các nhiệm vụ trọng tâm \n\n1. Triển khai thực hiện sắp xếp. Lãnh đạo "
      "chỉ đạo.\n2. Tập trung công tác\n\nII. Những nhiệm vụ và giải pháp  \n\n1. Công tác xây "
      "dựng Đảng \n\n1.1. Công tác chính trị, tư tưởng và đạo đức\n\nNội dung 1.850 tỷ.\n1.7. "
      "Công tác nội chính\n(1) Rà soát tiến độ\n- (2) Tốc độ tăng trưởng\na) Điểm a\n"
      "III- TỔ CHỨC THỰC HIỆN\n";
  const auto got = sections_of(text);
  const std::vector<Want> want = {
      {"I. Các nhiệm vụ trọng tâm", 1}, {"1. Triển khai thực hiện sắp xếp", 2},
      {"2. Tập trung công tác", 2},     {"II. Những nhiệm vụ và giải pháp", 1},
      {"1. Công tác xây dựng Đảng", 2}, {"1.1. Công tác chính trị, tư tưởng và đạo đức", 3},
      {"1.7. Công tác nội chính", 3},   {"(1) Rà soát tiến độ", 4},
      {"(2) Tốc độ tăng trưởng", 4},    {"a) Điểm a", 5},
      {"III- TỔ CHỨC THỰC HIỆN", 1},
  };
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].heading, want[i].heading) << i;
    EXPECT_EQ(got[i].level, want[i].level) << got[i].heading;
    // Offsets point at the heading's first byte.
    EXPECT_EQ(text.substr(got[i].start, got[i].heading.size()), got[i].heading) << i;
  }
  EXPECT_EQ(got[0].start, text.find("I. Các"));
  EXPECT_EQ(got[0].end, text.find("II. Những"));  // next heading of the same level
  EXPECT_EQ(got[2].end, text.find("II. Những"));  // a higher level ends it too
  EXPECT_EQ(got[5].end, text.find("1.7. Công"));
  EXPECT_EQ(got[7].start, text.find("(1) Rà"));
  EXPECT_EQ(got[8].start, text.find("(2) Tốc"));  // after the bullet
  EXPECT_EQ(got.back().end, text.size());
}

TEST(Sections, OnlyParenthesizedItemsAreTopLevel) {
  const auto got = sections_of("Hội nghị đề ra:\n\n(1) Rà soát tiến độ.\n\n(2) Chỉ đạo thu hoạch.");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].level, 1);
  EXPECT_EQ(got[0].heading, "(1) Rà soát tiến độ");
}

TEST(Sections, CapitalsGluedToTheNextSentence) {
  // Seed 000 after `**` removal: two headings and a sentence on one line.
  const std::string text =
      "I- HỘI NGHỊ BAN THƯỜNG VỤ TỈNH ỦY PHIÊN THƯỜNG KỲ THÁNG 9 NĂM 2022Thời gian: Dự kiến tổ "
      "chức vào ngày 14 và 28 tháng 9 năm 2022.II- NHỮNG CÔNG TÁC TRỌNG TÂM CHỈ ĐẠO TRONG THÁNG 9 "
      "NĂM 2022\n\nTiếp tục chỉ đạo.";
  const auto got = sections_of(text);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].heading, "I- HỘI NGHỊ BAN THƯỜNG VỤ TỈNH ỦY PHIÊN THƯỜNG KỲ THÁNG 9 NĂM 2022");
  EXPECT_EQ(got[0].start, 0u);
  EXPECT_EQ(got[0].end, text.find("II- "));
  EXPECT_EQ(got[1].heading, "II- NHỮNG CÔNG TÁC TRỌNG TÂM CHỈ ĐẠO TRONG THÁNG 9 NĂM 2022");
  EXPECT_EQ(got[1].start, text.find("II- "));
  EXPECT_EQ(got[1].level, 1);
}

TEST(Sections, RawMarkdownEmphasis) {
  const std::string text = "**II- NHỮNG CÔNG TÁC**\n## Phần mở đầu\n### Mục con\n";
  const auto got = sections_of(text);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].heading, "II- NHỮNG CÔNG TÁC");
  EXPECT_EQ(got[0].start, 2u);
  EXPECT_EQ(got[1].heading, "## Phần mở đầu");
  EXPECT_EQ(got[1].level, 1);  // markdown ranks above roman numbering
  EXPECT_EQ(got[2].level, 2);
}

TEST(Sections, NotHeadings) {
  EXPECT_TRUE(sections_of("3 tháng cuối năm\n2022. Năm\n1.850 tỷ đồng\n09/10/2020\n- Các sở,\n"
                          "XIII. đại hội\n1. thường\n")
                  .empty());
}

TEST(Sections, LongParagraphHeadingIsCut) {
  std::string text = "1. Chỉ đạo triển khai";
  for (int i = 0; i < 60; ++i) text += " thực hiện";
  const auto got = sections_of(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_LE(got[0].heading.size(), 200u);
  EXPECT_TRUE(got[0].heading.ends_with("hiện"));
}

}  // namespace
}  // namespace vankho::extract::detail
