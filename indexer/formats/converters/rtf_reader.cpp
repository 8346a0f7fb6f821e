// read_rtf: the file, the parser, the limits and what is said about them.
//
// Why not unrtf (0.21.10 on Debian 12), which Omega uses. It reads LibreOffice's RTF well, but
// loses Vietnamese text in RTF as Word writes it:
//  - under \ansicpg1258 (Word on Vietnamese Windows) it drops spaces and punctuation, even of
//    plain ASCII ("Hello world. Second, sentence!" -> "Helloworld Second sentence"), and moves
//    characters ("\'d0i\'ea\'ccu 1." -> "i&#272;&#7871;u1."): it feeds glibc's stateful CP1258
//    converter a byte at a time and never flushes it;
//  - a \uN that opens a run, as Word writes a run that starts with "Đ", "Ư", "Ô"..., is lost
//    ("{\insrsid1 \u272\'44i\u7873\'3fu 1.}" -> "i&#7873;u 1.");
//  - \uN with a literal fallback loses the rest of the word ("m\u7897?t." -> "m&#7897;");
//  - its --text turns every non-ASCII character into '?'.
#include "rtf_reader.h"

#include <cerrno>
#include <chrono>
#include <fstream>
#include <system_error>

#include "converted_text.h"
#include "rtf_parser.h"

namespace vankho::formats {
namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// Whitespace runs as one space, none at the ends.
std::string one_line(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const bool space = static_cast<unsigned char>(c) <= ' ';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> warnings_of(const rtf::ParsedRtf& parsed, const CleanText& clean,
                                     const ReadLimits& limits) {
  std::vector<std::string> w;
  if (parsed.cut_at_text_limit) {
    w.push_back("only the first " + std::to_string(limits.max_text_bytes) +
                " bytes of its text were read (the text limit)");
  }
  if (parsed.cut_at_time_limit) {
    w.push_back("only part of it was read: reading took longer than " +
                std::to_string(limits.time_limit.count()) + " ms (the time limit)");
  }
  if (parsed.unterminated) w.push_back("the RTF ends before its last group is closed (cut off?)");
  const size_t invalid = parsed.invalid_bytes + clean.invalid_sequences;
  if (invalid > 0) {
    w.push_back(std::to_string(invalid) +
                " characters its code page does not have were replaced by U+FFFD");
  }
  if (!parsed.unknown_codepages.empty()) {
    std::vector<std::string> pages;
    for (const int cp : parsed.unknown_codepages) pages.push_back(std::to_string(cp));
    w.push_back("text in unknown code pages (" + join(pages, ", ") + ") was read as cp1252");
  }
  if (!parsed.legacy_fonts.empty()) {
    w.push_back("text in legacy Vietnamese fonts (" + join(parsed.legacy_fonts, ", ") +
                ") is shown as cp1252 characters, not converted");
  }
  return w;
}

}  // namespace

ReadResult read_rtf(const std::string& path, const ReadLimits& limits) {
  const auto deadline = std::chrono::steady_clock::now() + limits.time_limit;
  std::filebuf file;
  if (file.open(path, std::ios::in | std::ios::binary) == nullptr) {
    return {std::nullopt, "cannot open it: " + std::generic_category().message(errno)};
  }
  char head[5] = {};
  const std::streamsize got = file.sgetn(head, sizeof head);
  if (got != 5 || std::string_view(head, 5) != "{\\rtf") {
    return {std::nullopt, "not an RTF file (it does not begin with {\\rtf)"};
  }
  file.pubseekpos(0, std::ios::in);

  rtf::ParsedRtf parsed = rtf::parse_rtf(file, {limits.max_text_bytes, deadline});
  std::string_view raw = parsed.text;
  if (parsed.cut_at_text_limit) raw = cut_at_line(raw, limits.max_text_bytes);
  CleanText clean = clean_converted_text(raw);
  if (clean.text.empty() && (parsed.cut_at_text_limit || parsed.cut_at_time_limit)) {
    return {std::nullopt, parsed.cut_at_time_limit
                              ? "reading it took longer than the time limit (" +
                                    std::to_string(limits.time_limit.count()) + " ms)"
                              : "its first line is longer than the text limit (" +
                                    std::to_string(limits.max_text_bytes) + " bytes)"};
  }

  ExtractedText doc;
  doc.text = std::move(clean.text);
  doc.markup = Markup::kPlain;
  doc.properties = std::move(parsed.properties);
  doc.properties.title = one_line(doc.properties.title);
  doc.properties.creator = one_line(doc.properties.creator);
  doc.format = "rtf";
  doc.converter = "vankho-rtf";
  doc.warnings = warnings_of(parsed, clean, limits);
  return {std::move(doc), ""};
}

}  // namespace vankho::formats
