#include "issuer.h"

#include <gtest/gtest.h>

#include <string>

#include "bodies.h"
#include "provinces.h"

namespace vankho::extract::detail {
namespace {

std::string issuer_of(const std::string& text, const std::string& title) {
  const DocText d(text, nullptr), t(title, nullptr);
  const HeaderBlock header = read_header(d, 3, 3);
  return find_issuer(d, t, header, find_signature(d));
}

TEST(Issuer, FromTheTitle) {
  EXPECT_EQ(issuer_of("", "Chương trình làm việc tháng 9 năm 2022 của Ban Thường vụ Tỉnh ủy"),
            "Ban Thường vụ Tỉnh ủy");
  EXPECT_EQ(issuer_of("", "Chương trình hành động năm 2023 của Ban Chấp hành Đảng bộ Tỉnh khoá XI"),
            "Ban Chấp hành Đảng bộ tỉnh");
  EXPECT_EQ(issuer_of("", "Nghị quyết của Ban Thường vụ Tỉnh uỷ về chuyển đổi số"),
            "Ban Thường vụ Tỉnh ủy");
  EXPECT_EQ(issuer_of("", "Kế hoạch của Ủy ban nhân dân tỉnh về năm học"), "Ủy ban nhân dân tỉnh");
  EXPECT_EQ(issuer_of("", "Kế hoạch của Ban Tuyên giáo Tỉnh ủy về năm học"),
            "Ban Tuyên giáo Tỉnh ủy");  // not a known body: as written
  // A title that does not start with its type: `của` there is content, not the issuer.
  EXPECT_EQ(issuer_of("", "Trách nhiệm của Hội đồng nhân dân tỉnh"), "");
}

TEST(Issuer, FromSelfReferenceSignatureOrHeader) {
  EXPECT_EQ(issuer_of("TỈNH ỦY HẬU GIANG\n\n\nNội dung.\nTrên đây là Chương trình công tác quý I "
                      "năm 2025 của Ban Thường vụ Tỉnh ủy. Các cấp ủy thực hiện.",
                      "Chương trình công tác quý I năm 2025"),
            "Ban Thường vụ Tỉnh ủy");
  EXPECT_EQ(issuer_of("TỈNH ỦY HẬU GIANG\n\n\nNội dung.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn "
                      "An",
                      "Chương trình công tác"),
            "Ban Thường vụ Tỉnh ủy");
  EXPECT_EQ(issuer_of("\n\n\nNội dung.\n\nT/M TỈNH ỦY\nBÍ THƯ\n\nLê Quốc Phong", "Kế hoạch"),
            "Tỉnh ủy");
  EXPECT_EQ(issuer_of("TỈNH ỦY HẬU GIANG\n\n\nNội dung.", "Chương trình công tác"),
            "Tỉnh ủy Hậu Giang");
  EXPECT_EQ(issuer_of("\n\n\nNội dung.", "Chương trình công tác"), "");
}

TEST(Province, HeaderPlaceOrRepeatedMentions) {
  auto province = [](const std::string& text, bool read_body = true) {
    const DocText d(text, nullptr);
    return find_province(d, read_header(d, 3, 3), read_body);
  };
  EXPECT_EQ(province("TỈNH ỦY HẬU GIANG\n\n\n"), "Hậu Giang");
  EXPECT_EQ(province("\nVị Thanh, ngày 1 tháng 2 năm 2024\n\n"), "");
  EXPECT_EQ(province("\nAn Giang, ngày 1 tháng 2 năm 2024\n\n"), "An Giang");
  EXPECT_EQ(province("\n\n\nQuy hoạch tỉnh Đồng Tháp; quảng bá tỉnh Đồng Tháp; tỉnh Cần Thơ."),
            "Đồng Tháp");
  EXPECT_EQ(province("\n\n\nQuy hoạch tỉnh Đồng Tháp; quảng bá tỉnh Đồng Tháp.", false), "");
  EXPECT_EQ(province("\n\n\nĐoàn công tác tỉnh Sóc Trăng đến thăm."), "");  // once: not clear
  EXPECT_EQ(province("\n\n\ntỉnh An Giang, tỉnh An Giang, tỉnh Kiên Giang, tỉnh Kiên Giang."), "");
  EXPECT_EQ(province("\n\n\ntình hình tỉnh hậu giang, tỉnh hậu giang"), "");  // not capitalized
}

TEST(Province, Spellings) {
  EXPECT_EQ(province_name("hau giang"), "Hậu Giang");
  EXPECT_EQ(province_name("Thừa Thiên - Huế"), "Thừa Thiên Huế");
  EXPECT_EQ(province_name("Đăk Lăk"), "Đắk Lắk");
  EXPECT_EQ(province_name("Hoà Bình"), "Hòa Bình");
  EXPECT_EQ(province_name("Bà Rịa - Vũng Tàu"), "Bà Rịa - Vũng Tàu");
  EXPECT_EQ(province_name("Phú Quốc"), "");
}

TEST(Term, TitleThenProvincialBody) {
  auto term = [](const std::string& text, const std::string& title) {
    const DocText d(text, nullptr), t(title, nullptr);
    return find_term(d, t);
  };
  EXPECT_EQ(term("", "Chương trình hành động năm 2023 của Ban Chấp hành Đảng bộ Tỉnh khoá XI"),
            "XI");
  EXPECT_EQ(term("Hội nghị lần thứ chín Ban Chấp hành Đảng bộ tỉnh khóa XVI.", "Chương trình"),
            "XVI");
  EXPECT_EQ(
      term("Kết luận Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ hai mươi mốt (khóa XI) về", "Tin"),
      "XI");
  EXPECT_EQ(term("Nghị quyết số 27-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XIII về", ""), "");
  EXPECT_EQ(term("bầu cử Quốc hội khóa XV và Hội đồng nhân dân", ""), "");
  EXPECT_EQ(term("Các Nghị quyết của Hội nghị Trung ương 5 khóa XIII.", ""), "");
  EXPECT_EQ(term("chuyên đề toàn khóa, chuyên đề năm 2025", ""), "");
}

TEST(Bodies, EndAndLabel) {
  struct Case {
    std::string text;
    std::string body;  // the words the parser takes from the start
    std::string label;
  };
  const std::vector<Case> cases = {
      {"Bộ Chính trị về phương hướng", "Bộ Chính trị", "Bộ Chính trị"},
      {"Bộ chính trị về ban hành", "Bộ chính trị", "Bộ Chính trị"},
      {"Chính phủ đảm bảo hiệu quả", "Chính phủ", "Chính phủ"},
      {"Ban Chấp hành Đảng bộ tỉnh thực hiện", "Ban Chấp hành Đảng bộ tỉnh",
       "Ban Chấp hành Đảng bộ tỉnh"},
      {"Ban Chấp hành Trung ương Đảng khoá XIII về", "Ban Chấp hành Trung ương Đảng khoá XIII",
       "Ban Chấp hành Trung ương Đảng"},
      {"Tỉnh ủy ban hành", "Tỉnh ủy", "Tỉnh ủy"},
      {"Bộ trưởng Bộ Giao thông vận tải quy định", "Bộ trưởng Bộ Giao thông vận tải",
       "Bộ trưởng Bộ Giao thông vận tải"},
      {"Hội nghị Trung ương 5 khóa XIII", "Hội nghị Trung ương 5 khóa XIII",
       "Hội nghị Trung ương 5"},
      {"các cơ quan", "", ""},
  };
  for (const auto& c : cases) {
    const DocText d(c.text, nullptr);
    const size_t end = body_end(d, 0);
    EXPECT_EQ(std::string(d.span(0, end)), c.body) << c.text;
    if (end > 0) {
      EXPECT_EQ(issuer_label(d, 0, end), c.label) << c.text;
    }
  }
}

}  // namespace
}  // namespace vankho::extract::detail
