#include "document_json.h"

#include "stored_document.h"

namespace vankho::index {

nlohmann::json document_json(const ingest::SourceDocument& source, const extract::DocumentMetadata& meta) {
  nlohmann::json j = extract::to_json(meta);
  const auto parent = source.fields.find("parent"), parent_title = source.fields.find("parent_title");
  if (parent != source.fields.end() || parent_title != source.fields.end()) {
    j["parent"] = {{"number", parent != source.fields.end() ? parent->second : ""},
                   {"title", parent_title != source.fields.end() ? parent_title->second : ""}};
  }
  const ingest::FileInfo& f = source.file;
  if (f.format.empty()) return j;  // a JSON-lines record: no file of its own
  const formats::FileProperties& p = f.properties;
  nlohmann::json properties = nlohmann::json::object();
  for (const auto& [key, value] : {std::pair{"title", &p.title}, {"creator", &p.creator}, {"created", &p.created},
                                   {"modified", &p.modified}}) {
    if (!value->empty()) properties[key] = *value;
  }
  j["file"] = {{"format", f.format},     {"converter", f.converter},   {"path", f.path},
               {"pages", f.pages},       {"ocr_pages", f.ocr_pages},   {"pages_without_text", f.pages_without_text},
               {"conversions", f.conversions}, {"properties", properties}};
  j["ocr"] = f.ocr_pages > 0;
  if (!source.page_starts.empty()) {
    j["pages"] = source.page_starts;
    if (auto sections = j.find("sections"); sections != j.end() && sections->is_array()) {
      for (auto& s : *sections) s["page"] = schema::page_at(source.page_starts, s.value("start", size_t{0}));
    }
  }
  return j;
}

}  // namespace vankho::index
