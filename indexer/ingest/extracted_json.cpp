#include "extracted_json.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace vankho::ingest {

std::string encode_result(const formats::ReadResult& result) {
  nlohmann::json j = {{"error", result.error}};
  if (result.doc) {
    const formats::ExtractedText& x = *result.doc;
    const formats::FileProperties& p = x.properties;
    j["doc"] = {{"text", x.text},
                {"html", x.markup == formats::Markup::kHtml},
                {"properties", {{"title", p.title}, {"creator", p.creator}, {"created", p.created}, {"modified", p.modified}}},
                {"format", x.format},
                {"converter", x.converter},
                {"pages", x.pages},
                {"pages_without_text", x.pages_without_text},
                {"ocr_pages", x.ocr_pages},
                {"conversions", x.conversions},
                {"warnings", x.warnings}};
  }
  // Invalid UTF-8 in a reader's text must not make the whole answer unreadable.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

formats::ReadResult decode_result(const std::string& bytes) {
  const nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
  if (!j.is_object() || !j.contains("error")) throw std::runtime_error("the reader's answer is incomplete");
  formats::ReadResult r;
  r.error = j.value("error", "");
  if (const auto d = j.find("doc"); d != j.end() && d->is_object()) {
    formats::ExtractedText& x = r.doc.emplace();
    x.text = d->value("text", "");
    x.markup = d->value("html", false) ? formats::Markup::kHtml : formats::Markup::kPlain;
    if (const auto p = d->find("properties"); p != d->end() && p->is_object()) {
      x.properties = {p->value("title", ""), p->value("creator", ""), p->value("created", ""), p->value("modified", "")};
    }
    x.format = d->value("format", "");
    x.converter = d->value("converter", "");
    x.pages = d->value("pages", size_t{0});
    x.pages_without_text = d->value("pages_without_text", size_t{0});
    x.ocr_pages = d->value("ocr_pages", size_t{0});
    x.conversions = d->value("conversions", std::vector<std::string>{});
    x.warnings = d->value("warnings", std::vector<std::string>{});
  }
  return r;
}

}  // namespace vankho::ingest
