// The RTF reader's state machine: a stack of group states (where text goes, \uc, font), the font
// table's code pages, 8-bit text gathered in runs so that a code page's multi-byte characters and
// CP1258's tone marks decode together.
#include "rtf_parser.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "decode.h"
#include "rtf_codepage.h"
#include "rtf_tokenizer.h"
#include "rtf_words.h"
#include "utf8.h"

namespace vankho::formats::rtf {
namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kMaxDepth = 2048;             // deeper groups (hostile input) are read as one
constexpr uint64_t kTimeCheckBytes = 1 << 16;  // how often the deadline is looked at
constexpr size_t kRunFlush = 1 << 16;          // a run of 8-bit text this long is decoded early
constexpr size_t kMaxProperty = 4096;          // a longer \title or \author is cut there

std::string iso_date(int year, int month, int day) {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

struct Group {
  Sink sink = Sink::kBody;
  int uc = 1;     // fallback characters after \uN
  int font = -1;  // -1: the default font (\deff)
};

struct Date {
  int year = 0, month = 0, day = 0;
};

class Parser {
 public:
  Parser(std::streambuf& in, const ParseLimits& limits) : tok_(in), limits_(limits) {}
  ParsedRtf run();

 private:
  void on_group_start();
  void on_group_end();
  void on_word(const Token& t);
  void open_destination(Sink to);
  void on_text_word(Word word, bool has_param, int32_t param);
  void on_symbol(char c);
  void on_byte(uint8_t b);
  void on_unicode(int32_t param);
  void put_text(Sink sink, std::string_view utf8);
  void put_char(char32_t c);
  void put_break(char c);
  void flush();
  std::string* text_of(Sink s);

  Tokenizer tok_;
  const ParseLimits& limits_;
  CodepageDecoder decoder_;
  std::vector<Group> stack_;
  Group g_;
  size_t overflow_depth_ = 0;
  bool done_ = false;
  FontTable fonts_;
  std::string run_;  // 8-bit text not yet decoded, all of one sink, code page and font
  Sink run_sink_ = Sink::kBody;
  int run_codepage_ = 1252, run_font_ = -1;
  int skip_ = 0;  // fallback characters of a \uN still to skip
  char32_t high_surrogate_ = 0;
  bool page_before_paragraph_ = false;  // \pagebb
  bool section_starts_page_ = false;    // \sect of a section that begins a page
  std::string body_, footnotes_, title_, author_;
  Date created_, modified_;
  std::set<int> legacy_bytes_fonts_;  // fonts 8-bit body text was in
};

ParsedRtf Parser::run() {
  ParsedRtf out;
  uint64_t next_time_check = kTimeCheckBytes;
  while (!done_) {
    const Token t = tok_.next();
    switch (t.kind) {
      case TokenKind::kEnd:
        out.unterminated = !stack_.empty();
        done_ = true;
        break;
      case TokenKind::kGroupStart:
        on_group_start();
        break;
      case TokenKind::kGroupEnd:
        on_group_end();
        break;
      case TokenKind::kControlWord:
        on_word(t);
        break;
      case TokenKind::kControlSymbol:
        on_symbol(t.symbol);
        break;
      case TokenKind::kByte:
        on_byte(t.byte);
        break;
    }
    if (body_.size() + footnotes_.size() > limits_.max_text_bytes) {
      out.cut_at_text_limit = true;
      break;
    }
    if (tok_.consumed() >= next_time_check) {
      next_time_check = tok_.consumed() + kTimeCheckBytes;
      if (Clock::now() >= limits_.deadline) {
        out.cut_at_time_limit = true;
        break;
      }
    }
  }
  flush();
  out.text = std::move(body_);
  if (!footnotes_.empty()) out.text += "\n\n" + footnotes_;
  out.properties.title = std::move(title_);
  out.properties.creator = std::move(author_);
  out.properties.created = iso_date(created_.year, created_.month, created_.day);
  out.properties.modified = iso_date(modified_.year, modified_.month, modified_.day);
  out.invalid_bytes = decoder_.invalid_bytes();
  out.unknown_codepages = decoder_.unknown_codepages();
  for (const int f : legacy_bytes_fonts_) {
    if (const std::string name = fonts_.name(f); legacy_font_name(name)) {
      // A name is the font table's bytes; this list is shown to people (a warning): UTF-8 only.
      out.legacy_fonts.push_back(text::decode(name).text);
    }
  }
  return out;
}

void Parser::on_group_start() {
  flush();
  skip_ = 0;
  if (stack_.size() >= kMaxDepth) {
    ++overflow_depth_;
    return;
  }
  stack_.push_back(g_);
}

void Parser::on_group_end() {
  flush();
  skip_ = 0;
  if (overflow_depth_ > 0) {
    --overflow_depth_;
    return;
  }
  if (stack_.size() <= 1) {  // the document's own group: the end
    stack_.clear();
    done_ = true;
    return;
  }
  const Sink leaving = g_.sink;
  g_ = stack_.back();
  stack_.pop_back();
  if (leaving == Sink::kFontTable && g_.sink != Sink::kFontTable) fonts_.end_definitions();
}

void Parser::on_word(const Token& t) {
  flush();
  const std::optional<Word> meaning = word_meaning(t.word);
  const int32_t param = t.has_param ? t.param : 0;
  if (meaning == Word::kBinary) {  // binary data, in any group
    if (param > 0) tok_.skip_bytes(static_cast<uint64_t>(param));
    return;
  }
  if (g_.sink == Sink::kSkip) return;
  if (const std::optional<Sink> to = destination(t.word)) return open_destination(*to);
  if (!meaning) {
    if (const std::optional<char32_t> c = special_character(t.word)) put_char(*c);
    return;
  }
  switch (g_.sink) {
    case Sink::kFontTable:
      if (*meaning == Word::kFont && t.has_param) fonts_.define(param);
      if (*meaning == Word::kFontCharset) fonts_.set_charset(param);
      if (*meaning == Word::kFontCodepage) fonts_.set_codepage(param);
      return;
    case Sink::kCreated:
    case Sink::kModified: {
      Date& date = g_.sink == Sink::kCreated ? created_ : modified_;
      if (*meaning == Word::kYear) date.year = param;
      if (*meaning == Word::kMonth) date.month = param;
      if (*meaning == Word::kDay) date.day = param;
      return;
    }
    case Sink::kInfo:
    case Sink::kSkip:
      return;
    default:
      on_text_word(*meaning, t.has_param, param);
  }
}

void Parser::open_destination(Sink to) {
  const bool info_part =
      to == Sink::kTitle || to == Sink::kAuthor || to == Sink::kCreated || to == Sink::kModified;
  if (info_part && g_.sink != Sink::kInfo) to = Sink::kSkip;
  if (to == Sink::kFootnote && !takes_text(g_.sink)) to = Sink::kSkip;
  g_.sink = to;
}

void Parser::on_text_word(Word word, bool has_param, int32_t param) {
  switch (word) {
    case Word::kUnicode:
      if (has_param) on_unicode(param);
      return;
    case Word::kUnicodeSkip:
      g_.uc = std::clamp(param, 0, 16);
      return;
    case Word::kFont:
      g_.font = has_param ? param : g_.font;
      return;
    case Word::kPlain:
      g_.font = -1;
      return;
    case Word::kDefaultFont:
      fonts_.set_default_font(param);
      return;
    case Word::kAnsi:
    case Word::kAnsiCodepage:
    case Word::kMac:
    case Word::kPc:
    case Word::kPca:
      fonts_.set_document_codepage(document_codepage(word, param));
      return;
    case Word::kParagraph:
      put_break('\n');
      return;
    case Word::kPage:
      put_break('\f');
      return;
    case Word::kSection:  // ends a paragraph, unless a \par just did
      if (const std::string* text = text_of(g_.sink); text && !text->ends_with('\n')) {
        put_break('\n');
      }
      section_starts_page_ = true;  // unless the next section says \sbknone or \sbkcol
      return;
    case Word::kSectionContinues:
      section_starts_page_ = false;
      return;
    case Word::kParagraphDefaults:
      page_before_paragraph_ = false;
      return;
    case Word::kPageBreakBefore:
      page_before_paragraph_ = g_.sink == Sink::kBody;
      return;
    case Word::kCell:
      put_break('\t');
      return;
    case Word::kRow: {
      std::string* text = text_of(g_.sink);
      while (text != nullptr && !text->empty() && text->back() == '\t') text->pop_back();
      put_break('\n');
      return;
    }
    default:
      return;  // font table and date words outside their groups
  }
}

void Parser::on_symbol(char c) {
  flush();
  if (g_.sink == Sink::kSkip) return;
  if (c == '*') {  // an optional destination: this reader knows none it needs
    g_.sink = Sink::kSkip;
    return;
  }
  if (!takes_text(g_.sink)) return;
  if (c == '\\' || c == '{' || c == '}') return on_byte(static_cast<uint8_t>(c));
  if (c == '~') put_char(0xA0);  // no-break space
  if (c == '_') put_char('-');   // no-break hyphen: "13-NQ/TW" must stay one code
}

void Parser::on_byte(uint8_t b) {
  if (skip_ > 0) {  // the fallback of a \uN
    --skip_;
    return;
  }
  if (g_.sink == Sink::kFontTable) return fonts_.add_name_byte(static_cast<char>(b));
  if (!takes_text(g_.sink)) return;
  if (b == '\t') return put_break('\t');
  if (b < 0x20) return;
  const int codepage = fonts_.codepage(g_.font);
  if (!run_.empty() &&
      (run_sink_ != g_.sink || run_codepage_ != codepage || run_font_ != g_.font)) {
    flush();
  }
  run_sink_ = g_.sink;
  run_codepage_ = codepage;
  run_font_ = g_.font;
  run_.push_back(static_cast<char>(b));
  // Early decoding only where no multi-byte character can be cut: bytes below 0x40 never
  // continue one.
  if (run_.size() >= kRunFlush && (b < 0x40 || run_.size() >= 16 * kRunFlush)) flush();
}

void Parser::on_unicode(int32_t param) {
  skip_ = g_.uc;
  const char32_t v = static_cast<char32_t>(param < 0 ? param + 65536 : param);
  const char32_t pending_high = std::exchange(high_surrogate_, 0);
  if (v >= 0xD800 && v < 0xDC00) {
    if (pending_high != 0) put_char(text::kReplacementChar);
    high_surrogate_ = v;
    return;
  }
  if (v >= 0xDC00 && v < 0xE000) {
    put_char(pending_high != 0 ? 0x10000 + ((pending_high - 0xD800) << 10) + (v - 0xDC00)
                               : text::kReplacementChar);
    return;
  }
  if (pending_high != 0) put_char(text::kReplacementChar);
  if (v == 0) return;
  put_char(v > 0x10FFFF ? text::kReplacementChar : v);
}

std::string* Parser::text_of(Sink s) {
  switch (s) {
    case Sink::kBody:
      return &body_;
    case Sink::kFootnote:
      return &footnotes_;
    case Sink::kTitle:
      return &title_;
    case Sink::kAuthor:
      return &author_;
    default:
      return nullptr;
  }
}

// Text of a sink; the body's first text after a \pagebb or a page-starting \sect begins a page.
void Parser::put_text(Sink sink, std::string_view utf8) {
  std::string* text = text_of(sink);
  if (text == nullptr || utf8.empty()) return;
  if ((sink == Sink::kTitle || sink == Sink::kAuthor) && text->size() > kMaxProperty) return;
  if (sink == Sink::kBody && (page_before_paragraph_ || section_starts_page_)) {
    if (!body_.empty() && body_.back() != '\f') body_.push_back('\f');
    page_before_paragraph_ = section_starts_page_ = false;
  }
  text->append(utf8);
}

void Parser::put_char(char32_t c) {
  flush();
  std::string utf8;
  text::append_utf8(utf8, c);
  put_text(g_.sink, utf8);
}

// A line end, tab or page break: no text of its own, so it never starts a page.
void Parser::put_break(char c) {
  flush();
  std::string* text = text_of(g_.sink);
  if (text == nullptr) return;
  if (c == '\f' && g_.sink != Sink::kBody) c = '\n';
  if (c == '\f' && !text->empty() && text->back() == '\f') return;
  text->push_back(c);
}

void Parser::flush() {
  if (run_.empty()) return;
  std::string utf8;
  decoder_.decode(run_codepage_, run_, utf8);
  const bool eight_bit = std::any_of(run_.begin(), run_.end(),
                                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (run_sink_ == Sink::kBody && eight_bit) {
    legacy_bytes_fonts_.insert(fonts_.resolve(run_font_));
  }
  run_.clear();
  put_text(run_sink_, utf8);
}

}  // namespace

ParsedRtf parse_rtf(std::streambuf& in, const ParseLimits& limits) {
  return Parser(in, limits).run();
}

}  // namespace vankho::formats::rtf
