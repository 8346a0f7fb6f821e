#include "caller.h"

#include <gtest/gtest.h>

namespace vankho::searchd {
namespace {

using extract::AccessLevel;

const std::string kLanKey = "lan-0123456789abcdef";

std::string hex(const Sha256& h) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char c : h) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

CallerPolicy policy(std::vector<std::string> proxies = {"10.0.0.5", "::1"}) {
  std::string error;
  auto keys = KeyTable::parse(hex(sha256(kLanKey)) + " lan mat\n", "keys", error);
  return CallerPolicy(std::move(*keys), proxies, AccessLevel::kCongKhai);
}

httplib::Request request(const std::string& remote, httplib::Headers headers = {}) {
  httplib::Request req;
  req.remote_addr = remote;
  req.headers = std::move(headers);
  return req;
}

TEST(Caller, NoCredentialIsAnonymous) {
  const Identified who = policy().identify(request("192.0.2.1"));
  ASSERT_TRUE(who.caller);
  EXPECT_EQ(who.caller->via, Caller::Via::kAnonymous);
  EXPECT_EQ(who.caller->clearance, AccessLevel::kCongKhai);
  EXPECT_FALSE(who.ignored_headers);
}

TEST(Caller, AKnownKeyGivesItsNameAndLevel) {
  const Identified who =
      policy().identify(request("192.0.2.1", {{"Authorization", "Bearer " + kLanKey}}));
  ASSERT_TRUE(who.caller);
  EXPECT_EQ(who.caller->via, Caller::Via::kKey);
  EXPECT_EQ(who.caller->name, "lan");
  EXPECT_EQ(who.caller->clearance, AccessLevel::kMat);
}

TEST(Caller, AnUnknownOrMalformedCredentialIsRefusedNotDowngraded) {
  for (const std::string& value :
       std::vector<std::string>{"Bearer wrong-key", "Basic bGFuOnB3", "Bearer", kLanKey}) {
    const Identified who = policy().identify(request("192.0.2.1", {{"Authorization", value}}));
    EXPECT_FALSE(who.caller) << value;
    EXPECT_EQ(who.refusal.status, 401) << value;
    EXPECT_EQ(who.refusal.challenge.rfind("Bearer realm=\"vankho\"", 0), 0u) << value;
    for (const std::string secret : {"wrong-key", "bGFuOnB3", "lan-0123"}) {
      EXPECT_EQ(who.refusal.message.find(secret), std::string::npos) << who.refusal.message;
    }
  }
  const Identified wrong =
      policy().identify(request("192.0.2.1", {{"Authorization", "Bearer wrong"}}));
  EXPECT_EQ(wrong.refusal.challenge, "Bearer realm=\"vankho\", error=\"invalid_token\"");
  const Identified twice =
      policy().identify(request("192.0.2.1", {{"Authorization", "Bearer " + kLanKey},
                                              {"Authorization", "Bearer " + kLanKey}}));
  EXPECT_FALSE(twice.caller);
}

TEST(Caller, ProxyHeadersCountOnlyFromATrustedAddress) {
  const httplib::Headers headers{{kUserHeader, "nguyen.van.a"}, {kLevelHeader, "toi-mat"}};
  for (const std::string remote : {"10.0.0.5", "::ffff:10.0.0.5", "::1"}) {
    const Identified who = policy().identify(request(remote, headers));
    ASSERT_TRUE(who.caller) << remote;
    EXPECT_EQ(who.caller->via, Caller::Via::kProxy);
    EXPECT_EQ(who.caller->name, "nguyen.van.a");
    EXPECT_EQ(who.caller->clearance, AccessLevel::kToiMat);
  }
  const Identified untrusted = policy().identify(request("10.0.0.6", headers));
  ASSERT_TRUE(untrusted.caller);
  EXPECT_EQ(untrusted.caller->via, Caller::Via::kAnonymous);
  EXPECT_EQ(untrusted.caller->clearance, AccessLevel::kCongKhai);
  EXPECT_TRUE(untrusted.ignored_headers);
  EXPECT_TRUE(policy({}).identify(request("10.0.0.5", headers)).ignored_headers);
}

TEST(Caller, BadProxyHeadersAreRefused) {
  const auto refused = [](httplib::Headers headers) {
    const Identified who = policy().identify(request("10.0.0.5", std::move(headers)));
    EXPECT_FALSE(who.caller);
    return who.refusal;
  };
  EXPECT_EQ(
      refused({{kUserHeader, "a\r\nX-Vankho-Level: tuyet-mat"}, {kLevelHeader, "mat"}}).header,
      kUserHeader);
  EXPECT_EQ(refused({{kUserHeader, "a\tb"}}).status, 400);
  EXPECT_EQ(refused({{kUserHeader, "a"}, {kLevelHeader, "mat\r\nX: y"}}).header, kLevelHeader);
  EXPECT_EQ(refused({{kUserHeader, "a"}, {kLevelHeader, "secret"}}).header, kLevelHeader);
  EXPECT_EQ(refused({{kLevelHeader, "mat"}}).header, kUserHeader);
  EXPECT_EQ(
      refused({{kUserHeader, "a"}, {kLevelHeader, "cong-khai"}, {kLevelHeader, "mat"}}).message,
      "X-Vankho-Level: given more than once");
}

TEST(Caller, AUserWithoutALevelIsNamedAtTheAnonymousLevel) {
  const Identified who = policy().identify(request("10.0.0.5", {{kUserHeader, "Trần Thị B"}}));
  ASSERT_TRUE(who.caller);
  EXPECT_EQ(who.caller->name, "Trần Thị B");
  EXPECT_EQ(who.caller->clearance, AccessLevel::kCongKhai);
}

TEST(Caller, TrustedProxiesMustBeNumericAddresses) {
  EXPECT_THROW(policy({"proxy.example.vn"}), std::invalid_argument);
  EXPECT_EQ(canonical_address("::ffff:127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(canonical_address("0:0:0:0:0:0:0:1"), "::1");
  EXPECT_EQ(canonical_address("10.0.0.5/24"), std::nullopt);
}

}  // namespace
}  // namespace vankho::searchd
