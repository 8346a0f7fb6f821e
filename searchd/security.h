// Security for an internal portal: headers on every response (nosniff, a Content-Security-Policy,
// Referrer-Policy), CORS only for the configured origins, and the admin bearer token compared in
// constant time.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vankho::searchd {

enum class ResponseKind { kApi, kPage, kAdmin };

// Headers every response carries, including the ones httplib writes itself (malformed requests):
// X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer.
[[nodiscard]] httplib::Headers default_security_headers();

// Content-Security-Policy (strict for JSON, `'self'` for the page: no inline scripts), and for
// admin responses Cache-Control: no-store.
void add_security_headers(httplib::Response& res, ResponseKind kind);

class CorsPolicy {
 public:
  explicit CorsPolicy(std::vector<std::string> origins) : origins_(std::move(origins)) {}

  // For an API response: reflects an allowed Origin (with Vary: Origin); for a preflight also the
  // allowed methods and headers. Origins not listed get no CORS headers (the browser refuses).
  void apply(const httplib::Request& req, httplib::Response& res, bool preflight, const std::string& methods) const;

  [[nodiscard]] bool allowed(std::string_view origin) const;

 private:
  std::vector<std::string> origins_;
};

// The token of an `Authorization: Bearer TOKEN` header.
[[nodiscard]] std::optional<std::string> bearer_token(const std::string& authorization);

// Compares in time that depends only on the expected token's length.
[[nodiscard]] bool token_equals(std::string_view expected, std::string_view given);

}  // namespace vankho::searchd
