// Writes the benchmark's inputs: articles of the legal corpus as .docx files (a minimal WordML
// package through libzip) and as .pdf files (A4 pages of Noto Serif laid out by cairo), so that
// vankho and the converters read the same real Vietnamese text in the same files.
#pragma once

#include <string>

namespace vankho::bench {

// `text`: paragraphs separated by '\n'. Returns the pages written (PDF), or 1 (docx).
size_t write_docx(const std::string& path, const std::string& title, const std::string& text);
size_t write_pdf(const std::string& path, const std::string& title, const std::string& text);
// The start of `text` drawn as one A4 page scanned at 300 dpi (grey, PNG), for OCR.
size_t write_scan_png(const std::string& path, const std::string& text);

}  // namespace vankho::bench
