// A PDF page rendered for OCR: 8-bit grey at a given resolution (300 dpi for recognition).
#pragma once

#include <poppler-page.h>

#include <optional>

#include "extracted.h"

namespace vankho::formats::pdf {

inline constexpr double kOcrDpi = 300.0;

// The page as poppler draws it (anti-aliased, white paper, the page's own rotation applied);
// nullopt when poppler cannot render it.
[[nodiscard]] std::optional<GreyImage> render_grey(const poppler::page& page, double dpi = kOcrDpi);

}  // namespace vankho::formats::pdf
