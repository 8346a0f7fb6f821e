// The document type table: slug, label, and the type letters of codes.
#include <string>

#include "vocabulary.h"
#include "fold.h"

namespace vankho::extract {

const std::vector<DocType>& doc_types() {
  // Longer labels first where one label starts another (see detect_type_line).
  static const std::vector<DocType> kTypes = {
      {"chuong-trinh-hanh-dong", "Chương trình hành động", ""},
      {"chuong-trinh", "Chương trình", "CTR"},
      {"nghi-quyet", "Nghị quyết", "NQ"},
      {"chi-thi", "Chỉ thị", "CT"},
      {"ket-luan", "Kết luận", "KL"},
      {"quyet-dinh", "Quyết định", "QD"},
      {"quy-dinh", "Quy định", "QDI"},
      {"ke-hoach", "Kế hoạch", "KH"},
      {"huong-dan", "Hướng dẫn", "HD"},
      {"thong-bao", "Thông báo", "TB"},
      {"bao-cao", "Báo cáo", "BC"},
      {"de-an", "Đề án", "DA"},
      {"quy-che", "Quy chế", "QC"},
      {"cong-van", "Công văn", "CV"},
      {"to-trinh", "Tờ trình", "TTR"},
      {"tin-bai", "Tin bài", ""},
      // State documents, for citations and supplied metadata.
      {"nghi-dinh", "Nghị định", "ND", true},
      {"thong-tu-lien-tich", "Thông tư liên tịch", "TTLT", true},
      {"thong-tu", "Thông tư", "TT", true},
      {"cong-dien", "Công điện", "CD", true},
      {"bo-luat", "Bộ luật", "", true},
      {"luat", "Luật", "", true},
      {"phap-lenh", "Pháp lệnh", "", true},
      {"hien-phap", "Hiến pháp", "", true},
  };
  return kTypes;
}

const DocType* doc_type_by_slug(std::string_view slug) {
  for (const DocType& t : doc_types()) {
    if (t.slug == slug) return &t;
  }
  return nullptr;
}

const DocType* doc_type_by_code_letters(std::string_view letters_key) {
  if (letters_key.empty()) return nullptr;
  for (const DocType& t : doc_types()) {
    if (t.code_letters == letters_key) return &t;
  }
  return nullptr;
}

const DocType* doc_type_by_words(std::string_view folded_words) {
  // Folded labels, computed once: "nghi quyet". A slug's words are its folded label too.
  static const std::vector<std::string> kFolded = [] {
    std::vector<std::string> out;
    for (const DocType& t : doc_types()) out.push_back(text::fold(t.label));
    return out;
  }();
  if (folded_words.empty()) return nullptr;
  const auto& types = doc_types();
  for (size_t i = 0; i < types.size(); ++i) {
    if (kFolded[i] == folded_words) return &types[i];
  }
  return nullptr;
}

}  // namespace vankho::extract
