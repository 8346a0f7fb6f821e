#include "provinces.h"

#include <string>
#include <vector>

#include "fold.h"

namespace vankho::extract::detail {
namespace {

struct Province {
  std::string_view name;
  std::vector<Phrase> spellings;  // folded words of the name and its variants
};

std::vector<Province> make_table() {
  // Display name, then extra spellings (folded words) beyond the name's own fold.
  const std::vector<std::vector<std::string_view>> rows = {
      {"Hà Nội"},
      {"Hồ Chí Minh", "tp ho chi minh"},
      {"Hải Phòng"},
      {"Đà Nẵng"},
      {"Cần Thơ"},
      {"Huế"},
      {"An Giang"},
      {"Bà Rịa - Vũng Tàu", "ba ria vung tau"},
      {"Bắc Giang"},
      {"Bắc Kạn", "bac can"},
      {"Bạc Liêu"},
      {"Bắc Ninh"},
      {"Bến Tre"},
      {"Bình Định"},
      {"Bình Dương"},
      {"Bình Phước"},
      {"Bình Thuận"},
      {"Cà Mau"},
      {"Cao Bằng"},
      {"Đắk Lắk", "dac lac"},
      {"Đắk Nông", "dac nong"},
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
  };
  std::vector<Province> table;
  for (const auto& row : rows) {
    Province p{row[0], {}};
    std::string folded;
    for (char c : text::fold(row[0])) {
      if (c != '-') folded.push_back(c);
    }
    p.spellings.emplace_back(folded);
    for (size_t k = 1; k < row.size(); ++k) p.spellings.emplace_back(row[k]);
    table.push_back(std::move(p));
  }
  return table;
}

const std::vector<Province>& table() {
  static const std::vector<Province> kTable = make_table();
  return kTable;
}

}  // namespace

std::optional<ProvinceMatch> province_at(const DocText& d, size_t i) {
  if (i >= d.size() || d.token(i).is_code || !d.capitalized(i)) return std::nullopt;
  std::optional<ProvinceMatch> best;
  for (const Province& p : table()) {
    for (const Phrase& s : p.spellings) {
      if (s.words()[0] != d.token(i).folded || !d.matches(i, s)) continue;
      if (!best || i + s.size() > best->end) best = ProvinceMatch{p.name, i + s.size()};
    }
  }
  return best;
}

std::string_view province_name(std::string_view any_spelling) {
  const DocText d(any_spelling, nullptr);
  if (d.size() == 0) return {};
  for (const Province& p : table()) {
    for (const Phrase& s : p.spellings) {
      if (s.size() != d.size()) continue;
      bool same = true;
      for (size_t k = 0; k < s.size() && same; ++k) same = d.token(k).folded == s.words()[k];
      if (same) return p.name;
    }
  }
  return {};
}

}  // namespace vankho::extract::detail
