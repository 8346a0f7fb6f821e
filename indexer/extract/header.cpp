#include "header.h"

#include "bodies.h"
#include "dates.h"
#include "doc_code.h"
#include "provinces.h"

namespace vankho::extract::detail {
namespace {

// `Số 28-KL/TU`, `Số: 28-KL/TU`, `Số        -CTr/TU`.
void read_number(const DocText& d, const Line& line, HeaderBlock& out) {
  const size_t first = line.first_token;
  if (!d.folded_is(first, "so") || !d.capitalized(first) || line.token_count() > 4) return;
  if (first + 1 >= line.end_token) return;
  if (d.token(first + 1).is_code) {
    if (auto code = text::parse_code(d.token(first + 1).norm)) {
      out.number = code->canonical;
      out.number_type = text::code_part_key(code->type);
    }
    return;
  }
  // A blank number: `-CTr/TU`.
  if (d.gap(first + 1).find('-') != std::string_view::npos && first + 2 < line.end_token &&
      d.gap(first + 2) == "/") {
    out.number_type = text::code_part_key(d.raw(first + 1));
  }
}

bool draft_line(const DocText& d, const Line& line) {
  if (line.token_count() == 0 || line.token_count() > 5) return false;
  const size_t first = line.first_token;
  return d.folded_is(first, "du") && d.folded_is(first + 1, "thao") && d.plain_gap(first + 1);
}

// `TỈNH ỦY HẬU GIANG`, `BAN CHẤP HÀNH ĐẢNG BỘ TỈNH ĐỒNG THÁP`, `UBND TỈNH ...`.
void read_organ(const DocText& d, const Line& line, HeaderBlock& out) {
  if (has_lower(d.line_text(line))) return;
  for (size_t k = line.first_token; k < line.end_token; ++k) {
    const size_t end = body_end(d, k);
    if (end > k && out.organ.empty()) {
      // The body words before the province: `TỈNH ỦY` of `TỈNH ỦY HẬU GIANG`.
      size_t body_last = end;
      for (size_t p = k + 1; p < end; ++p) {
        if (province_at(d, p)) {
          body_last = p;
          break;
        }
      }
      out.organ = known_issuer(d, k, body_last);
    }
    if (k > line.first_token) {
      if (auto p = province_at(d, k)) {
        const std::string& prev = d.token(k - 1).folded;
        if (prev == "uy" || prev == "tinh" || prev == "pho") {
          out.organ_province = std::string(p->name);
          return;
        }
      }
    }
  }
}

// `Hậu Giang, ngày ... năm 2024`.
void read_place_date(const DocText& d, const Line& line, HeaderBlock& out) {
  for (size_t k = line.first_token + 1; k < line.end_token && k < line.first_token + 6; ++k) {
    if (!d.folded_is(k, "ngay") || d.gap(k).find(',') == std::string_view::npos) continue;
    auto date = date_at(d, k);
    if (!date) return;
    out.date = date->date;
    if (auto p = province_at(d, line.first_token); p && p->end == k) {
      out.place_province = std::string(p->name);
    }
    return;
  }
}

}  // namespace

HeaderBlock read_header(const DocText& d, size_t end_line, size_t draft_end_line) {
  HeaderBlock out;
  const auto& lines = d.lines();
  end_line = std::min(end_line, lines.size());
  for (size_t i = 0; i < end_line; ++i) {
    const Line& line = lines[i];
    if (line.blank()) continue;
    if (out.number.empty() && out.number_type.empty()) read_number(d, line, out);
    if (out.organ.empty() || out.organ_province.empty()) read_organ(d, line, out);
    if (out.date.empty()) read_place_date(d, line, out);
  }
  for (size_t i = 0; i < std::min(draft_end_line, lines.size()) && !out.draft; ++i) {
    out.draft = draft_line(d, lines[i]);
  }
  return out;
}

}  // namespace vankho::extract::detail
