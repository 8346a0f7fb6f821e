#include "title.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vankho::extract::detail {
namespace {

struct Case {
  std::string text;
  std::string slug;  // "" when no type
  std::string title;
};

TEST(Title, GoldenTable) {
  const std::vector<Case> cases = {
      {"\n\nCHƯƠNG TRÌNHlàm việc tháng 9 năm 2022 của Ban Thường vụ Tỉnh ủy\n\nI- HỘI NGHỊ",
       "chuong-trinh", "Chương trình làm việc tháng 9 năm 2022 của Ban Thường vụ Tỉnh ủy"},
      {"CHƯƠNG TRÌNH**làm việc tháng 9 năm 2022 của Ban Thường vụ Tỉnh ủy**\n", "chuong-trinh",
       "Chương trình làm việc tháng 9 năm 2022 của Ban Thường vụ Tỉnh ủy"},
      {"CHƯƠNG TRÌNH\nchỉ đạo tháng 7/2022 của Ban Thường vụ Tỉnh ủy\n\nTrong tháng 7/2022, ...",
       "chuong-trinh", "Chương trình chỉ đạo tháng 7/2022 của Ban Thường vụ Tỉnh ủy"},
      {" \tTỈNH ỦY HẬU GIANG\n*\nSố        -CTr/TU\nDự thảo\n\nHậu Giang, ngày   tháng   năm "
       "2024\n\n\nCHƯƠNG TRÌNH\n\nCông tác quý I năm 2025\n-----\n\nCăn cứ Chương trình công tác "
       "năm 2025, trong quý I, Tỉnh ủy đề ra:",
       "chuong-trinh", "Chương trình công tác quý I năm 2025"},
      {"\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG NĂM 2023\ncủa Ban Chấp hành Đảng bộ Tỉnh khoá XI\n\nNăm 2023 "
       "là năm tiếp tục.",
       "chuong-trinh-hanh-dong",
       "Chương trình hành động năm 2023 của Ban Chấp hành Đảng bộ Tỉnh khoá XI"},
      {"NGHỊ QUYẾT\nVỀ PHÁT TRIỂN KINH TẾ TẬP THỂ\n\n1. Mục tiêu", "nghi-quyet",
       "Nghị quyết về phát triển kinh tế tập thể"},
      {"\n09/10/2020\nTập trung thực hiện 15 nhiệm vụ trọng tâm trong 3 tháng cuối năm\nNgày "
       "06/10/2020, Tỉnh ủy ban hành",
       "tin-bai", "Tập trung thực hiện 15 nhiệm vụ trọng tâm trong 3 tháng cuối năm"},
      {"ĐẢNG CỘNG SẢN VIỆT NAM\nĐiều 1. Phạm vi điều chỉnh\nNghị định này quy định", "",
       "Điều 1. Phạm vi điều chỉnh"},
      // A stamp or an urgency mark above the first line of words is not the title.
      {"Lưu hành nội bộ\nTài liệu học tập nghị quyết Đại hội\n\nPhần thứ nhất", "",
       "Tài liệu học tập nghị quyết Đại hội"},
      {"Tối mật - Hỏa tốc\nVề công tác nhân sự\n", "", "Về công tác nhân sự"},
      {"", "", ""},
  };
  for (const auto& c : cases) {
    const DocText d(c.text, nullptr);
    const TitleBlock t = find_title(d);
    EXPECT_EQ(t.type ? std::string(t.type->slug) : "", c.slug) << c.text;
    EXPECT_EQ(t.title, c.title) << c.text;
  }
}

TEST(Title, BlocksAroundTheTitle) {
  const std::string text = "TỈNH ỦY X\nSố 12-CTr/TU\n\nCHƯƠNG TRÌNH\nCông tác năm 2025\n\nBody";
  const DocText d(text, nullptr);
  const TitleBlock t = find_title(d);
  EXPECT_EQ(t.header_end, 3u);  // lines 0..2 are the header
  EXPECT_EQ(t.body_start, 5u);  // the blank line after the subtitle
  EXPECT_EQ(t.source, TitleBlock::Source::kHeading);
}

}  // namespace
}  // namespace vankho::extract::detail
