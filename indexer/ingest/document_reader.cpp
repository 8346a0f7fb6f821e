#include "document_reader.h"

#include <filesystem>

#include "converted_reader.h"
#include "file_input.h"
#include "format_sniff.h"
#include "html_reader.h"
#include "legacy_text.h"
#include "text_reader.h"
#include "tidy.h"

namespace vankho::ingest {
namespace {

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(path, ec);
  return (ec ? std::filesystem::path(path) : absolute).lexically_normal().string();
}

void read_text_file(const InputFile& file, FileFormat format, Run& run) {
  FileBytes raw = read_file_bytes(file.path, run.options().max_file_bytes);
  if (!raw.error.empty()) return run.skip(file.path, 0, std::move(raw.error), file.id);
  run.stats().bytes += raw.bytes.size();
  run.stats().input_bytes += raw.bytes.size();
  if (raw.bytes.empty()) return run.skip(file.path, 0, "empty file", file.id);
  if (std::string reason = binary_reason(raw.bytes); !reason.empty()) {
    return run.skip(file.path, 0, std::move(reason), file.id);
  }
  LegacyText decoded = decode_text_file(raw.bytes, run.options().encoding);
  raw.bytes = std::string();
  if (is_blank(decoded.text)) return run.skip(file.path, 0, "empty file (only whitespace)", file.id);
  if (decoded.invalid > 0) {
    run.warn(file.path, 0,
             std::to_string(decoded.invalid) + " invalid UTF-8 sequence(s) replaced with U+FFFD (is the file UTF-8?)");
  }
  if (decoded.unrecognised_lines > 0) {
    run.warn(file.path, 0,
             std::to_string(decoded.unrecognised_lines) +
                 " line(s) neither UTF-8 nor Vietnamese in a legacy encoding (TCVN3, VNI, VIQR, CP1258) "
                 "were read as Windows-1252; --encoding NAME reads them as NAME");
  }

  SourceDocument doc;
  doc.id = file.id;
  doc.source = file.path;
  doc.invalid_utf8 = decoded.invalid + decoded.unrecognised_lines;
  doc.file.format = format_name(format);
  doc.file.path = absolute_path(file.path);
  doc.file.conversions = std::move(decoded.conversions);
  if (format == FileFormat::kHtml) {
    HtmlText html = html_to_text(decoded.text);
    doc.title = std::move(html.title);
    doc.text = run.clean_text(html.text);
  } else {
    doc.text = run.clean_text(strip_markdown(decoded.text));
  }
  if (doc.text.empty()) {
    if (doc.title.empty()) {
      return run.skip(file.path, 0, "no text left after removing markup and boilerplate", file.id);
    }
    doc.text = doc.title;
    ++run.stats().title_only;
  }
  run.emit(std::move(doc));
}

}  // namespace

void read_document_file(const InputFile& file, Run& run) {
  FileHead head = read_file_head(file.path, kSniffBytes, run.options().max_file_bytes);
  if (!head.error.empty()) return run.skip(file.path, 0, std::move(head.error), file.id);
  if (head.size == 0) return run.skip(file.path, 0, "empty file", file.id);
  const FileFormat format = sniff_format(file.path, head.bytes);
  switch (format) {
    case FileFormat::kText:
    case FileFormat::kMarkdown:
    case FileFormat::kHtml:
      return read_text_file(file, format, run);
    case FileFormat::kUnknown: {
      std::string reason = binary_reason(head.bytes);  // "binary file (...)", "UTF-16 text ..."
      return run.skip(file.path, 0, reason.empty() ? "not a format vankho reads" : std::move(reason), file.id);
    }
    case FileFormat::kJsonl:  // read_paths hands JSON lines to their own reader
      return run.skip(file.path, 0, "JSON lines are read as an export, not as a document", file.id);
    default:
      run.stats().bytes += head.size;
      run.stats().input_bytes += head.size;
      return read_converted_file(file, format, run);
  }
}

}  // namespace vankho::ingest
