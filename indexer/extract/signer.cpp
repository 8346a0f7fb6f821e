#include "signer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <vector>

#include "fold.h"

namespace vankho::extract::detail {
namespace {

constexpr size_t kTailLines = 40;  // the block sits within the last lines of the text

// `T/M`, `TM.`, `K/T`, `KT.`, `TL.`, `T/L`, `TUQ.`, `Q.` at the start of an upper-case line.
size_t marker_length(std::string_view line) {
  for (std::string_view m : {"T/M ", "TM. ", "TM.", "TM ", "K/T ", "KT. ", "KT.", "KT ", "T/L ",
                             "TL. ", "TL.", "TUQ. ", "TUQ.", "Q. "}) {
    if (line.starts_with(m)) return m.size();
  }
  return 0;
}

bool upper_line(std::string_view line) { return has_upper(line) && !has_lower(line); }

// An office title: BÍ THƯ, CHỦ TỊCH, TRƯỞNG BAN, GIÁM ĐỐC, ...
bool office_title(std::string_view line) {
  if (!upper_line(line) || line.size() > 80) return false;
  const std::string f = text::fold(line);
  for (std::string_view w :
       {"bi thu", "chu tich", "truong ban", "giam doc", "chanh van phong", "thu tuong", "bo truong",
        "tong bi thu", "truong doan", "chanh an", "vien truong", "thu truong"}) {
    if (f.find(w) != std::string::npos) return true;
  }
  return false;
}

// `(Đã ký)`, `Đã ký`, `(ký tên, đóng dấu)`: lines between the title and the name.
bool signature_note(std::string_view line) {
  if (line.starts_with("(") || line.starts_with("[")) return true;
  const std::string f = text::fold(line);
  return f.starts_with("da ky") || f.starts_with("ky ten") || f == "ky";
}

}  // namespace

bool name_like(std::string_view line) {
  if (line.empty() || line.size() > 60) return false;
  int words = 0;
  bool word_start = true;
  for (size_t i = 0; i < line.size();) {
    UChar32 c = 0;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(line.data(), pos, static_cast<int32_t>(line.size()), c);
    i = static_cast<size_t>(pos);
    if (u_isUWhiteSpace(c)) {
      word_start = true;
      continue;
    }
    if (c < 0 || !u_isalpha(c)) return false;
    if (word_start) {
      if (!u_isupper(c)) return false;
      ++words;
      word_start = false;
    } else if (!u_islower(c)) {
      return false;
    }
  }
  return words >= 2 && words <= 6;
}

std::optional<SignatureBlock> find_signature(const DocText& d) {
  const auto& lines = d.lines();
  const size_t first = lines.size() > kTailLines ? lines.size() - kTailLines : 0;
  // The first marker line of the tail, else the first office title line.
  size_t start = lines.size();
  for (size_t i = first; i < lines.size() && start == lines.size(); ++i) {
    const std::string_view s = d.line_text(lines[i]);
    if (marker_length(s) && upper_line(s)) start = i;
  }
  for (size_t i = first; i < lines.size() && start == lines.size(); ++i) {
    if (office_title(d.line_text(lines[i]))) start = i;
  }
  if (start == lines.size()) return std::nullopt;

  SignatureBlock block;
  block.first_line = start;
  size_t i = start;
  for (; i < lines.size(); ++i) {
    const std::string_view s = d.line_text(lines[i]);
    if (lines[i].blank()) continue;
    if (!upper_line(s) || signature_note(s)) break;
    const size_t m = marker_length(s);
    if (m && (s.starts_with("T/M") || s.starts_with("TM"))) {
      block.on_behalf_of = std::string(trim(s.substr(m)));
    } else {
      // `K/T BÍ THƯ`, `TL. CHÁNH VĂN PHÒNG`: a later title line is the signer's own.
      block.signer.title = std::string(trim(s.substr(m)));
    }
  }
  for (; i < lines.size(); ++i) {
    const std::string_view s = d.line_text(lines[i]);
    if (lines[i].blank() || signature_note(s)) continue;
    if (name_like(s)) block.signer.name = std::string(s);
    break;
  }
  if (block.signer.name.empty() || block.signer.title.empty()) return std::nullopt;
  return block;
}

}  // namespace vankho::extract::detail
