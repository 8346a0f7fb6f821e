// vankho_office: the text of Word (.docx, .docm) and OpenDocument (.odt) files, read with libzip
// and pugixml, legacy-font runs (TCVN3, VNI) repaired to Unicode through vankho_legacy.
#pragma once

#include <optional>
#include <string>

#include "extracted.h"
#include "legacy_encoding.h"

namespace vankho::formats {

// word/document.xml in reading order (tables a row a line, text boxes, then footnotes and
// endnotes), docProps/core.xml as properties. `forced`: the encoding the user says legacy runs are
// in (--encoding), else each run's font and the text decide. Never throws for bad input: an
// unreadable file is a ReadResult error ("not a zip file", "corrupt zip: ...", "encrypted or
// password-protected document", "missing word/document.xml ...", a zip-bomb limit).
[[nodiscard]] ReadResult read_docx(const std::string& path, const ReadLimits& limits,
                                   std::optional<Encoding> forced = {});

// content.xml in reading order (notes after the body), meta.xml as properties; as read_docx.
[[nodiscard]] ReadResult read_odt(const std::string& path, const ReadLimits& limits,
                                  std::optional<Encoding> forced = {});

}  // namespace vankho::formats
