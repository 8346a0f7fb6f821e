// Test support for ocr_test (not part of vankho_ocr): renders Vietnamese text as a 300 dpi page
// with cairo, writes it as PNG or multi-page TIFF, measures character accuracy.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "extracted.h"
#include "temp_dir.h"

namespace vankho::formats::testing {

struct PageLayout {
  int width = 2480;  // A4 at 300 dpi
  int min_height = 3508;
  int margin = 150;
  double font_px = 50.0;  // 12 pt at 300 dpi
  const char* family = "Noto Serif";
};

// Black text on white, words wrapped to the page width, paragraphs split at '\n'.
[[nodiscard]] GreyImage render_page(const std::string& text, const PageLayout& layout = {});
// A white page.
[[nodiscard]] GreyImage blank_page(int width, int height);

void write_png(const GreyImage& image, const std::string& path);
// One page per image, 300 dpi, LZW.
void write_tiff(const std::vector<GreyImage>& pages, const std::string& path);
void write_jpeg(const GreyImage& image, const std::string& path);  // quality 85
// Black text on a transparent background (RGBA), as some scanning tools save.
void write_transparent_png(const std::string& text, const std::string& path,
                           const PageLayout& layout = {});

// 1 - Levenshtein distance over code points / reference length, whitespace runs collapsed to one
// space and trimmed on both sides.
[[nodiscard]] double char_accuracy(const std::string& reference, const std::string& recognised);

// A paragraph of about `chars` code points from a seed document, cut after a whole word.
[[nodiscard]] std::string seed_paragraph(const std::string& starts_with, size_t chars);

using TempFolder = vankho::testing::TempDir;  // tests/support/temp_dir.h

}  // namespace vankho::formats::testing
