// Test PDF makers (see test_pdfs.h).
#include "test_pdfs.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace vankho::formats::pdf::testing {

namespace {

double advance(cairo_t* cr, const std::string& text) {
  cairo_text_extents_t extents;
  cairo_text_extents(cr, text.c_str(), &extents);
  return extents.x_advance;
}

void show_line(cairo_t* cr, const TextLine& line) {
  if (line.right < 0) {
    cairo_move_to(cr, -line.right - advance(cr, line.text) / 2, line.y);
    cairo_show_text(cr, line.text.c_str());
    return;
  }
  std::vector<std::string> words;
  for (size_t from = 0; from < line.text.size();) {
    const size_t space = std::min(line.text.find(' ', from), line.text.size());
    if (space > from) words.push_back(line.text.substr(from, space - from));
    from = space + 1;
  }
  if (line.right == 0 || words.size() < 2) {
    cairo_move_to(cr, line.x, line.y);
    cairo_show_text(cr, line.text.c_str());
    return;
  }
  double width = 0;
  for (const std::string& word : words) width += advance(cr, word);
  const double gap = (line.right - line.x - width) / static_cast<double>(words.size() - 1);
  double x = line.x;
  for (const std::string& word : words) {
    cairo_move_to(cr, x, line.y);
    cairo_show_text(cr, word.c_str());
    x += advance(cr, word) + gap;
  }
}

}  // namespace

void write_cairo_pdf(const std::string& path, const std::vector<TestPage>& pages,
                     const TestMetadata& metadata, const char* family) {
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kA4Width, kA4Height);
  if (!metadata.title.empty()) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title.c_str());
  }
  if (!metadata.author.empty()) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author.c_str());
  }
  if (!metadata.create_date.empty()) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                   metadata.create_date.c_str());
  }
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 12);
  for (const TestPage& page : pages) {
    if (page.grey_rectangle) {
      cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
      cairo_rectangle(cr, 100, 100, 300, 400);
      cairo_fill(cr);
      cairo_set_source_rgb(cr, 0, 0, 0);
    }
    for (const TextLine& line : page.lines) show_line(cr, line);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cairo: cannot write " + path);
}

double text_width(const std::string& text, const char* family) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 12);
  const double width = advance(cr, text);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return width;
}

std::string hand_made_pdf(const std::vector<std::string>& objects, const std::string& trailer) {
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " + trailer +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string stream_object(const std::string& content) {
  return "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream";
}

namespace {

std::string from_hex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

}  // namespace

// Values computed with the PDF 1.4 algorithms 3.1-3.4 (MD5 + RC4, 40-bit key, /P -60, the /ID
// below, owner password "owner"); the content stream is encrypted with the key of the empty user
// password, so only the owner-only file decrypts it (the other one needs only to stay locked).
std::string encrypted_pdf(Protection protection) {
  const bool owner_only = protection == Protection::kOwnerPasswordOnly;
  const std::string o = owner_only
                            ? "c92422687facee686e373f10b5c7d04738053152f7e2ee30e11c69ec442576ab"
                            : "94e8094419662a774442fb072e3d9f19e9d130ec09a4d0061e78fe920f7ab62f";
  const std::string u = owner_only
                            ? "d04d75ded1b60fd2626ecced38a8586b0a8a5822ad9a516f5b94cd6541bcfaab"
                            : "a7be09918c6b3b032bb3d1331676cd11531b0117e72a7656d1c9733aa71a3ee8";
  const std::string content = from_hex(
      "d6e1d8b5d7caec43fe3fa6b3f7a518ee28cc9235b1341c3d07b3bf4bace883250d2e63800ef22d9dbbd148");
  const std::string id = "<0123456789abcdef0123456789abcdef>";
  return hand_made_pdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
       "/Resources << /Font << /F1 5 0 R >> >> >>",
       stream_object(content), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
       "<< /Filter /Standard /V 1 /R 2 /O <" + o + "> /U <" + u + "> /P -60 >>"},
      "/Encrypt 6 0 R /ID [" + id + " " + id + "]");
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace vankho::formats::pdf::testing
