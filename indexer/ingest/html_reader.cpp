#include "html_reader.h"

#include <algorithm>
#include <array>

#include "html_entities.h"
#include "tidy.h"
#include "utf8.h"

namespace vankho::ingest {
namespace {

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

template <size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements whose start or end is a paragraph break (a blank line) or a line break.
constexpr std::array<std::string_view, 14> kParagraphs = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "hr", "dl"};
constexpr std::array<std::string_view, 25> kLines = {
    "br",      "div",     "li",         "tr",     "td",       "th",     "dt",
    "dd",      "section", "article",    "header", "footer",   "nav",    "aside",
    "main",    "figure",  "figcaption", "form",   "fieldset", "legend", "caption",
    "address", "center",  "option",     "body"};
// Elements whose content is not text for a reader.
constexpr std::array<std::string_view, 7> kSkipped = {"script", "style",  "template", "noscript",
                                                      "svg",    "iframe", "textarea"};

// Position of the case-insensitive end tag `</name` (followed by space, '/' or '>') at or after
// `from`, else npos.
size_t find_end_tag(std::string_view in, size_t from, std::string_view name) {
  for (size_t p = in.find("</", from); p != std::string_view::npos; p = in.find("</", p + 2)) {
    size_t i = 0;
    while (i < name.size() && p + 2 + i < in.size() && lower(in[p + 2 + i]) == name[i]) ++i;
    if (i < name.size()) continue;
    const size_t after = p + 2 + name.size();
    if (after >= in.size() || is_html_space(in[after]) || in[after] == '/' || in[after] == '>') {
      return p;
    }
  }
  return std::string_view::npos;
}

// Skips past the '>' ending a tag whose attributes start at `p`, honouring quoted values. An
// unclosed quote falls back to the first '>' after it; no '>' at all ends the input.
size_t skip_attributes(std::string_view in, size_t p) {
  while (p < in.size()) {
    const char c = in[p];
    if (c == '>') return p + 1;
    if (c == '"' || c == '\'') {
      const size_t close = in.find(c, p + 1);
      if (close == std::string_view::npos) {
        const size_t gt = in.find('>', p + 1);
        return gt == std::string_view::npos ? in.size() : gt + 1;
      }
      p = close + 1;
      continue;
    }
    ++p;
  }
  return in.size();
}

class Converter {
 public:
  explicit Converter(std::string_view in) : in_(in) { text_.reserve(in.size() / 2); }

  HtmlText run() {
    while (p_ < in_.size()) {
      const char c = in_[p_];
      if (c == '<') {
        markup();
      } else if (c == '&') {
        reference(text_);
      } else {
        put(text_, c);
        ++p_;
      }
    }
    return {tidy_line(title_), tidy_text(text_)};
  }

 private:
  // Appends one byte of text, collapsing whitespace outside <pre>.
  void put(std::string& out, char c) {
    if (pre_depth_ > 0 && &out == &text_) {
      out.push_back(c == '\r' ? '\n' : c);
      return;
    }
    if (is_html_space(c)) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
      return;
    }
    out.push_back(c);
  }

  void reference(std::string& out) {
    const EntityMatch m = match_entity(in_, p_);
    if (m.length == 0) {
      put(out, '&');
      ++p_;
      return;
    }
    p_ += m.length;
    if (m.code_point == 0xA0) {  // &nbsp; separates words like a space
      put(out, ' ');
    } else {
      text::append_utf8(out, m.code_point);
    }
  }

  void line_break(bool paragraph) {
    while (!text_.empty() && text_.back() == ' ') text_.pop_back();
    if (text_.empty()) return;
    if (text_.back() != '\n') text_.push_back('\n');
    if (paragraph && (text_.size() < 2 || text_[text_.size() - 2] != '\n')) text_.push_back('\n');
  }

  void markup() {
    const std::string_view rest = in_.substr(p_);
    if (rest.starts_with("<!--")) {
      const size_t end = in_.find("-->", p_ + 4);
      if (rest.starts_with("<!-->")) {
        p_ += 5;
      } else {
        p_ = end == std::string_view::npos ? in_.size() : end + 3;
      }
      return;
    }
    if (rest.starts_with("<![CDATA[")) {
      const size_t end = in_.find("]]>", p_ + 9);
      const size_t stop = end == std::string_view::npos ? in_.size() : end;
      for (size_t i = p_ + 9; i < stop; ++i) put(text_, in_[i]);
      p_ = end == std::string_view::npos ? in_.size() : end + 3;
      return;
    }
    if (rest.starts_with("<!") || rest.starts_with("<?")) {  // doctype, processing instruction
      const size_t end = in_.find('>', p_ + 2);
      p_ = end == std::string_view::npos ? in_.size() : end + 1;
      return;
    }
    const bool closing = rest.starts_with("</");
    size_t i = p_ + (closing ? 2 : 1);
    if (i >= in_.size() || !is_letter(in_[i])) {
      if (closing) {  // "</>" or "</ x>": ignored like a comment
        const size_t end = in_.find('>', i);
        p_ = end == std::string_view::npos ? in_.size() : end + 1;
      } else {  // "a < b": a literal '<'
        put(text_, '<');
        ++p_;
      }
      return;
    }
    name_.clear();
    while (i < in_.size() && (is_letter(in_[i]) || (in_[i] >= '0' && in_[i] <= '9') ||
                              in_[i] == '-' || in_[i] == ':')) {
      name_.push_back(lower(in_[i++]));
    }
    p_ = skip_attributes(in_, i);
    const bool self_closing = p_ >= 2 && in_[p_ - 1] == '>' && in_[p_ - 2] == '/';
    element(closing, self_closing);
  }

  void element(bool closing, bool self_closing) {
    if (!closing && name_ == "title") {
      // RCDATA: references but no tags. Unclosed: the title ends at the next '<'.
      const size_t end = find_end_tag(in_, p_, "title");
      const size_t stop =
          end != std::string_view::npos ? end : std::min(in_.find('<', p_), in_.size());
      std::string title;
      while (p_ < stop) {
        if (in_[p_] == '&') {
          reference(title);
        } else {
          put(title, in_[p_++]);
        }
      }
      p_ = end != std::string_view::npos ? skip_attributes(in_, end) : std::max(p_, stop);
      if (title_.empty()) title_ = title;
      return;
    }
    if (!closing && !self_closing && one_of(name_, kSkipped)) {
      const size_t end = find_end_tag(in_, p_, name_);
      if (end != std::string_view::npos) {
        p_ = skip_attributes(in_, end);
      } else if (name_ == "script" || name_ == "style") {
        p_ = in_.size();  // an unclosed script runs to the end, as in browsers
      }
      return;
    }
    if (name_ == "pre") {
      line_break(true);
      pre_depth_ = closing ? std::max(0, pre_depth_ - 1) : pre_depth_ + 1;
      return;
    }
    if (one_of(name_, kParagraphs)) {
      line_break(true);
    } else if (one_of(name_, kLines)) {
      line_break(false);
    }
  }

  std::string_view in_;
  size_t p_ = 0;
  std::string text_, title_, name_;
  int pre_depth_ = 0;
};

}  // namespace

HtmlText html_to_text(std::string_view html) { return Converter(html).run(); }

}  // namespace vankho::ingest
