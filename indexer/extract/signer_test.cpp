#include "signer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vankho::extract::detail {
namespace {

struct Case {
  std::string text;
  std::string name, title, on_behalf;  // name "" when there is no signer
};

TEST(Signer, GoldenTable) {
  const std::vector<Case> cases = {
      {"báo cáo kết quả. ✓\n\nNơi nhận:\n\n- VPTW Đảng (HN, Vụ II),\n- Lưu Văn phòng Tỉnh ủy.\n\n"
       "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n\n\n\nMai Văn Huỳnh",
       "Mai Văn Huỳnh", "PHÓ BÍ THƯ THƯỜNG TRỰC", "BAN THƯỜNG VỤ"},
      {"Nơi nhận:\n- Bộ Chính trị,\n- Lưu Văn phòng Tỉnh uỷ + PTH + PKT-XH (L).\n\nT/M TỈNH ỦY\n"
       "BÍ THƯ\n\nLê Quốc Phong",
       "Lê Quốc Phong", "BÍ THƯ", "TỈNH ỦY"},
      {"T/M BAN THƯỜNG VỤ\nK/T BÍ THƯ\nPHÓ BÍ THƯ\n(Đã ký)\nNguyễn Văn An\n", "Nguyễn Văn An",
       "PHÓ BÍ THƯ", "BAN THƯỜNG VỤ"},
      {"TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Thị Bình", "Trần Thị Bình",
       "PHÓ CHỦ TỊCH", "ỦY BAN NHÂN DÂN"},
      {"Nội dung.\n\nBÍ THƯ\n\nPhạm Văn Cường", "Phạm Văn Cường", "BÍ THƯ", ""},
      // A news byline: no marker, no title.
      {"tổng kết công tác năm 2020 đảm bảo thực chất, khách quan./.\n\nBích Huệ", "", "", ""},
      // A title without a name.
      {"T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n", "", "", ""},
      {"", "", "", ""},
  };
  for (const auto& c : cases) {
    const DocText d(c.text, nullptr);
    const auto s = find_signature(d);
    EXPECT_EQ(s ? s->signer.name : "", c.name) << c.text;
    EXPECT_EQ(s ? s->signer.title : "", c.title) << c.text;
    EXPECT_EQ(s ? s->on_behalf_of : "", c.on_behalf) << c.text;
  }
}

TEST(Signer, NameLike) {
  EXPECT_TRUE(name_like("Mai Văn Huỳnh"));
  EXPECT_TRUE(name_like("Lê Quốc Phong"));
  EXPECT_FALSE(name_like("Mai"));
  EXPECT_FALSE(name_like("Lưu Văn phòng Tỉnh ủy."));
  EXPECT_FALSE(name_like("BÍ THƯ"));
  EXPECT_FALSE(name_like("Nguyễn Văn 2"));
}

}  // namespace
}  // namespace vankho::extract::detail
