#include "export_csv.h"

#include <httplib.h>

namespace vankho::searchd {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

std::string vietnamese_date(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string csv_field(std::string_view value) {
  std::string text;
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) text = "'";
  text.append(value);
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string csv_header(const CsvOptions& options) {
  return std::string(options.excel ? kBom : "") + "Số hiệu,Loại,Trích yếu,Cơ quan ban hành,Ngày ban hành,Thời kỳ,Chủ đề,Liên kết\r\n";
}

std::string csv_row(const query::Hit& hit, const CsvOptions& options) {
  std::string period;
  if (hit.period) period = vietnamese_date(hit.period->first) + " – " + vietnamese_date(hit.period->second);
  std::string themes;
  for (size_t i = 0; i < hit.themes.size(); ++i) themes += (i ? "; " : "") + hit.themes[i].second;
  const std::string fields[] = {hit.number,  hit.type_label, hit.title, hit.issuer, vietnamese_date(hit.date),
                                period,      themes,         options.page_url + "?doc=" + httplib::detail::encode_query_param(hit.id)};
  std::string row;
  for (size_t i = 0; i < std::size(fields); ++i) row += (i ? "," : "") + csv_field(fields[i]);
  return row + "\r\n";
}

}  // namespace vankho::searchd
