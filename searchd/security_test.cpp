#include "security.h"

#include <gtest/gtest.h>

namespace vankho::searchd {
namespace {

TEST(Token, BearerHeader) {
  EXPECT_EQ(bearer_token("Bearer abc"), "abc");
  EXPECT_EQ(bearer_token("bearer   abc  "), "abc");
  EXPECT_FALSE(bearer_token("Basic abc"));
  EXPECT_FALSE(bearer_token("Bearer "));
  EXPECT_FALSE(bearer_token(""));
}

TEST(Token, ComparesWholeTokens) {
  EXPECT_TRUE(token_equals("0123456789abcdef", "0123456789abcdef"));
  EXPECT_FALSE(token_equals("0123456789abcdef", "0123456789abcdeF"));
  EXPECT_FALSE(token_equals("0123456789abcdef", "0123456789abcde"));
  EXPECT_FALSE(token_equals("0123456789abcdef", "0123456789abcdef0"));
  EXPECT_FALSE(token_equals("", ""));
}

TEST(Cors, OnlyListedOriginsAreReflected) {
  const CorsPolicy cors({"https://portal.example.vn"});
  httplib::Request req;
  req.headers.emplace("Origin", "https://portal.example.vn");
  httplib::Response res;
  cors.apply(req, res, true, "GET, HEAD, OPTIONS");
  EXPECT_EQ(res.get_header_value("Access-Control-Allow-Origin"), "https://portal.example.vn");
  EXPECT_EQ(res.get_header_value("Vary"), "Origin");
  EXPECT_EQ(res.get_header_value("Access-Control-Allow-Methods"), "GET, HEAD, OPTIONS");

  httplib::Request other;
  other.headers.emplace("Origin", "https://evil.example.com");
  httplib::Response res2;
  cors.apply(other, res2, false, "GET");
  EXPECT_FALSE(res2.has_header("Access-Control-Allow-Origin"));
  EXPECT_EQ(res2.get_header_value("Vary"), "Origin");
}

TEST(Headers, PageAndAdmin) {
  httplib::Response page, admin;
  add_security_headers(page, ResponseKind::kPage);
  add_security_headers(admin, ResponseKind::kAdmin);
  EXPECT_NE(page.get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(page.get_header_value("Content-Security-Policy").find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(admin.get_header_value("Cache-Control"), "no-store");
}

}  // namespace
}  // namespace vankho::searchd
