#include "test_page.h"

#include <cairo.h>
#include <leptonica/allheaders.h>
#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vankho::formats::testing {
namespace {

// Lines of `text` that fit in `width` pixels with the context's current font.
std::vector<std::string> wrap(cairo_t* cr, const std::string& text, double width) {
  std::vector<std::string> lines;
  std::istringstream paragraphs(text);
  std::string paragraph;
  while (std::getline(paragraphs, paragraph)) {
    std::istringstream words(paragraph);
    std::string word, line;
    while (words >> word) {
      const std::string longer = line.empty() ? word : line + " " + word;
      cairo_text_extents_t extents;
      cairo_text_extents(cr, longer.c_str(), &extents);
      if (!line.empty() && extents.x_advance > width) {
        lines.push_back(line);
        line = word;
      } else {
        line = longer;
      }
    }
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::u32string code_points(const std::string& utf8) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::u32string out;
  bool space = false;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (u_isUWhiteSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += U' ';
    space = false;
    out += static_cast<char32_t>(c);
  }
  return out;
}

// Black text, wrapped; on white (RGB24) or on nothing (ARGB32). The caller destroys the surface.
cairo_surface_t* draw_page(const std::string& text, const PageLayout& layout,
                           cairo_format_t format) {
  cairo_surface_t* measure = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t* cr = cairo_create(measure);
  cairo_select_font_face(cr, layout.family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, layout.font_px);
  const std::vector<std::string> lines = wrap(cr, text, layout.width - 2.0 * layout.margin);
  cairo_font_extents_t font;
  cairo_font_extents(cr, &font);
  cairo_destroy(cr);
  cairo_surface_destroy(measure);

  const double line_height = font.height * 1.15;
  const int height =
      std::max(layout.min_height, static_cast<int>(2 * layout.margin + lines.size() * line_height));
  cairo_surface_t* surface = cairo_image_surface_create(format, layout.width, height);
  cr = cairo_create(surface);
  if (format == CAIRO_FORMAT_RGB24) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_select_font_face(cr, layout.family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, layout.font_px);
  double y = layout.margin + font.ascent;
  for (const std::string& line : lines) {
    cairo_move_to(cr, layout.margin, y);
    cairo_show_text(cr, line.c_str());
    y += line_height;
  }
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  return surface;
}

PIX* to_pix(const GreyImage& page) {
  PIX* pix = pixCreate(page.width, page.height, 8);
  pixSetResolution(pix, 300, 300);
  for (int y = 0; y < page.height; ++y) {
    for (int x = 0; x < page.width; ++x) {
      pixSetPixel(pix, x, y, page.pixels[static_cast<size_t>(y) * page.stride + x]);
    }
  }
  return pix;
}

}  // namespace

GreyImage render_page(const std::string& text, const PageLayout& layout) {
  cairo_surface_t* surface = draw_page(text, layout, CAIRO_FORMAT_RGB24);
  GreyImage image;
  image.width = cairo_image_surface_get_width(surface);
  image.height = cairo_image_surface_get_height(surface);
  image.stride = image.width;
  image.pixels.resize(static_cast<size_t>(image.width) * image.height);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int row = 0; row < image.height; ++row) {
    const auto* in = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(row) * stride);
    for (int x = 0; x < image.width; ++x) {
      const uint32_t rgb = in[x];
      const uint32_t r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
      image.pixels[static_cast<size_t>(row) * image.width + x] =
          static_cast<uint8_t>((r * 299 + g * 587 + b * 114) / 1000);
    }
  }
  cairo_surface_destroy(surface);
  return image;
}

void write_transparent_png(const std::string& text, const std::string& path,
                           const PageLayout& layout) {
  cairo_surface_t* surface = draw_page(text, layout, CAIRO_FORMAT_ARGB32);
  const cairo_status_t status = cairo_surface_write_to_png(surface, path.c_str());
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cannot write " + path);
}

GreyImage blank_page(int width, int height) {
  GreyImage image;
  image.width = width;
  image.height = height;
  image.stride = width;
  image.pixels.assign(static_cast<size_t>(width) * height, 255);
  return image;
}

void write_png(const GreyImage& image, const std::string& path) {
  cairo_surface_t* surface =
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height);
  cairo_surface_flush(surface);
  unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int row = 0; row < image.height; ++row) {
    auto* out = reinterpret_cast<uint32_t*>(data + static_cast<size_t>(row) * stride);
    for (int x = 0; x < image.width; ++x) {
      const uint32_t v = image.pixels[static_cast<size_t>(row) * image.stride + x];
      out[x] = (v << 16) | (v << 8) | v;
    }
  }
  cairo_surface_mark_dirty(surface);
  const cairo_status_t status = cairo_surface_write_to_png(surface, path.c_str());
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cannot write " + path);
}

void write_tiff(const std::vector<GreyImage>& pages, const std::string& path) {
  for (size_t i = 0; i < pages.size(); ++i) {
    PIX* pix = to_pix(pages[i]);
    const l_int32 failed = pixWriteTiff(path.c_str(), pix, IFF_TIFF_LZW, i == 0 ? "w" : "a");
    pixDestroy(&pix);
    if (failed != 0) throw std::runtime_error("cannot write " + path);
  }
}

void write_jpeg(const GreyImage& image, const std::string& path) {
  PIX* pix = to_pix(image);
  const l_int32 failed = pixWriteJpeg(path.c_str(), pix, 85, 0);
  pixDestroy(&pix);
  if (failed != 0) throw std::runtime_error("cannot write " + path);
}

double char_accuracy(const std::string& reference, const std::string& recognised) {
  const std::u32string a = code_points(reference), b = code_points(recognised);
  if (a.empty()) return b.empty() ? 1.0 : 0.0;
  std::vector<size_t> previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
    }
    std::swap(previous, current);
  }
  return 1.0 - static_cast<double>(previous[b.size()]) / static_cast<double>(a.size());
}

std::string seed_paragraph(const std::string& starts_with, size_t chars) {
  const std::string path = std::string(VANKHO_SOURCE_DIR) + "/seeds/000_b0635ad2fd7fc13e.txt";
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(starts_with, 0) != 0) continue;
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(line);
    int32_t end = text.moveIndex32(0, static_cast<int32_t>(chars));
    while (end < text.length() && !u_isUWhiteSpace(text.char32At(end))) ++end;
    std::string out;
    text.tempSubString(0, end).toUTF8String(out);
    return out;
  }
  throw std::runtime_error("no line starting with \"" + starts_with + "\" in " + path);
}


}  // namespace vankho::formats::testing
