#include "text_builder.h"

#include <algorithm>
#include <cctype>

#include "utf8.h"

namespace vankho::formats::office {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

bool all_blank(std::string_view s) { return std::all_of(s.begin(), s.end(), is_blank); }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

TextBuilder::TextBuilder(const ReadLimits& limits, std::optional<Encoding> forced)
    : out_(doc_.text),
      max_text_bytes_(limits.max_text_bytes),
      forced_(forced),
      deadline_(std::chrono::steady_clock::now() + limits.time_limit),
      time_limit_(limits.time_limit) {}

void TextBuilder::text(std::string_view utf8, std::string_view font) {
  if (full_ || utf8.empty()) return;
  if (font != group_font_) {
    flush_group();
    group_font_.assign(font);
  }
  group_ += utf8;
}

void TextBuilder::control(char c) {
  if (full_) return;
  group_ += c;
}

void TextBuilder::flush_group() {
  if (group_.empty()) return;
  Repaired repaired = repair_run(group_, font_hint(group_font_), forced_);
  if (repaired.encoding != Encoding::kUnicode) ++converted_[repaired.encoding];
  append(repaired.text);
  group_.clear();
}

void TextBuilder::append(std::string_view s) {
  if (all_blank(s) && (line_.empty() || sep_ != Sep::kNone)) return;
  if (!line_.empty() && sep_ != Sep::kNone) line_ += sep_ == Sep::kCell ? " | " : " ";
  sep_ = Sep::kNone;
  if (list_item_) {
    if (!line_.empty() && !is_blank(line_.back())) line_ += ' ';
    line_ += "- ";
    list_item_ = false;
  }
  line_.reserve(line_.size() + s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      line_ += static_cast<char>(c);
      ++i;
    } else if (c < 0x80) {  // control characters: keep tab and (outside cells) line breaks
      line_ += c == '\t' ? '\t' : (c == '\n' && cell_depth_ == 0) ? '\n' : ' ';
      ++i;
    } else {
      const text::CodePoint cp = text::next_code_point(s, i);
      if (cp.value == text::kReplacementChar && cp.length == 1) {
        text::append_utf8(line_, text::kReplacementChar);
      } else {
        line_.append(s.substr(i, cp.length));
      }
      i += cp.length;
    }
  }
}

void TextBuilder::end_paragraph() {
  flush_group();
  list_item_ = false;
  if (cell_depth_ > 0) {
    separate(Sep::kSpace);
  } else {
    emit_line();
  }
}

void TextBuilder::begin_cell() {
  flush_group();
  ++cell_depth_;
  separate(Sep::kCell);
}

void TextBuilder::end_cell() {
  flush_group();
  cell_depth_ = std::max(cell_depth_ - 1, 0);
  separate(Sep::kCell);
}

void TextBuilder::end_row() {
  flush_group();
  if (cell_depth_ > 0) {
    separate(Sep::kCell);
  } else {
    emit_line();
  }
}

void TextBuilder::page_break() {
  flush_group();
  if (full_) return;
  if (cell_depth_ == 0 && !trimmed(line_).empty()) {
    // The page ends inside the paragraph: what came before goes out now, without its newline.
    const std::string_view part = trimmed(line_);
    open_page();
    if (fits(part.size())) out_ += part;
    line_.clear();
    sep_ = Sep::kNone;
  }
  page_pending_ = !out_.empty();
}

void TextBuilder::open_page() {
  if (page_pending_ && !out_.empty()) {
    if (out_.back() == '\n') {
      out_.back() = '\f';
    } else {
      out_ += '\f';
    }
  }
  page_pending_ = false;
}

bool TextBuilder::fits(size_t more) {
  if (out_.size() + more + 1 <= max_text_bytes_) return true;
  const size_t room = max_text_bytes_ > out_.size() + 1 ? max_text_bytes_ - out_.size() - 1 : 0;
  const std::string_view part = trimmed(line_);
  out_.append(part.substr(0, text::code_point_start(part, std::min(room, part.size()))));
  full_ = true;
  warn("text cut at the limit of " + std::to_string(max_text_bytes_) + " bytes");
  return false;
}

void TextBuilder::check_time() {
  if (++lines_since_clock_ < 64) return;
  lines_since_clock_ = 0;
  if (std::chrono::steady_clock::now() > deadline_) {
    full_ = true;
    warn("stopped at the time limit of " + std::to_string(time_limit_.count()) +
         " ms; the rest of the document is left out");
  }
}

void TextBuilder::emit_line() {
  const std::string_view line = trimmed(line_);
  if (!line.empty() && !full_) {
    open_page();
    if (fits(line.size())) {
      out_ += line;
      out_ += '\n';
    }
    check_time();
  }
  line_.clear();
  sep_ = Sep::kNone;
}

ExtractedText TextBuilder::finish() {
  flush_group();
  emit_line();
  if (!out_.empty() && out_.back() != '\n') out_ += '\n';
  for (const auto& [encoding, groups] : converted_) {
    std::string name(encoding_name(encoding));  // "tcvn3" -> "TCVN3"
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    doc_.conversions.push_back(name + ": " + std::to_string(groups) +
                               (groups == 1 ? " run" : " runs"));
  }
  return std::move(doc_);
}

}  // namespace vankho::formats::office
