#include "format_sniff.h"

#include <string>

#include "file_input.h"
#include "walk.h"

namespace vankho::ingest {
namespace {

constexpr std::string_view kOle = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view kOdtMime = "mimetypeapplication/vnd.oasis.opendocument.text";

bool has_extension(std::string_view name, std::initializer_list<std::string_view> extensions) {
  for (std::string_view e : extensions) {
    if (ends_with_nocase(name, e)) return true;
  }
  return false;
}

// `head` after a byte order mark and leading white space, lower-cased, starts with `prefix`.
bool starts_like(std::string_view head, std::string_view prefix) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  while (!head.empty() && (head[0] == ' ' || head[0] == '\t' || head[0] == '\r' || head[0] == '\n')) {
    head.remove_prefix(1);
  }
  if (head.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = head[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[i]) return false;
  }
  return true;
}

FileFormat sniff_zip(std::string_view name, std::string_view head) {
  if (head.find(kOdtMime) != std::string_view::npos) return FileFormat::kOdt;
  if (has_extension(name, {".odt"})) return FileFormat::kOdt;
  if (has_extension(name, {".docx", ".docm"}) || head.find("word/") != std::string_view::npos) {
    return FileFormat::kDocx;
  }
  return FileFormat::kUnknown;  // some other zip (a spreadsheet, an archive)
}

}  // namespace

std::string_view format_name(FileFormat format) {
  switch (format) {
    case FileFormat::kText: return "txt";
    case FileFormat::kMarkdown: return "md";
    case FileFormat::kHtml: return "html";
    case FileFormat::kJsonl: return "jsonl";
    case FileFormat::kDocx: return "docx";
    case FileFormat::kOdt: return "odt";
    case FileFormat::kPdf: return "pdf";
    case FileFormat::kDoc: return "doc";
    case FileFormat::kRtf: return "rtf";
    case FileFormat::kImage: return "image";
    case FileFormat::kUnknown: return "unknown";
  }
  return "unknown";
}

FileFormat sniff_format(std::string_view name, std::string_view head) {
  if (has_extension(name, {".jsonl", ".jsonl.gz"})) return FileFormat::kJsonl;
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return FileFormat::kPdf;
  if (head.starts_with("PK\x03\x04")) return sniff_zip(name, head);
  if (head.starts_with(kOle)) {
    // An encrypted .docx is an OLE container too: its reader says so.
    return has_extension(name, {".docx", ".docm"}) ? FileFormat::kDocx
           : has_extension(name, {".odt"})         ? FileFormat::kOdt
                                                   : FileFormat::kDoc;
  }
  if (head.starts_with("{\\rtf")) return FileFormat::kRtf;
  if (head.starts_with("\x89PNG\r\n\x1A\n") || head.starts_with("\xFF\xD8\xFF") ||
      head.starts_with(std::string_view("II*\0", 4)) || head.starts_with(std::string_view("MM\0*", 4))) {
    return FileFormat::kImage;
  }
  if (!binary_reason(head).empty()) return FileFormat::kUnknown;
  if (has_extension(name, {".html", ".htm"}) || starts_like(head, "<!doctype html") ||
      starts_like(head, "<html")) {
    return FileFormat::kHtml;
  }
  if (has_extension(name, {".md"})) return FileFormat::kMarkdown;
  return FileFormat::kText;
}

bool is_candidate_name(std::string_view name) {
  const size_t slash = name.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  if (base.find('.') == std::string_view::npos) return true;  // no extension: sniffed
  return has_extension(base, {".txt", ".md", ".html", ".htm", ".jsonl", ".jsonl.gz", ".docx", ".docm",
                              ".odt", ".pdf", ".doc", ".rtf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"});
}

}  // namespace vankho::ingest
