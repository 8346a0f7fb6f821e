// Lines, paragraphs and wrapped lines from word boxes (see page_layout.h).
//
// 1. Lines. Poppler lists the words line by line; a new line starts where the next word is not
//    on the same baseline (its box does not overlap the previous word's box across the text by
//    half the smaller height) or starts left of the previous word's end. Words far apart on one
//    baseline stay on one line (poppler's blocks side by side, a table row's cells).
// 2. Regions and paragraphs. A line under the one before it, in the region's extent along the
//    text, continues that region (a column, or the whole page), and so does a line beside it on
//    the same baseline (after a line break); anything else (the top of the next column, a text
//    outside the region, another rotation) begins a new region after a blank line. Inside a
//    region, a vertical gap clearly larger than the page's line spacing (the lower quartile of
//    the gaps, in line heights) is a blank line too: a new paragraph.
// 3. Wrapped lines. A line is joined to the next line of its paragraph when the layout must have
//    wrapped it: the first word of the next line would not have fitted between the line's end and
//    the region's right edge (for justified text that is "within two average character widths
//    of the edge"; ragged-right text ends further from it), the line starts at the region's left
//    (not a centered or right-aligned line), the next line does not start right of it (the
//    indented first line of a new paragraph, a centered line) nor begin an item, and neither line
//    has gaps of several line heights in it (cells, not a paragraph's lines).
#include "page_layout.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <unicode/uchar.h>

#include "utf8.h"

namespace vankho::formats::pdf {
namespace {

// A box in the frame of its text: `start`..`end` along the text, `top`..`bottom` across it
// (`top` towards the line before).
struct Box {
  double start = 0, end = 0, top = 0, bottom = 0;
  [[nodiscard]] double height() const { return bottom - top; }
};

Box frame_of(const PdfWord& w) {
  switch (w.rotation & 3) {
    case 1:  // top to bottom: glyph tops point to +x, lines follow towards -x
      return {w.y_min, w.y_max, -w.x_max, -w.x_min};
    case 2:  // upside down
      return {-w.x_max, -w.x_min, -w.y_max, -w.y_min};
    case 3:  // bottom to top: glyph tops point to -x, lines follow towards +x
      return {-w.y_max, -w.y_min, w.x_min, w.x_max};
    default:
      return {w.x_min, w.x_max, w.y_min, w.y_max};
  }
}

// Fractions of a line height (the height of a word's box, about 1.1-1.3 times the font size).
constexpr double kSameLineOverlap = 0.5;  // boxes overlapping this much across: one baseline
constexpr double kBackStep = 0.3;         // a word starting this far left of the last one's end
constexpr double kSpread = 3.0;           // a gap this wide in a line: cells, not a paragraph's line
constexpr double kVisibleGap = 0.15;      // a gap this wide between two words is a space
constexpr double kBelow = 0.5;            // the next line's top this far below this line's top
constexpr double kParagraphGap = 0.3;     // more than the usual gap between lines: a paragraph
constexpr double kMaxUsualGap = 1.1;      // the usual gap is at most double spacing's
// In average character widths: slack for edges and starts; a region narrower than kMinMeasure
// (table cells, short blocks) never joins its lines.
constexpr double kEdgeSlack = 2.0;
constexpr double kMinMeasure = 20.0;
// A line that starts further right than this share of the region's width is centered or
// right-aligned (a heading, a dateline, a signature), never a wrapped line.
constexpr double kLeftShare = 0.25;

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

struct Line {
  size_t first = 0, last = 0;  // words [first, last]
  int rotation = 0;
  Box box;
  size_t chars = 0;      // code points, spaces included
  double widest = 0;     // the widest gap between two of its words
};

// How a line lies to the line before it.
enum class Place {
  kBelow,      // under it, in the extent of the region: the region goes on
  kBeside,     // on the same baseline (poppler's next block on it, a table row's next cell)
  kElsewhere,  // above it (the top of the next column), outside the region, another rotation
};

bool on_same_line(const Box& prev, const Box& next) {
  const double low = std::min(prev.height(), next.height());
  const double overlap = std::min(prev.bottom, next.bottom) - std::max(prev.top, next.top);
  if (overlap < kSameLineOverlap * low) return false;
  return next.start >= prev.end - kBackStep * low;
}

// The lower quartile of `v` (which it reorders); `fallback` when empty.
double lower_quartile(std::vector<double>& v, double fallback) {
  if (v.empty()) return fallback;
  const auto at = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 4);
  std::nth_element(v.begin(), at, v.end());
  return *at;
}

bool roman_digit(char c) { return c == 'I' || c == 'V' || c == 'X'; }

// "45-", "2021-", "tế-": a hyphen glued to its word, where a line breaker breaks inside a word
// (`45-CT/TW`), so the two halves join without a space. Not a section label "I-", "**II-"
// ("II- NHỮNG CÔNG TÁC": the break was at the space after it).
bool ends_with_attached_hyphen(std::string_view word) {
  for (std::string_view dash : {"-", "\u2010", "\u2011", "\u2013"}) {
    if (word.size() <= dash.size() || !word.ends_with(dash)) continue;
    word.remove_suffix(dash.size());
    size_t i = word.size();
    while (i > 0 && roman_digit(word[i - 1])) --i;
    const bool label = i < word.size() && (i == 0 || !std::isalnum(static_cast<unsigned char>(word[i - 1])));
    return !label;
  }
  return false;
}

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// "1.", "2.3.", "12)", "(1)", "1.2)": numbers of at most three digits.
bool numbered(std::string_view s) {
  const bool paren = !s.empty() && s[0] == '(';
  size_t i = paren ? 1 : 0;
  size_t digits = 0;
  bool any = false;
  for (; i < s.size(); ++i) {
    if (ascii_digit(s[i])) {
      if (++digits > 3) return false;
      any = true;
    } else if (s[i] == '.' && digits > 0) {
      digits = 0;
    } else {
      break;
    }
  }
  if (!any) return false;
  const bool closed = i < s.size() && s[i] == ')';
  if (paren) return closed;
  if (closed) return true;
  return s[i - 1] == '.' && (i == s.size() || s[i] == ' ');
}

// "I.", "IV-", "II)": Roman numerals as section numbers.
bool roman_numbered(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && roman_digit(s[i])) ++i;
  if (i == 0 || i + 1 > s.size()) return false;
  if (s[i] != '.' && s[i] != '-' && s[i] != ')') return false;
  return i + 1 == s.size() || s[i + 1] == ' ';
}

// "a)", "đ)", "(b)".
bool lettered(std::string_view s) {
  if (!s.empty() && s[0] == '(') s.remove_prefix(1);
  if (s.empty()) return false;
  const text::CodePoint cp = text::next_code_point(s, 0);
  const bool letter = (cp.value >= 'a' && cp.value <= 'z') || cp.value == U'đ';
  return letter && cp.length < s.size() && s[cp.length] == ')';
}

bool bulleted(std::string_view s) {
  if (s.empty()) return false;
  const text::CodePoint cp = text::next_code_point(s, 0);
  switch (cp.value) {
    case '-': case '+': case '*': case U'\u2013': case U'\u2022': case U'\u00B7': case U'\u25CF':
    case U'\u25CB': case U'\u25A0': case U'\u25AA': case U'\u25BA': case U'\u2012': case U'\u2014':
    case U'\uF0B7': case U'\uF0A7': case U'\uF0D8': case U'\u2713': case U'\u27A2':
      break;
    default:
      return false;
  }
  if (cp.length == s.size() || s[cp.length] == ' ') return true;
  // "-Tăng cường": a dash glued to a word; not "-5%", nor "--".
  return u_isalpha(static_cast<UChar32>(text::next_code_point(s, cp.length).value));
}

bool structure_word(std::string_view s) {
  for (std::string_view word : {"Điều ", "Chương ", "Mục ", "Phần ", "ĐIỀU ", "CHƯƠNG ", "MỤC ",
                                "PHẦN "}) {
    if (s.starts_with(word) && s.size() > word.size()) {
      const char c = s[word.size()];
      if (ascii_digit(c) || c == 'I' || c == 'V' || c == 'X') return true;
    }
  }
  return false;
}

// "- 2028", "- xã hội": a dash, a space and a number or a lower-case word. At the start of a line
// that follows a wrapped one whose clause goes on (no ':', ';', '.' at its end), it is the second
// half of a range or a compound ("nhiệm kỳ 2023" / "- 2028"), not an item: Vietnamese items
// after a dash begin with a capital.
bool dash_continues(std::string_view next, std::string_view line_end) {
  if (!next.starts_with("- ") && !next.starts_with("\u2013 ")) return false;
  next.remove_prefix(next[0] == '-' ? 2 : 4);
  if (next.empty()) return false;
  const text::CodePoint cp = text::next_code_point(next, 0);
  const bool digit = cp.value >= '0' && cp.value <= '9';
  if (!digit && !u_islower(static_cast<UChar32>(cp.value))) return false;
  return !line_end.empty() && line_end.back() != ':' && line_end.back() != ';' &&
         line_end.back() != '.';
}

class Layout {
 public:
  explicit Layout(const std::vector<PdfWord>& words)
      : words_(words), after_(words.size(), After::kSpace), boxes_(words.size()) {
    for (size_t i = 0; i < words.size(); ++i) boxes_[i] = frame_of(words[i]);
  }

  std::vector<After> run() {
    if (words_.empty()) return {};
    find_lines();
    find_regions();
    after_.back() = After::kParagraph;
    return std::move(after_);
  }

 private:
  void find_lines() {
    for (size_t i = 0; i < words_.size(); ++i) {
      const Box& box = boxes_[i];
      if (i > 0) {
        Line& line = lines_.back();
        const Box& prev = boxes_[i - 1];
        if (words_[i].rotation == line.rotation && on_same_line(prev, box)) {
          const double gap = box.start - prev.end;
          const bool space = words_[i - 1].space_after ||
                             gap > kVisibleGap * std::min(prev.height(), box.height());
          after_[i - 1] = space ? After::kSpace : After::kNothing;
          line.last = i;
          line.box.end = std::max(line.box.end, box.end);
          line.box.top = std::min(line.box.top, box.top);
          line.box.bottom = std::max(line.box.bottom, box.bottom);
          line.chars += code_points(words_[i].text) + (space ? 1 : 0);
          line.widest = std::max(line.widest, gap);
          if (space) word_gaps_.push_back(gap);
          continue;
        }
        after_[i - 1] = After::kLine;
      }
      lines_.push_back({i, i, words_[i].rotation, box, code_points(words_[i].text)});
    }
  }

  static Place place_of(const Line& a, const Line& b, double region_start, double region_end) {
    if (b.rotation != a.rotation) return Place::kElsewhere;
    if (b.box.top >= a.box.top + kBelow * a.box.height()) {
      return b.box.start < region_end && b.box.end > region_start ? Place::kBelow
                                                                  : Place::kElsewhere;
    }
    const double overlap = std::min(a.box.bottom, b.box.bottom) - std::max(a.box.top, b.box.top);
    return overlap >= kSameLineOverlap * std::min(a.box.height(), b.box.height())
               ? Place::kBeside
               : Place::kElsewhere;
  }

  // Splits the lines into regions, marks paragraph gaps, joins wrapped lines.
  void find_regions() {
    std::vector<Place> places(lines_.size(), Place::kElsewhere);
    std::vector<double> ratios;  // gaps between lines, in line heights
    double region_start = lines_[0].box.start, region_end = lines_[0].box.end;
    for (size_t k = 1; k < lines_.size(); ++k) {
      const Line& a = lines_[k - 1];
      const Line& b = lines_[k];
      places[k] = place_of(a, b, region_start, region_end);
      if (places[k] == Place::kElsewhere) {
        region_start = b.box.start;
        region_end = b.box.end;
        continue;
      }
      region_start = std::min(region_start, b.box.start);
      region_end = std::max(region_end, b.box.end);
      if (places[k] == Place::kBelow && a.box.height() > 0) {
        ratios.push_back((b.box.top - a.box.bottom) / a.box.height());
      }
    }
    const double usual_gap = std::min(lower_quartile(ratios, 0.0), kMaxUsualGap);
    if (!word_gaps_.empty()) {
      const auto middle = word_gaps_.begin() + static_cast<std::ptrdiff_t>(word_gaps_.size() / 2);
      std::nth_element(word_gaps_.begin(), middle, word_gaps_.end());
      space_ = *middle;
    }
    // joinable[k]: line k is in the paragraph of line k-1, under it.
    std::vector<bool> joinable(lines_.size(), false);
    for (size_t k = 1; k < lines_.size(); ++k) {
      const Line& a = lines_[k - 1];
      bool paragraph = places[k] == Place::kElsewhere;
      if (places[k] == Place::kBelow) {
        const double gap = (lines_[k].box.top - a.box.bottom) / std::max(a.box.height(), 1e-6);
        paragraph = gap > usual_gap + kParagraphGap;
        joinable[k] = !paragraph;
      }
      if (paragraph) after_[a.last] = After::kParagraph;
    }
    for (size_t begin = 0; begin < lines_.size();) {
      size_t end = begin + 1;
      while (end < lines_.size() && places[end] != Place::kElsewhere) ++end;
      join_wrapped(begin, end, joinable);
      begin = end;
    }
  }

  // The width of the line's first word as the text has it (poppler's pieces up to a space).
  double first_word_width(const Line& line) const {
    size_t i = line.first;
    while (i < line.last && after_[i] == After::kNothing) ++i;
    return boxes_[i].end - boxes_[line.first].start;
  }

  // Where the line's text begins after its item label ("1. ", "a) ", "- "): its second word.
  double text_start(const Line& line) const {
    for (size_t i = line.first; i < line.last; ++i) {
      if (after_[i] == After::kSpace) return boxes_[i + 1].start;
    }
    return line.box.start;
  }

  // The start of the line's text (its first words), enough to tell an item.
  std::string head(const Line& line) const {
    std::string out;
    for (size_t i = line.first; i <= line.last && out.size() < 24; ++i) {
      out += words_[i].text;
      if (i < line.last && after_[i] == After::kSpace) out += ' ';
    }
    return out;
  }

  // Lines [begin, end) are one region.
  void join_wrapped(size_t begin, size_t end, const std::vector<bool>& joinable) {
    if (end - begin < 2) return;
    std::vector<double> ends;
    double left = lines_[begin].box.start, width = 0;
    size_t chars = 0;
    for (size_t k = begin; k < end; ++k) {
      const Line& l = lines_[k];
      ends.push_back(l.box.end);
      left = std::min(left, l.box.start);
      width += l.box.end - l.box.start;
      chars += l.chars;
    }
    if (chars == 0) return;
    const double char_width = width / static_cast<double>(chars);
    const double slack = kEdgeSlack * char_width;
    // The right edge: the end of the longest lines, confirmed by a second line ending there (one
    // line alone is no edge: a heading over the column, three short lines the longest first),
    // leaving out the few lines that stick out further (a long link, a heading over two columns).
    std::sort(ends.begin(), ends.end(), std::greater<>());
    size_t edge = ends.size() / 20;
    while (edge + 1 < ends.size() && ends[edge + 1] < ends[edge] - slack) ++edge;
    if (edge + 1 >= ends.size()) return;
    const double right = ends[edge];
    const double measure = right - left;
    if (measure < kMinMeasure * char_width) return;
    const double space = space_ > 0 ? space_ : char_width;

    for (size_t k = begin + 1; k < end; ++k) {
      if (!joinable[k]) continue;
      const Line& a = lines_[k - 1];
      const Line& b = lines_[k];
      if (a.widest > kSpread * a.box.height() || b.widest > kSpread * b.box.height()) continue;
      if (a.box.start - left > kLeftShare * measure) continue;  // centered, right-aligned
      if (a.box.end > right + slack) continue;                  // sticks out: not the column's
      const std::string next_head = head(b);
      if (starts_item(next_head) && !dash_continues(next_head, words_[a.last].text)) continue;
      const double limit = starts_item(head(a)) ? std::max(a.box.start, text_start(a))
                                                : a.box.start;
      if (b.box.start > limit + slack) continue;  // indented: a new paragraph, a centered line
      const bool hyphen = ends_with_attached_hyphen(words_[a.last].text);
      const double needed = first_word_width(b) + (hyphen ? 0 : space);
      if (right - a.box.end >= std::max(slack, needed)) continue;  // the next word would have fit
      after_[a.last] = hyphen ? After::kNothing : After::kSpace;
    }
  }

  const std::vector<PdfWord>& words_;
  std::vector<After> after_;
  std::vector<Box> boxes_;
  std::vector<Line> lines_;
  std::vector<double> word_gaps_;  // gaps between words of a line that have a space between
  double space_ = 0;               // their median: the width of a space on this page
};

}  // namespace

std::vector<After> lay_out(const std::vector<PdfWord>& words) { return Layout(words).run(); }

bool starts_item(std::string_view line) {
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  if (line.empty()) return true;
  return numbered(line) || roman_numbered(line) || lettered(line) || bulleted(line) ||
         structure_word(line);
}

}  // namespace vankho::formats::pdf
