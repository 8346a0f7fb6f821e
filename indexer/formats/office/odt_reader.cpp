// read_odt: content.xml (with the styles of styles.xml) walked in reading order, meta.xml as
// properties, and ODF package encryption recognised from the manifest.
#include <exception>

#include "odt_styles.h"
#include "odt_walker.h"
#include "office_reader.h"
#include "package_part.h"
#include "text_builder.h"
#include "zip_archive.h"

namespace vankho::formats {
namespace {

using office::XmlPart;

// White space between elements of a paragraph is text in ODF (collapsed, but a space).
constexpr unsigned kContentOptions = pugi::parse_default | pugi::parse_ws_pcdata;

// An encrypted ODF package is a zip whose content.xml is ciphertext; the manifest says so.
bool manifest_says_encrypted(office::ZipArchive& zip) {
  XmlPart manifest;
  office::load_xml(zip, "META-INF/manifest.xml", pugi::parse_default, manifest);
  if (manifest.entry != office::EntryStatus::kOk) return false;
  for (pugi::xml_node entry : manifest.doc.document_element().children()) {
    if (std::string_view(entry.attribute("manifest:full-path").value()) == "content.xml") {
      return static_cast<bool>(entry.child("manifest:encryption-data"));
    }
  }
  return false;
}

FileProperties meta_properties(office::ZipArchive& zip, std::optional<Encoding> forced,
                               std::vector<std::string>& warnings) {
  FileProperties props;
  XmlPart part;
  if (!office::load_optional_xml(zip, "meta.xml", pugi::parse_default, part, warnings))
    return props;
  std::string creator;
  for (pugi::xml_node n : part.doc.document_element().child("office:meta").children()) {
    const std::string_view name = n.name();
    if (name == "dc:title") props.title = office::property_text(n);
    if (name == "meta:initial-creator") props.creator = office::property_text(n);
    if (name == "dc:creator") creator = office::property_text(n);
    if (name == "meta:creation-date") props.created = office::property_text(n);
    if (name == "dc:date") props.modified = office::property_text(n);
  }
  if (props.creator.empty()) props.creator = std::move(creator);
  office::repair_properties(props, forced);
  return props;
}

ReadResult read(const std::string& path, const ReadLimits& limits, std::optional<Encoding> forced) {
  std::string error;
  auto zip = office::ZipArchive::open(path, limits, error);
  if (!zip) return {std::nullopt, error};
  XmlPart content;
  office::load_xml(*zip, "content.xml", kContentOptions, content);
  if (content.entry == office::EntryStatus::kMissing) {
    return {std::nullopt, "missing content.xml (not an OpenDocument file?)"};
  }
  if (content.entry != office::EntryStatus::kOk) return {std::nullopt, content.problem};
  if (!content.well_formed && manifest_says_encrypted(*zip)) {
    return {std::nullopt, "encrypted or password-protected document"};
  }
  const pugi::xml_node root = content.doc.document_element();
  const pugi::xml_node body = root.child("office:body").child("office:text");
  if (content.well_formed && !body) {
    return {std::nullopt, "content.xml has no office:text (a spreadsheet or drawing, not text?)"};
  }

  std::vector<std::string> warnings;
  XmlPart styles_part;
  office::load_optional_xml(*zip, "styles.xml", pugi::parse_default, styles_part, warnings);
  office::OdtStyles styles;
  styles.load(styles_part.doc.document_element(), root);
  office::TextBuilder out(limits, forced);
  office::OdtWalker walker(styles, out);
  walker.blocks(body);
  walker.notes();
  FileProperties properties = meta_properties(*zip, forced, warnings);
  return office::finish_read(out, content, std::move(properties), warnings, "odt");
}

}  // namespace

ReadResult read_odt(const std::string& path, const ReadLimits& limits,
                    std::optional<Encoding> forced) {
  return office::guarded_read([&] { return read(path, limits, forced); });
}

}  // namespace vankho::formats
