#include "reflow.h"

#include <gtest/gtest.h>

namespace vankho::ingest {
namespace {

TEST(Reflow, WrappedLinesRejoinTheirParagraphHeadingsAndItemsStay) {
  const std::string page =
      "CHƯƠNG TRÌNH\n"
      "chỉ đạo tháng 7/2022 của Ban Thường vụ Tỉnh ủy\n"
      "Trong tháng 7/2022, Ban Thường vụ Tỉnh ủy tập trung chỉ đạo một số công tác\n"
      "trọng tâm như sau:\n"
      "1. Chỉ đạo triển khai, quán triệt, cụ thể hóa thực hiện Nghị quyết số 13-NQ/TW,\n"
      "ngày 02/4/2022 của Bộ Chính trị.\n"
      "2. Chỉ đạo đẩy nhanh tiến độ xây dựng Quy hoạch tỉnh thời kỳ 2021-2030 tầm nhìn\n"
      "a) đến năm 2050.\n"
      "\n"
      "Điều 5. Hiệu lực";
  EXPECT_EQ(join_wrapped_lines(page),
            "CHƯƠNG TRÌNH\n"
            "chỉ đạo tháng 7/2022 của Ban Thường vụ Tỉnh ủy\n"
            "Trong tháng 7/2022, Ban Thường vụ Tỉnh ủy tập trung chỉ đạo một số công tác trọng tâm như sau:\n"
            "1. Chỉ đạo triển khai, quán triệt, cụ thể hóa thực hiện Nghị quyết số 13-NQ/TW, ngày 02/4/2022 của Bộ Chính trị.\n"
            "2. Chỉ đạo đẩy nhanh tiến độ xây dựng Quy hoạch tỉnh thời kỳ 2021-2030 tầm nhìn\n"
            "a) đến năm 2050.\n"
            "\n"
            "Điều 5. Hiệu lực");
}

TEST(Reflow, ShortPagesAndEmptyTextStayAsTheyAre) {
  EXPECT_EQ(join_wrapped_lines(""), "");
  EXPECT_EQ(join_wrapped_lines("a\nb\nc"), "a\nb\nc");
  EXPECT_EQ(join_wrapped_lines("Tỉnh ủy\n"), "Tỉnh ủy\n");
}

}  // namespace
}  // namespace vankho::ingest
