#include "citations.h"

#include <unordered_map>

#include "bodies.h"
#include "dates.h"
#include "doc_code.h"

namespace vankho::extract::detail {
namespace {

constexpr size_t kMaxSkipToSubject = 25;  // `Kết luận Hội nghị ... (khóa XI) về ...`
constexpr size_t kMaxClauseTokens = 12;

// Only blanks, or one comma: `13-NQ/TW, ngày 02/4/2022`.
bool soft_gap(std::string_view g) { return blank_gap(g, 1); }

std::optional<DateMatch> date_here(const DocText& d, size_t j) {
  if (j >= d.size() || !soft_gap(d.gap(j)) || !d.folded_is(j, "ngay")) return std::nullopt;
  return date_at(d, j);
}

// `... và các Nghị quyết, Kết luận`: another citation list starts; the subject ends before it.
bool another_list(const DocText& d, size_t k) {
  if (!d.folded_is(k, "va") && !d.folded_is(k, "cung")) return false;
  size_t m = k + 1;
  if (d.folded_is(m, "cac") || d.folded_is(m, "nhung")) ++m;
  return type_words_at(d, m) > 0;
}

std::string subject_after(const DocText& d, size_t j) {
  size_t start = d.size();
  if (j < d.size() && d.folded_is(j, "ve") && soft_gap(d.gap(j))) {
    start = j + 1;
  } else if (j < d.size() && type_words_at(d, j) > 0 && soft_gap(d.gap(j))) {
    // The cited document's own title, then `về`: `Kết luận Hội nghị ... về`, `quy định về`.
    for (size_t m = j + 1; m < d.size() && m <= j + kMaxSkipToSubject; ++m) {
      const std::string_view g = d.gap(m);
      if (ends_clause(g) || g.find(',') != std::string_view::npos || d.token(m).is_code) break;
      if (d.folded_is(m, "ve")) {
        start = m + 1;
        break;
      }
    }
  }
  if (start >= d.size()) return {};
  size_t end = start;
  while (end < d.size() && end - start < kMaxSubjectTokens) {
    if (end > start) {
      const std::string_view g = d.gap(end);
      if (ends_clause(g) || g.find('(') != std::string_view::npos) break;
      if (d.token(end).end - d.token(start).start > kMaxSubjectBytes) break;
    }
    if (d.token(end).is_code || another_list(d, end)) break;
    ++end;
  }
  return std::string(d.span(start, end));
}

// `Ngày 06/10/2020, Tỉnh ủy ban hành Văn bản số 28-KL/TU` and `của Bộ Chính trị tại Chỉ thị số
// 45-CT/TW`: the body (and date) written before the code.
void details_before(const DocText& d, size_t code, Citation& c) {
  size_t t = code;
  if (t > 0 && d.folded_is(t - 1, "so") && soft_gap(d.gap(t))) --t;
  size_t type_start = t;
  for (size_t len = 1; len <= 4 && len <= t; ++len) {
    if (type_words_at(d, t - len) == len) {
      type_start = t - len;
      break;
    }
  }
  if (type_start == t) return;
  t = type_start;
  if (t >= 3 && d.folded_is(t - 2, "ban") && d.folded_is(t - 1, "hanh") && d.plain_gap(t) &&
      d.plain_gap(t - 1)) {
    const size_t verb = t - 2;
    size_t clause = verb;
    while (clause > 0 && verb - clause < kMaxClauseTokens && d.plain_gap(clause)) --clause;
    for (size_t s = clause; s < verb; ++s) {
      if (body_end(d, s) != verb) continue;
      if (c.body.empty()) c.body = std::string(d.span(s, verb));
      if (c.date.empty()) {
        for (size_t q = s >= 6 ? s - 6 : 0; q < s; ++q) {
          auto m = date_at(d, q);
          if (m && m->end == s && d.folded_is(q, "ngay")) c.date = m->date;
        }
      }
      return;
    }
    return;
  }
  if (t >= 2 && d.folded_is(t - 1, "tai") && d.plain_gap(t) && c.body.empty()) {
    for (size_t q = t - 1; q-- > 0 && t - 1 - q <= kMaxClauseTokens;) {
      if (!d.plain_gap(q + 1)) break;
      if (d.folded_is(q, "cua")) {
        if (body_end(d, q + 1) == t - 1) c.body = std::string(d.span(q + 1, t - 1));
        return;
      }
    }
  }
}

int richness(const Citation& c) {
  return (c.date.empty() ? 0 : 1) + (c.body.empty() ? 0 : 1) + (c.subject.empty() ? 0 : 1);
}

}  // namespace

size_t type_words_at(const DocText& d, size_t i) {
  if (i >= d.size()) return 0;
  if (d.folded_is(i, "van") && d.folded_is(i + 1, "ban") && d.plain_gap(i + 1)) return 2;
  std::string words;
  for (size_t len = 1; len <= 4 && i + len <= d.size(); ++len) {
    if (len > 1) {
      if (!d.plain_gap(i + len - 1)) break;
      words.push_back(' ');
    }
    words += d.token(i + len - 1).folded;
    if (len >= 2 || words == "luat") {
      const DocType* t = doc_type_by_words(words);
      if (t && t->slug != "tin-bai") {
        // Prefer the longest label: `Chương trình hành động` over `Chương trình`.
        size_t longer = 0;
        for (size_t more = len + 1; more <= 4 && i + more <= d.size() && !longer; ++more) {
          std::string w = words;
          bool ok = true;
          for (size_t k = len; k < more && ok; ++k) {
            ok = d.plain_gap(i + k);
            w += ' ' + d.token(i + k).folded;
          }
          if (ok && doc_type_by_words(w)) longer = more;
        }
        return longer ? longer : len;
      }
    }
  }
  return 0;
}

std::vector<Citation> find_citations(const DocText& d, std::string_view own_key) {
  std::vector<Citation> out;
  std::unordered_map<std::string, size_t> by_key;
  for (size_t i = 0; i < d.size(); ++i) {
    if (!d.token(i).is_code || d.token(i).folded == own_key) continue;
    auto code = text::parse_code(d.token(i).norm);
    if (!code) continue;
    Citation c;
    c.code = code->canonical;
    c.key = code->key;
    if (const DocType* t = doc_type_by_code_letters(text::code_part_key(code->type))) {
      c.type = std::string(t->slug);
    }
    c.number = code->number;
    c.issuer = code->issuer;
    size_t j = i + 1;
    if (auto m = date_here(d, j)) {
      c.date = m->date;
      j = m->end;
    }
    if (j < d.size() && soft_gap(d.gap(j)) && d.folded_is(j, "cua")) {
      const size_t e = body_end(d, j + 1);
      if (e > j + 1) {
        c.body = std::string(d.span(j + 1, e));
        j = e;
      }
    }
    if (auto m = date_here(d, j); m && c.date.empty()) {
      c.date = m->date;
      j = m->end;
    }
    c.subject = subject_after(d, j);
    if (c.body.empty() || c.date.empty()) details_before(d, i, c);

    auto [it, fresh] = by_key.emplace(c.key, out.size());
    if (fresh) {
      out.push_back(std::move(c));
    } else if (richness(c) > richness(out[it->second])) {
      out[it->second] = std::move(c);
    }
  }
  return out;
}

}  // namespace vankho::extract::detail
