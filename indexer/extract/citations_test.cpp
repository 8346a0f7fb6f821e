#include "citations.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vankho::extract::detail {
namespace {

std::vector<Citation> cite(const std::string& text, std::string_view own_key = "") {
  const DocText d(text, nullptr);
  return find_citations(d, own_key);
}

struct Case {
  std::string text;
  std::string code, type, number, issuer, date, body, subject;
};

TEST(Citations, GoldenTable) {
  const std::vector<Case> cases = {
      {"thực hiện Nghị quyết số 13-NQ/TW, ngày 02/4/2022 của Bộ Chính trị về phương hướng phát "
       "triển kinh tế-xã hội, bảo đảm quốc phòng, an ninh vùng Đồng bằng Sông Cửu Long đến năm "
       "2030, tầm nhìn đến năm 2045; Nghị quyết số 12",
       "13-NQ/TW", "nghi-quyet", "13", "TW", "2022-04-02", "Bộ Chính trị",
       "phương hướng phát triển kinh tế-xã hội, bảo đảm quốc phòng, an ninh vùng Đồng bằng Sông "
       "Cửu Long đến năm 2030, tầm nhìn đến năm 2045"},
      {"Nghị quyết số 12-NQ/TW, ngày 16/3/2022 của Bộ Chính trị về đẩy mạnh xây dựng lực lượng "
       "Công an nhân dân trong tình hình mới và các Nghị quyết, Kết luận của Hội nghị Trung ương.",
       "12-NQ/TW", "nghi-quyet", "12", "TW", "2022-03-16", "Bộ Chính trị",
       "đẩy mạnh xây dựng lực lượng Công an nhân dân trong tình hình mới"},
      {"gắn với Quy định số 144-CT/TW, ngày 09/5/2024 của Bộ Chính trị quy định về “chuẩn mực "
       "đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới”. ",
       "144-CT/TW", "chi-thi", "144", "TW", "2024-05-09", "Bộ Chính trị",
       "chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới"},
      {"Kết luận số 42-KL/TW của Ban Chấp hành Trung ương Đảng khoá XIII về kinh tế - xã hội năm "
       "2022 - 2023; lãnh đạo",
       "42-KL/TW", "ket-luan", "42", "TW", "", "Ban Chấp hành Trung ương Đảng khoá XIII",
       "kinh tế - xã hội năm 2022 - 2023"},
      {"(theo Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ).", "07/2021/NĐ-CP",
       "nghi-dinh", "07", "CP", "2021-01-27", "Chính phủ", ""},
      {"theo Nghị quyết số 42/NQ-CP của Chính phủ đảm bảo hiệu quả, đúng đối tượng.", "42/NQ-CP",
       "nghi-quyet", "42", "CP", "", "Chính phủ", ""},
      {"Nghị quyết số 20-NQ/TW ngày 16/6/2022 của Hội nghị lần thứ năm Ban Chấp hành Trung ương "
       "Đảng khóa XIII về tiếp tục đổi mới, phát triển kinh tế tập thể trong giai đoạn mới.",
       "20-NQ/TW", "nghi-quyet", "20", "TW", "2022-06-16",
       "Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII",
       "tiếp tục đổi mới, phát triển kinh tế tập thể trong giai đoạn mới"},
      {"Quyết định số 290-QĐ/TW ngày 25/02/2010 của Bộ chính trị về ban hành Quy chế công tác dân "
       "vận của hệ thống chính trị.",
       "290-QĐ/TW", "quyet-dinh", "290", "TW", "2010-02-25", "Bộ chính trị",
       "ban hành Quy chế công tác dân vận của hệ thống chính trị"},
      {"Hướng dẫn số 08-HD/UBKTTW ngày 18/11/2024 của Ủy ban Kiểm tra Trung ương về công tác kiểm "
       "tra.",
       "08-HD/UBKTTW", "huong-dan", "08", "UBKTTW", "2024-11-18", "Ủy ban Kiểm tra Trung ương",
       "công tác kiểm tra"},
      {"Quy chế số 20-QC/TU ngày 18/4/2023 công tác dân vận tham gia trong bồi thường.", "20-QC/TU",
       "quy-che", "20", "TU", "2023-04-18", "", ""},
      // News forms: the body and date before the code.
      {"Ngày 06/10/2020, Tỉnh ủy ban hành Văn bản số 28-KL/TU Kết luận Hội nghị Ban Chấp hành "
       "Đảng bộ tỉnh lần thứ hai mươi mốt (khóa XI) về công tác 9 tháng, triển khai nhiệm vụ 3 "
       "tháng cuối năm 2020. Ngày 29/9/2020",
       "28-KL/TU", "ket-luan", "28", "TU", "2020-10-06", "Tỉnh ủy",
       "công tác 9 tháng, triển khai nhiệm vụ 3 tháng cuối năm 2020"},
      {"theo đúng tinh thần chỉ đạo của Bộ Chính trị tại Chỉ thị số 45-CT/TW ngày\u00a020/6/2020.",
       "45-CT/TW", "chi-thi", "45", "TW", "2020-06-20", "Bộ Chính trị", ""},
      {"Luật số 45/2019/QH14 ngày 20/11/2019", "45/2019/QH14", "", "45", "QH14", "2019-11-20", "",
       ""},
      {"Kế hoạch số 12-KH/TU về triển khai", "12-KH/TU", "ke-hoach", "12", "TU", "", "",
       "triển khai"},
  };
  for (const auto& c : cases) {
    const auto got = cite(c.text);
    ASSERT_EQ(got.size(), 1u) << c.text;
    const Citation& g = got[0];
    EXPECT_EQ(g.code, c.code) << c.text;
    EXPECT_EQ(g.type, c.type) << c.text;
    EXPECT_EQ(g.number, c.number) << c.text;
    EXPECT_EQ(g.issuer, c.issuer) << c.text;
    EXPECT_EQ(g.date.iso(), c.date) << c.text;
    EXPECT_EQ(g.body, c.body) << c.text;
    EXPECT_EQ(g.subject, c.subject) << c.text;
  }
}

TEST(Citations, DeduplicatedByKeyKeepingTheRichestOccurrence) {
  const auto got = cite(
      "Nghị quyết số 21-NQ/TW. Thực hiện Nghị quyết 13-NQ/TW. Theo Nghị quyết số 21-nq/tw ngày "
      "16/6/2022 của Bộ Chính trị về công tác đảng viên. Lại Nghị quyết số 21 - NQ/TW của Ban Bí "
      "thư.");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].code, "21-NQ/TW");  // order of first appearance
  EXPECT_EQ(got[0].key, "21-NQ/TW");
  EXPECT_EQ(got[0].date.iso(), "2022-06-16");
  EXPECT_EQ(got[0].body, "Bộ Chính trị");
  EXPECT_EQ(got[0].subject, "công tác đảng viên");
  EXPECT_EQ(got[1].code, "13-NQ/TW");
}

TEST(Citations, OwnNumberIsNotACitation) {
  const auto got =
      cite("Số 28-KL/TU\nKẾT LUẬN\nthực hiện Kết luận 28-KL/TU và Chỉ thị 05-CT/TW", "28-KL/TU");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].code, "05-CT/TW");
}

TEST(Citations, SubjectIsCapped) {
  std::string text = "Nghị quyết số 01-NQ/TW về";
  for (int i = 0; i < 100; ++i) text += " phát triển";
  const auto got = cite(text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_LE(got[0].subject.size(), kMaxSubjectBytes);
  EXPECT_TRUE(got[0].subject.starts_with("phát triển"));
  EXPECT_TRUE(got[0].subject.ends_with("triển") || got[0].subject.ends_with("phát"));
}

}  // namespace
}  // namespace vankho::extract::detail
