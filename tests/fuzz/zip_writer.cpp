#include "zip_writer.h"

#include <zlib.h>

#include <cstdint>

namespace vankho::fuzz {
namespace {

void put16(std::string& out, uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}

void put32(std::string& out, uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

// The fields a local header and a central directory record share, from "version needed" on.
void common_fields(std::string& out, const std::string& name, std::string_view data, uint32_t crc) {
  put16(out, 20);  // version needed: 2.0
  put16(out, 0);   // flags
  put16(out, 0);   // method: stored
  put16(out, 0);   // time
  put16(out, 0x21);  // date: 1980-01-01
  put32(out, crc);
  put32(out, static_cast<uint32_t>(data.size()));  // compressed size
  put32(out, static_cast<uint32_t>(data.size()));  // size
  put16(out, static_cast<uint32_t>(name.size()));
  put16(out, 0);  // extra field length
}

}  // namespace

std::string stored_zip(const std::vector<std::pair<std::string, std::string_view>>& entries) {
  std::string out, directory;
  for (const auto& [name, data] : entries) {
    const auto crc = static_cast<uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    const auto offset = static_cast<uint32_t>(out.size());
    put32(out, 0x04034b50);
    common_fields(out, name, data, crc);
    out += name;
    out += data;
    put32(directory, 0x02014b50);
    put16(directory, 20);  // version made by
    common_fields(directory, name, data, crc);
    put16(directory, 0);  // comment length
    put16(directory, 0);  // disk
    put16(directory, 0);  // internal attributes
    put32(directory, 0);  // external attributes
    put32(directory, offset);
    directory += name;
  }
  const auto directory_offset = static_cast<uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<uint32_t>(entries.size()));
  put16(out, static_cast<uint32_t>(entries.size()));
  put32(out, static_cast<uint32_t>(directory.size()));
  put32(out, directory_offset);
  put16(out, 0);  // comment length
  return out;
}

}  // namespace vankho::fuzz
