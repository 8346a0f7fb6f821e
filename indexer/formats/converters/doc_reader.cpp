// read_doc: antiword, then catdoc, each a child process (run_child).
//
// Checked on Debian 12 (antiword 0.37, catdoc 0.95):
//  - `antiword -m UTF-8.txt -w 0`: UTF-8, one paragraph a line, Vietnamese intact; it refuses
//    Word 6/95 files it cannot parse and very small documents ("I'm afraid the text stream of
//    this file is too small to handle.", exit 1). In text mode it never marks a page break: a
//    hard break (0x0C) ends the paragraph like any other (antiword's vEndOfPageTXT).
//  - `catdoc -d utf-8 -s cp1252 -w`: UTF-8, one paragraph a line; a hard page break comes out as
//    '\f' at the end of the paragraph before it. 8-bit text (Word 6/95, "compressed" Word 97 runs)
//    is read as cp1252, so TCVN3/VNI text arrives as the cp1252 characters the legacy repair
//    expects. Given a file that is not OLE (plain text, garbage, HTML) it prints the bytes as
//    text and exits 0, so it only runs on files with a Word or OLE signature.
#include "doc_reader.h"

#include <chrono>
#include <fstream>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

#include "child_process.h"
#include "converted_text.h"
#include "rtf_reader.h"

namespace vankho::formats {
namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kMaxReasonLength = 200;

// OLE compound file (Word 97-2003, and Word 6/95 inside OLE), Word 2 for Windows, Windows Write
// and Word for DOS.
bool has_word_signature(std::string_view head) {
  return head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") || head.starts_with("\xDB\xA5") ||
         head.starts_with("\x31\xBE") || head.starts_with("\x32\xBE");
}

std::string first_line(std::string_view s) {
  const size_t start = s.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return "";
  s.remove_prefix(start);
  s = s.substr(0, s.find_first_of("\r\n"));
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  std::string line(s.substr(0, kMaxReasonLength));
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return line;
}

std::string seconds(std::chrono::milliseconds ms) {
  return std::to_string(ms.count() / 1000) + "." + std::to_string(ms.count() % 1000 / 100) + " s";
}

// One converter's run: its raw output, or why there is none.
struct Attempt {
  std::optional<std::string> raw;
  bool capped = false;       // raw is the part before the text limit
  bool out_of_time = false;  // no time is left for another converter
  std::string why;
};

Attempt convert(const std::vector<std::string>& argv, Clock::time_point deadline,
                const ReadLimits& limits) {
  Attempt a;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (left.count() <= 0) {
    a.out_of_time = true;
    a.why = "not run: the time limit (" + seconds(limits.time_limit) + ") was reached";
    return a;
  }
  const ChildResult c = run_child(argv, left, limits.max_text_bytes);
  const std::string stderr_line = first_line(c.err);
  const std::string said = stderr_line.empty() ? "" : ": " + stderr_line;
  if (!c.failure.empty()) {
    a.why = c.failure;
  } else if (c.timed_out) {
    a.out_of_time = true;
    a.why = "took longer than the time limit (" + seconds(limits.time_limit) + ") and was stopped";
  } else if (c.output_capped) {
    a.raw = std::string(cut_at_line(c.out, limits.max_text_bytes));
    a.capped = true;
  } else if (c.signal != 0) {
    a.why = "crashed (signal " + std::to_string(c.signal) + ")" + said;
  } else if (c.exit_code != 0) {
    a.why = (stderr_line.empty() ? "failed" : stderr_line) + " (exit code " +
            std::to_string(c.exit_code) + ")";
  } else {
    a.raw = c.out;
  }
  return a;
}

ReadResult text_of(const Attempt& a, const std::string& converter, const ReadLimits& limits,
                   std::vector<std::string> warnings) {
  CleanText clean = clean_converted_text(*a.raw);
  if (a.capped) {
    if (clean.text.empty()) {
      return {std::nullopt, converter + ": its output passed the text limit (" +
                                std::to_string(limits.max_text_bytes) + " bytes) before any line"};
    }
    warnings.push_back("only the first " + std::to_string(limits.max_text_bytes) + " bytes of " +
                       converter + "'s output were read (the text limit)");
  }
  if (clean.invalid_sequences > 0) {
    warnings.push_back(std::to_string(clean.invalid_sequences) + " bytes of " + converter +
                       "'s output were not UTF-8 (replaced by U+FFFD)");
  }
  ExtractedText doc;
  doc.text = std::move(clean.text);
  doc.markup = Markup::kPlain;
  doc.format = "doc";
  doc.converter = converter;
  doc.warnings = std::move(warnings);
  return {std::move(doc), ""};
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

}  // namespace

ReadResult read_doc(const std::string& path, const ReadLimits& limits) {
  const Clock::time_point deadline = Clock::now() + limits.time_limit;
  std::string head(8, '\0');
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {std::nullopt, "cannot open it: " + std::generic_category().message(errno)};
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
  }
  if (head.starts_with("{\\rtf")) {
    ReadResult r = read_rtf(path, limits);
    if (r.doc)
      r.doc->warnings.insert(r.doc->warnings.begin(), "an RTF file, not a Word .doc: read as RTF");
    return r;
  }
  // A name starting with '-' would be read as an option.
  const std::string file = path.starts_with("-") ? "./" + path : path;

  const Attempt antiword =
      convert({"antiword", "-m", "UTF-8.txt", "-w", "0", file}, deadline, limits);
  if (antiword.raw) return text_of(antiword, "antiword", limits, {});
  std::vector<std::string> tried = {"antiword: " + antiword.why};
  if (antiword.out_of_time) return {std::nullopt, join(tried)};
  if (!has_word_signature(head)) {
    tried.push_back("catdoc: not run (the file has no Word or OLE signature)");
    return {std::nullopt, "not a Word document: " + join(tried)};
  }
  const Attempt catdoc =
      convert({"catdoc", "-d", "utf-8", "-s", "cp1252", "-w", file}, deadline, limits);
  if (catdoc.raw) {
    return text_of(catdoc, "catdoc", limits,
                   {"antiword could not read it (" + antiword.why + "); read by catdoc"});
  }
  tried.push_back("catdoc: " + catdoc.why);
  return {std::nullopt, join(tried)};
}

}  // namespace vankho::formats
