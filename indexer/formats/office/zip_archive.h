// A read-only view of one zip file (a .docx or .odt package) over libzip: named entries read into
// memory under the zip-bomb caps of ReadLimits, and the sniffing that tells a zip from an OLE
// compound file (an encrypted Office document). Internal to vankho_office.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "extracted.h"

namespace vankho::formats::office {

enum class EntryStatus {
  kOk,
  kMissing,    // no entry of that name
  kTooLarge,   // declared size over max_entry_bytes, or over what max_inflated_bytes leaves
  kEncrypted,  // zip-level (PKWARE/AES) encryption
  kCorrupt,    // bad data, CRC error, or more bytes than declared
};

struct Entry {
  EntryStatus status = EntryStatus::kOk;
  std::string data;   // the inflated bytes when kOk
  std::string error;  // for a person when not kOk: "word/document.xml: ..."
};

class ZipArchive {
 public:
  // Opens `path` read-only. nullptr and `error` set when it cannot: "not a zip file",
  // "corrupt zip: ...", "encrypted or password-protected document" (OLE with EncryptedPackage).
  [[nodiscard]] static std::unique_ptr<ZipArchive> open(const std::string& path,
                                                        const ReadLimits& limits,
                                                        std::string& error);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  [[nodiscard]] bool contains(const std::string& name) const;
  // Reads one entry whole. Each byte read counts against max_inflated_bytes for this archive.
  [[nodiscard]] Entry read(const std::string& name);
  [[nodiscard]] uint64_t inflated_bytes() const { return inflated_; }

 private:
  ZipArchive(void* zip, const ReadLimits& limits) : zip_(zip), limits_(limits) {}
  void* zip_;  // zip_t*, kept out of this header
  ReadLimits limits_;
  uint64_t inflated_ = 0;
};

}  // namespace vankho::formats::office
