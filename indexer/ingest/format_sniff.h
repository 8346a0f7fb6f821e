// What a file is, read from its first bytes rather than trusted from its name: a `.doc` that is
// RTF or HTML inside, a `.pdf` that is text, a scan without an extension are each read by what
// they are. The name decides only between the text formats (.md, .html, .jsonl) and when the
// bytes say nothing (a zip or an OLE container named .docx or .odt).
#pragma once

#include <string_view>

namespace vankho::ingest {

enum class FileFormat { kText, kMarkdown, kHtml, kJsonl, kDocx, kOdt, kPdf, kDoc, kRtf, kImage, kUnknown };

// "txt", "md", "html", "jsonl", "docx", "odt", "pdf", "doc", "rtf", "image", "unknown".
[[nodiscard]] std::string_view format_name(FileFormat format);

// The format of a file called `name` whose content begins with `head` (its first kSniffBytes).
[[nodiscard]] FileFormat sniff_format(std::string_view name, std::string_view head);

// Names the folder walk hands to the readers: the supported extensions, and names without an
// extension (sniffed). Other extensions (.xls, .zip, .exe) are passed over silently.
[[nodiscard]] bool is_candidate_name(std::string_view name);

}  // namespace vankho::ingest
