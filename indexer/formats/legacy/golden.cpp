#include "golden.h"

#include <gtest/gtest.h>
#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>

extern "C" {
#include <recode.h>
}

namespace vankho::formats::golden {

namespace {

std::string iconv_convert(const char* to, const char* from, std::string_view in) {
  iconv_t cd = iconv_open(to, from);
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1)) << from << " -> " << to;
  std::string out(in.size() * 4 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t left = in.size();
  char* dst = out.data();
  size_t room = out.size();
  const size_t done = iconv(cd, &src, &left, &dst, &room);
  iconv(cd, nullptr, nullptr, &dst, &room);
  iconv_close(cd);
  if (done == static_cast<size_t>(-1)) return {};
  out.resize(out.size() - room);
  return out;
}

}  // namespace

std::string tcvn3_bytes(std::string_view utf8) {
  return iconv_convert("TCVN5712-1", "UTF-8", utf8);
}
std::string cp1258_bytes(std::string_view utf8) { return iconv_convert("CP1258", "UTF-8", utf8); }

namespace {

// librecode requests for the test process, never deleted: recode_delete_request and
// recode_delete_outer leave the step tables unreachable (a leak report under the sanitizers).
std::string recode(const std::string& request, std::string_view in) {
  static std::mutex mutex;
  static std::map<std::string, RECODE_REQUEST>* const requests =
      new std::map<std::string, RECODE_REQUEST>;
  static const RECODE_OUTER outer = recode_new_outer(false);
  const std::lock_guard<std::mutex> lock(mutex);
  RECODE_REQUEST& r = (*requests)[request];
  if (r == nullptr) {
    r = recode_new_request(outer);
    EXPECT_TRUE(recode_scan_request(r, request.c_str()));
  }
  char* out = nullptr;
  size_t length = 0, allocated = 0;
  EXPECT_TRUE(recode_buffer_to_buffer(r, in.data(), in.size(), &out, &length, &allocated));
  std::string result(out, length);
  std::free(out);
  return result;
}

}  // namespace

std::string vni_bytes(std::string_view utf8) { return recode("UTF-8..VNI", utf8); }
std::string viqr_text(std::string_view utf8) { return recode("UTF-8..VIQR", utf8); }

// Bytes as a Word or PDF run shows them: cp1252 characters (its holes as Latin-1 C1 controls).
std::string shown_as_cp1252(std::string_view bytes) {
  std::string out;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.push_back(c);
      continue;
    }
    std::string one = iconv_convert("UTF-8", "CP1252", std::string(1, c));
    if (one.empty()) one = iconv_convert("UTF-8", "ISO-8859-1", std::string(1, c));
    out += one;
  }
  return out;
}

std::string nfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  std::string out;
  n->normalize(icu::UnicodeString::fromUTF8(s), status).toUTF8String(out);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

const std::vector<std::string> kSentences = {
    "Nghị quyết của Ban Chấp hành Trung ương Đảng về tiếp tục đổi mới, hoàn thiện thể chế.",
    "Đảng ủy tỉnh lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị năm 2022 theo Kết luận 28-KL/TU "
    "ngày 09/10/2020.",
    "Thuỷ lợi, khoa học và công nghệ; người dân được hưởng lợi từ chương trình.",
    "Quyết định số 4218-QĐ/TU ngày 02/4/2022 về việc kiện toàn Ban chỉ đạo phòng chống tham nhũng.",
};

}  // namespace vankho::formats::golden
