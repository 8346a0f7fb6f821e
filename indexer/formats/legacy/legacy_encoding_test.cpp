#include "legacy_encoding.h"

#include <gtest/gtest.h>

#include <string>

#include "golden.h"

namespace vankho::formats {
namespace {

using golden::cp1258_bytes;
using golden::kSentences;
using golden::nfc;
using golden::shown_as_cp1252;
using golden::tcvn3_bytes;
using golden::viqr_text;
using golden::vni_bytes;

// --- Names and hints ---

TEST(EncodingNames, NamesAndParsing) {
  EXPECT_EQ(encoding_name(Encoding::kUnicode), "unicode");
  EXPECT_EQ(encoding_name(Encoding::kTcvn3), "tcvn3");
  EXPECT_EQ(encoding_name(Encoding::kVni), "vni");
  EXPECT_EQ(encoding_name(Encoding::kViqr), "viqr");
  EXPECT_EQ(encoding_name(Encoding::kCp1258), "cp1258");
  for (Encoding e :
       {Encoding::kUnicode, Encoding::kTcvn3, Encoding::kVni, Encoding::kViqr, Encoding::kCp1258}) {
    EXPECT_EQ(parse_encoding(encoding_name(e)), e);
  }
  EXPECT_EQ(parse_encoding("TCVN3"), Encoding::kTcvn3);
  EXPECT_EQ(parse_encoding("abc"), Encoding::kTcvn3);
  EXPECT_EQ(parse_encoding("ABC"), Encoding::kTcvn3);
  EXPECT_EQ(parse_encoding("tcvn"), Encoding::kTcvn3);
  EXPECT_EQ(parse_encoding("TCVN5712"), Encoding::kTcvn3);
  EXPECT_EQ(parse_encoding("Windows-1258"), Encoding::kCp1258);
  EXPECT_EQ(parse_encoding(" CP1258 "), Encoding::kCp1258);
  EXPECT_EQ(parse_encoding("UTF-8"), Encoding::kUnicode);
  EXPECT_EQ(parse_encoding("Unicode"), Encoding::kUnicode);
  EXPECT_EQ(parse_encoding("VNI"), Encoding::kVni);
  EXPECT_EQ(parse_encoding("VIQR"), Encoding::kViqr);
  EXPECT_EQ(parse_encoding("latin1"), std::nullopt);
  EXPECT_EQ(parse_encoding(""), std::nullopt);
  EXPECT_EQ(parse_encoding("tcvn33"), std::nullopt);
}

TEST(FontHint, LegacyFontsAndPdfSubsetNames) {
  const auto tcvn3 = [](std::string_view name, bool upper) {
    const std::optional<FontHint> h = font_hint(name);
    ASSERT_TRUE(h) << name;
    EXPECT_EQ(h->encoding, Encoding::kTcvn3) << name;
    EXPECT_EQ(h->upper_case, upper) << name;
  };
  tcvn3(".VnTime", false);
  tcvn3(".VnTimeH", true);
  tcvn3(".VnArial", false);
  tcvn3(".VnArialH", true);
  tcvn3(".VnArial NarrowH", true);
  tcvn3("VnTime", false);
  tcvn3("ABCDEF+.VnTime", false);
  tcvn3("ABCDEF+.VnTimeH,Bold", true);
  tcvn3("ABCDEF+.VnTime-Bold", false);
  tcvn3("_VnTimeH", true);
  for (std::string_view vni : {"VNI-Times", "BCDFEE+VNI-Times", "VNI-Helve", "VNI-Times-Bold",
                               "VNI-Helve-Condense", "XYZABC+VNI-Times,Italic"}) {
    const std::optional<FontHint> h = font_hint(vni);
    ASSERT_TRUE(h) << vni;
    EXPECT_EQ(h->encoding, Encoding::kVni) << vni;
    EXPECT_FALSE(h->upper_case) << vni;
  }
  for (std::string_view unicode : {"Times New Roman", "Arial", "ABCDEF+TimesNewRomanPSMT",
                                   "Verdana", "Vni", "Calibri,Bold", ""}) {
    EXPECT_EQ(font_hint(unicode), std::nullopt) << unicode;
  }
}

// --- Golden conversions ---

TEST(Golden, ShownFormsMatchTheKnownMojibake) {
  EXPECT_EQ(shown_as_cp1252(tcvn3_bytes("Nghị quyết đảng ủy")), "NghÞ quyÕt ®¶ng ñy");
  EXPECT_EQ(shown_as_cp1252(vni_bytes("Nghị quyết Đảng ủy")), "Nghò quyeát Ñaûng uûy");
  EXPECT_EQ(viqr_text("Nghị quyết"), "Nghi. quye^'t");
}

TEST(RepairRun, Tcvn3Runs) {
  for (const std::string& s : kSentences) {
    const std::string run = shown_as_cp1252(tcvn3_bytes(s));
    ASSERT_NE(run, s);
    const Repaired r = repair_run(run);
    EXPECT_EQ(r.encoding, Encoding::kTcvn3) << run;
    EXPECT_EQ(r.text, nfc(s)) << run;
  }
  const Repaired brief = repair_run("NghÞ quyÕt ®¶ng ñy");
  EXPECT_EQ(brief.text, "Nghị quyết đảng ủy");
  EXPECT_EQ(brief.encoding, Encoding::kTcvn3);
}

TEST(RepairRun, VniRuns) {
  for (const std::string& s : kSentences) {
    const std::string run = shown_as_cp1252(vni_bytes(s));
    const Repaired r = repair_run(run);
    EXPECT_EQ(r.encoding, Encoding::kVni) << run;
    EXPECT_EQ(r.text, nfc(s)) << run;
  }
  const Repaired brief = repair_run("Nghò quyeát Ñaûng uûy");
  EXPECT_EQ(brief.text, "Nghị quyết Đảng ủy");
  EXPECT_EQ(brief.encoding, Encoding::kVni);
}

TEST(RepairRun, Cp1258RunsComeOutNfc) {
  for (const std::string& s : kSentences) {
    const std::string bytes = cp1258_bytes(s);
    ASSERT_FALSE(bytes.empty());
    const Repaired r = repair_run(shown_as_cp1252(bytes));
    EXPECT_EQ(r.encoding, Encoding::kCp1258) << shown_as_cp1252(bytes);
    EXPECT_EQ(r.text, nfc(s));
  }
}

TEST(RepairRun, ViqrRoundTrip) {
  for (const std::string& s : kSentences) {
    const std::string viqr = viqr_text(s);
    const Repaired r = repair_run(viqr);
    EXPECT_EQ(r.encoding, Encoding::kViqr) << viqr;
    EXPECT_EQ(r.text, nfc(s)) << viqr;
  }
}

TEST(RepairRun, RareRhymesLoseTies) {
  // TCVN3 reads VNI's "cuûa" as "cuỷa" (the rare rhyme of "khuya"), VNI as "của".
  const Repaired r = repair_run("cuûa");
  EXPECT_EQ(r.text, "của");
  EXPECT_EQ(r.encoding, Encoding::kVni);
  EXPECT_EQ(repair_run("quoác gia").text, "quốc gia");  // "quoác" is no syllable as it stands
}

// --- What must stay untouched ---

TEST(RepairRun, GenuineTextIsLeftAlone) {
  for (std::string_view run :
       {std::string_view(kSentences[0]), std::string_view(kSentences[1]),
        std::string_view("Hà Nội"), std::string_view("Café résumé naïve"),
        std::string_view("Le café est très bon, à bientôt."), std::string_view("Cà phê là gì"),
        std::string_view("13-NQ/TW"), std::string_view("07/2021/NĐ-CP"),
        std::string_view("Who's that? I'm sure it's done, e.g. today."),
        std::string_view("Nghi quyet so 13 ve cong tac can bo"), std::string_view(""),
        std::string_view("“Quoted” — 5 € … ™"), std::string_view("Straße Ærø Œuvre"),
        std::string_view("µm ±5 °C"), std::string_view("Prix : 5 € – «très» cher")}) {
    const Repaired r = repair_run(run);
    EXPECT_EQ(r.text, run);
    EXPECT_EQ(r.encoding, Encoding::kUnicode) << run;
  }
}

TEST(RepairRun, GenuineUnicodeIgnoresHints) {
  const Repaired r = repair_run(kSentences[0], FontHint{Encoding::kTcvn3, true});
  EXPECT_EQ(r.text, kSentences[0]);
  EXPECT_EQ(r.encoding, Encoding::kUnicode);
}

// --- Font hints and forced encodings ---

TEST(RepairRun, UpperCaseFont) {
  const std::string run = shown_as_cp1252(tcvn3_bytes("nghị quyết đại hội đảng bộ"));
  const Repaired r = repair_run(run, font_hint(".VnTimeH"));
  EXPECT_EQ(r.text, "NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ");
  EXPECT_EQ(r.encoding, Encoding::kTcvn3);
  const Repaired ascii = repair_run("ban chap hanh", font_hint("ABCDEF+.VnTimeH,Bold"));
  EXPECT_EQ(ascii.text, "BAN CHAP HANH");
  EXPECT_EQ(ascii.encoding, Encoding::kTcvn3);
  const Repaired plain = repair_run(run, font_hint(".VnTime"));
  EXPECT_EQ(plain.text, "nghị quyết đại hội đảng bộ");
}

TEST(RepairRun, Cp1252PunctuationStaysInLegacyFonts) {
  // .VnTime and VNI-Times keep Windows punctuation at 0x80..0x9F; glibc's full TCVN table (VN1)
  // would make “ ” – … capitals with tones.
  const std::string run = "“" + shown_as_cp1252(tcvn3_bytes("đảng ủy")) + "” – 5 €…";
  const Repaired r = repair_run(run, font_hint(".VnTime"));
  EXPECT_EQ(r.text, "“đảng ủy” – 5 €…");
  EXPECT_EQ(repair_run("“Quoted” — 5 € … ™", font_hint(".VnTime")).text, "“Quoted” — 5 € … ™");
  EXPECT_EQ(repair_run("“Quoted” — 5 € … ™", font_hint("VNI-Times")).text, "“Quoted” — 5 € … ™");
}

TEST(RepairRun, HintDecidesShortRuns) {
  // A lone "đ" is no syllable: detection alone keeps "®", the font's hint converts it.
  EXPECT_EQ(repair_run("®").encoding, Encoding::kUnicode);
  const Repaired hinted = repair_run("®", font_hint(".VnTime"));
  EXPECT_EQ(hinted.text, "đ");
  EXPECT_EQ(hinted.encoding, Encoding::kTcvn3);
  const Repaired vni = repair_run("Ñ", font_hint("VNI-Times"));
  EXPECT_EQ(vni.text, "Đ");
  // A hint loses when its reading is clearly worse than the text as it is.
  EXPECT_EQ(repair_run("Cà phê là gì", font_hint(".VnTime")).text, "Cà phê là gì");
}

TEST(RepairRun, Forced) {
  const std::string run = shown_as_cp1252(tcvn3_bytes(kSentences[0]));
  const Repaired none = repair_run(run, std::nullopt, Encoding::kUnicode);
  EXPECT_EQ(none.text, run);
  EXPECT_EQ(none.encoding, Encoding::kUnicode);
  // Forced converts even what detection would leave: a lone "Ph¹m".
  const Repaired forced = repair_run("Ph¹m", std::nullopt, Encoding::kTcvn3);
  EXPECT_EQ(forced.text, "Phạm");
  EXPECT_EQ(forced.encoding, Encoding::kTcvn3);
  // Characters no legacy byte shows are kept.
  EXPECT_EQ(repair_run("→ ®¶ng", std::nullopt, Encoding::kTcvn3).text, "→ đảng");
  EXPECT_EQ(repair_run("Vie^.t Nam", std::nullopt, Encoding::kViqr).text, "Việt Nam");
  EXPECT_EQ(repair_run("Nam", std::nullopt, Encoding::kVni).encoding, Encoding::kUnicode);
}

}  // namespace
}  // namespace vankho::formats
