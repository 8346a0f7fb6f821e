#include "rtf_words.h"

#include <string>
#include <unordered_map>

namespace vankho::formats::rtf {

std::optional<Sink> destination(std::string_view word) {
  static const auto* const table = new std::unordered_map<std::string_view, Sink>{
      {"fonttbl", Sink::kFontTable},
      {"info", Sink::kInfo},
      {"title", Sink::kTitle},
      {"author", Sink::kAuthor},
      {"creatim", Sink::kCreated},
      {"revtim", Sink::kModified},
      {"footnote", Sink::kFootnote},
      // Left out: tables, pictures, objects' data, running heads, field codes, annotations,
      // shapes' fallbacks, index entries and the \info entries that are not properties.
      {"colortbl", Sink::kSkip},
      {"stylesheet", Sink::kSkip},
      {"filetbl", Sink::kSkip},
      {"revtbl", Sink::kSkip},
      {"listtable", Sink::kSkip},
      {"listoverridetable", Sink::kSkip},
      {"rsidtbl", Sink::kSkip},
      {"pict", Sink::kSkip},
      {"objdata", Sink::kSkip},
      {"header", Sink::kSkip},
      {"headerl", Sink::kSkip},
      {"headerr", Sink::kSkip},
      {"headerf", Sink::kSkip},
      {"footer", Sink::kSkip},
      {"footerl", Sink::kSkip},
      {"footerr", Sink::kSkip},
      {"footerf", Sink::kSkip},
      {"fldinst", Sink::kSkip},
      {"private", Sink::kSkip},
      {"nonshppict", Sink::kSkip},
      {"shprslt", Sink::kSkip},
      {"nonesttables", Sink::kSkip},
      {"xe", Sink::kSkip},
      {"tc", Sink::kSkip},
      {"tcn", Sink::kSkip},
      {"txe", Sink::kSkip},
      {"template", Sink::kSkip},
      {"pn", Sink::kSkip},
      {"ftnsep", Sink::kSkip},
      {"ftnsepc", Sink::kSkip},
      {"aftnsep", Sink::kSkip},
      {"aftnsepc", Sink::kSkip},
      {"annotation", Sink::kSkip},
      {"atnid", Sink::kSkip},
      {"atnauthor", Sink::kSkip},
      {"subject", Sink::kSkip},
      {"operator", Sink::kSkip},
      {"keywords", Sink::kSkip},
      {"comment", Sink::kSkip},
      {"doccomm", Sink::kSkip},
      {"company", Sink::kSkip},
      {"category", Sink::kSkip},
      {"manager", Sink::kSkip},
      {"hlinkbase", Sink::kSkip},
      {"printim", Sink::kSkip},
      {"buptim", Sink::kSkip},
      {"userprops", Sink::kSkip},
      {"docvar", Sink::kSkip},
      {"background", Sink::kSkip}};
  const auto found = table->find(word);
  if (found == table->end()) return std::nullopt;
  return found->second;
}

std::optional<Word> word_meaning(std::string_view word) {
  static const auto* const table =
      new std::unordered_map<std::string_view, Word>{{"bin", Word::kBinary},
                                                     {"u", Word::kUnicode},
                                                     {"uc", Word::kUnicodeSkip},
                                                     {"f", Word::kFont},
                                                     {"plain", Word::kPlain},
                                                     {"deff", Word::kDefaultFont},
                                                     {"fcharset", Word::kFontCharset},
                                                     {"cpg", Word::kFontCodepage},
                                                     {"ansi", Word::kAnsi},
                                                     {"ansicpg", Word::kAnsiCodepage},
                                                     {"mac", Word::kMac},
                                                     {"pc", Word::kPc},
                                                     {"pca", Word::kPca},
                                                     {"par", Word::kParagraph},
                                                     {"line", Word::kParagraph},
                                                     {"page", Word::kPage},
                                                     {"sect", Word::kSection},
                                                     {"sbknone", Word::kSectionContinues},
                                                     {"sbkcol", Word::kSectionContinues},
                                                     {"pard", Word::kParagraphDefaults},
                                                     {"pagebb", Word::kPageBreakBefore},
                                                     {"cell", Word::kCell},
                                                     {"nestcell", Word::kCell},
                                                     {"tab", Word::kCell},
                                                     {"row", Word::kRow},
                                                     {"nestrow", Word::kRow},
                                                     {"yr", Word::kYear},
                                                     {"mo", Word::kMonth},
                                                     {"dy", Word::kDay}};
  const auto found = table->find(word);
  if (found == table->end()) return std::nullopt;
  return found->second;
}

int document_codepage(Word word, int32_t param) {
  switch (word) {
    case Word::kAnsiCodepage:
      return param > 0 ? param : 1252;
    case Word::kMac:
      return 10000;
    case Word::kPc:
      return 437;
    case Word::kPca:
      return 850;
    default:
      return 1252;
  }
}

std::optional<char32_t> special_character(std::string_view word) {
  static const auto* const table = new std::unordered_map<std::string_view, char32_t>{
      {"emdash", 0x2014},    {"endash", 0x2013},    {"emspace", ' '},   {"enspace", ' '},
      {"qmspace", ' '},      {"bullet", 0x2022},    {"lquote", 0x2018}, {"rquote", 0x2019},
      {"ldblquote", 0x201C}, {"rdblquote", 0x201D}, {"zwj", 0x200D},    {"zwnj", 0x200C}};
  const auto found = table->find(word);
  if (found == table->end()) return std::nullopt;
  return found->second;
}

bool legacy_font_name(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (lower.starts_with(".vn") || lower.starts_with("vni")) return true;
  return lower.starts_with("vn") && name.size() > 2 && name[2] >= 'A' && name[2] <= 'Z';
}

}  // namespace vankho::formats::rtf
