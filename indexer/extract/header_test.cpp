#include "header.h"

#include <gtest/gtest.h>

#include <string>

namespace vankho::extract::detail {
namespace {

HeaderBlock header_of(const std::string& text) {
  const DocText d(text, nullptr);
  return read_header(d, d.lines().size(), d.lines().size());
}

TEST(Header, DraftWithBlankNumberPlaceAndPartialDate) {
  const HeaderBlock h = header_of(
      " \tTỈNH ỦY HẬU GIANG\n\n*\n\nSố        -CTr/TU\n\nDự thảo\n\t\n\tĐẢNG CỘNG SẢN VIỆT "
      "NAM\n\n\n"
      "Hậu Giang, ngày      tháng      năm 2024\n");
  EXPECT_EQ(h.number, "");
  EXPECT_EQ(h.number_type, "CTR");
  EXPECT_TRUE(h.draft);
  EXPECT_EQ(h.organ, "Tỉnh ủy");
  EXPECT_EQ(h.organ_province, "Hậu Giang");
  EXPECT_EQ(h.place_province, "Hậu Giang");
  EXPECT_EQ(h.date.iso(), "2024");
}

TEST(Header, NumberedAndDated) {
  const HeaderBlock h = header_of(
      "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH ĐỒNG THÁP\nSố: 28-KL/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
      "Cao Lãnh, ngày 06 tháng 10 năm 2020\n");
  EXPECT_EQ(h.number, "28-KL/TU");
  EXPECT_EQ(h.number_type, "KL");
  EXPECT_FALSE(h.draft);
  EXPECT_EQ(h.organ, "Ban Chấp hành Đảng bộ tỉnh");
  EXPECT_EQ(h.organ_province, "Đồng Tháp");
  EXPECT_EQ(h.place_province, "");  // Cao Lãnh is a city, not a province
  EXPECT_EQ(h.date.iso(), "2020-10-06");
}

TEST(Header, StateCodeAndNoOrgan) {
  const HeaderBlock h = header_of("Số 07/2021/NĐ-CP\nHà Nội, ngày 27/01/2021");
  EXPECT_EQ(h.number, "07/2021/NĐ-CP");
  EXPECT_EQ(h.number_type, "ND");
  EXPECT_EQ(h.organ, "");
  EXPECT_EQ(h.place_province, "Hà Nội");
  EXPECT_EQ(h.date.iso(), "2021-01-27");
}

TEST(Header, BodyTextIsNotAHeader) {
  const HeaderBlock h = header_of("Tỉnh ủy ban hành Văn bản số 28-KL/TU\nchuẩn bị dự thảo Quy chế");
  EXPECT_EQ(h.number, "");
  EXPECT_FALSE(h.draft);
  EXPECT_EQ(h.organ, "");
}

}  // namespace
}  // namespace vankho::extract::detail
