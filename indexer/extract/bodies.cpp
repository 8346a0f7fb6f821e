#include "bodies.h"

#include <vector>

#include "normalize.h"

namespace vankho::extract::detail {
namespace {

// Lowercase syllables allowed inside a body name, as folded phrases (longest first).
const std::vector<Phrase>& inner_words() {
  static const std::vector<Phrase> kWords = [] {
    std::vector<Phrase> out;
    for (std::string_view w :
         {"thanh pho", "chinh tri",   "chap hanh", "chinh phu", "trung uong", "dang bo",
          "thuong vu", "thuong truc", "bi thu",    "kiem tra",  "nhan dan",   "hoi dong",
          "hoi nghi",  "uy ban",      "tinh uy",   "thanh uy",  "huyen uy",   "dang uy",
          "quoc hoi",  "mat tran",    "to quoc",   "chi dao",   "van phong",  "thu tuong",
          "dang doan", "can su",      "bo truong", "thu truong"}) {
      out.emplace_back(w);
    }
    return out;
  }();
  return kWords;
}

// Names written in sentence case after `Bộ` (ministries: `Bộ Xây dựng`, `Bộ Giao thông vận tải`)
// or `Ban` (Party departments: `Ban Tuyên giáo`, `Ban Dân vận`); allowed only right after it.
const std::vector<Phrase>& department_names() {
  static const std::vector<Phrase> kNames = [] {
    std::vector<Phrase> out;
    for (std::string_view w : {"giao thong van tai",
                               "lao dong thuong binh va xa hoi",
                               "tai nguyen va moi truong",
                               "nong nghiep va phat trien nong thon",
                               "nong nghiep va moi truong",
                               "ke hoach va dau tu",
                               "thong tin va truyen thong",
                               "khoa hoc va cong nghe",
                               "van hoa the thao va du lich",
                               "giao duc va dao tao",
                               "dan toc va ton giao",
                               "tuyen giao va dan van",
                               "xay dung",
                               "tai chinh",
                               "noi vu",
                               "tu phap",
                               "cong thuong",
                               "y te",
                               "ngoai giao",
                               "quoc phong",
                               "cong an",
                               "tuyen giao",
                               "dan van",
                               "to chuc",
                               "noi chinh",
                               "kinh te",
                               "doi ngoai",
                               "chi dao"}) {
      out.emplace_back(w);
    }
    return out;
  }();
  return kNames;
}

// Single lowercase syllables of body names, compared accented (`đang` is not `Đảng`). Not `ban`
// nor `bộ`: `Tỉnh ủy ban hành` is a body and a verb.
bool inner_syllable(const std::string& norm) {
  static const std::vector<std::string> kNorms = [] {
    std::vector<std::string> out;
    for (std::string_view w : {"tỉnh", "huyện", "đảng", "ủy", "uỷ"}) {
      out.push_back(text::normalize(w));
    }
    return out;
  }();
  for (const std::string& n : kNorms) {
    if (n == norm) return true;
  }
  return false;
}

bool number_word(std::string_view f) {
  for (std::string_view w : {"mot", "hai", "ba", "bon", "tu", "nam", "lam", "sau", "bay", "tam",
                             "chin", "muoi", "nhat"}) {
    if (f == w) return true;
  }
  return false;
}

struct Known {
  Phrase words;
  std::string_view label;
};

const std::vector<Known>& known_bodies() {
  static const std::vector<Known> kKnown = [] {
    std::vector<Known> out;
    const std::pair<std::string_view, std::string_view> rows[] = {
        {"ban thuong vu tinh uy", "Ban Thường vụ Tỉnh ủy"},
        {"ban thuong vu thanh uy", "Ban Thường vụ Thành ủy"},
        {"ban thuong vu huyen uy", "Ban Thường vụ Huyện ủy"},
        {"ban thuong vu dang uy", "Ban Thường vụ Đảng ủy"},
        {"thuong truc tinh uy", "Thường trực Tỉnh ủy"},
        {"ban chap hanh dang bo tinh", "Ban Chấp hành Đảng bộ tỉnh"},
        {"ban chap hanh dang bo thanh pho", "Ban Chấp hành Đảng bộ thành phố"},
        {"ban chap hanh dang bo huyen", "Ban Chấp hành Đảng bộ huyện"},
        {"ban chap hanh trung uong dang", "Ban Chấp hành Trung ương Đảng"},
        {"ban chap hanh trung uong", "Ban Chấp hành Trung ương Đảng"},
        {"bo chinh tri", "Bộ Chính trị"},
        {"ban bi thu", "Ban Bí thư"},
        {"uy ban kiem tra tinh uy", "Ủy ban Kiểm tra Tỉnh ủy"},
        {"uy ban kiem tra trung uong", "Ủy ban Kiểm tra Trung ương"},
        {"uy ban nhan dan tinh", "Ủy ban nhân dân tỉnh"},
        {"hoi dong nhan dan tinh", "Hội đồng nhân dân tỉnh"},
        {"thu tuong chinh phu", "Thủ tướng Chính phủ"},
        {"chinh phu", "Chính phủ"},
        {"quoc hoi", "Quốc hội"},
        {"tinh uy", "Tỉnh ủy"},
        {"thanh uy", "Thành ủy"},
        {"huyen uy", "Huyện ủy"},
        {"dang uy", "Đảng ủy"},
    };
    for (const auto& [words, label] : rows) out.push_back({Phrase(words), label});
    return out;
  }();
  return kKnown;
}

}  // namespace

std::string term_at(const DocText& d, size_t i) {
  if (!d.folded_is(i, "khoa") || i + 1 >= d.size() || !d.plain_gap(i + 1)) return {};
  if (roman_value(d.token(i + 1).norm) == 0 || !d.all_upper(i + 1)) return {};
  std::string roman(d.raw(i + 1));
  return roman;
}

size_t body_end(const DocText& d, size_t i) {
  if (i >= d.size() || d.token(i).is_code || d.is_number(i) || !d.capitalized(i)) return i;
  size_t k = i;
  while (k < d.size()) {
    if (k > i && !d.plain_gap(k)) break;
    if (d.token(k).is_code || !term_at(d, k).empty()) break;
    bool inner = false;
    for (const Phrase& p : inner_words()) {
      if (d.matches(k, p)) {
        k += p.size();
        inner = true;
        break;
      }
    }
    if (!inner && k > i && (d.folded_is(k - 1, "bo") || d.folded_is(k - 1, "ban"))) {
      for (const Phrase& p : department_names()) {
        if (d.matches(k, p)) {
          k += p.size();
          inner = true;
          break;
        }
      }
    }
    if (inner) continue;
    if ((d.capitalized(k) && !d.is_number(k)) || inner_syllable(d.token(k).norm)) {
      ++k;
      continue;
    }
    if (d.folded_is(k, "lan") && d.folded_is(k + 1, "thu") && d.plain_gap(k + 1)) {
      k += 2;
      while (k < d.size() && d.plain_gap(k) &&
             (number_word(d.token(k).folded) || d.is_number(k) || roman_value(d.token(k).norm))) {
        ++k;
      }
      continue;
    }
    // `Hội nghị Trung ương 5`
    if (d.is_number(k) && k > i && d.folded_is(k - 1, "uong")) {
      ++k;
      continue;
    }
    break;
  }
  if (k > i && !term_at(d, k).empty() && d.plain_gap(k)) k += 2;
  return k;
}

std::string known_issuer(const DocText& d, size_t first, size_t last) {
  // Drop the term: `... khoá XI`.
  if (last >= first + 2 && !term_at(d, last - 2).empty()) last -= 2;
  for (const Known& known : known_bodies()) {
    if (last > first && known.words.size() == last - first && d.matches(first, known.words)) {
      return std::string(known.label);
    }
  }
  return {};
}

std::string issuer_label(const DocText& d, size_t first, size_t last) {
  std::string known = known_issuer(d, first, last);
  if (!known.empty()) return known;
  if (last >= first + 2 && !term_at(d, last - 2).empty()) last -= 2;
  return std::string(d.span(first, last));
}

bool central_body(const DocText& d, size_t first, size_t last) {
  for (size_t k = first; k < last; ++k) {
    const std::string& f = d.token(k).folded;
    if ((f == "uong" && k > first && d.folded_is(k - 1, "trung")) ||
        (f == "tri" && k > first && d.folded_is(k - 1, "chinh") && k >= first + 2 &&
         d.folded_is(k - 2, "bo")) ||
        (f == "hoi" && k > first && d.folded_is(k - 1, "quoc")) ||
        (f == "phu" && k > first && d.folded_is(k - 1, "chinh")) ||
        (f == "thu" && k > first && d.folded_is(k - 1, "bi") && k >= first + 2 &&
         d.folded_is(k - 2, "ban")) ||
        (f == "quoc" && k > first && d.folded_is(k - 1, "toan"))) {
      return true;
    }
  }
  return false;
}

}  // namespace vankho::extract::detail
