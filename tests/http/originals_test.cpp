// Documents read from PDF and office files over HTTP: the page a passage is on, and the original
// file as a download — never one outside the folder it was indexed from.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "http_fixture.h"

namespace vankho::testing {
namespace {

const std::string kPdf = "001_36391affc1bfd663.pdf";

std::string fixture(const std::string& name) {
  return std::string(VANKHO_SOURCE_DIR) + "/tests/fixtures/formats/" + name;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Originals : public SearchdTest {
 protected:
  void SetUp() override {
    SearchdTest::SetUp();
    std::filesystem::create_directories(docs_dir() + "/pdf");
    std::filesystem::copy_file(fixture(kPdf), docs_dir() + "/pdf/" + kPdf);
    index_docs();
    start();
  }
};

TEST_F(Originals, AHitInAPdfSaysItsPageAndTheDocumentOffersItsFile) {
  const nlohmann::json r = get_json("/api/search?q=" + url_encode("Đồng bằng Sông Cửu Long") + "&limit=20");
  const auto hit = std::find_if(r["hits"].begin(), r["hits"].end(), [](const auto& h) { return h["id"] == "pdf/" + kPdf; });
  ASSERT_NE(hit, r["hits"].end()) << r.dump();
  EXPECT_TRUE((*hit)["page"].is_number_integer()) << hit->dump();
  EXPECT_GE((*hit)["page"].get<int>(), 1);
  EXPECT_EQ((*hit)["ocr"], false);
  EXPECT_EQ((*hit)["original_pdf"], true);  // the page can link to the file at that page
  for (const auto& h : r["hits"]) {
    if (h["id"] != "pdf/" + kPdf) {
      EXPECT_TRUE(h["page"].is_null()) << h["id"];  // .txt: no pages
      EXPECT_EQ(h["original_pdf"], false) << h["id"];
    }
  }

  const nlohmann::json doc = get_json("/api/documents/" + url_encode("pdf/" + kPdf));
  EXPECT_EQ(doc["original"], true);
  EXPECT_EQ(doc["file"]["format"], "pdf");
  EXPECT_EQ(doc["file"]["pages"], 3);  // as pdfinfo says
  EXPECT_FALSE(doc["file"].contains("path"));  // where the server keeps it is not said
  EXPECT_EQ(doc["pages"].size(), 3u);
  for (const auto& s : doc["sections"]) EXPECT_GE(s["page"].get<int>(), 1);

  auto res = get("/api/documents/" + url_encode("pdf/" + kPdf) + "/original");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(res->get_header_value("Content-Disposition"),
            "attachment; filename=\"" + kPdf + "\"; filename*=UTF-8''" + kPdf);
  EXPECT_EQ(res->body, file_bytes(fixture(kPdf)));
}

TEST_F(Originals, APdfIsShownInlineOnRequestAndNothingElseEverIs) {
  auto pdf = get("/api/documents/" + url_encode("pdf/" + kPdf) + "/original?inline=true");
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf->get_header_value("Content-Disposition"),
            "inline; filename=\"" + kPdf + "\"; filename*=UTF-8''" + kPdf);
  // Still the API's policy: nothing loads from it, nothing frames it.
  EXPECT_EQ(pdf->get_header_value("Content-Security-Policy"), "default-src 'none'; frame-ancestors 'none'");
  EXPECT_EQ(pdf->body, file_bytes(fixture(kPdf)));

  // A text (or an .html) original asked for inline is a download all the same.
  std::ofstream(docs_dir() + "/trang.html") << "<html><body><script>alert(1)</script>CHỈ THỊ về zirconi</body></html>";
  index_docs();
  start();
  for (const std::string id : {"000_b0635ad2fd7fc13e.txt", "trang.html"}) {
    auto other = get("/api/documents/" + id + "/original?inline=1");
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 200) << id;
    EXPECT_TRUE(other->get_header_value("Content-Disposition").starts_with("attachment; ")) << id;
  }
  const nlohmann::json bad = get_json("/api/documents/" + url_encode("pdf/" + kPdf) + "/original?inline=maybe", 400);
  EXPECT_EQ(bad["error"]["parameter"], "inline");

  // The file gone: the hit no longer offers it.
  std::filesystem::remove(docs_dir() + "/pdf/" + kPdf);
  const nlohmann::json r = get_json("/api/search?q=" + url_encode("Đồng bằng Sông Cửu Long") + "&limit=20");
  const auto hit = std::find_if(r["hits"].begin(), r["hits"].end(), [](const auto& h) { return h["id"] == "pdf/" + kPdf; });
  ASSERT_NE(hit, r["hits"].end());
  EXPECT_EQ((*hit)["original_pdf"], false);
}

TEST_F(Originals, NoFileOutsideTheIndexedFolderIsEverServed) {
  // A text file in the archive: its original is served too.
  auto txt = get("/api/documents/000_b0635ad2fd7fc13e.txt/original");
  ASSERT_TRUE(txt);
  EXPECT_EQ(txt->status, 200);
  EXPECT_EQ(txt->get_header_value("Content-Type"), "text/plain");
  // The file replaced by a link to one outside the archive: refused, not followed.
  std::filesystem::remove(docs_dir() + "/000_b0635ad2fd7fc13e.txt");
  std::filesystem::create_symlink(dir_.str("secret.txt"), docs_dir() + "/000_b0635ad2fd7fc13e.txt");
  auto linked = get("/api/documents/000_b0635ad2fd7fc13e.txt/original");
  ASSERT_TRUE(linked);
  EXPECT_EQ(linked->status, 404);
  EXPECT_EQ(linked->body.find("outside the web folder"), std::string::npos);
  // No such document, a path in the id, a parameter: a JSON error, never a file.
  get_json("/api/documents/nope.pdf/original", 404);
  get_json("/api/documents/..%2F..%2Fsecret.txt/original", 404);
  get_json("/api/documents/" + url_encode("pdf/" + kPdf) + "/original?x=1", 400);
}

}  // namespace
}  // namespace vankho::testing
