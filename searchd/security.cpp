#include "security.h"

#include <algorithm>
#include <cctype>

namespace vankho::searchd {
namespace {

constexpr const char* kApiPolicy = "default-src 'none'; frame-ancestors 'none'";
constexpr const char* kPagePolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

}  // namespace

httplib::Headers default_security_headers() {
  return {{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}};
}

void add_security_headers(httplib::Response& res, ResponseKind kind) {
  res.set_header("Content-Security-Policy", kind == ResponseKind::kPage ? kPagePolicy : kApiPolicy);
  if (kind == ResponseKind::kPage) res.set_header("X-Frame-Options", "SAMEORIGIN");
  if (kind == ResponseKind::kAdmin) res.set_header("Cache-Control", "no-store");
}

bool CorsPolicy::allowed(std::string_view origin) const {
  return !origin.empty() && std::find(origins_.begin(), origins_.end(), origin) != origins_.end();
}

void CorsPolicy::apply(const httplib::Request& req, httplib::Response& res, bool preflight,
                       const std::string& methods) const {
  if (origins_.empty()) return;
  res.set_header("Vary", "Origin");
  const std::string origin = req.get_header_value("Origin");
  if (!allowed(origin)) return;
  res.set_header("Access-Control-Allow-Origin", origin);
  if (preflight) {
    res.set_header("Access-Control-Allow-Methods", methods);
    res.set_header("Access-Control-Allow-Headers", "Content-Type");
    res.set_header("Access-Control-Max-Age", "600");
  }
}

std::optional<std::string> bearer_token(const std::string& authorization) {
  constexpr std::string_view kScheme = "bearer ";
  if (authorization.size() <= kScheme.size()) return std::nullopt;
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(authorization[i])) != kScheme[i]) return std::nullopt;
  }
  size_t start = kScheme.size();
  while (start < authorization.size() && authorization[start] == ' ') ++start;
  size_t end = authorization.size();
  while (end > start && authorization[end - 1] == ' ') --end;
  if (start == end) return std::nullopt;
  return authorization.substr(start, end - start);
}

bool token_equals(std::string_view expected, std::string_view given) {
  volatile unsigned char diff = expected.size() == given.size() ? 0 : 1;
  for (size_t i = 0; i < expected.size(); ++i) {
    const unsigned char g = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    diff = diff | (static_cast<unsigned char>(expected[i]) ^ g);
  }
  return diff == 0 && !expected.empty();
}

}  // namespace vankho::searchd
