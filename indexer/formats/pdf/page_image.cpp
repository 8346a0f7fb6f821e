// Rendering a page to GreyImage with poppler's Splash renderer (see page_image.h).
#include "page_image.h"

#include <poppler-image.h>
#include <poppler-page-renderer.h>

#include <cstdint>
#include <cstring>

namespace vankho::formats::pdf {
namespace {

// 0xAARRGGBB in memory as B, G, R, A (little-endian), composed over white.
uint8_t grey_of_argb(const unsigned char* px) {
  const unsigned b = px[0], g = px[1], r = px[2], a = px[3];
  const unsigned y = (299 * r + 587 * g + 114 * b) / 1000;
  return static_cast<uint8_t>((y * a + 255 * (255 - a)) / 255);
}

}  // namespace

std::optional<GreyImage> render_grey(const poppler::page& page, double dpi) {
  if (!poppler::page_renderer::can_render()) return std::nullopt;
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_paper_color(0xFFFFFFFF);
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image rendered = renderer.render_page(&page, dpi, dpi);
  if (!rendered.is_valid() || rendered.width() <= 0 || rendered.height() <= 0) return std::nullopt;

  GreyImage image;
  image.width = rendered.width();
  image.height = rendered.height();
  image.stride = image.width;
  image.pixels.resize(static_cast<size_t>(image.width) * static_cast<size_t>(image.height));
  const char* data = rendered.const_data();
  for (int y = 0; y < image.height; ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(data) +
                      static_cast<size_t>(y) * static_cast<size_t>(rendered.bytes_per_row());
    uint8_t* out = image.pixels.data() + static_cast<size_t>(y) * static_cast<size_t>(image.stride);
    if (rendered.format() == poppler::image::format_gray8) {
      std::memcpy(out, row, static_cast<size_t>(image.width));
    } else if (rendered.format() == poppler::image::format_argb32) {
      for (int x = 0; x < image.width; ++x) out[x] = grey_of_argb(row + 4 * x);
    } else {
      return std::nullopt;  // not asked for; poppler gives what it was asked
    }
  }
  return image;
}

}  // namespace vankho::formats::pdf
