// Test PDFs for the pdf reader's tests: drawn with cairo (Noto fonts, Vietnamese text, images,
// metadata) or written by hand (legacy-font text, encryption), into a test's temporary folder.
#pragma once

#include <string>
#include <vector>

namespace vankho::formats::pdf::testing {

inline constexpr double kA4Width = 595, kA4Height = 842;  // points

struct TextLine {
  double x = 50, y = 100;  // baseline start, points from the top-left corner
  std::string text;        // UTF-8
  // > 0: justified, the words spread so that the line ends at `right` (a wrapped line of a
  // justified paragraph); < 0: centered on -right (x is then ignored).
  double right = 0;
};

struct TestPage {
  std::vector<TextLine> lines;
  bool grey_rectangle = false;  // a filled rectangle (an "image" with no text)
};

struct TestMetadata {
  std::string title, author, create_date;  // create_date as cairo wants it: "2022-04-02T10:00:00"
};

// An A4 PDF drawn with cairo in `family` ("Noto Serif", "Noto Sans"), 12 pt.
void write_cairo_pdf(const std::string& path, const std::vector<TestPage>& pages,
                     const TestMetadata& metadata = {}, const char* family = "Noto Serif");

// The width in points of `text` as write_cairo_pdf sets it (12 pt `family`).
[[nodiscard]] double text_width(const std::string& text, const char* family = "Noto Serif");

// A PDF file from numbered objects (object i+1 is objects[i], written "i+1 0 obj ... endobj")
// with a correct xref table; `trailer` is added to the trailer dictionary ("/Root 1 0 R" is there).
[[nodiscard]] std::string hand_made_pdf(const std::vector<std::string>& objects,
                                        const std::string& trailer = "");

// Content stream object text ("<< /Length n >> stream ... endstream").
[[nodiscard]] std::string stream_object(const std::string& content);

// One 300x200 page with "Hello secret" in Helvetica, RC4-40 encrypted (Standard handler R2):
// with only an owner password (opens without one), or with the user password "user".
enum class Protection { kOwnerPasswordOnly, kUserPassword };
[[nodiscard]] std::string encrypted_pdf(Protection protection);

void write_file(const std::string& path, const std::string& bytes);

}  // namespace vankho::formats::pdf::testing
