#include "access.h"

#include <algorithm>
#include <string>
#include <vector>

namespace vankho::extract::detail {
namespace {

enum class MarkKind { kStamp, kUrgency, kLabel };

// A word or phrase that may stand in a stamp block, compared without its spaces so that letter
// spacing (`M Ậ T`) and any gap between its words count alike.
struct Mark {
  std::string_view written;
  MarkKind kind;
  AccessLevel level = AccessLevel::kNoiBo;  // kStamp only
  // Typed without marks it still means this: `LUU HANH NOI BO`. Not `MAT` (mát, mặt, mất) nor
  // `TOI MAT` (tối mặt), nor the urgency words (`KHAN`: khan hiếm).
  bool unaccented_ok = false;
  std::string norm, folded;  // filled from `written` by the analyzer, spaces dropped
};

const std::vector<Mark>& marks() {
  static const std::vector<Mark> table = [] {
    std::vector<Mark> t = {
        {"mật", MarkKind::kStamp, AccessLevel::kMat},
        {"tối mật", MarkKind::kStamp, AccessLevel::kToiMat},
        {"tuyệt mật", MarkKind::kStamp, AccessLevel::kTuyetMat, true},
        {"lưu hành nội bộ", MarkKind::kStamp, AccessLevel::kNoiBo, true},
        {"khẩn", MarkKind::kUrgency},
        {"thượng khẩn", MarkKind::kUrgency},
        {"hỏa tốc", MarkKind::kUrgency},
        {"hẹn giờ", MarkKind::kUrgency},
        // Labels name the mark that follows them: `Độ mật: Tối mật`, `TÀI LIỆU MẬT`.
        {"độ mật", MarkKind::kLabel},
        {"độ khẩn", MarkKind::kLabel},
        {"tài liệu", MarkKind::kLabel},
    };
    for (Mark& m : t) {
      std::vector<text::Token> tokens;
      text::tokenize(m.written, tokens);
      for (const text::Token& tok : tokens) {
        m.norm += tok.norm;
        m.folded += tok.folded;
      }
    }
    return t;
  }();
  return table;
}

bool is_vertical_rule(std::string_view gap, size_t i, size_t& len) {
  for (std::string_view rule : {"|", "│", "┃", "║", "¦"}) {
    if (gap.substr(i, rule.size()) == rule) {
      len = rule.size();
      return true;
    }
  }
  return false;
}

// A gap that separates columns of a line: a tab, two blanks or more, a vertical box rule (the
// ` | ` between table cells), or the ` * ` under an organ's name.
bool column_gap(std::string_view gap) {
  size_t run = 0;
  for (size_t i = 0; i < gap.size();) {
    size_t len = 0;
    if (gap[i] == '\t' || is_vertical_rule(gap, i, len)) return true;
    if (const size_t b = blank_at(gap, i)) {
      if (++run >= 2) return true;
      i += b;
      continue;
    }
    if (gap[i] == '*' && run > 0 && blank_at(gap, i + 1)) return true;
    run = 0;
    ++i;
  }
  return false;
}

// A gap inside one mark: blanks of any width (and emphasis), nothing else.
bool inner_gap(std::string_view gap) {
  for (size_t i = 0; i < gap.size();) {
    if (const size_t b = blank_at(gap, i)) {
      i += b;
    } else if (gap[i] == '*' || gap[i] == '_') {
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

struct Match {
  size_t end = 0;
  const Mark* mark = nullptr;
};

// The longest mark spelled by tokens [i, limit) from i.
std::optional<Match> mark_at(const DocText& d, size_t i, size_t limit) {
  std::string norm, folded;
  std::optional<Match> best;
  for (size_t j = i; j < limit; ++j) {
    if (j > i && !inner_gap(d.gap(j))) break;
    const text::Token& t = d.token(j);
    if (t.is_code) break;
    norm += t.norm;
    folded += t.folded;
    bool longer = false;
    for (const Mark& m : marks()) {
      if (m.norm == norm || (m.unaccented_ok && m.folded == folded)) best = Match{j + 1, &m};
      longer = longer || (m.norm.size() > norm.size() && m.norm.starts_with(norm)) ||
               (m.unaccented_ok && m.folded.size() > folded.size() && m.folded.starts_with(folded));
    }
    if (!longer) break;
  }
  return best;
}

// Tokens [first, last) hold only marks (any punctuation between them), a label only before a
// mark; `stamp` is raised to the highest level among them. False when anything else is there.
bool only_marks(const DocText& d, size_t first, size_t last, std::optional<AccessLevel>& stamp) {
  if (first >= last) return false;
  // An item of a list (`- Tuyệt mật;`, `Mật,`) goes on: no stamp ends so.
  if (d.gap(last).find_first_of(";,") != std::string_view::npos) return false;
  std::optional<AccessLevel> found;
  bool label_open = false;
  for (size_t i = first; i < last;) {
    const auto m = mark_at(d, i, last);
    if (!m) return false;
    label_open = m->mark->kind == MarkKind::kLabel;
    if (m->mark->kind == MarkKind::kStamp) found = std::max(found.value_or(m->mark->level), m->mark->level);
    i = m->end;
  }
  if (label_open) return false;
  if (found) stamp = std::max(stamp.value_or(*found), *found);
  return true;
}

// Every run of whole columns of the line that holds only marks: the line itself, and in a
// header laid out in columns (`Số 12-NQ/TU      MẬT`) the columns beside the rest. A document
// code ends a column too: a table cell's paragraphs come as one line (`Số 12-NQ/TU MẬT | ...`).
void read_line(const DocText& d, const Line& line, std::optional<AccessLevel>& stamp) {
  constexpr size_t kMaxTokens = 60;  // a header row of a table (organ, number, stamp, motto, date), at most
  if (line.token_count() == 0 || line.token_count() > kMaxTokens) return;
  std::vector<size_t> starts = {line.first_token};
  for (size_t k = line.first_token + 1; k < line.end_token; ++k) {
    if (column_gap(d.gap(k)) || d.token(k - 1).is_code) starts.push_back(k);
  }
  starts.push_back(line.end_token);
  for (size_t a = 0; a + 1 < starts.size(); ++a) {
    for (size_t b = a + 1; b < starts.size(); ++b) (void)only_marks(d, starts[a], starts[b], stamp);
  }
}

}  // namespace

bool marks_line(const DocText& d, const Line& line) {
  std::optional<AccessLevel> ignored;
  return only_marks(d, line.first_token, line.end_token, ignored);
}

std::optional<AccessLevel> find_stamp(const DocText& d) {
  std::optional<AccessLevel> stamp;
  const auto& lines = d.lines();
  std::vector<bool> read(lines.size(), false);
  auto scan = [&](size_t i, size_t& taken) {
    if (lines[i].blank()) return;
    ++taken;
    if (read[i]) return;
    read[i] = true;
    read_line(d, lines[i], stamp);
  };
  for (size_t i = 0, taken = 0; i < lines.size() && taken < kStampTopLines; ++i) scan(i, taken);
  for (size_t i = lines.size(), taken = 0; i > 0 && taken < kStampBottomLines; --i) scan(i - 1, taken);
  return stamp;
}

}  // namespace vankho::extract::detail
