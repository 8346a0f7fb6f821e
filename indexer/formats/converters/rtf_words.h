// The RTF control words the reader acts on: destinations (where a group's text goes), the words
// that change its state, and the ones that stand for a character (internal to read_rtf).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace vankho::formats::rtf {

// Where the text of a group goes.
enum class Sink : uint8_t {
  kBody,
  kFootnote,
  kTitle,
  kAuthor,  // these keep text
  kSkip,
  kFontTable,
  kInfo,
  kCreated,
  kModified,  // these do not
};

[[nodiscard]] inline bool takes_text(Sink s) { return s <= Sink::kAuthor; }

// The sink of the group a destination word opens ("fonttbl", "pict", "footnote", ...).
[[nodiscard]] std::optional<Sink> destination(std::string_view word);

enum class Word : uint8_t {
  kBinary,  // \binN: N raw bytes follow
  kUnicode,
  kUnicodeSkip,  // \uN, \ucN
  kFont,
  kPlain,
  kDefaultFont,  // \fN, \plain, \deffN
  kFontCharset,
  kFontCodepage,  // \fcharsetN, \cpgN (font table)
  kAnsi,
  kAnsiCodepage,
  kMac,
  kPc,
  kPca,  // the document's code page
  kParagraph,
  kPage,
  kSection,
  kSectionContinues,  // \par \line, \page, \sect, \sbknone \sbkcol
  kParagraphDefaults,
  kPageBreakBefore,  // \pard, \pagebb
  kCell,
  kRow,  // \cell \nestcell \tab, \row \nestrow
  kYear,
  kMonth,
  kDay,  // \yrN \moN \dyN (info dates)
};

[[nodiscard]] std::optional<Word> word_meaning(std::string_view word);

// The code page \ansi, \ansicpgN, \mac, \pc or \pca sets for the document.
[[nodiscard]] int document_codepage(Word word, int32_t param);

// "emdash" -> U+2014, "rquote" -> U+2019, "enspace" -> ' ', ...
[[nodiscard]] std::optional<char32_t> special_character(std::string_view word);

// ".VnTime", ".VnTimeH", "VnArial", "VNI-Times": fonts whose 8-bit text is TCVN3 or VNI.
[[nodiscard]] bool legacy_font_name(std::string_view name);

}  // namespace vankho::formats::rtf
