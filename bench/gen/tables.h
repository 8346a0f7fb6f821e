// The fixed vocabulary of vankho_gen's documents: the 63 provinces, the Party document types with
// their code letters and section headings, people's names, and real central documents that
// provincial documents cite.
#pragma once

#include <span>
#include <string_view>

namespace vankho::gen {

struct Province {
  std::string_view name;  // "Hậu Giang"
  bool city = false;      // centrally-run city: its committee is a Thành ủy
};
[[nodiscard]] std::span<const Province> provinces();  // the 63, before the 2025 mergers

enum class Kind {
  kNghiQuyet,
  kChiThi,
  kChuongTrinh,
  kChuongTrinhHanhDong,
  kKetLuan,
  kKeHoach,
  kQuyetDinh,
  kQuyDinh,
  kHuongDan,
  kThongBao,
  kBaoCao,
  kDeAn
};
inline constexpr size_t kKinds = 12;

struct DocKind {
  Kind kind;
  std::string_view label;                      // "Nghị quyết"
  std::string_view slug;                       // vankho's type slug: "nghi-quyet"
  std::string_view letters;                    // in the code: "NQ", "CTr"
  unsigned weight;                             // share of provincial documents, per mille
  bool citable;                                // later documents carry it out
  std::span<const std::string_view> headings;  // its first-level sections, in order
};
[[nodiscard]] const DocKind& kind(Kind k);
[[nodiscard]] std::span<const DocKind> kinds();

struct CentralDocument {
  std::string_view code;  // "57-NQ/TW"
  std::string_view kind_label;
  int year, month, day;
  std::string_view body;     // "Bộ Chính trị"
  std::string_view subject;  // "về ..."
};
[[nodiscard]] std::span<const CentralDocument> central_documents();

[[nodiscard]] std::span<const std::string_view> surnames();
[[nodiscard]] std::span<const std::string_view> middle_names();
[[nodiscard]] std::span<const std::string_view> given_names();

// Roman numerals for section numbers and terms: roman(1) = "I" ... roman(30).
[[nodiscard]] std::string_view roman(int n);

}  // namespace vankho::gen
