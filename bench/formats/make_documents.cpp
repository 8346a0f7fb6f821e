#include "make_documents.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <zip.h>

#include <stdexcept>
#include <vector>

namespace vankho::bench {
namespace {

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

std::vector<std::string_view> paragraphs(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    out.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

void add_entry(zip_t* zip, const char* name, const std::string& content) {
  zip_source_t* src = zip_source_buffer(zip, content.data(), content.size(), 0);
  if (!src || zip_file_add(zip, name, src, ZIP_FL_ENC_UTF_8) < 0) throw std::runtime_error("zip: cannot add " + std::string(name));
}

}  // namespace

size_t write_docx(const std::string& path, const std::string& title, const std::string& text) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!zip) throw std::runtime_error("cannot create " + path);
  const std::string types =
      R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
      R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
      R"(<Default Extension="xml" ContentType="application/xml"/>)"
      R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";
  const std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)";
  std::string doc =
      R"(<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)";
  doc += "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>" + xml_escape(title) + "</w:t></w:r></w:p>";
  for (std::string_view p : paragraphs(text)) {
    doc += "<w:p><w:r><w:t xml:space=\"preserve\">" + xml_escape(p) + "</w:t></w:r></w:p>";
  }
  doc += "</w:body></w:document>";
  add_entry(zip, "[Content_Types].xml", types);
  add_entry(zip, "_rels/.rels", rels);
  add_entry(zip, "word/document.xml", doc);
  if (zip_close(zip) < 0) throw std::runtime_error("cannot write " + path);
  return 1;
}

size_t write_pdf(const std::string& path, const std::string& title, const std::string& text) {
  constexpr double kWidth = 595, kHeight = 842, kMargin = 60, kSize = 11, kLine = 15;
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kWidth, kHeight);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, "Noto Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, kSize);
  size_t pages = 1;
  double y = kMargin;
  auto line = [&](const std::string& s) {
    if (y + kLine > kHeight - kMargin) {
      cairo_show_page(cr);
      ++pages;
      y = kMargin;
    }
    cairo_move_to(cr, kMargin, y);
    cairo_show_text(cr, s.c_str());
    y += kLine;
  };
  // Greedy wrapping at spaces, measured with the font.
  auto wrap = [&](std::string_view paragraph) {
    std::string current;
    while (!paragraph.empty()) {
      const size_t space = paragraph.find(' ');
      const std::string word(paragraph.substr(0, space));
      paragraph.remove_prefix(space == std::string_view::npos ? paragraph.size() : space + 1);
      const std::string candidate = current.empty() ? word : current + " " + word;
      cairo_text_extents_t e;
      cairo_text_extents(cr, candidate.c_str(), &e);
      if (e.x_advance > kWidth - 2 * kMargin && !current.empty()) {
        line(current);
        current = word;
      } else {
        current = candidate;
      }
    }
    line(current);
  };
  wrap(title);
  for (std::string_view p : paragraphs(text)) wrap(p);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return pages;
}

// A page of `text` drawn as a 300 dpi grey scan, saved as PNG.
size_t write_scan_png(const std::string& path, const std::string& text) {
  constexpr int kW = 2480, kH = 3508;
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, kW, kH);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_select_font_face(cr, "Noto Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 50);
  double y = 250;
  std::string line;
  std::string_view rest = text;
  while (!rest.empty() && y < kH - 250) {
    const size_t space = rest.find_first_of(" \n");
    const std::string word(rest.substr(0, space));
    rest.remove_prefix(space == std::string_view::npos ? rest.size() : space + 1);
    cairo_text_extents_t e;
    cairo_text_extents(cr, (line + " " + word).c_str(), &e);
    if (e.x_advance > kW - 500 && !line.empty()) {
      cairo_move_to(cr, 250, y);
      cairo_show_text(cr, line.c_str());
      y += 75;
      line = word;
    } else {
      line = line.empty() ? word : line + " " + word;
    }
  }
  cairo_destroy(cr);
  cairo_surface_write_to_png(s, path.c_str());
  cairo_surface_destroy(s);
  return 1;
}

}  // namespace vankho::bench
