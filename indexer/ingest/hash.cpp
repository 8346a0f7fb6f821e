#include "hash.h"

#include <bit>
#include <cstring>

#include "ingest.h"

namespace vankho::ingest {
namespace {

constexpr uint64_t kPrime1 = 0x9E3779B185EBCA87ull;
constexpr uint64_t kPrime2 = 0xC2B2AE3D27D4EB4Full;
constexpr uint64_t kPrime3 = 0x165667B19E3779F9ull;

uint64_t round(uint64_t acc, uint64_t word) {
  acc += word * kPrime2;
  acc = std::rotl(acc, 31);
  return acc * kPrime1;
}

uint64_t load_le(const char* p, size_t n) {  // n <= 8; missing bytes are zero
  uint64_t w = 0;
  for (size_t i = 0; i < n; ++i) w |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return w;
}

uint64_t load_le8(const char* p) {
  if constexpr (std::endian::native == std::endian::little) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  } else {
    return load_le(p, 8);
  }
}

}  // namespace

void ContentHasher::add(std::string_view bytes) {
  uint64_t h = round(state_, bytes.size());
  const char* p = bytes.data();
  size_t left = bytes.size();
  for (; left >= 8; p += 8, left -= 8) h = round(h, load_le8(p));
  if (left > 0) h = round(h, load_le(p, left));  // zero padding is unambiguous after the length
  state_ = h;
}

uint64_t ContentHasher::value() const {
  uint64_t h = state_;
  h ^= h >> 33;
  h *= kPrime2;
  h ^= h >> 29;
  h *= kPrime3;
  h ^= h >> 32;
  return h;
}

uint64_t content_hash(const SourceDocument& doc) {
  ContentHasher h;
  h.add(doc.title);
  h.add(doc.text);
  for (const auto& [name, value] : doc.fields) {  // std::map: sorted, so the order is stable
    h.add(name);
    h.add(value);
  }
  // So does the level the archive gives it: a changed rule, sidecar or field re-indexes it.
  // (Documents without one keep the hash they always had.)
  if (doc.access) {
    h.add("access");
    h.add(extract::level_slug(doc.access->level));
    h.add(doc.access->from);
  }
  // How a whole file was read counts too: its pages, properties and OCR are stored with it.
  // (JSONL records have none, and keep the hash they always had.)
  const FileInfo& f = doc.file;
  if (f.format.empty()) return h.value();
  for (const std::string* s : {&f.format, &f.properties.title, &f.properties.creator, &f.properties.created,
                               &f.properties.modified}) {
    h.add(*s);
  }
  h.add(std::to_string(f.ocr_pages) + "/" + std::to_string(f.pages_without_text));
  for (const uint32_t start : doc.page_starts) h.add(std::to_string(start));
  return h.value();
}

}  // namespace vankho::ingest
