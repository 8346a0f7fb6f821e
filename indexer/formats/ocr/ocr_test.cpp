// Recognition of rendered Vietnamese pages, end to end through the engine and read_image.
#include "ocr.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "test_page.h"

namespace vankho::formats {
namespace {

using testing::char_accuracy;

constexpr double kMinAccuracy = 0.95;

size_t count(const std::string& text, char c) { return std::count(text.begin(), text.end(), c); }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void spit(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

class OcrTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ocr_ = std::make_unique<Ocr>();
    reference_ = testing::seed_paragraph("Tiếp tục chỉ đạo thực hiện", 600);
    page_ = testing::render_page(reference_);
    second_reference_ = testing::seed_paragraph("- Thúc đẩy phát triển công nghiệp", 150);
  }
  static void TearDownTestSuite() { ocr_.reset(); }

  static void report(const char* what, double seconds, size_t pages, double accuracy) {
    std::printf("[ ocr ] %s: %.2f s a page, character accuracy %.4f\n", what, seconds / pages,
                accuracy);
  }

  static std::unique_ptr<Ocr> ocr_;
  static std::string reference_, second_reference_;
  static GreyImage page_;
};
std::unique_ptr<Ocr> OcrTest::ocr_;
std::string OcrTest::reference_, OcrTest::second_reference_;
GreyImage OcrTest::page_;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST_F(OcrTest, EngineLoadsVietnamese) {
  ASSERT_TRUE(ocr_->ok()) << ocr_->error();
  EXPECT_EQ(ocr_->language(), "vie");
  EXPECT_GE(reference_.size(), 600u);  // ~600 code points of Vietnamese, more bytes
}

TEST_F(OcrTest, RecognisesAVietnameseParagraph) {
  ASSERT_TRUE(ocr_->ok()) << ocr_->error();
  const auto start = std::chrono::steady_clock::now();
  const std::optional<std::string> text = ocr_->recognise(page_);
  const double seconds = seconds_since(start);
  ASSERT_TRUE(text.has_value());
  const double accuracy = char_accuracy(reference_, *text);
  report("GreyImage 2480x3508", seconds, 1, accuracy);
  EXPECT_GE(accuracy, kMinAccuracy) << "recognised:\n" << *text;
  EXPECT_EQ(count(*text, '\f'), 0u);
  EXPECT_NE(text->back(), '\n');
  EXPECT_NE(text->find("kỷ niệm 77 năm Quốc khánh"), std::string::npos) << *text;
}

TEST_F(OcrTest, FunctionIsBoundToTheEngine) {
  const OcrFunction function = ocr_->function();
  const std::optional<std::string> text =
      function(testing::render_page("Nghị quyết số 13", {.min_height = 400}));
  ASSERT_TRUE(text.has_value());
  EXPECT_GE(char_accuracy("Nghị quyết số 13", *text), 0.9) << *text;
}

TEST_F(OcrTest, BlankPageIsEmptyNotAFailure) {
  const std::optional<std::string> text = ocr_->recognise(testing::blank_page(2480, 3508));
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, "");
}

TEST_F(OcrTest, BadImageFails) {
  GreyImage short_of_pixels{.width = 100, .height = 100, .stride = 100};
  short_of_pixels.pixels.resize(100 * 99);
  EXPECT_FALSE(ocr_->recognise(short_of_pixels).has_value());
  EXPECT_FALSE(ocr_->recognise(GreyImage{}).has_value());
}

TEST_F(OcrTest, PastDeadlineFails) {
  const OcrPageOptions late{.deadline = std::chrono::steady_clock::now()};
  EXPECT_FALSE(ocr_->recognise(page_, late).has_value());
}

TEST_F(OcrTest, DeadlineStopsRecognitionInProgress) {
  // The page takes several hundred milliseconds; the deadline passes while words are recognised.
  const auto start = std::chrono::steady_clock::now();
  const OcrPageOptions soon{.deadline = start + std::chrono::milliseconds(50)};
  EXPECT_FALSE(ocr_->recognise(page_, soon).has_value());
  // And the engine is still usable afterwards.
  const std::optional<std::string> text =
      ocr_->recognise(testing::render_page("Nghị quyết số 13", {.min_height = 400}));
  ASSERT_TRUE(text.has_value());
  EXPECT_GE(char_accuracy("Nghị quyết số 13", *text), 0.9) << *text;
}

TEST_F(OcrTest, ReadsAPng) {
  testing::TempFolder folder;
  const std::string path = folder.str("scan.png");
  testing::write_png(page_, path);
  const auto start = std::chrono::steady_clock::now();
  const ReadResult result = read_image(path, ReadLimits{}, *ocr_);
  const double seconds = seconds_since(start);
  ASSERT_TRUE(result.doc.has_value()) << result.error;
  const ExtractedText& doc = *result.doc;
  EXPECT_EQ(doc.format, "image");
  EXPECT_EQ(doc.converter, "tesseract");
  EXPECT_EQ(doc.pages, 1u);
  EXPECT_EQ(doc.ocr_pages, 1u);
  EXPECT_TRUE(doc.warnings.empty());
  EXPECT_EQ(count(doc.text, '\f'), 0u);
  const double accuracy = char_accuracy(reference_, doc.text);
  report("PNG through read_image", seconds, 1, accuracy);
  EXPECT_GE(accuracy, kMinAccuracy) << doc.text;
}

TEST_F(OcrTest, ReadsEveryPageOfATiff) {
  testing::TempFolder folder;
  const std::string path = folder.str("scan.tiff");
  testing::write_tiff({page_, testing::render_page(second_reference_, {.min_height = 1200})}, path);
  const auto start = std::chrono::steady_clock::now();
  const ReadResult result = read_image(path, ReadLimits{}, *ocr_);
  const double seconds = seconds_since(start);
  ASSERT_TRUE(result.doc.has_value()) << result.error;
  const ExtractedText& doc = *result.doc;
  EXPECT_EQ(doc.format, "image");
  EXPECT_EQ(doc.pages, 2u);
  EXPECT_EQ(doc.ocr_pages, 2u);
  ASSERT_EQ(count(doc.text, '\f'), 1u) << doc.text;
  const size_t form_feed = doc.text.find('\f');
  const double first = char_accuracy(reference_, doc.text.substr(0, form_feed));
  const double second = char_accuracy(second_reference_, doc.text.substr(form_feed + 1));
  report("2-page TIFF through read_image", seconds, 2, (first + second) / 2);
  EXPECT_GE(first, kMinAccuracy) << doc.text;
  EXPECT_GE(second, kMinAccuracy) << doc.text;
}

TEST_F(OcrTest, ReadsAJpeg) {
  testing::TempFolder folder;
  const std::string path = folder.str("scan.jpg");
  testing::write_jpeg(page_, path);
  const ReadResult result = read_image(path, ReadLimits{}, *ocr_);
  ASSERT_TRUE(result.doc.has_value()) << result.error;
  EXPECT_EQ(result.doc->ocr_pages, 1u);
  EXPECT_GE(char_accuracy(reference_, result.doc->text), kMinAccuracy) << result.doc->text;
}

TEST_F(OcrTest, TransparentBackgroundCountsAsWhite) {
  testing::TempFolder folder;
  const std::string path = folder.str("transparent.png");
  testing::write_transparent_png(second_reference_, path, {.min_height = 1200});
  const ReadResult result = read_image(path, ReadLimits{}, *ocr_);
  ASSERT_TRUE(result.doc.has_value()) << result.error;
  EXPECT_GE(char_accuracy(second_reference_, result.doc->text), kMinAccuracy) << result.doc->text;
}

TEST_F(OcrTest, StopsAtTheTextLimit) {
  testing::TempFolder folder;
  const std::string path = folder.str("scan.png");
  testing::write_png(page_, path);
  ReadLimits limits;
  limits.max_text_bytes = 100;
  const ReadResult result = read_image(path, limits, *ocr_);
  ASSERT_TRUE(result.doc.has_value()) << result.error;
  EXPECT_LE(result.doc->text.size(), 100u);
  EXPECT_FALSE(result.doc->text.empty());
  ASSERT_EQ(result.doc->warnings.size(), 1u);
  EXPECT_NE(result.doc->warnings[0].find("text limit"), std::string::npos);
}

TEST_F(OcrTest, StopsAtTheTimeLimit) {
  testing::TempFolder folder;
  const std::string path = folder.str("scan.tif");
  testing::write_tiff({page_, page_}, path);
  ReadLimits limits;
  limits.time_limit = std::chrono::milliseconds(1);
  const ReadResult result = read_image(path, limits, *ocr_);
  ASSERT_FALSE(result.doc.has_value());
  EXPECT_NE(result.error.find("time limit"), std::string::npos) << result.error;
}

TEST_F(OcrTest, CorruptPngIsAnError) {
  testing::TempFolder folder;
  const std::string garbage = folder.str("garbage.png");
  spit(garbage, "this is not an image at all");
  ReadResult result = read_image(garbage, ReadLimits{}, *ocr_);
  EXPECT_FALSE(result.doc.has_value());
  EXPECT_NE(result.error.find("not a readable image"), std::string::npos) << result.error;

  const std::string whole = folder.str("whole.png");
  testing::write_png(testing::render_page("Nghị quyết", {.min_height = 400}), whole);
  const std::string bytes = slurp(whole);
  const std::string truncated = folder.str("truncated.png");
  spit(truncated, bytes.substr(0, bytes.size() / 2));
  result = read_image(truncated, ReadLimits{}, *ocr_);
  EXPECT_FALSE(result.doc.has_value());
  EXPECT_NE(result.error.find("not a readable image"), std::string::npos) << result.error;

  result = read_image(folder.str("missing.png"), ReadLimits{}, *ocr_);
  EXPECT_FALSE(result.doc.has_value());
  EXPECT_FALSE(result.error.empty());
}

TEST_F(OcrTest, HugeImageIsRefusedBeforeDecoding) {
  // A PNG whose header says 20000x20000 grey pixels (its pixel data is missing).
  testing::TempFolder folder;
  const std::string path = folder.str("huge.png");
  std::string png("\x89PNG\r\n\x1a\n", 8);
  // Length, type, 13 bytes of header, CRC (not checked before the size is).
  const std::string ihdr("\0\0\0\x0dIHDR\0\0\x4e\x20\0\0\x4e\x20\x08\0\0\0\0" "\0\0\0\0", 25);
  spit(path,
       png + ihdr + std::string("\0\0\0\0", 4) + std::string("\0\0\0\0IEND\xae\x42\x60\x82", 12));
  const ReadResult result = read_image(path, ReadLimits{}, *ocr_);
  EXPECT_FALSE(result.doc.has_value());
  EXPECT_NE(result.error.find("image too large"), std::string::npos) << result.error;
}

TEST(OcrEngine, MissingLanguageSaysWhatToInstall) {
  Ocr ocr("qqq");
  EXPECT_FALSE(ocr.ok());
  EXPECT_NE(ocr.error().find("apt install tesseract-ocr-qqq"), std::string::npos) << ocr.error();
  EXPECT_FALSE(ocr.recognise(testing::blank_page(10, 10)).has_value());
  const ReadResult result = read_image("/nonexistent.png", ReadLimits{}, ocr);
  EXPECT_FALSE(result.doc.has_value());
  EXPECT_EQ(result.error, ocr.error());
}

// Sets an environment variable for one scope (each discovered test runs in its own process).
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(OcrEngine, TessdataPrefixIsHonoured) {
  testing::TempFolder folder;
  std::filesystem::create_directories(folder.str("tessdata"));
  std::filesystem::create_symlink("/usr/share/tesseract-ocr/5/tessdata/vie.traineddata",
                                  folder.str("tessdata/vie.traineddata"));
  {
    const ScopedEnv env("TESSDATA_PREFIX", folder.str("tessdata"));
    const Ocr ocr;
    EXPECT_TRUE(ocr.ok()) << ocr.error();
    EXPECT_EQ(ocr.tessdata(), folder.str("tessdata"));
  }
  {
    // Tesseract 3's convention: the folder above tessdata.
    const ScopedEnv env("TESSDATA_PREFIX", folder.str("") + "/");
    const Ocr ocr;
    EXPECT_TRUE(ocr.ok()) << ocr.error();
    EXPECT_EQ(ocr.tessdata(), folder.str("tessdata"));
  }
  {
    const ScopedEnv env("TESSDATA_PREFIX", folder.str("empty"));
    const Ocr ocr;
    EXPECT_FALSE(ocr.ok());
    EXPECT_NE(ocr.error().find("apt install tesseract-ocr-vie"), std::string::npos) << ocr.error();
    EXPECT_NE(ocr.error().find(folder.str("empty")), std::string::npos) << ocr.error();
  }
}

TEST(OcrEngine, DamagedLanguageDataIsAnError) {
  testing::TempFolder folder;
  spit(folder.str("vie.traineddata"), "not really trained data");
  const ScopedEnv env("TESSDATA_PREFIX", folder.str(""));
  const Ocr ocr;
  EXPECT_FALSE(ocr.ok());
  EXPECT_NE(ocr.error().find("could not load"), std::string::npos) << ocr.error();
}

TEST(OcrEngine, RefusesPathsAsLanguageNames) {
  const Ocr ocr("../../etc/passwd");
  EXPECT_FALSE(ocr.ok());
  EXPECT_FALSE(ocr.error().empty());
}

}  // namespace
}  // namespace vankho::formats
