#include "abbreviations.h"

#include <unordered_map>

namespace vankho::query {
namespace {

// Common in Party and state documents and in questions about them. Two-letter ones (`DN`, `BT`)
// are left out: too ambiguous.
constexpr std::pair<std::string_view, std::string_view> kAbbreviations[] = {
    {"UBND", "ủy ban nhân dân"},        {"HĐND", "hội đồng nhân dân"},
    {"MTTQ", "mặt trận tổ quốc"},       {"BCH", "ban chấp hành"},
    {"BTV", "ban thường vụ"},           {"UBKT", "ủy ban kiểm tra"},
    {"BCĐ", "ban chỉ đạo"},             {"CCHC", "cải cách hành chính"},
    {"TTHC", "thủ tục hành chính"},     {"NTM", "nông thôn mới"},
    {"NSNN", "ngân sách nhà nước"},     {"XHCN", "xã hội chủ nghĩa"},
    {"CNTT", "công nghệ thông tin"},    {"BHXH", "bảo hiểm xã hội"},
    {"BHYT", "bảo hiểm y tế"},          {"BHTN", "bảo hiểm thất nghiệp"},
    {"TNHH", "trách nhiệm hữu hạn"},    {"DNTN", "doanh nghiệp tư nhân"},
    {"CMND", "chứng minh nhân dân"},    {"CCCD", "căn cước công dân"},
    {"GCN", "giấy chứng nhận"},         {"GPLX", "giấy phép lái xe"},
    {"CCHN", "chứng chỉ hành nghề"},    {"ATGT", "an toàn giao thông"},
    {"PCCC", "phòng cháy chữa cháy"},   {"ATTP", "an toàn thực phẩm"},
    {"CSGT", "cảnh sát giao thông"},    {"THPT", "trung học phổ thông"},
    {"THCS", "trung học cơ sở"},        {"GDNN", "giáo dục nghề nghiệp"},
    {"TAND", "tòa án nhân dân"},        {"VKSND", "viện kiểm sát nhân dân"},
    {"TANDTC", "tòa án nhân dân tối cao"}, {"THA", "thi hành án"},
    {"THAHS", "thi hành án hình sự"},   {"HĐLĐ", "hợp đồng lao động"},
    {"QSDĐ", "quyền sử dụng đất"},      {"KCN", "khu công nghiệp"},
};

const std::unordered_map<std::string, Abbreviation>& table() {
  static const auto* t = [] {
    auto* m = new std::unordered_map<std::string, Abbreviation>;
    for (const auto& [written, means] : kAbbreviations) {
      std::vector<text::Token> key, tokens;
      text::tokenize(written, key);
      text::tokenize(means, tokens);
      if (key.size() == 1) m->emplace(key[0].folded, Abbreviation{written, means, key[0].folded, std::move(tokens)});
    }
    return m;
  }();
  return *t;
}

bool in_capitals(std::string_view typed) {
  for (char c : typed) {
    if (c >= 'a' && c <= 'z') return false;
  }
  return typed.find("đ") == std::string_view::npos;  // Đ is the only non-ASCII letter they use
}

// Abbreviations that are also syllables (`tha`, `thả`): read as abbreviations only in capitals.
bool is_syllable_too(std::string_view folded) { return folded == "tha"; }

}  // namespace

const Abbreviation* abbreviation_spelled_at(const std::vector<text::Token>& tokens, size_t first) {
  const Abbreviation* best = nullptr;
  for (const auto& [key, a] : table()) {  // a few dozen entries, once per query word
    const auto& m = a.means_tokens;
    if (m.empty() || first + m.size() > tokens.size() || (best && best->means_tokens.size() >= m.size())) continue;
    bool same = true;
    for (size_t k = 0; k < m.size() && same; ++k) same = !tokens[first + k].is_code && tokens[first + k].folded == m[k].folded;
    if (same) best = &a;
  }
  return best;
}

const Abbreviation* abbreviation_of(std::string_view typed, const text::Token& token) {
  if (token.is_code) return nullptr;
  const auto& t = table();
  const auto it = t.find(token.folded);
  if (it == t.end() || (is_syllable_too(token.folded) && !in_capitals(typed))) return nullptr;
  return &it->second;
}

}  // namespace vankho::query
