#include "rtf_reader.h"

#include <gtest/gtest.h>

#include <random>

#include "converters_test_util.h"
#include "utf8.h"

namespace vankho::formats {
namespace {

using namespace std::chrono_literals;

class RtfReader : public ::testing::Test {
 protected:
  ReadResult read(const std::string& rtf, const ReadLimits& limits = {}) {
    return read_rtf(dir_.write("file" + std::to_string(++files_) + ".rtf", rtf), limits);
  }
  // The text of a document in Word's usual frame (Vietnamese code page, a fcharset163 font).
  std::string text(const std::string& body) {
    const ReadResult r = read(
        "{\\rtf1\\ansi\\ansicpg1258\\deff0{\\fonttbl{\\f0\\froman\\fcharset163 Times New "
        "Roman;}}\n" +
        body + "}");
    EXPECT_TRUE(r.doc) << r.error;
    return r.doc ? r.doc->text : "";
  }

  testing::ScratchDir dir_;
  int files_ = 0;
};

TEST_F(RtfReader, VietnameseUnicodeEscapes) {
  // unrtf 0.21 gives "Trang m&#7897;" for the first (the rest of the word is lost) and loses the
  // "Đ" that opens the paragraph in the second.
  EXPECT_EQ(text(R"(\pard Trang m\u7897?t.\par)"), "Trang một.");
  EXPECT_EQ(text(R"(\pard \u272?i\u7873?u 1. Ngh\u7883? quy\u7871?t \u272?\u7843?ng \u7911?y\par)"),
            "Điều 1. Nghị quyết Đảng ủy");
  // Word's own form: the fallback as a \'hh escape.
  EXPECT_EQ(text(R"(\pard Ngh\u7883\'3f quy\u7871\'3ft\par)"), "Nghị quyết");
  // \ucN: N fallback characters; a group ends the skipping.
  EXPECT_EQ(text(R"(\pard\uc2 Ngh\u7883??a\uc0 {\u7883}b\par)"), "Nghịaịb");
  EXPECT_EQ(text(R"(\pard \u-10179?\u-8694?\par)"), "\xF0\x9F\x98\x8A");  // U+1F60A, a pair
}

TEST_F(RtfReader, Cp1258BytesKeepSpacesAndComposeToneMarks) {
  // unrtf 0.21 drops the spaces and the punctuation of every \ansicpg1258 document.
  EXPECT_EQ(text(R"(\pard Hello world. Second, sentence!\par)"), "Hello world. Second, sentence!");
  // \'d0 Đ, a + \'d2 (combining hook) = ả, o + \'cc (combining grave) = ò, \'e0 à, \'fd ư, \'f5 ơ.
  EXPECT_EQ(text(R"(\pard \'d0a\'d2ng \'f0o\'e0n, ho\'cca bi\'ccnh, \'fd\'f5c.\par)"),
            "Đảng đoàn, hòa bình, ươc.");
}

TEST_F(RtfReader, RunsAsWordWritesThem) {
  // A run opening with a \uN (unrtf 0.21 loses the "Đ"), and cp1258 bytes in a fcharset163 font.
  EXPECT_EQ(text(R"(\pard\plain \ltrpar\ql {\rtlch\fcs1 \af0 \ltrch\fcs0 \insrsid123 \u272\'44i)"
                 R"(\u7873\'3fu 1. Ngh\u7883\'3f quy\u7871\'3ft}{\rtlch\insrsid123 \par })"),
            "Điều 1. Nghị quyết");
  EXPECT_EQ(text(R"(\pard\plain {\insrsid9 \'d0i\'ea\'ccu 1. Nghi\'f2 quy\'ea\'ect cu\'d2a Ban, )"
                 R"(v\'e0 ta.}{\insrsid9 \par })"),
            "Điều 1. Nghị quyết của Ban, và ta.");
}

TEST_F(RtfReader, FontCharsetChoosesTheCodePage) {
  const ReadResult r = read(
      "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}{\\f1\\fcharset163 Arial;}"
      "{\\f2\\fcharset128 MS Mincho;}}\\pard caf\\'e9 {\\f1 \\'d0i\\'ecnh} {\\f2 "
      "\\'82\\'a0}\\par}");
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_EQ(r.doc->text, "café Đính あ");
}

TEST_F(RtfReader, PageBreaks) {
  EXPECT_EQ(text(R"(\pard One\par\page\pard Two\par)"), "One\fTwo");
  EXPECT_EQ(text(R"(\pard One\par\pard\pagebb Two\par\pard Three\par)"), "One\fTwo\nThree");
  EXPECT_EQ(text(R"(\sectd\pard One\par\sect\sectd\pard Two\par)"), "One\fTwo");
  EXPECT_EQ(text(R"(\sectd\pard One\par\sect\sectd\sbknone\pard Two\par)"), "One\nTwo");
  EXPECT_EQ(text(R"(\pard\pagebb One\par\page\page)"), "One");  // never first or last
}

TEST_F(RtfReader, TablesParagraphsAndEscapes) {
  EXPECT_EQ(
      text(R"(\trowd\cellx1000\cellx2000\pard\intbl S\'f4\cell Ng\'e0y\cell\row\pard After\par)"),
      "Sô\tNgày\nAfter");
  EXPECT_EQ(
      text(R"(\pard a\line b\tab c \{x\} \\ 13\_NQ/TW\~x\-y\emdash\ldblquote q\rdblquote\par)"),
      "a\nb\tc {x} \\ 13-NQ/TW\xC2\xA0xy\xE2\x80\x94\xE2\x80\x9Cq\xE2\x80\x9D");
}

TEST_F(RtfReader, LeavesOutWhatIsNotText) {
  const std::string body =
      R"({\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}{\*\generator Writer;})"
      R"({\header \pard Header text\par}{\footer \pard 1\par})"
      R"(\pard Start {\pict\pngblip 89504e47}{\*\shppict{\pict 00ff}}middle )"
      R"({\field{\*\fldinst HYPERLINK "http://x"}{\fldrslt link}} )"
      "{\\object\\objemb{\\*\\objdata 0102}{\\result shown}} "
      "bin{\\bin5 }}{{x} end\\par";
  EXPECT_EQ(text(body), "Start middle link shown bin end");
}

TEST_F(RtfReader, FootnotesFollowTheBody) {
  EXPECT_EQ(
      text(
          R"(\pard Body{\super\chftn}{\footnote\pard{\super\chftn} Ch\'fa th\'edch.\par} goes on.\par)"),
      "Body goes on.\n\nChú thích.");
}

TEST_F(RtfReader, InfoGivesProperties) {
  const ReadResult r = read(
      R"({\rtf1\ansi\ansicpg1258{\info{\title Ngh\u7883? quy\u7871?t  s\u7889?
 13}{\author Ban Ch\'e2p h\'e0nh}{\creatim\yr2022\mo4\dy2\hr10\min5}{\revtim\yr2023\mo11\dy30})"
      R"({\subject ignored}}\pard Text\par})");
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_EQ(r.doc->properties.title, "Nghị quyết số 13");
  EXPECT_EQ(r.doc->properties.creator, "Ban Châp hành");
  EXPECT_EQ(r.doc->properties.created, "2022-04-02");
  EXPECT_EQ(r.doc->properties.modified, "2023-11-30");
  EXPECT_EQ(r.doc->text, "Text");
  EXPECT_EQ(r.doc->format, "rtf");
  EXPECT_EQ(r.doc->converter, "vankho-rtf");
  EXPECT_EQ(r.doc->markup, Markup::kPlain);
  EXPECT_TRUE(r.doc->warnings.empty());
}

TEST_F(RtfReader, LegacyFontTextIsFlagged) {
  const ReadResult r = read(
      R"({\rtf1\ansi\deff0{\fonttbl{\f0 Times;}{\f1 .VnTime;}}\pard {\f1 Ngh\'de quy\'d5t}\par})");
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_EQ(r.doc->text, "NghÞ quyÕt");  // as cp1252 characters, for the legacy repair
  ASSERT_EQ(r.doc->warnings.size(), 1u);
  EXPECT_NE(r.doc->warnings[0].find(".VnTime"), std::string::npos);
}

TEST_F(RtfReader, NotRtfOrMissingIsAnError) {
  const ReadResult not_rtf = read("plain text, not RTF");
  EXPECT_FALSE(not_rtf.doc);
  EXPECT_NE(not_rtf.error.find("not an RTF file"), std::string::npos);
  const ReadResult missing = read_rtf(dir_.str("missing.rtf"), {});
  EXPECT_FALSE(missing.doc);
  EXPECT_NE(missing.error.find("cannot open"), std::string::npos) << missing.error;
}

std::string many_lines(size_t n) {
  std::string rtf = "{\\rtf1\\ansi ";
  for (size_t i = 0; i < n; ++i) rtf += "\\pard D\\'f2ng " + std::to_string(i) + "\\par\n";
  return rtf + "}";
}

TEST_F(RtfReader, TheTextLimitCutsAtALineWithAWarning) {
  ReadLimits limits;
  limits.max_text_bytes = 1000;
  const ReadResult r = read(many_lines(10000), limits);
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_LE(r.doc->text.size(), 1000u);
  EXPECT_GT(r.doc->text.size(), 900u);
  EXPECT_EQ(r.doc->text.substr(0, 9), "D\xC3\xB2ng 0\nD");
  EXPECT_NE(r.doc->text.back(), '\n');
  ASSERT_FALSE(r.doc->warnings.empty());
  EXPECT_NE(r.doc->warnings[0].find("text limit"), std::string::npos);
}

TEST_F(RtfReader, TheTimeLimitStopsReading) {
  ReadLimits limits;
  limits.time_limit = 0ms;
  const ReadResult r = read(many_lines(200000), limits);
  ASSERT_TRUE(r.doc) << r.error;
  EXPECT_LT(r.doc->text.size(), 200000u);
  ASSERT_FALSE(r.doc->warnings.empty());
  EXPECT_NE(r.doc->warnings[0].find("time limit"), std::string::npos);
}

TEST_F(RtfReader, HostileInputIsReadSafely) {
  EXPECT_EQ(text(std::string(100000, '{') + "deep" + std::string(100000, '}')), "deep");
  const ReadResult cut = read("{\\rtf1 {\\b bold");
  ASSERT_TRUE(cut.doc);
  EXPECT_EQ(cut.doc->text, "bold");
  EXPECT_FALSE(cut.doc->warnings.empty());
  std::mt19937 rng(12345);
  const std::string alphabet = "{}\\'uc0123456789abfpar ?-*\xE1\xBB\x8B\xFF\n";
  for (int round = 0; round < 200; ++round) {
    std::string rtf = "{\\rtf1";
    for (int i = 0; i < 2000; ++i) rtf.push_back(alphabet[rng() % alphabet.size()]);
    const ReadResult r = read(rtf);
    ASSERT_TRUE(r.doc) << r.error;
    EXPECT_TRUE(text::valid_utf8(r.doc->text));
    if (!r.doc->text.empty()) {
      EXPECT_NE(r.doc->text.front(), '\f');
      EXPECT_NE(r.doc->text.back(), '\f');
    }
  }
}

}  // namespace
}  // namespace vankho::formats
