// OCR of scanned pages with Tesseract: the engine (Ocr, one per thread) that turns a grey page
// image into NFC text, and read_image, the reader of .png/.jpg/.jpeg/.tif/.tiff scans (every page
// of a multi-page TIFF). Language data comes from $TESSDATA_PREFIX or Debian's tessdata folder.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "extracted.h"

namespace vankho::formats {

// How one page is recognised.
struct OcrPageOptions {
  int dpi = 300;  // the scan's resolution; values outside 50..2400 are taken as 300
  // Recognition gives up (nullopt) once this passes; layout analysis is not interruptible.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

// One Tesseract engine (not thread-safe: one per thread). Language "vie" by default ("vie+eng"
// for several); the tessdata folder is $TESSDATA_PREFIX when set, else Debian's
// /usr/share/tesseract-ocr/5/tessdata. Throws nothing: missing language data gives an engine
// whose ok() is false and whose error() says what to install (apt install tesseract-ocr-vie).
//
// Threads: Debian's Tesseract runs its LSTM with OpenMP, several threads per page, which costs
// more than it gains when pages are recognised in parallel. Unless OMP_THREAD_LIMIT or
// OMP_NUM_THREADS is set, recognise() keeps Tesseract on the calling thread (it sets the
// calling thread's OpenMP max-active-levels to 0; vankho has no other OpenMP code).
class Ocr {
 public:
  explicit Ocr(std::string language = "vie");
  ~Ocr();
  Ocr(const Ocr&) = delete;
  Ocr& operator=(const Ocr&) = delete;

  [[nodiscard]] bool ok() const { return error_.empty(); }
  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] const std::string& language() const { return language_; }
  [[nodiscard]] const std::string& tessdata() const { return tessdata_; }

  // The page's text, lines as recognised (paragraphs apart by one blank line), NFC, without
  // form feeds or trailing blank lines; "" for a page without text; nullopt when recognition
  // failed (engine not ok, bad image, deadline passed).
  [[nodiscard]] std::optional<std::string> recognise(const GreyImage& image);
  [[nodiscard]] std::optional<std::string> recognise(const GreyImage& image,
                                                     const OcrPageOptions& options);

  // An OcrFunction bound to this engine (for the PDF reader's textless pages). The engine must
  // outlive it, and it shares the engine's thread.
  [[nodiscard]] OcrFunction function();

 private:
  struct Engine;
  std::string language_;
  std::string tessdata_;
  std::string error_;
  std::unique_ptr<Engine> engine_;
};

// Reads a scan (.png, .jpg/.jpeg, .tif/.tiff; the content decides, not the name): every page of
// the image recognised, TIFF pages joined by '\f'. format "image", converter "tesseract",
// pages = pages in the file, ocr_pages = pages recognised. Refuses unreadable files ("not a
// readable image") and pages over 10000x10000 pixels ("image too large"); stops with a warning at
// limits.time_limit (checked between pages, and a page is given up at it), max_text_bytes and
// max_pages.
[[nodiscard]] ReadResult read_image(const std::string& path, const ReadLimits& limits, Ocr& ocr);

}  // namespace vankho::formats
