// The PDF reader (poppler-cpp): text in reading order page by page ('\f' between pages), its lines
// rebuilt from the words' boxes (a hyphen at a line end kept, lines the layout wrapped joined back
// into their paragraph, a blank line between paragraphs and blocks: page_layout.h), legacy
// Vietnamese fonts repaired line by line, document info as properties, scanned pages counted or
// recognised by the OCR function given. The only header of vankho_pdf the ingest includes.
#pragma once

#include <optional>
#include <string>

#include "extracted.h"
#include "legacy_encoding.h"

namespace vankho::formats {

struct PdfOptions {
  std::optional<Encoding> forced;    // --encoding: every line is taken as this encoding
  const OcrFunction* ocr = nullptr;  // --ocr: recognise pages that have no text layer
};

// Never throws for bad input. Errors: "cannot read file: ...", "not a PDF", "damaged PDF: ...",
// "encrypted or password-protected PDF", and a time limit reached before any text. Limits reached
// later (max_pages, time_limit, max_text_bytes) leave the text read so far and a warning.
[[nodiscard]] ReadResult read_pdf(const std::string& path, const ReadLimits& limits,
                                  const PdfOptions& options = {});

}  // namespace vankho::formats
