#include "plan.h"

#include <array>
#include <cstdio>

#include "viet_text.h"

namespace vankho::gen {
namespace {

using SV = std::string_view;

// The issuing bodies as the text names them; [city][role].
enum Role { kStanding, kCommittee, kPermanent, kParty };
constexpr std::array<std::array<SV, 4>, 2> kBodies = {{
    {"Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh", "Thường trực Tỉnh ủy", "Tỉnh ủy"},
    {"Ban Thường vụ Thành ủy", "Ban Chấp hành Đảng bộ thành phố", "Thường trực Thành ủy",
     "Thành ủy"},
}};
constexpr std::array<SV, 3> kCentralBodies = {"Bộ Chính trị", "Ban Bí thư",
                                              "Ban Chấp hành Trung ương Đảng"};
constexpr std::array<SV, 4> kQuarters = {"I", "II", "III", "IV"};

// Provincial documents by kind (tables.h weights); central ones are of these kinds only.
constexpr std::array<Kind, 5> kCentralKinds = {Kind::kNghiQuyet, Kind::kChiThi, Kind::kKetLuan,
                                               Kind::kQuyDinh, Kind::kHuongDan};
constexpr std::array<unsigned, 5> kCentralWeights = {30, 25, 25, 10, 10};

// Length in bytes: a bucket drawn by weight, then uniform in it (1 to 15 KB; median about 3 KB).
constexpr std::array<unsigned, 7> kLengthWeights = {18, 22, 18, 18, 13, 7, 4};
constexpr std::array<int, 8> kLengthBounds = {1000, 2000, 3000, 4000, 6000, 9000, 12000, 15000};

std::string num(int v) { return std::to_string(v); }

// "2021 - 2025": the five-year stage holding `year`.
std::string stage(int year) {
  const int from = 2016 + (year - 2016) / 5 * 5;
  return num(from) + " - " + num(from + 4);
}

std::string expand(SV pattern, const Plan& p) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out.push_back(pattern[i]);
      continue;
    }
    const size_t close = pattern.find('}', i);
    const SV slot = pattern.substr(i + 1, close - i - 1);
    if (slot == "P")
      out += p.phrase;
    else if (slot == "Q")
      out += p.phrase2;
    else if (slot == "G")
      out += stage(p.date.year);
    else if (slot == "Y")
      out += num(p.date.year);
    else if (slot == "area")
      out += p.committee == "Thành ủy" ? "thành phố" : p.province == kCentral ? "cả nước" : "tỉnh";
    i = close;
  }
  return out;
}

constexpr std::array<SV, 7> kSubjects = {
    "về {P} giai đoạn {G}",
    "về tăng cường sự lãnh đạo của Đảng đối với {P}",
    "về đẩy mạnh {P} đến năm 2030, tầm nhìn đến năm 2045",
    "về nâng cao chất lượng {P} trên địa bàn {area}",
    "về phát triển {P} gắn với {Q} giai đoạn {G}",
    "về {P} và {Q}",
    "về tiếp tục thực hiện {P} trong tình hình mới",
};

// The title's subject line and the period it names, by kind.
void title(Plan& p, Rng& rng) {
  const Civil& d = p.date;
  const SV body = p.body;
  auto subject = [&] { return expand(rng.pick(std::span<const SV>(kSubjects)), p); };
  auto cite_title = [&](SV lead) {
    p.title_cites = true;
    return std::string(lead) + citation_text(rng, p.cites[0], true);
  };
  const bool can_cite = !p.cites.empty();
  switch (p.kind->kind) {
    case Kind::kNghiQuyet:
      if (p.body == kBodies[0][kCommittee] || p.body == kBodies[1][kCommittee] ? rng.percent(50)
                                                                               : rng.percent(10)) {
        const Civil next = civil_from_days(p.day + 60);
        p.period = "năm " + num(next.year);
        p.subject = "về phương hướng, nhiệm vụ " + p.period;
      } else {
        p.subject = subject();
      }
      break;
    case Kind::kChiThi:
      if (rng.percent(30)) {
        p.period = "năm " + num(d.year);
        p.subject = "về lãnh đạo thực hiện " + p.phrase + " " + p.period;
      } else {
        p.subject = subject();
      }
      break;
    case Kind::kChuongTrinh: {
      const size_t form = rng.weighted(std::array<unsigned, 5>{35, 25, 10, 15, 15});
      if (form == 0) {
        const Civil c = civil_from_days(p.day + 20);
        p.period = "quý " + std::string(kQuarters[static_cast<size_t>((c.month - 1) / 3)]) +
                   " năm " + num(c.year);
        p.subject = "công tác " + p.period + " của " + std::string(body);
      } else if (form <= 2) {
        const Civil c = civil_from_days(p.day + 10);
        p.period = form == 1 ? "tháng " + num(c.month) + " năm " + num(c.year)
                             : "tháng " + num(c.month) + "/" + num(c.year);
        p.subject = (form == 1 ? "làm việc " : "chỉ đạo ") + p.period + " của " + std::string(body);
      } else if (form == 3) {
        p.period = "năm " + num(civil_from_days(p.day + 45).year);
        p.subject = "công tác " + p.period + " của " + std::string(body);
      } else {
        const Civil c = civil_from_days(p.day + 30);
        p.period =
            std::string(c.month <= 6 ? "6 tháng đầu" : "6 tháng cuối") + " năm " + num(c.year);
        p.subject = "công tác " + p.period + " của " + std::string(body);
      }
      break;
    }
    case Kind::kChuongTrinhHanhDong:
      if (can_cite && rng.percent(60)) {
        p.subject = cite_title("thực hiện ");
      } else {
        p.period = "năm " + num(civil_from_days(p.day + 45).year);
        p.subject = p.period + " của " + std::string(body) + " khóa " + std::string(roman(p.khoa));
      }
      break;
    case Kind::kKetLuan:
      if (p.body == kBodies[0][kCommittee] || p.body == kBodies[1][kCommittee]) {
        const bool autumn = d.month >= 9;
        p.period = std::string(autumn ? "3 tháng cuối" : "6 tháng cuối") + " năm " + num(d.year);
        p.subject = "Hội nghị " + std::string(body) + " lần thứ " + num(rng.between(2, 30)) +
                    " (khóa " + std::string(roman(p.khoa)) + ") về tình hình kinh tế - xã hội " +
                    (autumn ? "9 tháng" : "6 tháng đầu năm") + ", nhiệm vụ " + p.period;
      } else {
        p.subject = "của " + std::string(body) + " " + subject();
      }
      break;
    case Kind::kKeHoach:
      if (can_cite && rng.percent(45)) {
        p.subject = cite_title("thực hiện ");
      } else if (rng.percent(60)) {
        p.period = "năm " + num(d.year);
        p.subject = "triển khai " + p.phrase + " " + p.period;
      } else {
        const Civil c = civil_from_days(p.day + 20);
        p.period = "quý " + std::string(kQuarters[static_cast<size_t>((c.month - 1) / 3)]) +
                   " năm " + num(c.year);
        p.subject = "tổ chức các hoạt động tuyên truyền về " + p.phrase + " " + p.period;
      }
      break;
    case Kind::kQuyetDinh: {
      const size_t form = rng.below(3);
      p.subject =
          form == 0 ? "về việc thành lập Ban Chỉ đạo " + p.phrase + " của " + expand("{area}", p)
          : form == 1
              ? "về việc thành lập Đoàn kiểm tra việc thực hiện " + p.phrase + " năm " + num(d.year)
              : "về việc ban hành Quy chế phối hợp về " + p.phrase;
      break;
    }
    case Kind::kQuyDinh:
      p.subject =
          rng.percent(50) ? "về trách nhiệm của cấp ủy, tổ chức đảng trong " + p.phrase : subject();
      break;
    case Kind::kHuongDan:
      if (can_cite && rng.percent(50)) {
        p.subject = cite_title("thực hiện ");
      } else {
        p.period = "năm " + num(d.year);
        p.subject = "về " + p.phrase + " " + p.period;
      }
      break;
    case Kind::kThongBao:
      p.subject = rng.percent(50) ? "kết luận của " + std::string(body) + " về " + p.phrase
                                  : "ý kiến chỉ đạo của " + std::string(body) + " " + subject();
      break;
    case Kind::kBaoCao: {
      const size_t form = rng.weighted(std::array<unsigned, 3>{40, can_cite ? 30u : 0u, 30});
      if (form == 0) {
        const Civil c = civil_from_days(p.day - 20);
        p.period = std::string(c.month <= 8 ? "6 tháng đầu" : "") +
                   (c.month <= 8 ? " năm " : "năm ") + num(c.year);
        p.subject = "kết quả thực hiện nhiệm vụ " + p.period + ", phương hướng, nhiệm vụ " +
                    (c.month <= 8 ? "6 tháng cuối năm " + num(c.year) : "năm " + num(c.year + 1));
      } else if (form == 1) {
        p.subject = cite_title("sơ kết " + num(rng.between(1, 5)) + " năm thực hiện ");
      } else {
        const Civil c = civil_from_days(p.day - 15);
        p.period = "quý " + std::string(kQuarters[static_cast<size_t>((c.month - 1) / 3)]) +
                   " năm " + num(c.year);
        p.subject = "tình hình, kết quả " + p.phrase + " " + p.period;
      }
      break;
    }
    case Kind::kDeAn:
      p.subject = expand(rng.percent(50) ? "phát triển {P} giai đoạn {G}"
                                         : "{P} giai đoạn {G}, định hướng đến năm 2030",
                         p);
      break;
  }
}

// Issuer, signer and header lines.
void issuer(Plan& p, Rng& rng, Archive& archive) {
  const Signers& s = archive.signers(p.province, p.term);
  if (p.province == kCentral) {
    const size_t b = p.kind->kind == Kind::kNghiQuyet && rng.percent(40) ? 2
                     : rng.percent(60)                                   ? 0
                                                                         : 1;
    p.body = kCentralBodies[b];
    p.committee = "Trung ương";
    p.organ_line = "BAN CHẤP HÀNH TRUNG ƯƠNG";
    p.place = "Hà Nội";
    p.on_behalf = b == 0 ? "BỘ CHÍNH TRỊ" : b == 1 ? "BAN BÍ THƯ" : "BAN CHẤP HÀNH TRUNG ƯƠNG";
    p.signer_title = b == 1 ? "THƯỜNG TRỰC" : "TỔNG BÍ THƯ";
    p.signer_name = b == 1 ? s.standing_deputy : s.secretary;
    return;
  }
  const Province& prov = provinces()[static_cast<size_t>(p.province)];
  const auto& bodies = kBodies[prov.city ? 1 : 0];
  p.committee = bodies[kParty];
  Role role = kStanding;
  switch (p.kind->kind) {
    case Kind::kNghiQuyet:
      role = rng.percent(40) ? kCommittee : kStanding;
      break;
    case Kind::kKetLuan:
      role = rng.percent(30) ? kCommittee : rng.percent(85) ? kStanding : kPermanent;
      break;
    case Kind::kThongBao:
      role = rng.percent(50) ? kPermanent : kStanding;
      break;
    case Kind::kChuongTrinhHanhDong:
      role = rng.percent(50) ? kCommittee : kStanding;
      break;
    default:
      role = rng.percent(85) ? kStanding : kParty;
      break;
  }
  p.body = bodies[role];
  const std::string name(prov.name);
  const std::string organ =
      upper(p.committee) + " " + (name == "Hồ Chí Minh" ? "THÀNH PHỐ " : "") + upper(name);
  p.organ_line =
      role == kCommittee && rng.percent(30)
          ? "BAN CHẤP HÀNH ĐẢNG BỘ " + std::string(prov.city ? "THÀNH PHỐ " : "TỈNH ") + upper(name)
          : organ;
  p.place = name == "Hồ Chí Minh" ? "Thành phố Hồ Chí Minh" : name;
  p.on_behalf = role == kStanding    ? "BAN THƯỜNG VỤ"
                : role == kPermanent ? "THƯỜNG TRỰC " + upper(p.committee)
                                     : upper(p.committee);
  const size_t who = rng.weighted(std::array<unsigned, 3>{50, 35, 15});
  p.signer_title = who == 0 ? "BÍ THƯ" : who == 1 ? "PHÓ BÍ THƯ THƯỜNG TRỰC" : "PHÓ BÍ THƯ";
  p.signer_name = who == 0 ? s.secretary : who == 1 ? s.standing_deputy : s.deputy;
}

}  // namespace

int day_of(size_t index, size_t count) {
  const int first = days_from_civil(2016, 1, 4), last = days_from_civil(2025, 9, 30);
  const auto span = static_cast<uint64_t>(last - first);  // * index (at most 10^8): no overflow
  return first + static_cast<int>(span * index / std::max<size_t>(count, 1));
}

std::string citation_text(Rng& rng, const IssuedRef& ref, bool with_subject) {
  std::string out(ref.kind_label);
  out.append(" số ").append(ref.code);
  const Civil c = civil_from_days(ref.day);
  const size_t form = rng.below(4);
  if (form == 1) {
    out.append(" ").append(long_date(c, rng.percent(50)));
  } else {
    out.append(form == 0 ? ", ngày " : " ngày ").append(slash_date(c));
  }
  out += " của ";
  out += ref.body;
  if (with_subject && !ref.subject.empty() && ref.subject.starts_with("về "))
    out += " " + ref.subject;
  return out;
}

Plan make_plan(size_t index, size_t count, Rng& rng, Archive& archive,
               const std::vector<GenTheme>& themes) {
  Plan p;
  p.index = index;
  p.day = day_of(index, count);
  p.date = civil_from_days(p.day);
  const bool central = rng.percent(3);
  p.province = central ? kCentral : static_cast<int>(rng.below(provinces().size()));
  if (central) {
    p.kind = &kind(kCentralKinds[rng.weighted(kCentralWeights)]);
  } else {
    std::array<unsigned, kKinds> weights{};
    for (size_t k = 0; k < kKinds; ++k) weights[k] = kinds()[k].weight;
    p.kind = &kinds()[rng.weighted(weights)];
  }
  p.term = Archive::term(p.province, p.day);
  p.khoa = Archive::khoa(p.province, p.term);
  p.draft = !central && rng.per_mille(5);
  const int number = archive.next_number(p.province, p.kind->letters, p.term);
  if (!p.draft) {
    char code[48];
    std::snprintf(code, sizeof code, "%02d-%.*s/%s", number,
                  static_cast<int>(p.kind->letters.size()), p.kind->letters.data(),
                  central ? "TW" : "TU");
    p.code = code;
  }
  if (rng.per_mille(10)) {
    p.stamp = "MẬT";
  } else if (rng.per_mille(30)) {
    p.stamp = "LƯU HÀNH NỘI BỘ";
  }
  p.theme = rng.below(themes.size());
  p.theme2 = rng.below(themes.size());
  if (p.theme2 == p.theme) p.theme2 = (p.theme + 1) % themes.size();
  p.phrase = rng.pick(themes[p.theme].phrases);
  p.phrase2 = rng.pick(themes[p.theme2].phrases);
  issuer(p, rng, archive);
  for (const IssuedRef* ref :
       archive.cite(rng, p.province, p.day, static_cast<size_t>(rng.between(1, 4)))) {
    p.cites.push_back(*ref);
  }
  const size_t bucket = rng.weighted(kLengthWeights);
  p.target_bytes =
      static_cast<size_t>(rng.between(kLengthBounds[bucket], kLengthBounds[bucket + 1]));
  p.heading = upper(p.kind->label);
  title(p, rng);
  return p;
}

}  // namespace vankho::gen
