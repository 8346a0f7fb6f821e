#include "text_reader.h"

#include <algorithm>
#include <vector>

namespace vankho::ingest {
namespace {

enum class CharClass { kSpace, kPunct, kWord };

bool is_ascii_punct(unsigned char c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}

// Class of the character ending just before `pos` (or at line start: a space).
CharClass class_before(std::string_view line, size_t pos) {
  if (pos == 0) return CharClass::kSpace;
  const auto c = static_cast<unsigned char>(line[pos - 1]);
  if (c == ' ' || c == '\t') return CharClass::kSpace;
  if (c < 0x80) return is_ascii_punct(c) ? CharClass::kPunct : CharClass::kWord;
  // Typographic quotes and dashes (U+2013..U+201F) end in 0x80..0x9F after E2 80.
  if (pos >= 3 && line[pos - 3] == '\xE2' && line[pos - 2] == '\x80') {
    const auto last = static_cast<unsigned char>(line[pos - 1]);
    if (last >= 0x93 && last <= 0x9F) return CharClass::kPunct;
  }
  if (pos >= 2 && line[pos - 2] == '\xC2' && line[pos - 1] == '\xA0') return CharClass::kSpace;
  return CharClass::kWord;
}

CharClass class_at(std::string_view line, size_t pos) {
  if (pos >= line.size()) return CharClass::kSpace;
  const auto c = static_cast<unsigned char>(line[pos]);
  if (c == ' ' || c == '\t') return CharClass::kSpace;
  if (c < 0x80) return is_ascii_punct(c) ? CharClass::kPunct : CharClass::kWord;
  if (line.substr(pos).starts_with("\xC2\xA0")) return CharClass::kSpace;
  if (pos + 2 < line.size() && line[pos] == '\xE2' && line[pos + 1] == '\x80') {
    const auto last = static_cast<unsigned char>(line[pos + 2]);
    if (last >= 0x93 && last <= 0x9F) return CharClass::kPunct;
  }
  return CharClass::kWord;
}

struct Run {
  size_t begin, length;  // position in the line and number of marker characters
  char marker;           // '*' or '_'
  bool can_open, can_close;
  size_t removed_open = 0, removed_close = 0;  // markers removed as an opener / as a closer
  bool glued_before, glued_after;              // a non-space character on that side
  bool ends_sentence_before;                   // a letter, digit or .:;!? just before
};

bool is_sentence_char(std::string_view line, size_t pos) {
  if (pos == 0) return false;
  const char c = line[pos - 1];
  return c == '.' || c == ':' || c == ';' || c == '!' || c == '?' ||
         class_before(line, pos) == CharClass::kWord;
}

Run make_run(std::string_view line, size_t begin, size_t length, bool relaxed_open) {
  Run r{begin, length, line[begin], false, false};
  const CharClass before = class_before(line, begin);
  const CharClass after = class_at(line, begin + length);
  const bool left =
      after != CharClass::kSpace && (after != CharClass::kPunct || before != CharClass::kWord);
  const bool right =
      before != CharClass::kSpace && (before != CharClass::kPunct || after != CharClass::kWord);
  if (r.marker == '*') {
    r.can_open = left || relaxed_open;
    // Also `**Thời gian:**Dự kiến`: a strong run after punctuation glued to the next word.
    r.can_close =
        right || (length >= 2 && before == CharClass::kPunct && after == CharClass::kWord);
  } else {  // '_' never opens or closes inside a word
    r.can_open = (left && (!right || before == CharClass::kPunct)) || relaxed_open;
    r.can_close = right && (!left || after == CharClass::kPunct);
  }
  r.glued_before = before != CharClass::kSpace;
  r.glued_after = after != CharClass::kSpace;
  r.ends_sentence_before = is_sentence_char(line, begin);
  return r;
}

// Pairs openers with closers (innermost first) and records how many markers each loses.
void pair_runs(std::vector<Run>& runs) {
  std::vector<size_t> openers;
  for (size_t i = 0; i < runs.size(); ++i) {
    Run& run = runs[i];
    if (run.can_close) {
      size_t left = run.length;
      while (left > 0 && !openers.empty()) {
        size_t k = openers.size();
        while (k > 0 && runs[openers[k - 1]].marker != run.marker) --k;
        if (k == 0) break;
        Run& opener = runs[openers[k - 1]];
        const size_t take = std::min(left, opener.length - opener.removed_open);
        opener.removed_open += take;
        run.removed_close += take;
        left -= take;
        openers.resize(opener.removed_open == opener.length ? k - 1 : k);
      }
      if (run.removed_close > 0) continue;
    }
    if (run.can_open) openers.push_back(i);
  }
}

bool escaped_marker(std::string_view line, size_t i) {
  return line[i] == '\\' && i + 1 < line.size() && (line[i + 1] == '*' || line[i + 1] == '_');
}

// Appends line[from, to) dropping the backslash of escaped markers and, when `drop_space` is set,
// the spaces that follow a removed opener at the line start.
void copy_text(std::string_view line, size_t from, size_t to, bool drop_space, std::string& out) {
  for (size_t i = from; i < to; ++i) {
    if (drop_space && (line[i] == ' ' || line[i] == '\t')) continue;
    drop_space = false;
    if (escaped_marker(line, i)) continue;
    out.push_back(line[i]);
  }
}

// Appends `line` with paired emphasis markers removed. `relaxed_first`: a marker run at the line
// start may open even though a space follows it (`*** Về kinh tế**`, a bullet and a strong run).
void strip_emphasis(std::string_view line, bool relaxed_first, std::string& out) {
  std::vector<Run> runs;
  for (size_t i = 0; i < line.size();) {
    if (escaped_marker(line, i)) {
      i += 2;
      continue;
    }
    const char c = line[i];
    if (c != '*' && c != '_') {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < line.size() && line[end] == c) ++end;
    runs.push_back(make_run(line, i, end - i, relaxed_first && i == 0));
    i = end;
  }
  pair_runs(runs);
  size_t copied = 0;
  bool drop_space = false;
  for (const Run& run : runs) {
    const size_t removed = run.removed_open + run.removed_close;
    if (removed == 0) continue;
    copy_text(line, copied, run.begin, drop_space, out);
    drop_space = false;
    const size_t kept = run.length - removed;
    if (run.removed_close == 0) out.append(kept, run.marker);  // an opener keeps its outer side
    if (run.removed_open >= 2 && run.glued_before && run.glued_after && run.ends_sentence_before) {
      out.push_back('\n');  // `TRÌNH**làm việc`: a lost line break
    } else if (run.removed_close >= 2 && run.glued_before && run.glued_after &&
               class_at(line, run.begin + run.length) == CharClass::kWord) {
      out.push_back(' ');
    } else if (run.begin == 0 && !run.glued_after && kept == 0) {
      drop_space = true;  // `** Về kinh tế**` → `Về kinh tế`
    }
    if (run.removed_close > 0) out.append(kept, run.marker);
    copied = run.begin + run.length;
  }
  copy_text(line, copied, line.size(), drop_space, out);
}

bool is_thematic_break(std::string_view line) {
  char marker = 0;
  size_t count = 0;
  for (const char c : line) {
    if (c == ' ' || c == '\t') continue;
    if ((c != '*' && c != '_') || (marker != 0 && c != marker)) return false;
    marker = c;
    ++count;
  }
  return count >= 3;
}

void strip_line(std::string_view line, std::string& out) {
  size_t pos = 0;
  while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
  if (is_thematic_break(line)) return;  // `***` or `___`: a rule, no text
  out.append(line.substr(0, pos));
  // ATX heading: up to six '#' then a space or the end; the closing #s go too.
  size_t hashes = 0;
  while (pos + hashes < line.size() && line[pos + hashes] == '#') ++hashes;
  if (pos <= 3 && hashes >= 1 && hashes <= 6 &&
      (pos + hashes == line.size() || line[pos + hashes] == ' ' || line[pos + hashes] == '\t')) {
    std::string_view rest = line.substr(pos + hashes);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    size_t end = rest.size();
    while (end > 0 && (rest[end - 1] == ' ' || rest[end - 1] == '\t')) --end;
    size_t close = end;
    while (close > 0 && rest[close - 1] == '#') --close;
    if (close == 0 || rest[close - 1] == ' ' || rest[close - 1] == '\t') end = close;
    while (end > 0 && (rest[end - 1] == ' ' || rest[end - 1] == '\t')) --end;
    strip_emphasis(rest.substr(0, end), false, out);
    return;
  }
  // Bullets `* `, `- `, `+ ` stay. A longer star run then a space may open emphasis: in
  // `*** Về kinh tế**` the closer takes two stars and the third stays as the bullet.
  bool relaxed = false;
  if (pos < line.size() && line[pos] == '*') {
    size_t stars = 0;
    while (pos + stars < line.size() && line[pos + stars] == '*') ++stars;
    const bool space_after =
        pos + stars < line.size() && (line[pos + stars] == ' ' || line[pos + stars] == '\t');
    if (space_after && stars == 1) {
      out.push_back('*');
      ++pos;
    } else if (space_after) {
      relaxed = true;
    }
  }
  strip_emphasis(line.substr(pos), relaxed, out);
}

}  // namespace

std::string strip_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    strip_line(text.substr(pos, end - pos), out);
    if (end < text.size()) out.push_back('\n');
    pos = end + 1;
  }
  return out;
}

}  // namespace vankho::ingest
