// One XML part of a zip package (document.xml, styles.xml, content.xml, ...) read through
// ZipArchive and parsed in place with pugixml, and the plain-text fields of property parts.
// Internal to vankho_office.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include <functional>

#include "extracted.h"
#include "legacy_encoding.h"
#include "text_builder.h"
#include "zip_archive.h"

namespace vankho::formats::office {

struct XmlPart {
  std::string bytes;  // the entry; the document points into it
  pugi::xml_document doc;
  EntryStatus entry = EntryStatus::kMissing;
  bool well_formed = false;  // parsed to the end (else doc holds what came before the error)
  std::string problem;       // why not read or not well formed, for a person
};

// Reads and parses `name` into `part` (pugixml options, e.g. parse_ws_pcdata_single).
void load_xml(ZipArchive& zip, const std::string& name, unsigned options, XmlPart& part);

// load_xml for a part the text can do without: a part that is there but cannot be read or parsed
// whole adds a warning ("word/footnotes.xml: ... (left out)"). True when there is a document to
// read (possibly in part).
bool load_optional_xml(ZipArchive& zip, const std::string& name, unsigned options, XmlPart& part,
                       std::vector<std::string>& warnings);

// The local part of an element name ("dc:title" -> "title").
[[nodiscard]] std::string_view local_name(pugi::xml_node n);
// The text of a property element, whitespace trimmed.
[[nodiscard]] std::string property_text(pugi::xml_node n);

// Title and creator typed in a legacy encoding (a TCVN3 keyboard driver) repaired by detection,
// unless `forced` is kUnicode; every field made valid UTF-8.
void repair_properties(FileProperties& props, std::optional<Encoding> forced);

// The end of a read shared by the .docx and .odt readers: the warnings handed to `out`, the text
// taken, a main part cut short turned into a warning (or the error, when no text came before the
// cut), the properties, format and converter set.
[[nodiscard]] ReadResult finish_read(TextBuilder& out, const XmlPart& main, FileProperties properties,
                                     std::vector<std::string>& warnings, std::string format);

// `read` with what it throws (memory, a library's exception) turned into a ReadResult error.
[[nodiscard]] ReadResult guarded_read(const std::function<ReadResult()>& read);

}  // namespace vankho::formats::office
