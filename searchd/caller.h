// Who is asking, and the clearance their answers are computed at. In this order:
//  1. `Authorization: Bearer KEY`, a key of --keys FILE. A key that is present but not known is
//     refused (401), never served at a lower level: a revoked or mistyped key must be noticed.
//  2. From a --trusted-proxy address only, `X-Vankho-User` and `X-Vankho-Level` as the portal's
//     reverse proxy sets them after its sign-on. From any other address they are ignored.
//  3. Anyone else: --anonymous-level.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

#include "api_keys.h"

namespace vankho::searchd {

inline constexpr const char* kUserHeader = "X-Vankho-User";
inline constexpr const char* kLevelHeader = "X-Vankho-Level";

struct Caller {
  enum class Via { kAnonymous, kKey, kProxy };
  Via via = Via::kAnonymous;
  std::string name;  // the key's NAME, or X-Vankho-User; "" when anonymous
  extract::AccessLevel clearance = extract::AccessLevel::kCongKhai;
};

[[nodiscard]] const char* via_name(Caller::Via via);  // "anonymous", "key", "proxy"

// Why a request is refused before it is answered: 401 (with a WWW-Authenticate challenge) for a
// credential that is not a known key, 400 for identity headers a trusted proxy got wrong.
struct CallerRefusal {
  int status = 400;
  std::string code;       // "unauthorized", "bad_header"
  std::string message;    // never echoes a key
  std::string header;     // the header at fault
  std::string challenge;  // WWW-Authenticate value with 401
};

struct Identified {
  std::optional<Caller> caller;  // set unless refused
  CallerRefusal refusal;
  bool ignored_headers = false;  // identity headers came from an address that is not trusted
};

class CallerPolicy {
 public:
  // Throws std::invalid_argument naming --trusted-proxy when an address is not a numeric IP.
  CallerPolicy(KeyTable keys, const std::vector<std::string>& trusted_proxies,
               extract::AccessLevel anonymous);

  [[nodiscard]] Identified identify(const httplib::Request& req) const;

  [[nodiscard]] extract::AccessLevel anonymous_level() const { return anonymous_; }

 private:
  [[nodiscard]] bool trusted(const std::string& remote) const;

  KeyTable keys_;
  std::vector<std::string> proxies_;  // canonical numeric forms
  extract::AccessLevel anonymous_;
};

// The canonical text of a numeric IPv4 or IPv6 address (an IPv4-mapped IPv6 one as IPv4), or
// nullopt for anything else (host names are not accepted).
[[nodiscard]] std::optional<std::string> canonical_address(const std::string& text);

}  // namespace vankho::searchd
