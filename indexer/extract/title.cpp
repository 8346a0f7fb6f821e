#include "title.h"

#include <algorithm>
#include <vector>

#include "access.h"
#include "dates.h"
#include "fold.h"
#include "sections.h"
#include "utf8.h"

namespace vankho::extract::detail {
namespace {

constexpr size_t kHeadingLines = 15;  // non-blank lines searched for the type heading
constexpr size_t kMaxTitleLineBytes = 250;
constexpr size_t kMaxFallbackBytes = 200;

std::string without_stars(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '*') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    if ((c == ' ' || c == '\t') && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c == '\t' ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void append_piece(std::string& title, std::string_view piece) {
  const std::string p = without_stars(piece);
  if (p.empty()) return;
  if (!title.empty()) title.push_back(' ');
  title += p;
}

// A line continuing the title, in sentence case: a line in capitals is lowered whole ("VỀ CÔNG
// TÁC" → "về công tác"), a capitalized first word is lowered ("Công tác" → "công tác") but an
// acronym is kept ("HĐND").
std::string sentence_piece(std::string_view piece) {
  const std::string_view p = trim(piece);
  if (has_upper(p) && !has_lower(p)) return to_lower(p);
  const size_t space = p.find(' ');
  const std::string_view first_word = p.substr(0, space);
  if (has_lower(first_word)) return lower_first(p);
  return std::string(p);
}

bool rule_line(std::string_view s) {
  for (char c : s) {
    if (c != '-' && c != '*' && c != '_' && c != '=' && c != ' ') return false;
  }
  return true;
}

// A line that continues a title: short, not a heading, not a sentence of the body.
bool title_line(std::string_view s) {
  return !s.empty() && s.size() <= kMaxTitleLineBytes && !rule_line(s) && !heading_marker(s) &&
         s.back() != ':' && s.back() != '.';
}

std::string cut_words(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = s.rfind(' ', max);
  if (cut == std::string_view::npos) cut = max;
  return std::string(s.substr(0, text::code_point_start(s, cut)));
}

}  // namespace

const DocType* type_heading(std::string_view line, size_t& after) {
  static const std::vector<Phrase> kLabels = [] {
    std::vector<Phrase> out;
    for (const DocType& t : doc_types()) out.emplace_back(text::fold(t.label));
    return out;
  }();
  int upper_words = 0;
  const size_t upper_end = upper_run_end(line, 0, upper_words);
  if (upper_words == 0) return nullptr;
  // The capitals' first words, folded, with their end offsets.
  std::vector<std::pair<std::string, size_t>> words;
  auto separator = [](char c) { return c == ' ' || c == '*' || c == '\t'; };
  for (size_t i = 0; i < upper_end && words.size() < 6;) {
    while (i < upper_end && separator(line[i])) ++i;
    size_t end = i;
    while (end < upper_end && !separator(line[end])) ++end;
    if (end > i) words.emplace_back(text::fold(line.substr(i, end - i)), end);
    i = end;
  }
  const auto& types = doc_types();
  const DocType* best = nullptr;
  size_t best_words = 0;
  for (size_t t = 0; t < types.size(); ++t) {
    const Phrase& label = kLabels[t];
    if (types[t].slug == "tin-bai" || label.size() > words.size() || label.size() <= best_words) {
      continue;
    }
    bool same = true;
    for (size_t k = 0; k < label.size() && same; ++k) same = words[k].first == label.words()[k];
    if (!same) continue;
    best = &types[t];
    best_words = label.size();
    after = words[label.size() - 1].second;
  }
  return best;
}

TitleBlock find_title(const DocText& d) {
  TitleBlock out;
  const auto& lines = d.lines();
  size_t seen = 0;
  size_t heading = lines.size(), after = 0;
  for (size_t i = 0; i < lines.size() && seen < kHeadingLines; ++i) {
    if (lines[i].blank()) continue;
    ++seen;
    const std::string_view s = d.line_text(lines[i]);
    if (s.size() > 2 * kMaxTitleLineBytes) continue;
    if (seen <= 5 && !out.dateline) out.dateline = dateline(d, lines[i]);
    if (heading_marker(s)) continue;
    if (const DocType* t = type_heading(s, after)) {
      out.type = t;
      heading = i;
      break;
    }
  }

  if (out.type) {
    out.source = TitleBlock::Source::kHeading;
    out.header_end = heading;
    out.dateline.reset();  // a date alone in a directive's header is not a news dateline
    const std::string_view s = d.line_text(lines[heading]);
    out.title = std::string(out.type->label);
    int upper_words = 0;
    const size_t upper_end = std::max(after, upper_run_end(s, after, upper_words));
    const std::string rest =
        to_lower(s.substr(after, upper_end - after)) + std::string(s.substr(upper_end));
    append_piece(out.title, rest);
    // Lines completing the title; after a bare heading, blank lines may come first.
    size_t i = heading + 1;
    if (without_stars(rest).empty()) {
      while (i < lines.size() && i <= heading + 3 && lines[i].blank()) ++i;
    }
    for (size_t taken = 0; i < lines.size() && taken < 3; ++i, ++taken) {
      const std::string_view next = d.line_text(lines[i]);
      if (lines[i].blank() || !title_line(next)) break;
      append_piece(out.title, sentence_piece(next));
    }
    out.body_start = i;
    return out;
  }

  if (out.dateline) {
    // A news report: the headline is the first line of words after the dateline.
    static const DocType* kNews = doc_type_by_slug("tin-bai");
    bool past_dateline = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].blank()) continue;
      if (dateline(d, lines[i])) {
        past_dateline = true;
        out.header_end = i + 1;
        continue;
      }
      if (!past_dateline || lines[i].token_count() < 3) continue;
      out.type = kNews;
      out.source = TitleBlock::Source::kNews;
      out.title = without_stars(cut_words(d.line_text(lines[i]), kMaxTitleLineBytes));
      out.body_start = i + 1;
      return out;
    }
  }

  // Otherwise: the first line of words that is not in capitals (a header line), else the first.
  size_t first = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank() || lines[i].token_count() < 2 || marks_line(d, lines[i])) continue;
    if (first == lines.size()) first = i;
    const std::string_view s = d.line_text(lines[i]);
    if (has_lower(s) && !dateline(d, lines[i])) {
      first = i;
      break;
    }
  }
  if (first < lines.size()) {
    std::string_view s = d.line_text(lines[first]);
    while (!s.empty() && s.front() == '#') s.remove_prefix(1);
    out.title = without_stars(cut_words(trim(s), kMaxFallbackBytes));
    out.source = TitleBlock::Source::kFirstLine;
    out.header_end = first;
    out.body_start = first + 1;
  }
  out.dateline.reset();
  return out;
}

}  // namespace vankho::extract::detail
