#include "tables.h"

#include <array>

namespace vankho::gen {
namespace {

using SV = std::string_view;

constexpr std::array<Province, 63> kProvinces = {{
    {"Hà Nội", true},
    {"Hồ Chí Minh", true},
    {"Hải Phòng", true},
    {"Đà Nẵng", true},
    {"Cần Thơ", true},
    {"An Giang"},
    {"Bà Rịa - Vũng Tàu"},
    {"Bắc Giang"},
    {"Bắc Kạn"},
    {"Bạc Liêu"},
    {"Bắc Ninh"},
    {"Bến Tre"},
    {"Bình Định"},
    {"Bình Dương"},
    {"Bình Phước"},
    {"Bình Thuận"},
    {"Cà Mau"},
    {"Cao Bằng"},
    {"Đắk Lắk"},
    {"Đắk Nông"},
    {"Điện Biên"},
    {"Đồng Nai"},
    {"Đồng Tháp"},
    {"Gia Lai"},
    {"Hà Giang"},
    {"Hà Nam"},
    {"Hà Tĩnh"},
    {"Hải Dương"},
    {"Hậu Giang"},
    {"Hòa Bình"},
    {"Hưng Yên"},
    {"Khánh Hòa"},
    {"Kiên Giang"},
    {"Kon Tum"},
    {"Lai Châu"},
    {"Lâm Đồng"},
    {"Lạng Sơn"},
    {"Lào Cai"},
    {"Long An"},
    {"Nam Định"},
    {"Nghệ An"},
    {"Ninh Bình"},
    {"Ninh Thuận"},
    {"Phú Thọ"},
    {"Phú Yên"},
    {"Quảng Bình"},
    {"Quảng Nam"},
    {"Quảng Ngãi"},
    {"Quảng Ninh"},
    {"Quảng Trị"},
    {"Sóc Trăng"},
    {"Sơn La"},
    {"Tây Ninh"},
    {"Thái Bình"},
    {"Thái Nguyên"},
    {"Thanh Hóa"},
    {"Thừa Thiên Huế"},
    {"Tiền Giang"},
    {"Trà Vinh"},
    {"Tuyên Quang"},
    {"Vĩnh Long"},
    {"Vĩnh Phúc"},
    {"Yên Bái"},
}};

constexpr std::array<SV, 4> kNqHeadings = {"TÌNH HÌNH VÀ NGUYÊN NHÂN", "QUAN ĐIỂM, MỤC TIÊU",
                                           "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "TỔ CHỨC THỰC HIỆN"};
constexpr std::array<SV, 3> kCtHeadings = {"TÌNH HÌNH CHUNG", "NHIỆM VỤ TRỌNG TÂM",
                                           "TỔ CHỨC THỰC HIỆN"};
constexpr std::array<SV, 3> kCtrHeadings = {"CÁC NHIỆM VỤ TRỌNG TÂM", "NHỮNG NHIỆM VỤ VÀ GIẢI PHÁP",
                                            "TỔ CHỨC THỰC HIỆN"};
constexpr std::array<SV, 3> kCtrHdHeadings = {"MỤC TIÊU, CHỈ TIÊU CHỦ YẾU VÀ NHIỆM VỤ TRỌNG TÂM",
                                              "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"};
constexpr std::array<SV, 3> kKlHeadings = {"ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN", "NHIỆM VỤ THỜI GIAN TỚI",
                                           "TỔ CHỨC THỰC HIỆN"};
constexpr std::array<SV, 4> kKhHeadings = {"MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG, NHIỆM VỤ",
                                           "GIẢI PHÁP THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"};
constexpr std::array<SV, 2> kQdHeadings = {"QUY ĐỊNH CHUNG", "ĐIỀU KHOẢN THI HÀNH"};
constexpr std::array<SV, 3> kQdiHeadings = {"NHỮNG QUY ĐỊNH CHUNG", "NỘI DUNG CỤ THỂ",
                                            "ĐIỀU KHOẢN THI HÀNH"};
constexpr std::array<SV, 3> kHdHeadings = {"MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG HƯỚNG DẪN",
                                           "TỔ CHỨC THỰC HIỆN"};
constexpr std::array<SV, 2> kTbHeadings = {"ĐÁNH GIÁ CHUNG", "Ý KIẾN KẾT LUẬN"};
constexpr std::array<SV, 3> kBcHeadings = {"KẾT QUẢ THỰC HIỆN",
                                           "HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
                                           "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"};
constexpr std::array<SV, 4> kDaHeadings = {"SỰ CẦN THIẾT XÂY DỰNG ĐỀ ÁN", "MỤC TIÊU, CHỈ TIÊU",
                                           "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"};

const std::array<DocKind, kKinds> kKindTable = {{
    {Kind::kNghiQuyet, "Nghị quyết", "nghi-quyet", "NQ", 120, true, kNqHeadings},
    {Kind::kChiThi, "Chỉ thị", "chi-thi", "CT", 80, true, kCtHeadings},
    {Kind::kChuongTrinh, "Chương trình", "chuong-trinh", "CTr", 110, true, kCtrHeadings},
    {Kind::kChuongTrinhHanhDong, "Chương trình hành động", "chuong-trinh-hanh-dong", "CTr", 40,
     true, kCtrHdHeadings},
    {Kind::kKetLuan, "Kết luận", "ket-luan", "KL", 100, true, kKlHeadings},
    {Kind::kKeHoach, "Kế hoạch", "ke-hoach", "KH", 160, true, kKhHeadings},
    {Kind::kQuyetDinh, "Quyết định", "quyet-dinh", "QĐ", 70, false, kQdHeadings},
    {Kind::kQuyDinh, "Quy định", "quy-dinh", "QĐi", 30, true, kQdiHeadings},
    {Kind::kHuongDan, "Hướng dẫn", "huong-dan", "HD", 60, true, kHdHeadings},
    {Kind::kThongBao, "Thông báo", "thong-bao", "TB", 80, false, kTbHeadings},
    {Kind::kBaoCao, "Báo cáo", "bao-cao", "BC", 120, false, kBcHeadings},
    {Kind::kDeAn, "Đề án", "de-an", "ĐA", 30, true, kDaHeadings},
}};

// Central documents a province carries out (numbers, dates and subjects as published).
constexpr std::array<CentralDocument, 18> kCentral = {{
    {"05-CT/TW", "Chỉ thị", 2016, 5, 15, "Bộ Chính trị",
     "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"},
    {"04-NQ/TW", "Nghị quyết", 2016, 10, 30, "Ban Chấp hành Trung ương Đảng",
     "về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính "
     "trị, "
     "đạo đức, lối sống"},
    {"18-NQ/TW", "Nghị quyết", 2017, 10, 25, "Ban Chấp hành Trung ương Đảng",
     "một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, "
     "hoạt "
     "động hiệu lực, hiệu quả"},
    {"52-NQ/TW", "Nghị quyết", 2019, 9, 27, "Bộ Chính trị",
     "về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư"},
    {"45-CT/TW", "Chỉ thị", 2020, 4, 14, "Bộ Chính trị",
     "về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"},
    {"21-KL/TW", "Kết luận", 2021, 10, 25, "Ban Chấp hành Trung ương Đảng",
     "về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị"},
    {"06-NQ/TW", "Nghị quyết", 2022, 1, 24, "Bộ Chính trị",
     "về quy hoạch, xây dựng, quản lý và phát triển bền vững đô thị Việt Nam đến năm 2030, tầm "
     "nhìn "
     "đến năm 2045"},
    {"12-NQ/TW", "Nghị quyết", 2022, 3, 16, "Bộ Chính trị",
     "về đẩy mạnh xây dựng lực lượng Công an nhân dân thật sự trong sạch, vững mạnh, chính quy, "
     "tinh "
     "nhuệ, hiện đại"},
    {"13-NQ/TW", "Nghị quyết", 2022, 4, 2, "Bộ Chính trị",
     "về phương hướng phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh vùng Đồng bằng sông "
     "Cửu "
     "Long đến năm 2030, tầm nhìn đến năm 2045"},
    {"19-NQ/TW", "Nghị quyết", 2022, 6, 16, "Ban Chấp hành Trung ương Đảng",
     "về nông nghiệp, nông dân, nông thôn đến năm 2030, tầm nhìn đến năm 2045"},
    {"27-NQ/TW", "Nghị quyết", 2022, 11, 9, "Ban Chấp hành Trung ương Đảng",
     "về tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam trong giai "
     "đoạn "
     "mới"},
    {"29-NQ/TW", "Nghị quyết", 2022, 11, 17, "Ban Chấp hành Trung ương Đảng",
     "về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm "
     "2045"},
    {"42-KL/TW", "Kết luận", 2022, 10, 10, "Ban Chấp hành Trung ương Đảng",
     "về tình hình kinh tế - xã hội, ngân sách nhà nước năm 2022"},
    {"41-NQ/TW", "Nghị quyết", 2023, 10, 10, "Bộ Chính trị",
     "về xây dựng và phát huy vai trò của đội ngũ doanh nhân Việt Nam trong thời kỳ mới"},
    {"43-NQ/TW", "Nghị quyết", 2023, 11, 24, "Ban Chấp hành Trung ương Đảng",
     "về tiếp tục phát huy truyền thống, sức mạnh đại đoàn kết toàn dân tộc"},
    {"144-QĐ/TW", "Quy định", 2024, 5, 9, "Bộ Chính trị",
     "về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới"},
    {"35-CT/TW", "Chỉ thị", 2024, 6, 14, "Bộ Chính trị",
     "về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"},
    {"57-NQ/TW", "Nghị quyết", 2024, 12, 22, "Bộ Chính trị",
     "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"},
}};

constexpr std::array<SV, 16> kSurnames = {"Nguyễn", "Trần", "Lê",    "Phạm", "Hoàng", "Huỳnh",
                                          "Phan",   "Vũ",   "Võ",    "Đặng", "Bùi",   "Đỗ",
                                          "Hồ",     "Ngô",  "Dương", "Lý"};
constexpr std::array<SV, 16> kMiddle = {"Văn", "Thị",   "Đức",  "Minh", "Quốc", "Thanh",
                                        "Hữu", "Ngọc",  "Xuân", "Hồng", "Công", "Anh",
                                        "Bá",  "Trọng", "Mạnh", "Thành"};
constexpr std::array<SV, 48> kGiven = {
    "An",    "Bình", "Cường", "Dũng",  "Đông",  "Giang", "Hà",    "Hải",   "Hạnh", "Hiếu",
    "Hoa",   "Hòa",  "Hùng",  "Huy",   "Hưng",  "Khánh", "Lâm",   "Lan",   "Linh", "Long",
    "Mai",   "Nam",  "Nga",   "Nghĩa", "Phong", "Phúc",  "Quang", "Quân",  "Sơn",  "Tâm",
    "Thắng", "Thảo", "Thịnh", "Thu",   "Thủy",  "Tiến",  "Toàn",  "Trung", "Tuấn", "Tùng",
    "Vân",   "Việt", "Vinh",  "Xuân",  "Yến",   "Hiền",  "Lộc",   "Phương"};

constexpr std::array<SV, 31> kRoman = {
    "",     "I",     "II",   "III", "IV",   "V",     "VI",     "VII",   "VIII", "IX", "X",
    "XI",   "XII",   "XIII", "XIV", "XV",   "XVI",   "XVII",   "XVIII", "XIX",  "XX", "XXI",
    "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX",  "XXX"};

}  // namespace

std::span<const Province> provinces() { return kProvinces; }
std::span<const DocKind> kinds() { return kKindTable; }
const DocKind& kind(Kind k) { return kKindTable[static_cast<size_t>(k)]; }
std::span<const CentralDocument> central_documents() { return kCentral; }
std::span<const std::string_view> surnames() { return kSurnames; }
std::span<const std::string_view> middle_names() { return kMiddle; }
std::span<const std::string_view> given_names() { return kGiven; }
std::string_view roman(int n) { return n >= 1 && n <= 30 ? kRoman[static_cast<size_t>(n)] : "I"; }

}  // namespace vankho::gen
