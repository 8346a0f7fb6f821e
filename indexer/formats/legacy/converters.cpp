#include "converters.h"

#include <iconv.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <cerrno>
#include <cstdio>  // recode.h uses FILE
#include <mutex>
#include <utility>

extern "C" {
#include <recode.h>
}

#include "byte_view.h"
#include "utf8.h"
#include "viqr.h"

namespace vankho::formats::legacy {
namespace {

// The bytes an encoding's converter reads; the others show as their cp1252 characters (control
// codes as themselves). Fonts of these encodings keep Windows punctuation at 0x80..0x9F (“ ” – —
// … in a .VnTime run are punctuation), where glibc's TCVN5712-1 (the full VN1 table) puts capitals
// with tones, as it does in the control codes 0x01..0x17: ABC fonts (VN3, what .VnTime is) have
// none of them. librecode's VNI falls back to VISCII letters for bytes VNI-Windows does not use;
// VNI writes letters and marks only with the bytes below (librecode's own VNI output uses no
// others).
bool converter_reads(Encoding encoding, unsigned char b) {
  if (b >= 0x20 && b < 0x80) return true;
  switch (encoding) {
    case Encoding::kTcvn3:
      return b >= 0xA0 || b == 0 || (b > 0x17 && b < 0x80);
    case Encoding::kVni:
      return b < 0x80 || (b >= 0xC0 && b <= 0xDC && b != 0xC7 && b != 0xD0 && b != 0xD7) ||
             (b >= 0xE0 && b <= 0xFC && b != 0xE7 && b != 0xF0 && b != 0xF7);
    case Encoding::kUnicode:
    case Encoding::kViqr:
    case Encoding::kCp1258:
      return true;
  }
  return true;
}

// One iconv descriptor to UTF-8. Not thread-safe: one per thread.
class IconvDecoder {
 public:
  explicit IconvDecoder(const char* charset) : cd_(iconv_open("UTF-8", charset)) {}
  ~IconvDecoder() {
    if (ok()) iconv_close(cd_);
  }
  IconvDecoder(const IconvDecoder&) = delete;
  IconvDecoder& operator=(const IconvDecoder&) = delete;

  [[nodiscard]] bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }

  void decode(std::string_view in, std::string& out) {
    iconv(cd_, nullptr, nullptr, nullptr, nullptr);  // initial state
    char* src = const_cast<char*>(in.data());        // iconv does not write through it
    size_t left = in.size();
    while (left > 0) {
      char* dst = buf_;
      size_t room = sizeof buf_;
      const size_t done = iconv(cd_, &src, &left, &dst, &room);
      const int error = errno;
      out.append(buf_, static_cast<size_t>(dst - buf_));
      if (done == static_cast<size_t>(-1) && error != E2BIG) {  // a byte the charset lacks
        flush(out);
        text::append_utf8(out, text::kReplacementChar);
        ++src;
        --left;
      }
    }
    flush(out);
  }

 private:
  // glibc's TCVN5712-1 and CP1258 hold a letter back until they see whether a tone follows.
  void flush(std::string& out) {
    char* dst = buf_;
    size_t room = sizeof buf_;
    iconv(cd_, nullptr, nullptr, &dst, &room);
    out.append(buf_, static_cast<size_t>(dst - buf_));
  }

  iconv_t cd_;
  char buf_[4096];
};

struct ThreadIconv {
  IconvDecoder tcvn3{"TCVN5712-1"};
  IconvDecoder cp1258{"CP1258"};
};

ThreadIconv& thread_iconv() {
  thread_local ThreadIconv converters;
  return converters;
}

// librecode's VNI step, built once (about 2 ms) and used under a mutex. Never destroyed: it lives
// as long as the process, and recode_delete_outer leaves librecode's step tables unreachable (a
// leak report under the sanitizers; librecode also loses ~150 bytes once while it scans the
// request, which every binary of a VANKHO_SANITIZE build suppresses: lsan_suppressions.cpp).
class Recoder {
 public:
  Recoder() : outer_(recode_new_outer(false)) {
    if (outer_ == nullptr) return;
    vni_ = recode_new_request(outer_);
    if (vni_ != nullptr && !recode_scan_request(vni_, "VNI..UTF-8")) vni_ = nullptr;
  }
  Recoder(const Recoder&) = delete;
  Recoder& operator=(const Recoder&) = delete;

  // False when the request could not be built or failed.
  bool decode_vni(std::string_view in, std::string& out) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (vni_ == nullptr) return false;
    if (in.empty()) return true;
    size_t length = 0;
    if (!recode_buffer_to_buffer(vni_, in.data(), in.size(), &buf_, &length, &allocated_)) {
      return false;
    }
    out.append(buf_, length);
    return true;
  }

 private:
  std::mutex mutex_;
  RECODE_OUTER outer_ = nullptr;
  RECODE_REQUEST vni_ = nullptr;
  char* buf_ = nullptr;  // librecode's output buffer (malloc'd by it), reused
  size_t allocated_ = 0;
};

Recoder& recoder() {
  static Recoder* const instance = new Recoder;  // built on first use, thread-safe; never freed
  return *instance;
}

std::string utf8_or_replacement(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t pos = 0; pos < bytes.size();) {
    const text::CodePoint cp = text::next_code_point(bytes, pos);
    if (cp.value == text::kReplacementChar) {
      text::append_utf8(out, text::kReplacementChar);
    } else {
      out.append(bytes.substr(pos, cp.length));
    }
    pos += cp.length;
  }
  return out;
}

}  // namespace

std::optional<std::string> decode_tcvn3_vn1(std::string_view bytes) {
  IconvDecoder& decoder = thread_iconv().tcvn3;
  if (!decoder.ok()) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  decoder.decode(bytes, out);
  return to_nfc(std::move(out));
}

std::optional<std::string> decode_with(Encoding encoding, std::string_view bytes) {
  if (encoding == Encoding::kUnicode) return utf8_or_replacement(bytes);
  if (encoding == Encoding::kViqr) return to_nfc(decode_viqr(utf8_or_replacement(bytes)));
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  IconvDecoder* decoder = nullptr;
  if (encoding == Encoding::kTcvn3) decoder = &thread_iconv().tcvn3;
  if (encoding == Encoding::kCp1258) decoder = &thread_iconv().cp1258;
  if (decoder != nullptr && !decoder->ok()) return std::nullopt;
  // Stretches the converter reads, and single bytes shown as cp1252 between them.
  for (size_t start = 0; start < bytes.size();) {
    size_t end = start;
    while (end < bytes.size() &&
           converter_reads(encoding, static_cast<unsigned char>(bytes[end]))) {
      ++end;
    }
    if (end == start) {
      out += cp1252_to_utf8(bytes.substr(start, 1));
      ++start;
      continue;
    }
    const std::string_view stretch = bytes.substr(start, end - start);
    if (decoder != nullptr) {
      decoder->decode(stretch, out);
    } else if (!recoder().decode_vni(stretch, out)) {
      return std::nullopt;
    }
    start = end;
  }
  if (decoder == nullptr && !text::valid_utf8(out)) return std::nullopt;
  return to_nfc(std::move(out));
}

std::string to_nfc(std::string text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc->isNormalizedUTF8(text, status) || U_FAILURE(status)) return text;
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, text, sink, nullptr, status);
  return U_SUCCESS(status) ? out : text;
}

}  // namespace vankho::formats::legacy
