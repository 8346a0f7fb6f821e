#include "render_text.h"

#include <iomanip>
#include <string>

namespace vankho::query_tool {
namespace {

// The text with its marks emphasised for a terminal.
std::string emphasized(const query::MarkedText& m, Emphasis e) {
  const std::string_view on = e == Emphasis::kAnsiBold ? "\033[1m" : "**";
  const std::string_view off = e == Emphasis::kAnsiBold ? "\033[0m" : "**";
  std::string out;
  size_t pos = 0;
  for (const auto& mark : m.marks) {
    out.append(m.text, pos, mark.begin - pos).append(on).append(m.text, mark.begin, mark.end - mark.begin).append(off);
    pos = mark.end;
  }
  out.append(m.text, pos);
  return out;
}

std::string meta_line(const query::Hit& h) {
  std::string line = h.type_label.empty() ? "(không rõ loại)" : h.type_label;
  line += " · " + (h.number.empty() ? std::string("—") : h.number);
  line += " · " + (h.date.empty() ? std::string("—") : h.date);
  if (!h.issuer.empty()) line += " · " + h.issuer;
  if (h.page > 0) line += " · trang " + std::to_string(h.page);
  if (h.ocr) line += " · OCR";
  return line;
}

}  // namespace

void render_hits(std::ostream& out, const std::vector<query::Hit>& hits, size_t first_rank, Emphasis e) {
  for (size_t i = 0; i < hits.size(); ++i) {
    const auto& h = hits[i];
    out << std::setw(3) << (first_rank + i) << ". " << (h.title.empty() ? h.id : h.title) << "\n";
    out << "     " << meta_line(h) << "   [" << h.id << "]\n";
    if (h.parent) {  // the larger document the record is part of
      out << "     thuộc " << h.parent->second << (h.parent->second.empty() || h.parent->first.empty() ? "" : " — ")
          << h.parent->first << "\n";
    }
    if (!h.section.empty()) out << "     § " << h.section << "\n";
    if (!h.snippet.text.empty()) out << "     " << emphasized(h.snippet, e) << "\n";
    out << "\n";
  }
}

void render_response(std::ostream& out, const query::SearchResponse& r, size_t offset, Emphasis e) {
  const auto& q = r.query;
  out << (r.total_exact ? "" : "about ") << r.total << " result(s) (" << std::fixed
      << std::setprecision(1) << r.took_ms << " ms)\n";
  for (const auto& c : q.codes) {
    out << "understood '" << c.text << "' as code";
    for (const auto& code : c.codes) out << " " << code;
    out << " (" << c.is_documents << " document(s) with this number, cited by " << c.cited_by << ")\n";
  }
  for (const auto& a : q.abbreviations) out << "also searched: '" << a.also << "' for '" << a.text << "'\n";
  if (q.period) out << "period: " << q.period->text << "\n";
  for (const auto& f : q.filters) out << "filter " << f.field << ": " << f.label << "\n";
  for (const auto& w : q.warnings) out << "note: " << w.message << "\n";
  if (r.suggestion) out << "did you mean: " << *r.suggestion << "\n";
  out << "\n";
  render_hits(out, r.hits, offset + 1, e);
}

void render_citations(std::ostream& out, const query::CitationView& v) {
  if (!v.warning.empty()) out << "note: " << v.warning << "\n";
  out << "code:";
  for (const auto& c : v.codes) out << " " << c;
  out << "\n";
  out << "is (" << v.is.size() << "):\n";
  for (const auto& d : v.is) out << "  " << d.id << "  " << d.title << "  " << d.date << "\n";
  out << "cited by (" << v.citing.size() << "):\n";
  for (const auto& d : v.citing) out << "  " << d.id << "  " << d.title << "  " << d.date << "\n";
}

}  // namespace vankho::query_tool
