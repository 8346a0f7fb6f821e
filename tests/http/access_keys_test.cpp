// Who is asking: API keys (right, wrong, of a lower level, none), the portal proxy's headers from
// a trusted and an untrusted address, header injection, the audit log, and keys in no log.
#include <filesystem>

#include "access_fixture.h"

namespace vankho::testing {
namespace {

const std::string kSecretSearch = "/api/search?q=" + url_encode(kMatWord);

std::string request_with(const std::string& headers) {
  return "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Connection: close\r\n\r\n";
}

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  size_t start = 0;
  for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(nlohmann::json::parse(text.substr(start, end - start)));
  }
  return lines;
}

class Keys : public AccessTest {};

TEST_F(Keys, NoKeyIsTheAnonymousLevelAndAKeyItsOwn) {
  start({"--keys", keys_path()});
  EXPECT_EQ(json_as("/api/health", "")["clearance"], "cong-khai");
  EXPECT_EQ(json_as(kSecretSearch, "")["total"], 0);
  EXPECT_EQ(json_as(kSecretSearch, "mat")["total"], 1);
  auto res = get_as(kSecretSearch, "mat");
  ASSERT_TRUE(res);
  // Answers above the public level are kept by no cache, and no shared cache mixes callers.
  EXPECT_EQ(res->get_header_value("Cache-Control"), "private, no-store");
  EXPECT_EQ(res->get_header_value("Vary"), "Origin, Authorization, X-Vankho-User, X-Vankho-Level");
  EXPECT_EQ(res->get_header_value_count("Vary"), 1u);
  EXPECT_EQ(get(kSecretSearch)->get_header_value("Cache-Control"), "");
}

TEST_F(Keys, AKeyOfALowerLevelSeesNothingAboveIt) {
  start({"--keys", keys_path()});
  EXPECT_EQ(json_as(kSecretSearch, "noi-bo")["total"], 0);
  json_as("/api/documents/" + kMatId, "noi-bo", 404);
  json_as("/api/documents/" + kMatId, "cong-khai", 404);
  EXPECT_EQ(json_as("/api/documents/" + kNoiBoId, "noi-bo")["level"], "noi-bo");
  json_as("/api/documents/" + kNoiBoId, "cong-khai", 404);
}

TEST_F(Keys, AWrongKeyIsRefusedWith401NeverServedAsAnonymous) {
  start({"--keys", keys_path()});
  for (const std::string& path : std::vector<std::string>{
           kSecretSearch, std::string("/api/health"), "/api/documents/" + kCitingId,
           std::string("/api/suggest?q=ke"), std::string("/metrics")}) {
    for (const std::string& authorization : std::vector<std::string>{
             "Bearer wrong-key-0123456789", "Bearer " + sha256_hex(key_of("mat")),
             "Basic dXNlcjpwdw==", "Bearer "}) {
      auto res = get(path, {{"Authorization", authorization}});
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 401) << path << " " << authorization;
      EXPECT_EQ(res->get_header_value("WWW-Authenticate").rfind("Bearer realm=\"vankho\"", 0), 0u)
          << authorization;
      const auto body = nlohmann::json::parse(res->body);
      EXPECT_EQ(body["error"]["code"], "unauthorized");
    }
  }
  // The static page and the admin route do not read the index: no key is looked at there.
  EXPECT_EQ(get("/", {{"Authorization", "Bearer wrong"}})->status, 200);
}

TEST_F(Keys, ProxyHeadersFromAnUntrustedAddressAreIgnored) {
  start({"--keys", keys_path()});  // no --trusted-proxy: 127.0.0.1 is not trusted
  const httplib::Headers headers{{"X-Vankho-User", "nguyen.van.a"},
                                 {"X-Vankho-Level", "tuyet-mat"}};
  auto res = get(kSecretSearch, headers);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(nlohmann::json::parse(res->body)["total"], 0);
  EXPECT_EQ(nlohmann::json::parse(get("/api/health", headers)->body)["clearance"], "cong-khai");
  EXPECT_NE(get("/metrics")->body.find("\nvankho_identity_headers_ignored_total 2\n"),
            std::string::npos);
  EXPECT_NE(log_text().find("\"event\":\"identity_headers_ignored\""), std::string::npos)
      << log_text();
}

TEST_F(Keys, ProxyHeadersFromATrustedAddressGiveTheUserAndLevel) {
  start({"--trusted-proxy", "127.0.0.1", "--audit-log", audit_path()});
  const httplib::Headers headers{{"X-Vankho-User", "nguyen.van.a"}, {"X-Vankho-Level", "Mật"}};
  auto res = get(kSecretSearch, headers);
  ASSERT_TRUE(res);
  EXPECT_EQ(nlohmann::json::parse(res->body)["total"], 1);
  EXPECT_EQ(get("/api/documents/" + kMatId, headers)->status, 200);
  const auto audit = json_lines(audit_text());
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0]["caller"], "nguyen.van.a");
  EXPECT_EQ(audit[0]["via"], "proxy");
  // A user without a level is that user at the anonymous level.
  EXPECT_EQ(nlohmann::json::parse(get("/api/health", {{"X-Vankho-User", "b"}})->body)["clearance"],
            "cong-khai");
}

TEST_F(Keys, InjectedOrRepeatedProxyHeadersAreRefused) {
  start({"--trusted-proxy", "127.0.0.1"});
  const int port = searchd_->port();
  // cpp-httplib percent-decodes header values: %0D%0A arrives as CR LF inside the value.
  for (const std::string& headers : std::vector<std::string>{
           "X-Vankho-User: bob%0D%0AX-Vankho-Level: tuyet-mat\r\n",
           "X-Vankho-User: bob%0AX-Vankho-Level%3A tuyet-mat\r\nX-Vankho-Level: cong-khai\r\n",
           "X-Vankho-User: bob\r\nX-Vankho-Level: mat%0D%0AX-Vankho-User: eve\r\n",
           "X-Vankho-User: bob\nX-Vankho-Level: tuyet-mat\r\n",  // a bare LF: the user line is
                                                                 // dropped
           "X-Vankho-User: bob\rX-Vankho-Level: tuyet-mat\r\n",
           "X-Vankho-User: bob\r\nX-Vankho-Level: mat\r\nX-Vankho-Level: tuyet-mat\r\n",
           "X-Vankho-User: bob\r\nX-Vankho-User: eve\r\nX-Vankho-Level: mat\r\n",
           std::string("X-Vankho-User: bob\0eve\r\nX-Vankho-Level: mat\r\n", 45),
           "X-Vankho-User: bob\r\nX-Vankho-Level: secret\r\n"}) {
    const std::string response = raw_request(port, request_with(headers));
    EXPECT_EQ(response.rfind("HTTP/1.1 400", 0), 0u) << headers << "\n" << response;
    EXPECT_NE(response.find("\"code\":\"bad_header\""), std::string::npos) << response;
  }
  const std::string fine =
      raw_request(port, request_with("X-Vankho-User: bob\r\nX-Vankho-Level: mat\r\n"));
  EXPECT_NE(fine.find("\"clearance\":\"mat\""), std::string::npos) << fine;
}

TEST_F(Keys, ViewsAboveThePublicLevelAreAuditedAndNoLogHoldsAKey) {
  start({"--keys", keys_path(), "--audit-log", audit_path()});
  EXPECT_EQ(get_as("/api/documents/" + kMatId + "?q=zirconi", "mat")->status, 200);
  EXPECT_EQ(get_as("/api/documents/" + kMatId + "/original", "tuyet-mat")->status, 200);
  EXPECT_EQ(get_as("/api/documents/" + kNoiBoId, "noi-bo")->status, 200);
  EXPECT_EQ(get_as("/api/documents/" + kCitingId, "mat")->status, 200);  // public: not audited
  EXPECT_EQ(get_as("/api/documents/" + kMatId, "noi-bo")->status, 404);  // not seen: not audited
  EXPECT_EQ(get_as(kSecretSearch, "mat")->status, 200);                  // a search: not a view
  EXPECT_EQ(get(kSecretSearch, {{"Authorization", "Bearer wrong-key"}})->status, 401);
  const auto audit = json_lines(audit_text());
  ASSERT_EQ(audit.size(), 3u) << audit_text();
  EXPECT_EQ(audit[0]["caller"], "user-mat");
  EXPECT_EQ(audit[0]["via"], "key");
  EXPECT_EQ(audit[0]["id"], kMatId);
  EXPECT_EQ(audit[0]["level"], "mat");
  EXPECT_EQ(audit[0]["route"], "document");
  EXPECT_EQ(audit[0]["remote"], "127.0.0.1");
  EXPECT_TRUE(audit[0]["time"].get<std::string>().ends_with("Z"));
  EXPECT_EQ(audit[1]["caller"], "user-tuyet-mat");
  EXPECT_EQ(audit[1]["route"], "original");
  EXPECT_EQ(audit[2]["id"], kNoiBoId);
  EXPECT_EQ(audit[2]["level"], "noi-bo");
  // The access log names the caller, never the key nor its hash.
  const std::string log = log_text();
  EXPECT_NE(log.find("\"caller\":\"user-mat\""), std::string::npos) << log;
  for (const std::string& level : std::vector<std::string>{"mat", "tuyet-mat", "noi-bo"}) {
    for (const std::string& text : std::vector<std::string>{log, audit_text()}) {
      EXPECT_EQ(text.find(key_of(level)), std::string::npos) << level;
      EXPECT_EQ(text.find(sha256_hex(key_of(level))), std::string::npos) << level;
    }
  }
  EXPECT_EQ(log.find("wrong-key"), std::string::npos);
}

TEST_F(Keys, TheAnonymousLevelCanBeRaised) {
  start({"--anonymous-level", "noi-bo"});
  EXPECT_EQ(json_as("/api/documents/" + kNoiBoId, "")["level"], "noi-bo");
  EXPECT_EQ(json_as(kSecretSearch, "")["total"], 0);
}

TEST_F(Keys, EverythingCanComeFromTheConfigFile) {
  dir_.write("searchd.conf", "keys = " + keys_path() +
                                 "\ntrusted-proxy = 10.1.2.3\ntrusted-proxy = 127.0.0.1\n" +
                                 "anonymous-level = noi-bo\naudit-log = " + audit_path() + "\n");
  start({"--config", dir_.str("searchd.conf")});
  EXPECT_EQ(json_as("/api/health", "")["clearance"], "noi-bo");
  EXPECT_EQ(json_as("/api/documents/" + kMatId, "mat")["level"], "mat");
  EXPECT_EQ(nlohmann::json::parse(
                get("/api/health", {{"X-Vankho-User", "a"}, {"X-Vankho-Level", "toi-mat"}})
                    ->body)["clearance"],
            "toi-mat");
  EXPECT_EQ(json_lines(audit_text()).size(), 1u);
}

TEST_F(Keys, ABadKeysFileOrAnUnwritableAuditLogIsRefusedAtStart) {
  dir_.write("bad-keys.txt", "# keys\n" + sha256_hex("k") + " lan mat\nnot-a-hash lan mat\n");
  EXPECT_THROW(start({"--keys", dir_.str("bad-keys.txt")}), std::runtime_error);
  EXPECT_NE(log_text().find("--keys: " + dir_.str("bad-keys.txt") +
                            ":3: expected the SHA-256 of the key"),
            std::string::npos)
      << log_text();
  EXPECT_EQ(log_text().find("not-a-hash"), std::string::npos);
  EXPECT_THROW(start({"--audit-log", dir_.str("no-such-folder/audit.log")}), std::runtime_error);
  EXPECT_NE(log_text().find("--audit-log: cannot open " + dir_.str("no-such-folder/audit.log") +
                            " for appending: No such file or directory"),
            std::string::npos)
      << log_text();
  EXPECT_THROW(start({"--trusted-proxy", "portal.example.vn"}), std::runtime_error);
  EXPECT_NE(log_text().find("--trusted-proxy: expected a numeric IPv4 or IPv6 address"),
            std::string::npos);
}

}  // namespace
}  // namespace vankho::testing
