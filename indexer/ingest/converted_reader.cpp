#include "converted_reader.h"

#include <filesystem>

#include "child_process.h"
#include "doc_reader.h"
#include "extracted_json.h"
#include "html_reader.h"
#include "legacy_text.h"
#include "office_reader.h"
#include "ocr.h"
#include "pdf_reader.h"
#include "reflow.h"
#include "rtf_reader.h"
#include "tidy.h"

namespace vankho::ingest {
namespace {

std::string plural(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// The work a child process does for the formats read by libraries in this process.
std::string read_in_this_process(const std::string& path, FileFormat format, const IngestOptions& o) {
  const formats::ReadLimits& limits = o.read_limits;
  switch (format) {
    case FileFormat::kDocx: return encode_result(formats::read_docx(path, limits, o.encoding));
    case FileFormat::kOdt: return encode_result(formats::read_odt(path, limits, o.encoding));
    case FileFormat::kRtf: return encode_result(formats::read_rtf(path, limits));
    case FileFormat::kPdf: {
      if (!o.ocr) return encode_result(formats::read_pdf(path, limits, {o.encoding, nullptr}));
      formats::Ocr ocr;
      if (!ocr.ok()) return encode_result({std::nullopt, ocr.error()});
      const formats::OcrFunction recognise = ocr.function();
      return encode_result(formats::read_pdf(path, limits, {o.encoding, &recognise}));
    }
    case FileFormat::kImage: {
      formats::Ocr ocr;
      if (!ocr.ok()) return encode_result({std::nullopt, ocr.error()});
      return encode_result(formats::read_image(path, limits, ocr));
    }
    default: return encode_result({std::nullopt, "no reader for this format"});
  }
}

formats::ReadResult read_with_reader(const std::string& path, FileFormat format, const IngestOptions& o) {
  const formats::ReadLimits& limits = o.read_limits;
  // .doc is converted by programs (antiword, catdoc) that run in processes of their own.
  if (format == FileFormat::kDoc) return formats::read_doc(path, limits);
  const std::string reader(format_name(format));
  // The answer carries the text once, JSON-escaped: at most twice its size, since the readers'
  // text holds no control characters but line breaks, tabs and form feeds.
  const formats::ChildResult child = formats::run_in_child(
      [&] { return read_in_this_process(path, format, o); }, limits.time_limit,
      limits.max_text_bytes * 2 + (1u << 20));
  if (child.timed_out) {
    return {std::nullopt, "reading it took longer than " +
                              std::to_string(limits.time_limit.count() / 1000) + " s (--file-time-limit)"};
  }
  if (child.output_capped) return {std::nullopt, "its text is larger than the limit (--max-file-size)"};
  if (child.signal != 0) {
    return {std::nullopt, "the " + reader + " reader failed on it (signal " + std::to_string(child.signal) + ")"};
  }
  if (!child.failure.empty()) return {std::nullopt, child.failure};
  if (child.exit_code != 0) {
    return {std::nullopt, "the " + reader + " reader failed on it (exit " + std::to_string(child.exit_code) + ")"};
  }
  try {
    return decode_result(child.out);
  } catch (const std::exception&) {
    return {std::nullopt, "the " + reader + " reader's answer was cut off"};
  }
}

// The cleaned text, page by page: each page is cleaned on its own (and its wrapped lines joined,
// for a scan's recognised lines), pages are joined by a blank line, and page_starts says where
// each begins (an empty page starts where the next one does).
void set_pages(SourceDocument& doc, std::string_view text, FileFormat format, size_t pages_in_file,
               const Run& run) {
  // OCR gives printed lines; the PDF reader joins wrapped lines itself, from the words' boxes.
  const bool printed_lines = format == FileFormat::kImage;
  std::vector<std::string> pages;
  for (size_t from = 0;;) {
    const size_t end = text.find('\f', from);
    std::string page = run.clean_text(text.substr(from, end == std::string_view::npos ? end : end - from));
    pages.push_back(printed_lines ? join_wrapped_lines(page) : std::move(page));
    if (end == std::string_view::npos) break;
    from = end + 1;
  }
  const bool paged = pages_in_file > 0 || pages.size() > 1;
  for (const std::string& page : pages) {
    if (!page.empty() && !doc.text.empty()) doc.text += "\n\n";
    if (paged) doc.page_starts.push_back(static_cast<uint32_t>(doc.text.size()));
    doc.text += page;
  }
}

std::string no_text_layer(const formats::ExtractedText& x, bool ocr) {
  const std::string pages = plural(x.pages_without_text, "page has", "pages have");
  return ocr ? pages + " no text that OCR could recognise" : pages + " no text layer; run with --ocr";
}

}  // namespace

void read_converted_file(const InputFile& file, FileFormat format, Run& run) {
  const IngestOptions& o = run.options();
  if (format == FileFormat::kImage && !o.ocr) {
    return run.skip(file.path, 0, "an image (a scan?); run with --ocr to read its text", file.id);
  }
  formats::ReadResult result = read_with_reader(file.path, format, o);
  if (!result.doc) {
    return run.skip(file.path, 0, result.error.empty() ? "could not be read" : result.error, file.id);
  }
  formats::ExtractedText& x = *result.doc;
  for (const std::string& w : x.warnings) run.warn(file.path, 0, w);
  if (x.pages_without_text > 0) run.warn(file.path, 0, no_text_layer(x, o.ocr));

  SourceDocument doc;
  doc.id = file.id;
  doc.source = file.path;
  std::string text = std::move(x.text);
  if (x.markup == formats::Markup::kHtml) {
    HtmlText html = html_to_text(text);
    text = std::move(html.text);
    if (x.properties.title.empty()) x.properties.title = tidy_line(html.title);
  }
  if (format == FileFormat::kDoc || format == FileFormat::kRtf) {
    // The converters say nothing of fonts: a line in a legacy font is found by its words alone.
    LegacyText repaired = decode_text_file(text, o.encoding);
    text = std::move(repaired.text);
    x.conversions.insert(x.conversions.end(), repaired.conversions.begin(), repaired.conversions.end());
  }
  set_pages(doc, text, format, x.pages, run);
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(file.path, ec);
  doc.file = {x.format.empty() ? std::string(format_name(format)) : x.format,
              x.converter,
              (ec ? std::filesystem::path(file.path) : absolute).lexically_normal().string(),
              x.pages,
              x.ocr_pages,
              x.pages_without_text,
              std::move(x.conversions),
              std::move(x.properties)};
  if (doc.text.empty()) {
    return run.skip(file.path, 0,
                    x.pages_without_text > 0 ? "no text: " + no_text_layer(x, o.ocr) : "no text in it", file.id);
  }
  run.emit(std::move(doc));
}

}  // namespace vankho::ingest
