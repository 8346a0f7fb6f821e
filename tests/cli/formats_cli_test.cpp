// The indexer pointed at what archives hold: scans read with --ocr (and said when without), the
// per-file facts --extract shows for an office file, and damaged or disguised files skipped with
// their reason while the run goes on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run_command.h"
#include "temp_dir.h"
#include "test_page.h"

namespace vankho {
namespace {

using testing::run_command;
const std::string kIndexer = VANKHO_INDEXER;
const std::string kQuery = VANKHO_QUERY;

std::string fixture(const std::string& name) {
  return std::string(VANKHO_SOURCE_DIR) + "/tests/fixtures/formats/" + name;
}

TEST(FormatsCli, AScanIsReadWithOcrAndSaidSoWithout) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "docs");
  formats::testing::write_png(formats::testing::render_page(
                                  "NGHỊ QUYẾT\nvề công tác chuyển đổi số của Tỉnh ủy năm 2024.\n"
                                  "Ban Thường vụ Tỉnh ủy chỉ đạo các cấp ủy đẩy mạnh chuyển đổi số."),
                              dir.str("docs/scan-2024.png"));
  auto r = run_command({kIndexer, "--index", dir.str("index"), dir.str("docs")});
  EXPECT_NE(r.err.find("scan-2024.png: an image (a scan?); run with --ocr"), std::string::npos) << r.err;

  r = run_command({kIndexer, "--index", dir.str("index"), "--ocr", dir.str("docs")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 added"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 image"), std::string::npos) << r.err;
  const auto q = run_command({kQuery, "--index", dir.str("index"), "--json", "chuyển đổi số"});
  ASSERT_EQ(q.exit_code, 0) << q.err;
  const auto j = nlohmann::json::parse(q.out);
  ASSERT_EQ(j["hits"].size(), 1u) << q.out;
  EXPECT_EQ(j["hits"][0]["ocr"], true);
  EXPECT_NE(j["hits"][0]["snippet"].get<std::string>().find("<mark>chuyển đổi số</mark>"), std::string::npos) << q.out;
}

TEST(FormatsCli, ExtractSaysHowAFileWasRead) {
  for (const std::string ext : {"docx", "odt", "pdf", "doc"}) {
    const auto r = run_command({kIndexer, "--extract", fixture("001_36391affc1bfd663." + ext)});
    ASSERT_EQ(r.exit_code, 0) << ext << ": " << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["file"]["format"], ext);
    EXPECT_FALSE(j["file"]["converter"].get<std::string>().empty()) << ext;
    EXPECT_EQ(j["type"], "chuong-trinh") << ext;
    EXPECT_EQ(j["ocr"], false) << ext;
  }
  const auto pdf = nlohmann::json::parse(run_command({kIndexer, "--extract", fixture("001_36391affc1bfd663.pdf")}).out);
  EXPECT_EQ(pdf["file"]["pages"], 3);
  EXPECT_EQ(pdf["pages"].size(), 3u);
}

TEST(FormatsCli, DamagedAndDisguisedFilesAreSkippedWithTheirReasonAndTheRunGoesOn) {
  testing::TempDir dir;
  dir.write("docs/corrupt.docx", std::string("PK\x03\x04", 4) + std::string(200, 'x'));
  // A password-protected .docx: an OLE container whose directory names an EncryptedPackage.
  std::string utf16_name;
  for (const char c : std::string("EncryptedPackage")) utf16_name += std::string{c, '\0'};
  dir.write("docs/secret.docx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0') +
                                    utf16_name + std::string(600, '\0'));
  dir.write("docs/notes.pdf", "Thông báo số 12-TB/TU về lịch họp, a text file named .pdf.");
  std::ifstream in(fixture("001_36391affc1bfd663.pdf"), std::ios::binary);
  std::string pdf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  dir.write("docs/truncated.pdf", pdf.substr(0, pdf.size() / 3));
  std::filesystem::copy_file(fixture("004_d18117e02a6e2a66.odt"), dir.path() / "docs" / "good.odt");
  const auto r = run_command({kIndexer, "--index", dir.str("index"), dir.str("docs")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("skipped " + dir.str("docs/corrupt.docx") + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("secret.docx: encrypted or password-protected"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("truncated.pdf"), std::string::npos) << r.err;
  // The disguised text and the good file are indexed; the summary says what was read.
  EXPECT_NE(r.err.find("2 added"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 odt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 txt"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace vankho
