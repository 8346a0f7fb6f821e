#include "params.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include <httplib.h>

#include "time_expr.h"
#include "utf8.h"

namespace vankho::searchd {
namespace {

constexpr size_t kShownBytes = 60;

// A value as shown inside an error message: cut short, invalid bytes as \xNN.
std::string shown(std::string_view v) {
  std::string out;
  for (size_t i = 0; i < v.size() && out.size() < kShownBytes;) {
    const text::CodePoint cp = text::next_code_point(v, i);
    const auto b = static_cast<unsigned char>(v[i]);
    if (cp.value == text::kReplacementChar && cp.length == 1 && b >= 0x80) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 15];
    } else if (b < 0x20) {
      out += ' ';
    } else {
      out.append(v.substr(i, cp.length));
    }
    i += cp.length;
  }
  if (out.size() >= kShownBytes) out += "…";
  return out;
}

ParamError error(const std::string& param, const std::string& what) { return {param, param + ": " + what}; }

std::optional<ParamError> check_known(const Params& params, std::initializer_list<std::string_view> allowed) {
  for (const auto& [name, value] : params) {
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    ParamError e{shown(name), "unknown parameter '" + shown(name) + "'"};
    e.message += list.empty() ? "; this route takes no parameters" : "; expected one of: " + list;
    return e;
  }
  return std::nullopt;
}

std::optional<ParamError> check_text(const std::string& name, const std::string& value, size_t max_bytes) {
  if (!text::valid_utf8(value)) return error(name, "not valid UTF-8 (percent-encode UTF-8 text)");
  if (value.size() > max_bytes) {
    return error(name, "longer than " + std::to_string(max_bytes) + " bytes (" + std::to_string(value.size()) + ")");
  }
  return std::nullopt;
}

// The one value of a single-valued parameter.
Parsed<std::optional<std::string>> single(const Params& params, const std::string& name, size_t max_bytes) {
  Parsed<std::optional<std::string>> out;
  auto [first, last] = params.equal_range(name);
  if (first == last) return out;
  if (std::next(first) != last) {
    out.error = error(name, "given more than once; expected a single value");
    return out;
  }
  out.error = check_text(name, first->second, max_bytes);
  out.value = first->second;
  return out;
}

Parsed<std::vector<std::string>> list(const Params& params, const std::string& name) {
  Parsed<std::vector<std::string>> out;
  auto [first, last] = params.equal_range(name);
  for (auto it = first; it != last; ++it) {
    if (out.value.size() == kMaxValuesPerParam) {
      out.error = error(name, "more than " + std::to_string(kMaxValuesPerParam) + " values");
      return out;
    }
    if ((out.error = check_text(name, it->second, kMaxValueBytes))) return out;
    if (it->second.empty()) {
      out.error = error(name, "empty value; leave the parameter out instead");
      return out;
    }
    out.value.push_back(it->second);
  }
  return out;
}

Parsed<size_t> integer(const Params& params, const std::string& name, size_t min, size_t max, size_t dflt) {
  Parsed<size_t> out{dflt, std::nullopt};
  auto v = single(params, name, 64);
  if (v.error) return {dflt, v.error};
  if (!v.value) return out;
  const std::string& s = *v.value;
  const std::string expected =
      "expected an integer from " + std::to_string(min) + " to " + std::to_string(max) + ", got '" + shown(s) + "'";
  if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    out.error = error(name, expected);
    return out;
  }
  const size_t n = std::stoul(s);
  if (n < min || n > max) {
    out.error = error(name, expected);
    return out;
  }
  out.value = n;
  return out;
}

Parsed<bool> flag(const Params& params, const std::string& name, bool dflt) {
  Parsed<bool> out{dflt, std::nullopt};
  auto v = single(params, name, 16);
  if (v.error) return {dflt, v.error};
  if (!v.value) return out;
  std::string s = *v.value;
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
  if (s == "1" || s == "true" || s == "yes" || s == "on") {
    out.value = true;
  } else if (s == "0" || s == "false" || s == "no" || s == "off") {
    out.value = false;
  } else {
    out.error = error(name, "expected true or false (also 1/0, yes/no, on/off; any case), got '" +
                                shown(*v.value) + "'");
  }
  return out;
}

// from/to: "2022-04-02", "2022-04" or "2022".
Parsed<int> day_bound(const Params& params, const std::string& name, bool end) {
  Parsed<int> out;
  auto v = single(params, name, 32);
  if (v.error || !v.value) return {0, v.error};
  out.value = query::parse_day_bound(*v.value, end);
  if (out.value == 0) {
    out.error = error(name, "expected a date YYYY-MM-DD, YYYY-MM or YYYY, got '" + shown(*v.value) + "'");
  }
  return out;
}

}  // namespace

Params query_params(std::string_view target) {
  Params params;
  const size_t question = target.find('?');
  if (question == std::string_view::npos) return params;
  std::string_view query = target.substr(question + 1);
  // One pair at a time through httplib's own parse: the same decoding, nothing merged.
  while (!query.empty()) {
    const size_t amp = std::min(query.find('&'), query.size());
    httplib::Params one;
    httplib::detail::parse_query_text(std::string(query.substr(0, amp)), one);
    params.insert(one.begin(), one.end());
    query.remove_prefix(std::min(amp + 1, query.size()));
  }
  return params;
}

Parsed<query::SearchRequest> parse_search(const Params& params) {
  Parsed<query::SearchRequest> out;
  query::SearchRequest& r = out.value;
  if ((out.error = check_known(params, {"q", "type", "theme", "issuer", "province", "year", "parent", "from", "to", "sort",
                                        "offset", "limit", "facets", "snippets", "suggest", "interpret"}))) {
    return out;
  }
  auto q = single(params, "q", query::kMaxQueryBytes);
  if ((out.error = q.error)) return out;
  r.q = q.value.value_or("");

  const std::array<std::pair<const char*, std::vector<std::string>*>, 6> lists{
      {{"type", &r.types}, {"theme", &r.themes}, {"issuer", &r.issuers}, {"province", &r.provinces}, {"year", &r.years},
       {"parent", &r.parents}}};
  for (const auto& [name, target] : lists) {
    auto v = list(params, name);
    if ((out.error = v.error)) return out;
    *target = std::move(v.value);
  }
  for (const auto& y : r.years) {
    const bool digits = y.size() == 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || y < "1900" || y > "2199") {
      out.error = error("year", "expected a year such as 2022, got '" + shown(y) + "'");
      return out;
    }
  }

  auto from = day_bound(params, "from", false);
  if ((out.error = from.error)) return out;
  auto to = day_bound(params, "to", true);
  if ((out.error = to.error)) return out;
  r.from = from.value;
  r.to = to.value;
  if (r.from && r.to && r.from > r.to) {
    out.error = error("from", "the start " + query::day_to_iso(r.from) + " is after to=" + query::day_to_iso(r.to) +
                                  "; expected from on or before to");
    return out;
  }

  auto sort = single(params, "sort", 32);
  if ((out.error = sort.error)) return out;
  if (sort.value) {
    if (*sort.value == "relevance") {
      r.sort = query::SortOrder::kRelevance;
    } else if (*sort.value == "date") {
      r.sort = query::SortOrder::kDate;
    } else {
      out.error = error("sort", "expected relevance or date, got '" + shown(*sort.value) + "'");
      return out;
    }
  }

  auto offset = integer(params, "offset", 0, query::kMaxOffset, 0);
  if ((out.error = offset.error)) return out;
  auto limit = integer(params, "limit", 0, query::kMaxLimit, 10);
  if ((out.error = limit.error)) return out;
  r.offset = offset.value;
  r.limit = limit.value;

  const std::array<std::pair<const char*, bool*>, 4> flags{
      {{"facets", &r.facets}, {"snippets", &r.snippets}, {"suggest", &r.suggest}, {"interpret", &r.interpret}}};
  for (const auto& [name, target] : flags) {
    auto v = flag(params, name, *target);
    if ((out.error = v.error)) return out;
    *target = v.value;
  }
  return out;
}

Parsed<ExportRequest> parse_export(const Params& params) {
  Parsed<ExportRequest> out;
  Params search_params = params;
  search_params.erase("limit");
  search_params.erase("excel");
  const Parsed<query::SearchRequest> search = parse_search(search_params);
  if ((out.error = search.error)) return out;
  out.value.search = search.value;
  auto limit = integer(params, "limit", 1, kMaxExportRows, kMaxExportRows);
  if ((out.error = limit.error)) return out;
  out.value.search.limit = limit.value;
  auto excel = flag(params, "excel", false);
  if ((out.error = excel.error)) return out;
  out.value.excel = excel.value;
  return out;
}

Parsed<query::SearchRequest> parse_feed(const Params& params) {
  Parsed<query::SearchRequest> out;
  if ((out.error = check_known(params, {"q", "type", "theme", "issuer", "province", "year", "parent", "from", "to",
                                        "limit", "interpret"}))) {
    return out;
  }
  Params search_params = params;
  search_params.erase("limit");
  out = parse_search(search_params);
  if (out.error) return out;
  auto limit = integer(params, "limit", 1, query::kMaxLimit, kFeedEntries);
  if ((out.error = limit.error)) return out;
  out.value.limit = limit.value;
  out.value.sort = query::SortOrder::kDate;
  out.value.facets = out.value.snippets = out.value.suggest = false;
  return out;
}

Parsed<std::string> parse_document(const Params& params) {
  Parsed<std::string> out;
  if ((out.error = check_known(params, {"q"}))) return out;
  auto q = single(params, "q", query::kMaxQueryBytes);
  out.error = q.error;
  out.value = q.value.value_or("");
  return out;
}

Parsed<bool> parse_original(const Params& params) {
  Parsed<bool> out;
  if ((out.error = check_known(params, {"inline"}))) return out;
  return flag(params, "inline", false);
}

Parsed<size_t> parse_limit_only(const Params& params, size_t default_limit) {
  Parsed<size_t> out{default_limit, std::nullopt};
  if ((out.error = check_known(params, {"limit"}))) return out;
  return integer(params, "limit", 1, query::kMaxLimit, default_limit);
}

Parsed<SuggestRequest> parse_suggest(const Params& params) {
  Parsed<SuggestRequest> out;
  if ((out.error = check_known(params, {"q", "limit"}))) return out;
  auto q = single(params, "q", kMaxValueBytes);
  if ((out.error = q.error)) return out;
  out.value.q = q.value.value_or("");
  auto limit = integer(params, "limit", 1, kMaxSuggestions, kMaxSuggestions);
  out.error = limit.error;
  out.value.limit = limit.value;
  return out;
}

std::optional<ParamError> expect_no_params(const Params& params) { return check_known(params, {}); }

}  // namespace vankho::searchd
