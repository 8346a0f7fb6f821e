// Internal to ocr/: the pages of an image file (PNG, JPEG, TIFF, and whatever else leptonica
// reads), sized from their headers before anything is decoded, then decoded one at a time into
// 8-bit grey page images for Tesseract.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "extracted.h"

namespace vankho::formats::ocr_internal {

inline constexpr int kMaxPageSide = 30000;
inline constexpr long long kMaxPagePixels = 10000LL * 10000LL;

struct ImageFile {
  std::string path;
  int format = 0;     // leptonica's IFF_* code
  size_t pages = 0;   // TIFF: its pages; other formats: 1
  std::string error;  // when the file cannot be read at all: "not a readable image (...)"
};

// Opens nothing for long: finds the format from the content and counts the pages.
[[nodiscard]] ImageFile probe_image(const std::string& path);

struct DecodedPage {
  std::optional<GreyImage> image;
  int dpi = 0;  // from the file, 0 when it does not say
  bool too_large = false;
  std::string error;  // when !image: "image too large (...)", "not a readable image (...)"
};

// Page `index` (0-based) of a probed file. A page over kMaxPagePixels or kMaxPageSide is refused
// from its header, before it is decoded.
[[nodiscard]] DecodedPage decode_page(const ImageFile& file, size_t index);

}  // namespace vankho::formats::ocr_internal
