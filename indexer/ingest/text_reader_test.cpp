#include "text_reader.h"

#include <gtest/gtest.h>

namespace vankho::ingest {
namespace {

struct Case {
  const char* input;
  const char* expected;
};

TEST(StripMarkdown, GoldenTable) {
  const Case cases[] = {
      // Plain text is untouched.
      {"Nghị quyết số 13-NQ/TW", "Nghị quyết số 13-NQ/TW"},
      {"a * b * c", "a * b * c"},
      {"2 * 3 = 6", "2 * 3 = 6"},
      // Emphasis removed.
      {"**Thời gian:** Dự kiến", "Thời gian: Dự kiến"},
      {"__đậm__ và _nghiêng_", "đậm và nghiêng"},
      {"phương châm \"*Thích ứng an toàn*\".", "phương châm \"Thích ứng an toàn\"."},
      {"(*ương đương 2.617 USD*).", "(ương đương 2.617 USD)."},
      {"***đậm nghiêng***", "đậm nghiêng"},
      // `_` inside words and unpaired markers stay.
      {"PublishingPortal - Block_BanTin_Toolbar", "PublishingPortal - Block_BanTin_Toolbar"},
      {"snake_case_name và __init__", "snake_case_name và init"},
      {"chỉ một ** ở đây", "chỉ một ** ở đây"},
      {"**chưa đóng", "**chưa đóng"},
      {"\\*không phải\\*", "*không phải*"},
      // Bullets keep their meaning.
      {"* Về kinh tế", "* Về kinh tế"},
      {"- mục một", "- mục một"},
      {"*** Về kinh tế**", "* Về kinh tế"},
      {"** Về xã hội**", "Về xã hội"},
      {"*", "*"},
      // Headings keep their text on their own line.
      {"# Chương I", "Chương I"},
      {"## **Mục 2** ##", "Mục 2"},
      {"#hashtag", "#hashtag"},
      {"####### bảy", "####### bảy"},
      // Thematic breaks are no text.
      {"a\n***\nb", "a\n\nb"},
      {"a\n_ _ _\nb", "a\n\nb"},
      // Strong markers glued to the text before them are lost line breaks (seed 000).
      {"CHƯƠNG TRÌNH**làm việc tháng 9 năm 2022 của Ban Thường vụ Tỉnh ủy**",
       "CHƯƠNG TRÌNH\nlàm việc tháng 9 năm 2022 của Ban Thường vụ Tỉnh ủy"},
      {"THÁNG 9 NĂM 2022**Thời gian:** Dự kiến ngày 14.**II- NHỮNG CÔNG TÁC**",
       "THÁNG 9 NĂM 2022\nThời gian: Dự kiến ngày 14.\nII- NHỮNG CÔNG TÁC"},
      {"**Thời gian:**Dự kiến", "Thời gian: Dự kiến"},
      // Line structure is kept.
      {"a\n\n  b  \n", "a\n\n  b  \n"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(strip_markdown(c.input), c.expected) << "input: " << c.input;
  }
}

TEST(StripMarkdown, NeverCrashesOnMarkerSoup) {
  const std::string soups[] = {"*_*_*_**__**", "\\", "\\*", "#", "# ", "*\n_\n**\n", "_*_*"};
  for (const auto& s : soups) {
    const std::string out = strip_markdown(s);
    EXPECT_LE(out.size(), s.size() + 2) << s;
  }
}

TEST(StripMarkdown, NeverCrashesOnRandomSoup) {
  const std::string_view pieces[] = {"*", "**", "_", "__", "#", " ",  "\n", "\\",
                                     "a", "Đ",  ".", "\"", "(", "\t", "-",  "\xC2\xA0"};
  uint64_t state = 42;
  for (int round = 0; round < 3000; ++round) {
    std::string soup;
    const int n = static_cast<int>(state % 30);
    for (int i = 0; i < n; ++i) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      soup += pieces[(state >> 33) % std::size(pieces)];
    }
    const std::string out = strip_markdown(soup);
    EXPECT_LE(out.size(), soup.size() * 2) << soup;
  }
}

}  // namespace
}  // namespace vankho::ingest
