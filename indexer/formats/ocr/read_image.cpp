// read_image: the pages of a scan, decoded one at a time and recognised with the caller's engine.
#include <chrono>
#include <string>

#include "image_pages.h"
#include "ocr.h"
#include "page_text.h"

namespace vankho::formats {
namespace {

using Clock = std::chrono::steady_clock;

std::string seconds(std::chrono::milliseconds limit) {
  const auto s = std::chrono::duration_cast<std::chrono::duration<double>>(limit).count();
  std::string text = std::to_string(s);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text + " s";
}

std::string pages_read(size_t read, size_t total) {
  return "only the first " + std::to_string(read) + " of " + std::to_string(total) +
         " pages were read";
}

}  // namespace

ReadResult read_image(const std::string& path, const ReadLimits& limits, Ocr& ocr) {
  ReadResult result;
  if (!ocr.ok()) {
    result.error = ocr.error();
    return result;
  }
  const Clock::time_point start = Clock::now();
  const Clock::time_point deadline = start + limits.time_limit;
  const ocr_internal::ImageFile file = ocr_internal::probe_image(path);
  if (!file.error.empty()) {
    result.error = file.error;
    return result;
  }

  ExtractedText doc;
  doc.format = "image";
  doc.converter = "tesseract";
  doc.pages = file.pages;
  std::string first_error;  // why page 1 (or every page) could not be read
  for (size_t index = 0; index < file.pages; ++index) {
    const std::string page_name = "page " + std::to_string(index + 1);
    if (index >= limits.max_pages) {
      doc.warnings.push_back(pages_read(index, file.pages) + " (the page limit)");
      break;
    }
    if (index > 0 && Clock::now() >= deadline) {
      doc.warnings.push_back(pages_read(index, file.pages) + " (time limit of " +
                             seconds(limits.time_limit) + " reached)");
      break;
    }
    if (index > 0) doc.text += '\f';

    const ocr_internal::DecodedPage page = ocr_internal::decode_page(file, index);
    if (!page.image) {
      if (file.pages == 1) {
        result.error = page.error;
        return result;
      }
      if (first_error.empty()) first_error = page.error;
      doc.warnings.push_back(page_name + " left out: " + page.error);
      continue;
    }
    const std::optional<std::string> text =
        ocr.recognise(*page.image, OcrPageOptions{.dpi = page.dpi, .deadline = deadline});
    if (!text) {
      const bool late = Clock::now() >= deadline;
      const std::string why = late ? "time limit of " + seconds(limits.time_limit) +
                                         " reached while recognising " + page_name
                                   : "OCR failed on " + page_name;
      if (doc.ocr_pages == 0 && (late || file.pages == 1)) {
        result.error = why;
        return result;
      }
      if (late) {
        doc.text.pop_back();  // the '\f' opening this page
        doc.warnings.push_back(pages_read(index, file.pages) + " (" + why + ")");
        break;
      }
      if (first_error.empty()) first_error = why;
      doc.warnings.push_back(why);
      continue;
    }
    ++doc.ocr_pages;
    const uint64_t room =
        limits.max_text_bytes > doc.text.size() ? limits.max_text_bytes - doc.text.size() : 0;
    if (text->size() > room) {
      doc.text += ocr_internal::cut_utf8(*text, room);
      if (!doc.text.empty() && doc.text.back() == '\f') doc.text.pop_back();
      doc.warnings.push_back("text limit of " + std::to_string(limits.max_text_bytes) +
                             " bytes reached on " + page_name + "; the rest was left out");
      break;
    }
    doc.text += *text;
  }
  if (doc.ocr_pages == 0 && !first_error.empty()) {
    result.error = "no page could be read: " + first_error;
    return result;
  }
  result.doc = std::move(doc);
  return result;
}

}  // namespace vankho::formats
