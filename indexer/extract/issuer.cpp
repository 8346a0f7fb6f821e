#include "issuer.h"

#include <map>
#include <vector>

#include "bodies.h"
#include "citations.h"
#include "normalize.h"
#include "provinces.h"

namespace vankho::extract::detail {
namespace {

constexpr size_t kTailLines = 20;          // where a closing self-reference may be
constexpr size_t kSelfReferenceSpan = 25;  // tokens from `Trên đây là` to `của`
constexpr size_t kTermWindow = 10;         // tokens before `khóa X` that name its body
constexpr int kMinProvinceMentions = 2;

struct Organ {
  Phrase words;
  std::string_view label;
};

const std::vector<Organ>& organs() {
  static const std::vector<Organ> kOrgans = {{Phrase("tinh uy"), "Tỉnh ủy"},
                                             {Phrase("thanh uy"), "Thành ủy"},
                                             {Phrase("huyen uy"), "Huyện ủy"},
                                             {Phrase("dang uy"), "Đảng ủy"}};
  return kOrgans;
}

std::string body_after_cua(const DocText& d, size_t from, size_t to) {
  for (size_t k = from; k < to && k < d.size(); ++k) {
    if (k > from && ends_clause(d.gap(k))) return {};
    if (!d.folded_is(k, "cua")) continue;
    const size_t e = body_end(d, k + 1);
    if (e > k + 1) return issuer_label(d, k + 1, e);
  }
  return {};
}

std::string self_reference(const DocText& d) {
  const auto& lines = d.lines();
  const size_t first = lines.size() > kTailLines ? lines.size() - kTailLines : 0;
  static const Phrase above("tren day la");
  for (size_t i = first; i < lines.size(); ++i) {
    for (size_t k = lines[i].first_token; k < lines[i].end_token; ++k) {
      if (d.matches(k, above)) return body_after_cua(d, k + 3, k + 3 + kSelfReferenceSpan);
    }
  }
  return {};
}

// `T/M BAN THƯỜNG VỤ`: the standing committee of the organ in the header, else of the organ the
// text names most (`Tỉnh ủy`).
std::string on_behalf_issuer(const DocText& d, const std::string& on_behalf,
                             const HeaderBlock& header) {
  const DocText ob(on_behalf, nullptr);
  if (ob.size() == 0) return {};
  static const Phrase standing("ban thuong vu");
  if (ob.size() == 3 && ob.matches(0, standing)) {
    std::string organ;
    for (const Organ& o : organs()) {
      if (header.organ == o.label) organ = o.label;
    }
    for (int best = 0; const Organ& o : organs()) {
      if (organ == header.organ && !organ.empty()) break;
      int count = 0;
      for (size_t k = 0; k < d.size(); ++k) count += d.matches(k, o.words) ? 1 : 0;
      if (count > best) {
        best = count;
        organ = o.label;
      }
    }
    return organ.empty() ? "Ban Thường vụ" : "Ban Thường vụ " + organ;
  }
  return known_issuer(ob, 0, ob.size());
}

bool local_body(const DocText& d, size_t first, size_t last) {
  static const Phrase kPartyCommittee("dang bo");
  for (size_t k = first; k < last; ++k) {
    if (d.matches(k, kPartyCommittee)) return true;
    for (const Organ& o : organs()) {
      if (d.matches(k, o.words)) return true;
    }
  }
  return false;
}

}  // namespace

std::string issuer_in_title(const DocText& title) {
  if (type_words_at(title, 0) == 0) return {};
  return body_after_cua(title, 0, title.size());
}

std::string find_issuer(const DocText& d, const DocText& title, const HeaderBlock& header,
                        const std::optional<SignatureBlock>& signature) {
  std::string issuer = issuer_in_title(title);
  if (issuer.empty()) issuer = self_reference(d);
  if (issuer.empty() && signature) issuer = on_behalf_issuer(d, signature->on_behalf_of, header);
  if (issuer.empty() && !header.organ.empty()) {
    issuer = header.organ;
    if (!header.organ_province.empty()) issuer += " " + header.organ_province;
  }
  return issuer;
}

std::string find_province(const DocText& d, const HeaderBlock& header, bool read_body) {
  if (!header.organ_province.empty()) return header.organ_province;
  if (!header.place_province.empty()) return header.place_province;
  if (!read_body) return {};
  static const std::string kTinh = text::normalize("tỉnh");
  std::map<std::string_view, int> mentions;
  for (size_t k = 0; k + 1 < d.size(); ++k) {
    if (d.token(k).norm != kTinh || !d.plain_gap(k + 1)) continue;
    if (auto p = province_at(d, k + 1)) ++mentions[p->name];
  }
  std::string_view best;
  int best_count = 0, runner_up = 0;
  for (const auto& [name, count] : mentions) {
    if (count > best_count) {
      runner_up = best_count;
      best_count = count;
      best = name;
    } else if (count > runner_up) {
      runner_up = count;
    }
  }
  if (best_count < kMinProvinceMentions || best_count == runner_up) return {};
  return std::string(best);
}

std::string find_term(const DocText& d, const DocText& title) {
  // `... của Ban Chấp hành Đảng bộ Tỉnh khoá XI`
  for (size_t k = 0; k + 1 < title.size(); ++k) {
    if (!title.folded_is(k, "cua")) continue;
    const size_t end = body_end(title, k + 1);
    if (end >= k + 3) {
      std::string t = term_at(title, end - 2);
      if (!t.empty()) return t;
    }
    break;
  }
  for (size_t k = 0; k < d.size(); ++k) {
    if (!d.folded_is(k, "khoa")) continue;
    std::string t = term_at(d, k);
    if (t.empty()) continue;
    size_t first = k > kTermWindow ? k - kTermWindow : 0;
    for (size_t m = k; m > first; --m) {
      if (ends_clause(d.gap(m))) {
        first = m;
        break;
      }
    }
    if (local_body(d, first, k) && !central_body(d, first, k)) return t;
  }
  return {};
}

}  // namespace vankho::extract::detail
