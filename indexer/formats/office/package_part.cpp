#include "package_part.h"

#include <algorithm>

#include "utf8.h"

namespace vankho::formats::office {

void load_xml(ZipArchive& zip, const std::string& name, unsigned options, XmlPart& part) {
  Entry entry = zip.read(name);
  part.entry = entry.status;
  part.well_formed = false;
  if (entry.status != EntryStatus::kOk) {
    part.problem = std::move(entry.error);
    return;
  }
  part.bytes = std::move(entry.data);
  const pugi::xml_parse_result parsed =
      part.doc.load_buffer_inplace(part.bytes.data(), part.bytes.size(), options);
  part.well_formed = static_cast<bool>(parsed);
  if (!part.well_formed) {
    part.problem = name + ": malformed XML at byte " + std::to_string(parsed.offset) + " (" +
                   parsed.description() + ")";
  }
}

bool load_optional_xml(ZipArchive& zip, const std::string& name, unsigned options, XmlPart& part,
                       std::vector<std::string>& warnings) {
  load_xml(zip, name, options, part);
  if (part.entry == EntryStatus::kMissing) return false;
  if (part.entry != EntryStatus::kOk) {
    warnings.push_back(part.problem + " (left out)");
    return false;
  }
  if (!part.well_formed) warnings.push_back(part.problem + " (read up to there)");
  return true;
}

std::string_view local_name(pugi::xml_node n) {
  const std::string_view name = n.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string property_text(pugi::xml_node n) {
  std::string_view text = n.child_value();
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return std::string(text);
}

namespace {

std::string valid_utf8(std::string_view s) {
  if (text::valid_utf8(s)) return std::string(s);
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const text::CodePoint cp = text::next_code_point(s, i);
    text::append_utf8(out, cp.value);
    i += cp.length;
  }
  return out;
}

}  // namespace

void repair_properties(FileProperties& props, std::optional<Encoding> forced) {
  for (std::string* field : {&props.title, &props.creator}) {
    const bool ascii = std::all_of(field->begin(), field->end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii && forced != Encoding::kUnicode) *field = repair_run(*field).text;
  }
  for (std::string* field : {&props.title, &props.creator, &props.created, &props.modified}) {
    *field = valid_utf8(*field);
  }
}

ReadResult finish_read(TextBuilder& out, const XmlPart& main, FileProperties properties,
                       std::vector<std::string>& warnings, std::string format) {
  for (std::string& warning : warnings) out.warn(std::move(warning));
  ExtractedText doc = out.finish();
  if (!main.well_formed) {
    if (doc.text.empty()) return {std::nullopt, "corrupt document: " + main.problem};
    doc.warnings.insert(doc.warnings.begin(), main.problem + "; the text is read up to there");
  }
  doc.properties = std::move(properties);
  doc.format = std::move(format);
  doc.converter = "libzip+pugixml";
  return {std::move(doc), {}};
}

ReadResult guarded_read(const std::function<ReadResult()>& read) {
  try {
    return read();
  } catch (const std::bad_alloc&) {
    return {std::nullopt, "out of memory reading the document"};
  } catch (const std::exception& e) {
    return {std::nullopt, std::string("cannot read the document: ") + e.what()};
  }
}

}  // namespace vankho::formats::office
