// read_pdf: opening, the page loop with its limits, OCR of pages without text (see pdf_reader.h).
#include "pdf_reader.h"

#include <poppler-page.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <exception>
#include <map>
#include <memory>
#include <vector>

#include "page_fonts.h"
#include "page_image.h"
#include "page_text.h"
#include "pdf_info.h"
#include "poppler_session.h"
#include "utf8.h"

namespace vankho::formats {
namespace {

using Clock = std::chrono::steady_clock;
using pdf::PageFonts;
using pdf::PdfWord;

// "TCVN3", "VNI", "VIQR", "CP1258" (encoding_name gives them in lower case).
std::string display_name(Encoding encoding) {
  std::string name(encoding_name(encoding));
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

bool has_text(std::string_view s) { return s.find_first_not_of(" \n\f") != std::string_view::npos; }

std::string seconds(std::chrono::milliseconds ms) {
  const auto tenths = (ms.count() + 50) / 100;
  return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") +
         " s";
}

// Adds one page ('\f' before every page but the first); false when it did not fit whole.
bool append_page(std::string& text, size_t index, std::string_view page, uint64_t max_bytes) {
  const size_t separator = index > 0 ? 1 : 0;
  const uint64_t used = text.size() + separator;
  if (used + page.size() <= max_bytes) {
    if (separator) text += '\f';
    text += page;
    return true;
  }
  if (used <= max_bytes) {
    size_t cut = text::code_point_start(page, static_cast<size_t>(max_bytes - used));
    const size_t line_end = page.rfind('\n', cut);
    if (line_end != std::string_view::npos && line_end > cut / 2) cut = line_end;
    if (cut == 0) return false;  // no '\f' with nothing after it
    if (separator) text += '\f';
    text += page.substr(0, cut);
  }
  return false;
}

struct PageLoop {
  const PdfOptions& options;
  ExtractedText& out;
  std::map<Encoding, size_t> converted_lines;
  size_t unreadable = 0, first_unreadable = 0, ocr_failed = 0;

  // The text of page `index`, OCR'd when it has none and OCR is on.
  std::string read(const poppler::document& doc, int index) {
    std::unique_ptr<poppler::page> page(doc.create_page(index));
    if (!page) {
      if (unreadable++ == 0) first_unreadable = static_cast<size_t>(index) + 1;
      return "";
    }
    // Words, not page->text(): poppler's page text drops the hyphen at a line end ("45-" /
    // "CT/TW" -> "45CT/TW"); page_text lays the words out itself (page_layout.h).
    std::vector<PdfWord> words = pdf::page_words(*page, false);
    // The fonts' names say how to read legacy text; the scan costs a tenth of the page's time, so
    // it is made only when the text may need it (or --encoding asks).
    PageFonts fonts;
    if (options.forced || pdf::may_be_legacy(words)) {
      fonts = pdf::classify_fonts(pdf::page_font_names(doc, index));
    }
    if (!fonts.one_hint && fonts.any_legacy && !options.forced) {
      words = pdf::page_words(*page, true);  // a second text pass, only for mixed pages
    }
    const std::optional<FontHint> page_hint =
        fonts.any_legacy ? fonts.hint : std::optional<FontHint>();
    pdf::PageText text = pdf::page_text(words, page_hint, options.forced);
    if (has_text(text.text)) {
      for (const auto& [encoding, lines] : text.converted_lines) converted_lines[encoding] += lines;
      return std::move(text.text);
    }
    if (options.ocr == nullptr || !*options.ocr) {
      ++out.pages_without_text;
      return "";
    }
    std::optional<std::string> recognised;
    if (std::optional<GreyImage> image = pdf::render_grey(*page)) {
      try {
        recognised = (*options.ocr)(*image);
      } catch (const std::exception&) {
        recognised.reset();
      }
    }
    if (!recognised) ++ocr_failed;
    std::string ocr_text = recognised ? pdf::tidy_text(*recognised) : "";
    if (has_text(ocr_text)) {
      ++out.ocr_pages;
    } else {
      ++out.pages_without_text;
    }
    return ocr_text;
  }

  void summarise() {
    for (const auto& [encoding, lines] : converted_lines) {
      out.conversions.push_back(display_name(encoding) + ": " + std::to_string(lines) +
                                (lines == 1 ? " line" : " lines"));
    }
    if (unreadable > 0) {
      out.warnings.push_back(std::to_string(unreadable) +
                             " page(s) could not be read (first: page " +
                             std::to_string(first_unreadable) + ")");
    }
    if (ocr_failed > 0) {
      out.warnings.push_back("OCR failed on " + std::to_string(ocr_failed) + " page(s)");
    }
  }
};

ReadResult read_document(const std::string& path, const ReadLimits& limits,
                         const PdfOptions& options) {
  const Clock::time_point start = Clock::now();
  pdf::PopplerMessages messages;
  pdf::OpenedDocument opened = pdf::open_document(path, messages);
  if (!opened.doc) return {std::nullopt, opened.error};
  const poppler::document& doc = *opened.doc;

  ExtractedText out;
  out.format = "pdf";
  out.converter = "poppler";
  out.properties = pdf::read_properties(doc, options.forced);
  const int page_count = std::max(doc.pages(), 0);
  out.pages = static_cast<size_t>(page_count);
  const size_t to_read = std::min(out.pages, limits.max_pages);
  const std::string of_pages = " of " + std::to_string(out.pages) + " pages";
  if (to_read < out.pages) {
    out.warnings.push_back("only the first " + std::to_string(to_read) + of_pages + " were read");
  }

  PageLoop loop{options, out, {}};
  for (size_t i = 0; i < to_read; ++i) {
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    if (i > 0 && elapsed >= limits.time_limit) {
      const std::string why = "time limit of " + seconds(limits.time_limit) + " reached after " +
                              std::to_string(i) + of_pages;
      if (!has_text(out.text)) return {std::nullopt, why + ", before any text"};
      out.warnings.push_back(why + "; the rest was left out");
      break;
    }
    const std::string page = loop.read(doc, static_cast<int>(i));
    if (!append_page(out.text, i, page, limits.max_text_bytes)) {
      out.warnings.push_back("text limit of " + std::to_string(limits.max_text_bytes) +
                             " bytes reached on page " + std::to_string(i + 1) + of_pages +
                             "; the rest was left out");
      break;
    }
  }
  loop.summarise();
  return {std::move(out), ""};
}

}  // namespace

ReadResult read_pdf(const std::string& path, const ReadLimits& limits, const PdfOptions& options) {
  try {
    return read_document(path, limits, options);
  } catch (const std::exception& e) {  // out of memory on a huge page, mostly
    return {std::nullopt, std::string("cannot read PDF: ") + e.what()};
  }
}

}  // namespace vankho::formats
