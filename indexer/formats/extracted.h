// What a reader of a document format (office/, pdf/, converters/, ocr/) hands the ingest: the
// text in reading order with its page breaks, the file's own properties (fallbacks under what
// extraction reads from the text), and what was done to get it (for the indexer's summary and
// --extract). Readers never throw for bad input: a file they cannot read is a ReadResult error,
// a file they read in part is text plus warnings.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vankho::formats {

// Bounds on what one file may cost. A reader that reaches one stops and says so (a warning when
// it has text, else the error).
struct ReadLimits {
  std::chrono::milliseconds time_limit{120000};  // whole file: a converter that hangs, a slow PDF
  uint64_t max_text_bytes = 64ull << 20;         // text produced (converter output included)
  uint64_t max_entry_bytes = 64ull << 20;        // zip: one inflated entry (zip-bomb guard)
  uint64_t max_inflated_bytes = 256ull << 20;    // zip: all entries of one file together
  size_t max_pages = 5000;                       // PDF pages read; later ones are left out
};

// What the file says about itself (docx core properties, odt meta, PDF info). Dates ISO 8601
// ("2022-04-02" or "2022-04-02T10:00:00Z") as found, "" when absent.
struct FileProperties {
  std::string title, creator, created, modified;
};

enum class Markup { kPlain, kHtml };  // kHtml: `text` is HTML the ingest turns into text

struct ExtractedText {
  // Valid UTF-8 in reading order: one paragraph (heading, list item, table row) a line; a page
  // break is a form feed '\f' between two pages (explicit breaks in office files, every page of a
  // PDF). No '\f' anywhere else.
  std::string text;
  Markup markup = Markup::kPlain;
  FileProperties properties;
  std::string format;     // "docx", "odt", "pdf", "doc", "rtf", "image"
  std::string converter;  // the library or program that read it: "libzip+pugixml", "poppler", "antiword", ...
  size_t pages = 0;               // pages in the file when known (PDF), else 0
  size_t pages_without_text = 0;  // PDF pages with no text layer (scans) left without text
  size_t ocr_pages = 0;           // pages (or images) whose text came from OCR
  std::vector<std::string> conversions;  // legacy encodings converted: "TCVN3: 14 runs", "VNI: 3 lines"
  std::vector<std::string> warnings;     // read in part: "only the first 5000 of 6000 pages were read"
};

struct ReadResult {
  std::optional<ExtractedText> doc;
  std::string error;  // when !doc: why, for the person running the indexer ("encrypted PDF", ...)
};

// A raster image for OCR: 8-bit grey, rows of `stride` bytes.
struct GreyImage {
  int width = 0, height = 0, stride = 0;
  std::vector<uint8_t> pixels;
};

// Recognises the text of one page image ("" when none); nullopt when recognition failed.
using OcrFunction = std::function<std::optional<std::string>(const GreyImage&)>;

}  // namespace vankho::formats
