#include <gtest/gtest.h>

#include <iconv.h>

#include <string>
#include <thread>
#include <vector>

#include "golden.h"
#include "legacy_encoding.h"

namespace vankho::formats {
namespace {

using golden::cp1258_bytes;
using golden::kSentences;
using golden::Lines;
using golden::nfc;
using golden::shown_as_cp1252;
using golden::tcvn3_bytes;
using golden::viqr_text;
using golden::vni_bytes;

// --- Raw bytes ---

TEST(DecodeBytes, Tcvn3File) {
  std::string bytes, expected;
  for (const std::string& s : kSentences) {
    bytes += tcvn3_bytes(s) + "\r\n";
    expected += nfc(s) + "\r\n";
  }
  const DecodedBytes d = decode_legacy_bytes(bytes);
  EXPECT_EQ(d.text, expected);
  EXPECT_EQ(d.lines_by_encoding, (Lines{{Encoding::kTcvn3, kSentences.size()}}));
}

TEST(DecodeBytes, VniAndCp1258Files) {
  for (const Encoding e : {Encoding::kVni, Encoding::kCp1258}) {
    std::string bytes, expected;
    for (const std::string& s : kSentences) {
      bytes += (e == Encoding::kVni ? vni_bytes(s) : cp1258_bytes(s)) + "\n";
      expected += nfc(s) + "\n";
    }
    const DecodedBytes d = decode_legacy_bytes(bytes);
    EXPECT_EQ(d.text, expected) << encoding_name(e);
    EXPECT_EQ(d.lines_by_encoding, (Lines{{e, kSentences.size()}})) << encoding_name(e);
  }
}

TEST(DecodeBytes, UnicodeHeaderThenTcvn3Body) {
  const std::string header = "ĐẢNG BỘ TỈNH QUẢNG NAM — Số 13-NQ/TU";
  std::string bytes = header + "\n\n";
  std::string expected = header + "\n\n";
  for (size_t i = 1; i < kSentences.size(); ++i) {
    bytes += tcvn3_bytes(kSentences[i]) + "\n";
    expected += nfc(kSentences[i]) + "\n";
  }
  bytes += "Trang 1";
  expected += "Trang 1";
  const DecodedBytes d = decode_legacy_bytes(bytes);
  EXPECT_EQ(d.text, expected);
  // The header, the blank line and "Trang 1" are Unicode.
  EXPECT_EQ(d.lines_by_encoding,
            (Lines{{Encoding::kUnicode, 3}, {Encoding::kTcvn3, kSentences.size() - 1}}));
}

TEST(DecodeBytes, EncodingsMixedLineByLine) {
  const std::string bytes = tcvn3_bytes(kSentences[0]) + "\n" + vni_bytes(kSentences[1]) + "\n" +
                            cp1258_bytes(kSentences[2]) + "\n" + viqr_text(kSentences[3]) + "\n";
  const DecodedBytes d = decode_legacy_bytes(bytes);
  EXPECT_EQ(d.text, nfc(kSentences[0]) + "\n" + nfc(kSentences[1]) + "\n" + nfc(kSentences[2]) +
                        "\n" + nfc(kSentences[3]) + "\n");
  EXPECT_EQ(d.lines_by_encoding, (Lines{{Encoding::kTcvn3, 1},
                                        {Encoding::kVni, 1},
                                        {Encoding::kViqr, 1},
                                        {Encoding::kCp1258, 1}}));
}

TEST(DecodeBytes, TiedLinesFollowTheFile) {
  // "§T" (ĐT) alone has no syllable in any reading: it goes with the file's TCVN3.
  const std::string bytes = tcvn3_bytes(kSentences[0]) + "\n\xA7T\n" + tcvn3_bytes(kSentences[1]);
  const DecodedBytes d = decode_legacy_bytes(bytes);
  EXPECT_EQ(d.text, nfc(kSentences[0]) + "\nĐT\n" + nfc(kSentences[1]));
  EXPECT_EQ(d.lines_by_encoding, (Lines{{Encoding::kTcvn3, 3}}));
}

TEST(DecodeBytes, Latin1IsTheLastResort) {
  const DecodedBytes d = decode_legacy_bytes("Caf\xE9 r\xE9sum\xE9 na\xEFve \x93quoted\x94");
  EXPECT_EQ(d.text, "Café résumé naïve “quoted”");
  EXPECT_EQ(d.lines_by_encoding, (Lines{{Encoding::kUnicode, 1}}));
}

TEST(DecodeBytes, Forced) {
  const std::string vni = vni_bytes(kSentences[0]);
  const DecodedBytes d = decode_legacy_bytes(vni + "\nabc", Encoding::kVni);
  EXPECT_EQ(d.text, nfc(kSentences[0]) + "\nabc");
  EXPECT_EQ(d.lines_by_encoding, (Lines{{Encoding::kUnicode, 1}, {Encoding::kVni, 1}}));
  const DecodedBytes u = decode_legacy_bytes(
      "ab\xFF"
      "c",
      Encoding::kUnicode);
  EXPECT_EQ(u.text,
            "ab\xEF\xBF\xBD"
            "c");
}

TEST(Threads, ConcurrentRepairs) {
  const std::string tcvn3 = shown_as_cp1252(tcvn3_bytes(kSentences[0]));
  const std::string vni = shown_as_cp1252(vni_bytes(kSentences[1]));
  const std::string want_tcvn3 = nfc(kSentences[0]), want_vni = nfc(kSentences[1]);
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        if (repair_run(tcvn3).text != want_tcvn3) ++failures[t];
        if (repair_run(vni).text != want_vni) ++failures[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

}  // namespace
}  // namespace vankho::formats

namespace vankho::formats {
namespace {

TEST(DecodeLegacyBytes, CapitalsOfTheFullTcvn3TableAsIconvWritesThem) {
  // glibc's TCVN5712-1 (what iconv writes) puts capitals with tones in the control codes and
  // 0x80..0x9F; a file it wrote reads back whole.
  const std::string sentence = "PHÓ BÍ THƯ THƯỜNG TRỰC Nghị quyết của Tỉnh ủy";
  iconv_t cd = iconv_open("TCVN5712-1", "UTF-8");
  ASSERT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string bytes(sentence.size() * 2, '\0');
  char* in = const_cast<char*>(sentence.data());
  size_t in_left = sentence.size(), out_left = bytes.size();
  char* out = bytes.data();
  ASSERT_NE(iconv(cd, &in, &in_left, &out, &out_left), static_cast<size_t>(-1));
  iconv_close(cd);
  bytes.resize(bytes.size() - out_left);
  const DecodedBytes d = decode_legacy_bytes(bytes);
  EXPECT_EQ(d.text, sentence);
  EXPECT_EQ(decode_legacy_bytes(bytes, Encoding::kTcvn3).text, sentence);
}

}  // namespace
}  // namespace vankho::formats
