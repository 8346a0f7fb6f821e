// A realistic minimal .docx package for the reader's tests: content types, relationships,
// document.xml around a given body, and optional styles, notes and core properties.
#pragma once

#include <string>
#include <string_view>

#include "office_test_util.h"

namespace vankho::formats::office::testing {

inline constexpr std::string_view kWordNs =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// w:document around `body` (the children of w:body), the WordprocessingML namespace bound to
// `prefix`.
inline std::string document_xml(std::string_view body, std::string_view prefix = "w") {
  const std::string p(prefix);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<" + p +
         ":document xmlns:" + p + "=\"" + std::string(kWordNs) +
         "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
         " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
         " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
         " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
         " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
         " xmlns:v=\"urn:schemas-microsoft-com:vml\" mc:Ignorable=\"wps\"><" +
         p + ":body>" + std::string(body) + "<" + p + ":sectPr><" + p + ":pgSz " + p +
         ":w=\"11906\" " + p + ":h=\"16838\"/></" + p + ":sectPr></" + p + ":body></" + p +
         ":document>";
}

inline std::string styles_xml(std::string_view styles, std::string_view default_font = "") {
  std::string defaults;
  if (!default_font.empty()) {
    const std::string f(default_font);
    defaults = "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"" + f + "\" w:hAnsi=\"" +
               f + "\"/><w:sz w:val=\"26\"/></w:rPr></w:rPrDefault></w:docDefaults>";
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles xmlns:w=\"" + std::string(kWordNs) +
         "\">" + defaults +
         "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
         "<w:name w:val=\"Normal\"/></w:style>" +
         std::string(styles) + "</w:styles>";
}

inline std::string notes_xml(std::string_view kind, std::string_view notes) {
  const std::string k(kind);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:" + k + "s xmlns:w=\"" +
         std::string(kWordNs) + "\"><w:" + k +
         " w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:" + k +
         "><w:" + k +
         " w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r>"
         "<w:continuationSeparator/></w:r></w:p></w:" +
         k + ">" + std::string(notes) + "</w:" + k + "s>";
}

inline std::string core_xml(std::string_view title, std::string_view creator) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties xmlns:cp=\"http://"
         "schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://"
         "purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\""
         "http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" +
         std::string(title) + "</dc:title><dc:creator>" + std::string(creator) +
         "</dc:creator><cp:lastModifiedBy>x</cp:lastModifiedBy><dcterms:created "
         "xsi:type=\"dcterms:W3CDTF\">2022-04-02T10:00:00Z</dcterms:created><dcterms:modified "
         "xsi:type=\"dcterms:W3CDTF\">2022-04-03T08:30:00Z</dcterms:modified>"
         "</cp:coreProperties>";
}

struct DocxParts {
  std::string document;                           // document.xml
  std::string styles, footnotes, endnotes, core;  // left out when empty
  std::string main_part = "word/document.xml";
};

inline Entries docx_entries(const DocxParts& parts) {
  Entries e;
  e.emplace_back("[Content_Types].xml",
                 "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                 "package/2006/content-types\"><Default Extension=\"xml\" ContentType="
                 "\"application/xml\"/></Types>");
  e.emplace_back("_rels/.rels",
                 "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats."
                 "org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                 "schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                 "Target=\"" +
                     parts.main_part +
                     "\"/><Relationship Id=\"rId2\" Type=\"http://"
                     "schemas.openxmlformats.org/package/2006/relationships/metadata/core-"
                     "properties\" Target=\"docProps/core.xml\"/></Relationships>");
  e.emplace_back(parts.main_part, parts.document);
  if (!parts.styles.empty()) e.emplace_back("word/styles.xml", parts.styles);
  if (!parts.footnotes.empty()) e.emplace_back("word/footnotes.xml", parts.footnotes);
  if (!parts.endnotes.empty()) e.emplace_back("word/endnotes.xml", parts.endnotes);
  if (!parts.core.empty()) e.emplace_back("docProps/core.xml", parts.core);
  return e;
}

// A paragraph of one run.
inline std::string para(std::string_view text, std::string_view ppr = "",
                        std::string_view rpr = "") {
  return "<w:p>" + (ppr.empty() ? std::string() : "<w:pPr>" + std::string(ppr) + "</w:pPr>") +
         "<w:r>" + (rpr.empty() ? std::string() : "<w:rPr>" + std::string(rpr) + "</w:rPr>") +
         "<w:t xml:space=\"preserve\">" + std::string(text) + "</w:t></w:r></w:p>";
}

}  // namespace vankho::formats::office::testing
