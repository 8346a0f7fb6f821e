// read_docx: the package (relationships to the main, styles and notes parts), core properties,
// and the walk of the body and notes.
#include <exception>

#include "docx_styles.h"
#include "docx_walker.h"
#include "office_reader.h"
#include "package_part.h"
#include "text_builder.h"
#include "zip_archive.h"

namespace vankho::formats {
namespace {

using office::XmlPart;

constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

struct Parts {
  std::string document = "word/document.xml";
  std::string styles, footnotes, endnotes;
  std::string core = "docProps/core.xml";
};

// A relationship target against the folder of its source part ("word/"); absolute targets
// start at the package root. ".." steps up; the result has no leading '/'.
std::string resolve_target(std::string_view folder, std::string_view target) {
  std::string path = target.starts_with('/') ? std::string() : std::string(folder);
  if (target.starts_with('/')) target.remove_prefix(1);
  while (!target.empty()) {
    const size_t slash = target.find('/');
    const std::string_view step = target.substr(0, slash);
    target = slash == std::string_view::npos ? std::string_view() : target.substr(slash + 1);
    if (step == "..") {
      const size_t cut = path.size() > 1 ? path.rfind('/', path.size() - 2) : std::string::npos;
      path.resize(cut == std::string::npos ? 0 : cut + 1);
    } else if (!step.empty() && step != ".") {
      path.append(step);
      if (!target.empty()) path += '/';
    }
  }
  return path;
}

std::string_view folder_of(std::string_view part) {
  const size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
}

// Calls `take(type_suffix, target)` for each internal relationship of a .rels part.
template <typename Take>
void for_each_relationship(office::ZipArchive& zip, const std::string& rels, Take take) {
  XmlPart part;
  office::load_xml(zip, rels, pugi::parse_default, part);
  if (part.entry != office::EntryStatus::kOk) return;
  for (pugi::xml_node r = part.doc.document_element().first_child(); r; r = r.next_sibling()) {
    if (office::local_name(r) != "Relationship") continue;
    if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
    const std::string_view type = r.attribute("Type").value();
    take(type.substr(type.rfind('/') + 1), std::string_view(r.attribute("Target").value()));
  }
}

Parts find_parts(office::ZipArchive& zip) {
  Parts parts;
  for_each_relationship(zip, "_rels/.rels", [&](std::string_view type, std::string_view target) {
    if (type == "officeDocument") parts.document = resolve_target("", target);
    if (type == "core-properties") parts.core = resolve_target("", target);
  });
  const std::string_view folder = folder_of(parts.document);
  const std::string rels =
      std::string(folder) + "_rels/" + parts.document.substr(folder.size()) + ".rels";
  for_each_relationship(zip, rels, [&](std::string_view type, std::string_view target) {
    if (type == "styles") parts.styles = resolve_target(folder, target);
    if (type == "footnotes") parts.footnotes = resolve_target(folder, target);
    if (type == "endnotes") parts.endnotes = resolve_target(folder, target);
  });
  if (parts.styles.empty()) parts.styles = std::string(folder) + "styles.xml";
  if (parts.footnotes.empty()) parts.footnotes = std::string(folder) + "footnotes.xml";
  if (parts.endnotes.empty()) parts.endnotes = std::string(folder) + "endnotes.xml";
  return parts;
}

FileProperties core_properties(office::ZipArchive& zip, const std::string& name,
                               std::optional<Encoding> forced, std::vector<std::string>& warnings) {
  FileProperties props;
  XmlPart part;
  if (!office::load_optional_xml(zip, name, pugi::parse_default, part, warnings)) return props;
  for (pugi::xml_node n = part.doc.document_element().first_child(); n; n = n.next_sibling()) {
    const std::string_view field = office::local_name(n);
    if (field == "title") props.title = office::property_text(n);
    if (field == "creator") props.creator = office::property_text(n);
    if (field == "created") props.created = office::property_text(n);
    if (field == "modified") props.modified = office::property_text(n);
  }
  office::repair_properties(props, forced);
  return props;
}

ReadResult read(const std::string& path, const ReadLimits& limits, std::optional<Encoding> forced) {
  std::string error;
  auto zip = office::ZipArchive::open(path, limits, error);
  if (!zip) return {std::nullopt, error};
  const Parts parts = find_parts(*zip);
  XmlPart document;
  office::load_xml(*zip, parts.document, kParseOptions, document);
  if (document.entry == office::EntryStatus::kMissing) {
    return {std::nullopt, "missing " + parts.document + " (not a Word document?)"};
  }
  if (document.entry != office::EntryStatus::kOk) return {std::nullopt, document.problem};

  office::TextBuilder out(limits, forced);
  std::vector<std::string> warnings;
  office::DocxStyles styles;
  XmlPart styles_part;
  if (office::load_optional_xml(*zip, parts.styles, kParseOptions, styles_part, warnings)) {
    styles.load(styles_part.doc.document_element());
  }
  const pugi::xml_node root = document.doc.document_element();
  const office::WordNames names(root);
  office::DocxWalker(names, styles, out).blocks(names.child(root, "body"));
  for (const std::string& notes_name : {parts.footnotes, parts.endnotes}) {
    XmlPart notes;
    if (out.full()) break;
    if (!office::load_optional_xml(*zip, notes_name, kParseOptions, notes, warnings)) continue;
    const pugi::xml_node notes_root = notes.doc.document_element();
    const office::WordNames note_names(notes_root);
    office::DocxWalker(note_names, styles, out).notes(notes_root);
  }
  FileProperties properties = core_properties(*zip, parts.core, forced, warnings);
  return office::finish_read(out, document, std::move(properties), warnings, "docx");
}

}  // namespace

ReadResult read_docx(const std::string& path, const ReadLimits& limits,
                     std::optional<Encoding> forced) {
  return office::guarded_read([&] { return read(path, limits, forced); });
}

}  // namespace vankho::formats
