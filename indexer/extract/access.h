// Internal: the classification stamp a document carries (`MẬT`, `TỐI MẬT`, `TUYỆT MẬT`,
// `LƯU HÀNH NỘI BỘ`), read from the lines near the top and the bottom of its text. Urgency marks
// (`KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`, `HẸN GIỜ`) may stand beside it and are not classification.
#pragma once

#include <optional>

#include "doc_text.h"
#include "vocabulary.h"

namespace vankho::extract::detail {

// Non-blank lines read at each end of the text.
inline constexpr size_t kStampTopLines = 15;
inline constexpr size_t kStampBottomLines = 10;

// The highest level stamped, or nullopt. A stamp is a line (or a column of a line, between tabs,
// wide gaps or box rules) that holds nothing but stamp and urgency marks, optionally after a label
// (`Độ mật:`, `Tài liệu`), in any case and spacing (`TỐI  MẬT`, `M Ậ T`, `│ MẬT │`, `MẬT - KHẨN`).
// A word in running text is never one (`bảo vệ bí mật nhà nước`, `tài liệu mật`, `mật khẩu`), nor
// an item of a list (`- Tuyệt mật;`).
[[nodiscard]] std::optional<AccessLevel> find_stamp(const DocText& d);

// The line holds nothing but stamp or urgency marks (`Lưu hành nội bộ`, `Hỏa tốc`): no title.
[[nodiscard]] bool marks_line(const DocText& d, const Line& line);

}  // namespace vankho::extract::detail
