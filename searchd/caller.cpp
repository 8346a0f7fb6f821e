#include "caller.h"

#include <arpa/inet.h>

#include <algorithm>
#include <stdexcept>

#include "security.h"
#include "utf8.h"

namespace vankho::searchd {
namespace {

constexpr size_t kMaxUserBytes = 200;
constexpr const char* kChallenge = "Bearer realm=\"vankho\"";

CallerRefusal unauthorized(std::string message, std::string challenge) {
  return {401, "unauthorized", std::move(message), "Authorization", std::move(challenge)};
}

CallerRefusal bad_header(const std::string& header, const std::string& what) {
  return {400, "bad_header", header + ": " + what, header, ""};
}

// A header value as it reached us (cpp-httplib 0.11 percent-decodes header values, so `%0D%0A`
// arrives as CR LF): any control character, or bytes that are not UTF-8, make it unusable.
bool clean(const std::string& value) {
  return text::valid_utf8(value) && std::none_of(value.begin(), value.end(), [](char c) {
           const auto u = static_cast<unsigned char>(c);
           return u < 0x20 || u == 0x7f;
         });
}

// Every value of header `name`, whole: Request::get_header_value() would cut one at a NUL byte.
std::vector<std::string> values_of(const httplib::Request& req, const char* name) {
  std::vector<std::string> values;
  const auto [begin, end] = req.headers.equal_range(name);
  for (auto it = begin; it != end; ++it) values.push_back(it->second);
  return values;
}

}  // namespace

const char* via_name(Caller::Via via) {
  switch (via) {
    case Caller::Via::kKey:
      return "key";
    case Caller::Via::kProxy:
      return "proxy";
    case Caller::Via::kAnonymous:
      break;
  }
  return "anonymous";
}

std::optional<std::string> canonical_address(const std::string& text) {
  unsigned char bytes[16];
  char out[INET6_ADDRSTRLEN];
  if (inet_pton(AF_INET, text.c_str(), bytes) == 1)
    return inet_ntop(AF_INET, bytes, out, sizeof out);
  if (inet_pton(AF_INET6, text.c_str(), bytes) != 1) return std::nullopt;
  static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kMapped, kMapped + 12, bytes))
    return inet_ntop(AF_INET, bytes + 12, out, sizeof out);
  return inet_ntop(AF_INET6, bytes, out, sizeof out);
}

CallerPolicy::CallerPolicy(KeyTable keys, const std::vector<std::string>& trusted_proxies,
                           extract::AccessLevel anonymous)
    : keys_(std::move(keys)), anonymous_(anonymous) {
  for (const auto& p : trusted_proxies) {
    auto canonical = canonical_address(p);
    if (!canonical) {
      throw std::invalid_argument(
          "--trusted-proxy: expected a numeric IPv4 or IPv6 address, got '" + p + "'");
    }
    proxies_.push_back(std::move(*canonical));
  }
}

bool CallerPolicy::trusted(const std::string& remote) const {
  if (proxies_.empty()) return false;
  const auto canonical = canonical_address(remote);
  return canonical && std::find(proxies_.begin(), proxies_.end(), *canonical) != proxies_.end();
}

Identified CallerPolicy::identify(const httplib::Request& req) const {
  Identified out;
  const auto refuse = [&out](CallerRefusal why) {
    out.refusal = std::move(why);
    return out;
  };
  const std::vector<std::string> authorizations = values_of(req, "Authorization");
  if (authorizations.size() > 1)
    return refuse(unauthorized("send one Authorization header", kChallenge));
  if (authorizations.size() == 1) {
    const auto key = bearer_token(authorizations[0]);
    if (!key) return refuse(unauthorized("expected Authorization: Bearer KEY", kChallenge));
    const ApiKey* entry = keys_.find(*key);
    if (!entry) {
      return refuse(unauthorized("the API key is not known",
                                 std::string(kChallenge) + ", error=\"invalid_token\""));
    }
    out.caller = Caller{Caller::Via::kKey, entry->name, entry->level};
    return out;
  }

  const std::vector<std::string> user_values = values_of(req, kUserHeader);
  const std::vector<std::string> level_values = values_of(req, kLevelHeader);
  const size_t users = user_values.size(), levels = level_values.size();
  out.caller = Caller{Caller::Via::kAnonymous, "", anonymous_};
  if (users + levels == 0) return out;
  if (!trusted(req.remote_addr)) {
    out.ignored_headers = true;
    return out;
  }
  out.caller.reset();
  // Two values mean the proxy appended to what the client sent instead of replacing it.
  if (users > 1) return refuse(bad_header(kUserHeader, "given more than once"));
  if (levels > 1) return refuse(bad_header(kLevelHeader, "given more than once"));
  if (users == 0)
    return refuse(bad_header(kUserHeader, std::string("required with ") + kLevelHeader));
  const std::string& user = user_values[0];
  if (!clean(user) || user.size() > kMaxUserBytes) {
    return refuse(bad_header(kUserHeader, "expected at most " + std::to_string(kMaxUserBytes) +
                                              " bytes of UTF-8 without control characters"));
  }
  Caller caller{Caller::Via::kProxy, user,
                anonymous_};  // a user without a level: the anonymous one
  if (levels == 1) {
    const std::string& level_text = level_values[0];
    const auto level = clean(level_text) ? extract::parse_level(level_text) : std::nullopt;
    if (!level)
      return refuse(bad_header(kLevelHeader, "expected one of " + extract::level_choices()));
    caller.clearance = *level;
  }
  out.caller = std::move(caller);
  return out;
}

}  // namespace vankho::searchd
