#include "document_builder.h"

#include "document_json.h"
#include "schema.h"
#include "stored_document.h"
#include "terms.h"

namespace vankho::index {
namespace {

void add_boolean(Xapian::Document& doc, std::string_view prefix, std::string_view value) {
  if (value.empty()) return;
  std::string t = schema::term(prefix, value);
  if (t.size() > schema::kMaxTermBytes) t.resize(schema::kMaxTermBytes);
  doc.add_boolean_term(t);
}

int range_start(const extract::Date& d) {
  return d.year * 10000 + (d.month ? d.month : 1) * 100 + (d.day ? d.day : 1);
}

int range_end(const extract::Date& d) {
  const int month = d.month ? d.month : 12;
  const int day = d.day ? d.day : extract::days_in_month(d.year, month);
  return d.year * 10000 + month * 100 + day;
}

std::string_view field_of(const ingest::SourceDocument& source, const std::string& name) {
  const auto it = source.fields.find(name);
  return it == source.fields.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace

DayRange covered_days(const extract::DocumentMetadata& meta) {
  if (meta.period && !meta.period->from.empty() && !meta.period->to.empty()) {
    return {range_start(meta.period->from), range_end(meta.period->to)};
  }
  if (!meta.date.empty()) return {range_start(meta.date), range_end(meta.date)};
  return {};
}

void DocumentBuilder::add_tokens(Xapian::Document& doc, std::string_view text,
                                 const std::vector<text::Token>& tokens, Xapian::termpos first_pos) {
  const text::Token* prev = nullptr;
  for (const text::Token& t : tokens) {
    if (t.is_code) {  // weighted: a document citing a code often ranks above one citing it once
      if (t.folded != own_code_key_) doc.add_term(schema::term(schema::kCites, t.folded));
    } else {
      doc.add_term(schema::word_term(t));
      doc.add_posting(schema::folded_term(t), first_pos + t.pos + 1);  // Xapian positions start at 1
      if (prev && schema::adjacent(text, *prev, t)) {
        const std::string bigram = schema::bigram_term(*prev, t);
        if (bigram.size() <= schema::kMaxTermBytes) doc.add_term(bigram);
      }
    }
    prev = &t;
  }
}

Xapian::Document DocumentBuilder::build(const ingest::SourceDocument& source,
                                        const extract::DocumentMetadata& meta,
                                        std::string_view source_root,
                                        const std::vector<text::Token>& body) {
  Xapian::Document doc;
  own_code_key_.clear();
  if (auto code = text::parse_code(meta.number)) own_code_key_ = code->key;
  // Title, then the title of the document it is part of and the subject heading a source supplies
  // (JSONL `--field parent_title=...`, `--field subject=...`), then the body, each after a gap so
  // that no phrase or bigram spans two of them.
  const std::string_view parent = field_of(source, "parent"), parent_title = field_of(source, "parent_title");
  Xapian::termpos pos = 0;
  for (std::string_view heading : {std::string_view(meta.title), parent_title, field_of(source, "subject")}) {
    if (heading.empty()) continue;
    title_tokens_.clear();
    text::tokenize(heading, title_tokens_);
    add_tokens(doc, heading, title_tokens_, pos);
    pos += static_cast<Xapian::termpos>(title_tokens_.size()) + schema::kTitleGap;
  }
  add_tokens(doc, source.text, body, pos);

  add_boolean(doc, schema::kId, source.id);
  add_boolean(doc, schema::kSource, source_root);
  add_boolean(doc, schema::kType, meta.type);
  // Weighted so that the query side can rank the document that IS a code above its citers.
  if (!own_code_key_.empty()) doc.add_term(schema::term(schema::kNumber, own_code_key_));
  for (const auto& c : meta.citations) doc.add_term(schema::term(schema::kCites, c.key), 0);
  add_boolean(doc, schema::kIssuer, text::fold(meta.issuer));
  add_boolean(doc, schema::kProvince, text::fold(meta.province));
  for (const auto& theme : meta.themes) add_boolean(doc, schema::kTheme, theme.id);
  if (meta.draft) doc.add_boolean_term(std::string(schema::kDraft));
  add_boolean(doc, schema::kLevel, extract::level_slug(meta.access.level));
  if (!parent.empty()) doc.add_boolean_term(schema::parent_term(parent));

  std::string facets[schema::kFacetFieldCount];
  auto add_facet = [&facets](schema::FacetField field, std::string_view value) {
    if (value.empty()) return;
    std::string& out = facets[field];
    if (!out.empty()) out += schema::kFacetValueSeparator;
    for (char c : value) out += c == schema::kFacetSeparator || c == schema::kFacetValueSeparator ? ' ' : c;
  };
  add_facet(schema::kFacetType, meta.type);
  add_facet(schema::kFacetIssuer, meta.issuer);
  add_facet(schema::kFacetProvince, meta.province);
  for (const auto& theme : meta.themes) add_facet(schema::kFacetTheme, theme.id);
  if (!parent.empty()) {  // both tidied lines (ingest): no tab of their own
    std::string labelled(parent);
    if (!parent_title.empty()) labelled.append(1, schema::kFacetLabelSeparator).append(parent_title);
    add_facet(schema::kFacetParent, labelled);
  }
  const DayRange days = covered_days(meta);
  if (days.from) {
    for (int y = days.from / 10000; y <= days.to / 10000 && y < days.from / 10000 + 50; ++y) {
      add_boolean(doc, schema::kYear, std::to_string(y));
      add_facet(schema::kFacetYear, std::to_string(y));
    }
    doc.add_value(schema::kSlotPeriod, schema::period_value(days.from, days.to));
    doc.add_value(schema::kSlotPeriodEnd, schema::period_end_value(days.to));
  }
  if (!meta.date.empty()) doc.add_value(schema::kSlotDate, schema::day_value(range_start(meta.date)));
  std::string facet_value;
  for (int f = 0; f < schema::kFacetFieldCount; ++f) {
    if (f > 0) facet_value += schema::kFacetSeparator;
    facet_value += facets[f];
  }
  doc.add_value(schema::kSlotFacets, facet_value);
  for (int f = 0; f < schema::kFacetFieldCount; ++f) {  // each field also alone: counts over shards
    if (!facets[f].empty()) doc.add_value(schema::facet_field_slot(static_cast<schema::FacetField>(f)), facets[f]);
  }
  if (!meta.title.empty()) doc.add_value(schema::kSlotTitle, meta.title);
  if (!parent_title.empty()) doc.add_value(schema::kSlotParentTitle, std::string(parent_title));
  doc.add_value(schema::kSlotContentHash, schema::hash_value(source.content_hash));
  doc.add_value(schema::kSlotAccess, schema::access_value(meta.access));

  doc.set_data(schema::encode_stored({document_json(source, meta), source.text}));
  return doc;
}

}  // namespace vankho::index
