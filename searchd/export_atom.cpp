#include "export_atom.h"

#include <httplib.h>

#include "export_csv.h"

namespace vankho::searchd {
namespace {

// RFC 3339 from an ISO date (yyyy-mm-dd: midnight UTC); documents without a date sort as the epoch.
std::string rfc3339(const std::string& date) {
  if (date.size() == 10 && date[4] == '-' && date[7] == '-') return date + "T00:00:00Z";
  return "1970-01-01T00:00:00Z";
}

}  // namespace

std::string xml_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string atom_feed(const AtomFeed& feed, const std::vector<query::Hit>& hits) {
  std::string updated = "1970-01-01T00:00:00Z";
  for (const auto& hit : hits) updated = std::max(updated, rfc3339(hit.date));
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  out += "  <title>" + xml_text(feed.title) + "</title>\n";
  out += "  <id>" + xml_text(feed.self_url) + "</id>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_text(feed.self_url) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(feed.alternate) + "\"/>\n";
  out += "  <updated>" + updated + "</updated>\n";
  out += "  <author><name>Văn khố</name></author>\n";
  out += "  <generator>vankho-searchd</generator>\n";
  for (const auto& hit : hits) {
    const std::string link = feed.page_url + "?doc=" + httplib::detail::encode_query_param(hit.id);
    std::string summary = hit.type_label;
    if (!hit.number.empty()) summary += " số " + hit.number;
    if (!hit.issuer.empty()) summary += " của " + hit.issuer;
    if (!hit.date.empty()) summary += ", ngày " + vietnamese_date(hit.date);
    out += "  <entry>\n";
    out += "    <title>" + xml_text(hit.title.empty() ? hit.id : hit.title) + "</title>\n";
    out += "    <id>" + xml_text(link) + "</id>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(link) + "\"/>\n";
    out += "    <updated>" + rfc3339(hit.date) + "</updated>\n";
    out += "    <summary>" + xml_text(summary) + "</summary>\n";
    for (const auto& [id, label] : hit.themes) {
      out += "    <category term=\"" + xml_text(id) + "\" label=\"" + xml_text(label) + "\"/>\n";
    }
    out += "  </entry>\n";
  }
  return out + "</feed>\n";
}

}  // namespace vankho::searchd
