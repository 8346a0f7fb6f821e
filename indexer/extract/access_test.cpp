#include "access.h"

#include <gtest/gtest.h>

#include <string>

namespace vankho::extract::detail {
namespace {

std::optional<AccessLevel> stamp_of(const std::string& text) {
  const DocText d(text, nullptr);
  return find_stamp(d);
}

// A directive's header with `stamp_lines` where the stamp block stands, and a body.
std::string directive(const std::string& stamp_lines) {
  return "ĐẢNG BỘ TỈNH HẬU GIANG\nTỈNH ỦY\n*\nSố 12-NQ/TU\n" + stamp_lines +
         "\nĐẢNG CỘNG SẢN VIỆT NAM\nHậu Giang, ngày 02 tháng 4 năm 2024\n\nNGHỊ QUYẾT\n"
         "về công tác cán bộ\n\nBan Thường vụ Tỉnh ủy quyết nghị các nội dung sau.\n";
}

TEST(Stamp, EachLevelInAnyCaseAndSpacing) {
  const std::vector<std::pair<std::string, AccessLevel>> cases = {
      {"MẬT", AccessLevel::kMat},
      {"Mật", AccessLevel::kMat},
      {"mật", AccessLevel::kMat},
      {"TỐI MẬT", AccessLevel::kToiMat},
      {"Tối   mật", AccessLevel::kToiMat},
      {"TỐI\u00a0MẬT", AccessLevel::kToiMat},
      {"TUYỆT MẬT", AccessLevel::kTuyetMat},
      {"T U Y Ệ T   M Ậ T", AccessLevel::kTuyetMat},
      {"LƯU HÀNH NỘI BỘ", AccessLevel::kNoiBo},
      {"Lưu hành nội bộ", AccessLevel::kNoiBo},
      {"LUU HANH NOI BO", AccessLevel::kNoiBo},  // typed without marks: no other words spell it
      {"(Lưu hành nội bộ)", AccessLevel::kNoiBo},
      {"**TỐI MẬT**", AccessLevel::kToiMat},
      {"Độ mật: Tối mật", AccessLevel::kToiMat},
      {"ĐỘ MẬT: MẬT", AccessLevel::kMat},
      {"TÀI LIỆU MẬT", AccessLevel::kMat},
      {"Tài liệu lưu hành nội bộ", AccessLevel::kNoiBo},
  };
  for (const auto& [line, level] : cases) {
    EXPECT_EQ(stamp_of(directive(line)), level) << line;
  }
}

TEST(Stamp, InsideABoxOrAColumnOfTheHeader) {
  EXPECT_EQ(stamp_of(directive("┌─────────┐\n│ TỐI MẬT │\n└─────────┘")), AccessLevel::kToiMat);
  EXPECT_EQ(stamp_of(directive("+-----+\n| MẬT |\n+-----+")), AccessLevel::kMat);
  EXPECT_EQ(stamp_of(directive("[TUYỆT MẬT]")), AccessLevel::kTuyetMat);
  // Two-column header lines: the stamp is a column of its own beside the number or the motto.
  EXPECT_EQ(stamp_of("TỈNH ỦY HẬU GIANG\nSố 12-NQ/TU          MẬT\n\nNGHỊ QUYẾT\nvề cán bộ\n"),
            AccessLevel::kMat);
  EXPECT_EQ(stamp_of("TỈNH ỦY HẬU GIANG\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-NQ/TU\tTỐI   MẬT\n"),
            AccessLevel::kToiMat);
  EXPECT_EQ(stamp_of("| TỈNH ỦY HẬU GIANG | TUYỆT MẬT |\n| Số 12-NQ/TU | |\n"), AccessLevel::kTuyetMat);
  // A header table's cell, its paragraphs joined into one line: the stamp follows the number.
  EXPECT_EQ(stamp_of("ĐẢNG BỘ TỈNH HẬU GIANG TỈNH ỦY * Số 12-NQ/TU MẬT KHẨN | ĐẢNG CỘNG SẢN VIỆT NAM "
                     "Hậu Giang, ngày 02 tháng 4 năm 2024\n"),
            AccessLevel::kMat);
  EXPECT_EQ(stamp_of("TỈNH ỦY HẬU GIANG * TỐI MẬT | ĐẢNG CỘNG SẢN VIỆT NAM\n"), AccessLevel::kToiMat);
}

TEST(Stamp, UrgencyIsNotClassification) {
  // Both in one block: the classification is read, the urgency beside it is not a level.
  EXPECT_EQ(stamp_of(directive("MẬT\nKHẨN")), AccessLevel::kMat);
  EXPECT_EQ(stamp_of(directive("TỐI MẬT - THƯỢNG KHẨN")), AccessLevel::kToiMat);
  EXPECT_EQ(stamp_of(directive("MẬT KHẨN")), AccessLevel::kMat);
  EXPECT_EQ(stamp_of(directive("Độ mật: Mật    Độ khẩn: Hỏa tốc")), AccessLevel::kMat);
  // Urgency alone: no stamp.
  for (const std::string line : {"HỎA TỐC", "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC HẸN GIỜ", "Hoả tốc",
                                 "Độ khẩn: Khẩn"}) {
    EXPECT_EQ(stamp_of(directive(line)), std::nullopt) << line;
  }
}

TEST(Stamp, AtTheBottomOfTheText) {
  std::string text = directive("");
  for (int i = 0; i < 30; ++i) text += "Đoạn " + std::to_string(i) + " của nội dung nghị quyết.\n";
  text += "\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn A\n\n- Lưu hành nội bộ -\n";
  EXPECT_EQ(stamp_of(text), AccessLevel::kNoiBo);
}

TEST(Stamp, TheHighestOfSeveralStampsWins) {
  std::string text = directive("MẬT");
  for (int i = 0; i < 30; ++i) text += "Đoạn " + std::to_string(i) + ".\n";
  text += "TỐI MẬT\n";
  EXPECT_EQ(stamp_of(text), AccessLevel::kToiMat);
  EXPECT_EQ(stamp_of("LƯU HÀNH NỘI BỘ\nMẬT\n"), AccessLevel::kMat);
}

TEST(Stamp, AMentionInTheTextIsNotAStamp) {
  for (const std::string line : {
           "Tăng cường công tác bảo vệ bí mật nhà nước.",
           "Đây là tài liệu mật, không được sao chụp.",
           "Không chia sẻ mật khẩu hộp thư công vụ.",
           "Mật độ dân số tăng nhanh.",
           "Quan hệ mật thiết với nhân dân.",
           "BẢO VỆ BÍ MẬT NHÀ NƯỚC",
           "giữ bí mật",
           "Mật, tối mật và tuyệt mật là ba độ mật.",
           "bản tin “Thông báo nội bộ”",
           "ĐỘ MẬT",               // a label with nothing after it
           "Độ mật: ..........",  // a blank form
           "MAT",                 // mát, mặt, mất: without marks it is no stamp
           "TỐI MẶT",
           "ĐÃ GIẢI MẬT",
           "Thực hiện Nghị quyết 12-NQ/TU mật thiết gắn với dân.",
           "Quan hệ *mật* thiết",
           "- Tuyệt mật;",  // the items of a list of the levels
           "Tối mật,",
       }) {
    EXPECT_EQ(stamp_of(directive(line)), std::nullopt) << line;
  }
}

TEST(Stamp, TheMiddleOfALongTextIsNotRead) {
  std::string text = directive("");
  for (int i = 0; i < 20; ++i) text += "Đoạn " + std::to_string(i) + ".\n";
  text += "MẬT\n";  // a page footer in the middle of a PDF's text, say
  for (int i = 0; i < 20; ++i) text += "Đoạn tiếp " + std::to_string(i) + ".\n";
  EXPECT_EQ(stamp_of(text), std::nullopt);
}

TEST(Stamp, EmptyAndShortTexts) {
  EXPECT_EQ(stamp_of(""), std::nullopt);
  EXPECT_EQ(stamp_of("MẬT"), AccessLevel::kMat);
  EXPECT_EQ(stamp_of("\n\n  \n"), std::nullopt);
}

}  // namespace
}  // namespace vankho::extract::detail
