#include "image_pages.h"

#include <leptonica/allheaders.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>

namespace vankho::formats::ocr_internal {
namespace {

struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// Leptonica reports every unreadable file on stderr; the reader says it in its result instead.
// LEPT_MSG_SEVERITY, when set, still wins.
void quiet_leptonica() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (std::getenv("LEPT_MSG_SEVERITY") == nullptr) setMsgSeverity(L_SEVERITY_NONE);
  });
}

std::string describe_size(long long width, long long height) {
  return std::to_string(width) + "x" + std::to_string(height) + " pixels";
}

// The page as 8-bit grey: colour maps and colour to luminance, transparency over white.
std::optional<GreyImage> to_grey(PIX* pix) {
  PixPtr flat;
  if (pixGetDepth(pix) == 32 && pixGetSpp(pix) == 4) {
    flat.reset(pixAlphaBlendUniform(pix, 0xffffff00));
    if (!flat) return std::nullopt;
    pix = flat.get();
  }
  const PixPtr grey(pixConvertTo8(pix, 0));
  if (!grey || pixGetDepth(grey.get()) != 8) return std::nullopt;
  GreyImage image;
  image.width = pixGetWidth(grey.get());
  image.height = pixGetHeight(grey.get());
  image.stride = image.width;
  image.pixels.resize(static_cast<size_t>(image.width) * static_cast<size_t>(image.height));
  const l_uint32* data = pixGetData(grey.get());
  const int words_per_line = pixGetWpl(grey.get());
  for (int y = 0; y < image.height; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * static_cast<size_t>(words_per_line);
    uint8_t* out = image.pixels.data() + static_cast<size_t>(y) * static_cast<size_t>(image.width);
    for (int x = 0; x < image.width; ++x) out[x] = static_cast<uint8_t>(GET_DATA_BYTE(line, x));
  }
  return image;
}

}  // namespace

ImageFile probe_image(const std::string& path) {
  quiet_leptonica();
  ImageFile file;
  file.path = path;
  FILE* stream = std::fopen(path.c_str(), "rb");
  if (stream == nullptr) {
    file.error = "not a readable image (the file cannot be opened)";
    return file;
  }
  l_int32 format = IFF_UNKNOWN;
  if (findFileFormatStream(stream, &format) != 0 || format == IFF_UNKNOWN || format == IFF_PS ||
      format == IFF_LPDF || format == IFF_SPIX) {
    std::fclose(stream);
    file.error = "not a readable image (not PNG, JPEG or TIFF)";
    return file;
  }
  file.format = format;
  file.pages = 1;
  if (L_FORMAT_IS_TIFF(format)) {
    l_int32 count = 0;
    rewind(stream);
    if (tiffGetCount(stream, &count) != 0 || count <= 0) {
      file.error = "not a readable image (a TIFF file without readable pages)";
    }
    file.pages = count > 0 ? static_cast<size_t>(count) : 0;
  }
  std::fclose(stream);
  return file;
}

DecodedPage decode_page(const ImageFile& file, size_t index) {
  quiet_leptonica();
  DecodedPage page;
  const bool tiff = L_FORMAT_IS_TIFF(file.format);
  const auto n = static_cast<l_int32>(index);
  l_int32 width = 0, height = 0, bps = 0, spp = 0, resolution = 0, cmap = 0, format = 0;
  const bool header_ok =
      tiff ? readHeaderTiff(file.path.c_str(), n, &width, &height, &bps, &spp, &resolution, &cmap,
                            &format) == 0
           : pixReadHeader(file.path.c_str(), &format, &width, &height, &bps, &spp, &cmap) == 0;
  if (!header_ok || width <= 0 || height <= 0) {
    page.error = "not a readable image (bad header)";
    return page;
  }
  if (width > kMaxPageSide || height > kMaxPageSide ||
      static_cast<long long>(width) * height > kMaxPagePixels) {
    page.too_large = true;
    page.error = "image too large (" + describe_size(width, height) +
                 "; the limit is 100 megapixels a page, " + std::to_string(kMaxPageSide) +
                 " pixels a side)";
    return page;
  }
  const PixPtr pix(tiff ? pixReadTiff(file.path.c_str(), n) : pixRead(file.path.c_str()));
  if (!pix) {
    page.error = "not a readable image (the pixels cannot be decoded)";
    return page;
  }
  page.image = to_grey(pix.get());
  if (!page.image) {
    page.error = "not a readable image (unsupported pixel format, " +
                 std::to_string(pixGetDepth(pix.get())) + " bits a pixel)";
    return page;
  }
  page.dpi = pixGetXRes(pix.get());
  return page;
}

}  // namespace vankho::formats::ocr_internal
