#include "zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace vankho::formats::office {
namespace {

constexpr unsigned char kOleMagic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

zip_t* as_zip(void* p) { return static_cast<zip_t*>(p); }

std::string zip_error_text(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

// True when `bytes` holds the UTF-16LE stream name an encrypted OOXML package (ECMA-376 part 2 /
// MS-OFFCRYPTO) keeps in its OLE directory.
bool names_encrypted_package(std::string_view bytes) {
  static const std::string kName = [] {
    std::string s;
    for (char c : std::string_view("EncryptedPackage")) s += {c, '\0'};
    return s;
  }();
  return bytes.find(kName) != std::string_view::npos;
}

// The OLE directory sits anywhere in the file (Office writes it after the package stream): look
// at the whole of a small file, else at its first and last 2 MB.
bool ole_is_encrypted_package(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  in.seekg(0, std::ios::end);
  const auto size = static_cast<uint64_t>(std::max<std::streamoff>(in.tellg(), 0));
  constexpr uint64_t kWindow = 2u << 20;
  auto window = [&](uint64_t from, uint64_t length) {
    std::string buffer(length, '\0');
    in.seekg(static_cast<std::streamoff>(from));
    in.read(buffer.data(), static_cast<std::streamsize>(length));
    buffer.resize(static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    in.clear();
    return buffer;
  };
  if (size <= 2 * kWindow) return names_encrypted_package(window(0, size));
  return names_encrypted_package(window(0, kWindow)) ||
         names_encrypted_package(window(size - kWindow, kWindow));
}

// What the first bytes of a file say it is.
enum class FileKind { kZip, kOle, kOther, kUnreadable };

FileKind sniff(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return FileKind::kUnreadable;
  unsigned char head[8] = {};
  in.read(reinterpret_cast<char*>(head), sizeof head);
  const auto got = in.gcount();
  if (got == 8 && std::memcmp(head, kOleMagic, 8) == 0) return FileKind::kOle;
  if (got >= 4 && head[0] == 'P' && head[1] == 'K') return FileKind::kZip;
  return FileKind::kOther;
}

}  // namespace

std::unique_ptr<ZipArchive> ZipArchive::open(const std::string& path, const ReadLimits& limits,
                                             std::string& error) {
  const FileKind kind = sniff(path);
  if (kind == FileKind::kUnreadable) {
    error = "cannot open the file: " + std::string(std::strerror(errno));
    return nullptr;
  }
  if (kind == FileKind::kOle) {
    error = ole_is_encrypted_package(path)
                ? "encrypted or password-protected document"
                : "an OLE compound file (a Word 97-2003 .doc?), not a zip package";
    return nullptr;
  }
  int code = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (zip == nullptr) {
    if (code == ZIP_ER_NOZIP && kind == FileKind::kOther) {
      error = "not a zip file (a .docx or .odt is a zip package)";
    } else if (code == ZIP_ER_NOZIP) {
      error = "corrupt zip: no central directory (truncated?)";
    } else if (code == ZIP_ER_OPEN || code == ZIP_ER_READ) {
      error = "cannot read the file: " + zip_error_text(code);
    } else {
      error = "corrupt zip: " + zip_error_text(code);
    }
    return nullptr;
  }
  return std::unique_ptr<ZipArchive>(new ZipArchive(zip, limits));
}

ZipArchive::~ZipArchive() { zip_discard(as_zip(zip_)); }

bool ZipArchive::contains(const std::string& name) const {
  return zip_name_locate(as_zip(zip_), name.c_str(), 0) >= 0;
}

Entry ZipArchive::read(const std::string& name) {
  Entry entry;
  auto fail = [&](EntryStatus status, std::string why) {
    entry.status = status;
    entry.error = status == EntryStatus::kCorrupt ? "corrupt zip: " + name + ": " + why
                  : status == EntryStatus::kEncrypted
                      ? "encrypted or password-protected document (" + name + " is encrypted)"
                      : name + ": " + why;
    entry.data.clear();
    entry.data.shrink_to_fit();
    return std::move(entry);
  };
  zip_t* zip = as_zip(zip_);
  const zip_int64_t index = zip_name_locate(zip, name.c_str(), 0);
  if (index < 0) return fail(EntryStatus::kMissing, "no such entry");
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    return fail(EntryStatus::kCorrupt, zip_strerror(zip));
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    return fail(EntryStatus::kEncrypted, "encrypted zip entry");
  }
  const uint64_t declared = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
  const uint64_t budget_left =
      limits_.max_inflated_bytes > inflated_ ? limits_.max_inflated_bytes - inflated_ : 0;
  if (declared > limits_.max_entry_bytes) {
    return fail(EntryStatus::kTooLarge,
                "inflates to " + std::to_string(declared) + " bytes, over the limit of " +
                    std::to_string(limits_.max_entry_bytes) + " for one entry (zip bomb?)");
  }
  if (declared > budget_left) {
    return fail(EntryStatus::kTooLarge, "would take the file past its limit of " +
                                            std::to_string(limits_.max_inflated_bytes) +
                                            " inflated bytes (zip bomb?)");
  }
  zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    const int code = zip_error_code_zip(zip_get_error(zip));
    if (code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_NOPASSWD) {
      return fail(EntryStatus::kEncrypted, "encrypted zip entry");
    }
    return fail(EntryStatus::kCorrupt, zip_strerror(zip));
  }
  // Declared sizes lie in crafted files: read at most one byte past the declared size (a longer
  // entry is corrupt), and never past the caps whatever the header says.
  const uint64_t cap = std::min({declared, limits_.max_entry_bytes, budget_left}) + 1;
  uint64_t have = 0;
  std::string error;
  entry.data.resize(static_cast<size_t>(cap));
  while (have < cap) {
    const zip_int64_t got = zip_fread(file, entry.data.data() + have, cap - have);
    if (got < 0) {
      error = zip_file_strerror(file);
      break;
    }
    if (got == 0) break;
    have += static_cast<uint64_t>(got);
  }
  zip_fclose(file);
  inflated_ += have;
  if (!error.empty()) return fail(EntryStatus::kCorrupt, error);
  if (have > declared) {
    return fail(EntryStatus::kCorrupt,
                "inflates past its declared size of " + std::to_string(declared) + " bytes");
  }
  entry.data.resize(static_cast<size_t>(have));
  return entry;
}

}  // namespace vankho::formats::office
