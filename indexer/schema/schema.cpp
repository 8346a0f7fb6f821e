#include "schema.h"

#include <cstdio>

namespace vankho::schema {

std::string hash_value(uint64_t hash) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%016llx/e%d", static_cast<unsigned long long>(hash), extract::kExtractionVersion);
  return buf;
}

std::string period_value(int from, int to) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%08d%08d", from, to);
  return buf;
}

std::string period_end_value(int to) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08d", to);
  return buf;
}

bool parse_period_value(std::string_view value, int& from, int& to) {
  if (value.size() != 16) return false;
  from = to = 0;
  for (size_t i = 0; i < 16; ++i) {
    if (value[i] < '0' || value[i] > '9') return false;
    int& v = i < 8 ? from : to;
    v = v * 10 + (value[i] - '0');
  }
  return from <= to;
}

}  // namespace vankho::schema

namespace vankho::schema {

std::string access_value(const extract::AccessAssignment& access) {
  return std::string(extract::level_slug(access.level)) + " " + access.from;
}

std::optional<extract::AccessAssignment> parse_access_value(std::string_view value) {
  const size_t space = value.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const auto level = extract::parse_level(value.substr(0, space));
  if (!level) return std::nullopt;
  return extract::AccessAssignment{*level, std::string(value.substr(space + 1))};
}

}  // namespace vankho::schema
