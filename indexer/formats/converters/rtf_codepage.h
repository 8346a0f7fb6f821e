// RTF's 8-bit text: the font table (which code page each font's bytes are in), what a \fcharset
// means, and bytes of a code page into UTF-8 through glibc's iconv (CP1258's tone marks composed)
// (internal to read_rtf).
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace vankho::formats::rtf {

// The code page of an \fcharsetN (163: 1258 Vietnamese, 0: 1252, ...); 0 for DEFAULT_CHARSET (1)
// and charsets it does not know, which mean the document's \ansicpg.
[[nodiscard]] int charset_codepage(int charset);

// The document's fonts as far as its text needs them: code page and name.
class FontTable {
 public:
  void define(int font) { defining_ = font; }  // \fN in \fonttbl: later words describe it
  void end_definitions() { defining_ = -1; }
  void set_charset(int charset);  // of the font being defined
  void set_codepage(int codepage);
  void add_name_byte(char c);
  void set_document_codepage(int codepage) { document_codepage_ = codepage; }
  void set_default_font(int font) { default_font_ = font; }

  // The font -1 ("the default") stands for.
  [[nodiscard]] int resolve(int font) const { return font < 0 ? default_font_ : font; }
  // Its \cpg, else the code page of its \fcharset, else the document's \ansicpg.
  [[nodiscard]] int codepage(int font) const;
  // As the font table spells it, without the ';'; "" for a font it does not have.
  [[nodiscard]] std::string name(int font) const;

 private:
  struct Font {
    int charset = -1;
    int codepage = 0;
    std::string name;
  };
  std::map<int, Font> fonts_;
  int defining_ = -1;
  int default_font_ = -1;
  int document_codepage_ = 1252;
};

class CodepageDecoder {
 public:
  CodepageDecoder() = default;
  ~CodepageDecoder();
  CodepageDecoder(const CodepageDecoder&) = delete;
  CodepageDecoder& operator=(const CodepageDecoder&) = delete;

  // Appends `bytes` read in `codepage` to `out` as UTF-8. A byte the code page does not have
  // becomes U+FFFD; a code page iconv does not know is read as 1252 (and remembered).
  void decode(int codepage, std::string_view bytes, std::string& out);

  [[nodiscard]] size_t invalid_bytes() const { return invalid_; }
  [[nodiscard]] const std::set<int>& unknown_codepages() const { return unknown_; }

 private:
  void* converter(int codepage);  // an iconv_t, or nullptr when there is none

  std::map<int, void*> open_;
  std::set<int> unknown_;
  size_t invalid_ = 0;
};

}  // namespace vankho::formats::rtf
