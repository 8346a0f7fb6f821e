#include <gtest/gtest.h>

#include "vocabulary.h"

namespace vankho::extract {
namespace {

TEST(AccessLevel, ParsesSlugsAndLabelsInAnySpelling) {
  const std::vector<std::pair<std::string, AccessLevel>> cases = {
      {"cong-khai", AccessLevel::kCongKhai}, {"Công khai", AccessLevel::kCongKhai},
      {"noi-bo", AccessLevel::kNoiBo},       {"NỘI BỘ", AccessLevel::kNoiBo},
      {"Lưu hành nội bộ", AccessLevel::kNoiBo}, {"mat", AccessLevel::kMat},
      {"MẬT", AccessLevel::kMat},            {"Tối  mật", AccessLevel::kToiMat},
      {"toi_mat", AccessLevel::kToiMat},     {"TUYỆT MẬT", AccessLevel::kTuyetMat},
      {" tuyet-mat ", AccessLevel::kTuyetMat}};
  for (const auto& [text, level] : cases) {
    ASSERT_TRUE(parse_level(text).has_value()) << text;
    EXPECT_EQ(*parse_level(text), level) << text;
  }
  for (std::string_view bad : {"", "khẩn", "hỏa tốc", "secret", "mật mã", "4"}) {
    EXPECT_FALSE(parse_level(bad).has_value()) << bad;
  }
}

TEST(AccessLevel, OrderedAndNamedBothWays) {
  EXPECT_LT(AccessLevel::kCongKhai, AccessLevel::kNoiBo);
  EXPECT_LT(AccessLevel::kMat, AccessLevel::kTuyetMat);
  for (AccessLevel level : kAccessLevels) {
    EXPECT_EQ(parse_level(level_slug(level)), level);
    EXPECT_EQ(parse_level(level_label(level)), level);
  }
  EXPECT_EQ(level_choices(), "cong-khai, noi-bo, mat, toi-mat, tuyet-mat");
}

}  // namespace
}  // namespace vankho::extract
