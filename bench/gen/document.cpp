#include "document.h"

#include "body.h"
#include "viet_text.h"

namespace vankho::gen {
namespace {

void header(const Plan& p, Rng& rng, std::string& out) {
  const bool tabs = rng.percent(30);
  out += (tabs ? " \t" : "") + p.organ_line + "\n*\n";
  if (p.draft) {
    out += "Số        -" + std::string(p.kind->letters) + "/TU\n\nDự thảo\n";
  } else {
    out += (rng.percent(30) ? "Số: " : "Số ") + p.code + "\n";
  }
  if (!p.stamp.empty()) out += std::string(p.stamp) + "\n";
  out += (tabs ? "\n\t" : "") + std::string("ĐẢNG CỘNG SẢN VIỆT NAM\n\n");
  if (p.draft) {
    out += p.place + ", ngày      tháng      năm " + std::to_string(p.date.year) + "\n\n";
  } else {
    out += p.place + ", " + long_date(p.date, rng.percent(40)) + "\n\n";
  }
}

void closing(const Plan& p, std::string& out) {
  const std::string kind(p.kind->label);
  std::string kind_lower = kind;
  lower_first(kind_lower);
  switch (p.kind->kind) {
    case Kind::kQuyetDinh:
      return;
    case Kind::kNghiQuyet:
    case Kind::kChiThi:
    case Kind::kQuyDinh:
      out += kind + " này được phổ biến đến chi bộ và có hiệu lực từ ngày ký.\n\n";
      return;
    case Kind::kThongBao:
      out += std::string(p.body) + " thông báo để các cơ quan, đơn vị biết, thực hiện.\n\n";
      return;
    case Kind::kKetLuan:
      out += std::string(p.body) + " yêu cầu các cấp ủy, tổ chức đảng nghiêm túc thực hiện " +
             kind_lower + " này.\n\n";
      return;
    default:
      out += "Trên đây là " + kind + (p.period.empty() ? "" : " công tác " + p.period) + " của " +
             std::string(p.body) +
             ". Các cấp ủy, tổ chức đảng, chính quyền và các đoàn thể chính trị - xã hội tổ chức "
             "thực hiện đạt kết "
             "quả cao nhất.\n\n";
  }
}

void recipients(const Plan& p, Rng& rng, std::string& out) {
  out += "Nơi nhận:\n";
  if (p.province == kCentral) {
    out +=
        "- Các tỉnh ủy, thành ủy,\n- Các ban đảng, ban cán sự đảng, đảng đoàn, đảng ủy trực thuộc "
        "Trung ương,\n"
        "- Lưu Văn phòng Trung ương Đảng.\n\n";
    return;
  }
  const std::string c(p.committee);
  std::string lower = c;
  lower_first(lower);
  out += rng.percent(50) ? "- Ban Bí thư Trung ương Đảng (báo cáo),\n"
                         : "- Văn phòng Trung ương Đảng,\n";
  out += "- Các đồng chí " + c + " viên,\n- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc " +
         c + ",\n";
  out += std::string("- Các sở, ban, ngành, đoàn thể ") + (c == "Thành ủy" ? "thành phố" : "tỉnh") +
         ",\n";
  out += "- Lưu Văn phòng " + c + ".\n\n";
}

void signature(const Plan& p, Rng& rng, std::string& out) {
  out += "T/M " + p.on_behalf + "\n";
  if (p.signer_title.starts_with("PHÓ") && rng.percent(30)) out += "K/T BÍ THƯ\n";
  out += p.signer_title + "\n\n\n\n" + p.signer_name + "\n";
}

}  // namespace

Generated compose(size_t index, size_t count, Rng& rng, Archive& archive, const BigramModel& model,
                  const std::vector<GenTheme>& themes) {
  Generated g;
  g.plan = make_plan(index, count, rng, archive, themes);
  const Plan& p = g.plan;
  std::string& out = g.text;
  out.reserve(p.target_bytes + 2048);
  header(p, rng, out);
  out += p.heading + "\n" + p.subject + "\n-----\n\n";
  write_body(p, rng, model, themes, out, g.sample);
  closing(p, out);
  recipients(p, rng, out);
  signature(p, rng, out);
  if (p.kind->citable && !p.draft) {
    std::string subject = p.subject.starts_with("về ") ? p.subject : "";
    archive.add(p.province, IssuedRef{p.code, p.kind->label, p.body, std::move(subject), p.day});
  }
  return g;
}

}  // namespace vankho::gen
