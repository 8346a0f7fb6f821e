#include "config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <thread>

#include "temp_dir.h"

namespace vankho::searchd {
namespace {

ConfigResult parse(std::vector<const char*> args) {
  args.insert(args.begin(), "vankho-searchd");
  return parse_config(static_cast<int>(args.size()), args.data());
}

TEST(Config, DefaultsBindToLoopback) {
  unsetenv("VANKHO_ADMIN_TOKEN");
  const auto r = parse({"--index", "idx"});
  ASSERT_TRUE(r.config) << r.message;
  EXPECT_EQ(r.config->listen.host, "127.0.0.1");
  EXPECT_EQ(r.config->listen.port, 8080);
  EXPECT_EQ(r.config->threads, std::clamp<size_t>(2 * std::thread::hardware_concurrency(), 4, 64));
  EXPECT_LT(r.config->keep_alive_max, r.config->threads);
  EXPECT_TRUE(r.config->admin_token.empty());
}

// The file the package installs, shared by the three tools: searchd reads the common lines and
// [searchd], and refuses a line it cannot use with its number.
TEST(Config, TheSharedFileIsReadBySection) {
  testing::TempDir dir;
  const std::string file = dir.write("vankho.conf",
                                     "index = /var/lib/vankho/index\n[indexer]\narchive = /srv/a\n"
                                     "[searchd]\nlisten = 127.0.0.1:9090\nanonymous-level = noi-bo\n");
  auto r = parse({"--config", file.c_str()});
  ASSERT_TRUE(r.config) << r.message;
  EXPECT_EQ(r.config->index_dir, "/var/lib/vankho/index");
  EXPECT_EQ(r.config->listen.port, 9090);
  EXPECT_EQ(r.config->anonymous_level, extract::AccessLevel::kNoiBo);
  const std::string bad = dir.write("bad.conf", "index = /i\n[searchd]\nthreads = 4\nthread = 8\n");
  EXPECT_EQ(parse({"--config", bad.c_str()}).message, bad + ":4: vankho-searchd has no setting 'thread' in [searchd]");
  // VANKHO_CONFIG names the file when --config does not.
  setenv("VANKHO_CONFIG", file.c_str(), 1);
  r = parse({});
  unsetenv("VANKHO_CONFIG");
  ASSERT_TRUE(r.config) << r.message;
  EXPECT_EQ(r.config->listen.port, 9090);
}

TEST(Config, FlagsWinOverTheFile) {
  testing::TempDir dir;
  dir.write("searchd.conf",
            "index = from-file\nthreads = 4\ncors-origin = https://portal.example.vn\n"
            "cors-origin = https://b.example.vn\nadmin-token = 0123456789abcdef0123\n");
  const std::string file = dir.str("searchd.conf");
  const auto r = parse({"--config", file.c_str(), "--index", "from-flag", "--listen", "0.0.0.0:0"});
  ASSERT_TRUE(r.config) << r.message;
  EXPECT_EQ(r.config->index_dir, "from-flag");
  EXPECT_EQ(r.config->threads, 4u);
  EXPECT_EQ(r.config->cors_origins.size(), 2u);
  EXPECT_EQ(r.config->admin_token, "0123456789abcdef0123");
  EXPECT_EQ(r.config->listen.host, "0.0.0.0");
  EXPECT_EQ(r.config->listen.port, 0);
}

TEST(Config, TokenFromTheEnvironment) {
  setenv("VANKHO_ADMIN_TOKEN", "env-token-0123456789", 1);
  const auto r = parse({"--index", "idx"});
  unsetenv("VANKHO_ADMIN_TOKEN");
  ASSERT_TRUE(r.config);
  EXPECT_EQ(r.config->admin_token, "env-token-0123456789");
}

TEST(Config, ErrorsNameTheOption) {
  unsetenv("VANKHO_ADMIN_TOKEN");
  EXPECT_NE(parse({}).message.find("--index"), std::string::npos);
  EXPECT_NE(parse({"--index", "i", "--listen", "8080"}).message.find("--listen"), std::string::npos);
  EXPECT_NE(parse({"--index", "i", "--listen", "h:99999"}).message.find("--listen"), std::string::npos);
  EXPECT_NE(parse({"--index", "i", "--threads", "1"}).message.find("--threads"), std::string::npos);
  EXPECT_NE(parse({"--index", "i", "--threads", "4", "--keep-alive-max", "4"}).message.find("--keep-alive-max"),
            std::string::npos);
  EXPECT_NE(parse({"--index", "i", "--admin-token", "short"}).message.find("--admin-token"), std::string::npos);
  EXPECT_NE(parse({"--index", "i", "--cors-origin", "*"}).message.find("--cors-origin"), std::string::npos);
  EXPECT_NE(parse({"--index", "i", "--bogus"}).message.find("bogus"), std::string::npos);
  EXPECT_EQ(parse({"--index", "i", "--config", "/nonexistent/file"}).message,
            "/nonexistent/file: cannot read the configuration file");
  const auto help = parse({"--help"});
  EXPECT_TRUE(help.help);
  EXPECT_NE(help.message.find("--reload-interval-ms"), std::string::npos);
}

TEST(Config, AccessOptionsFromFlagsAndTheFile) {
  unsetenv("VANKHO_ADMIN_TOKEN");
  testing::TempDir dir;
  // printf %s abc | sha256sum
  dir.write("keys",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad lan toi-mat\n");
  dir.write("searchd.conf", "keys = " + dir.str("keys") +
                                "\ntrusted-proxy = 10.0.0.5\nanonymous-level = noi-bo\n" +
                                "audit-log = " + dir.str("audit.log") + "\n");
  const std::string file = dir.str("searchd.conf");
  const auto r = parse({"--config", file.c_str(), "--index", "i", "--trusted-proxy", "::1"});
  ASSERT_TRUE(r.config) << r.message;
  EXPECT_EQ(r.config->keys.size(), 1u);
  ASSERT_NE(r.config->keys.find("abc"), nullptr);
  EXPECT_EQ(r.config->keys.find("abc")->level, extract::AccessLevel::kToiMat);
  EXPECT_EQ(r.config->trusted_proxies, (std::vector<std::string>{"::1", "10.0.0.5"}));
  EXPECT_EQ(r.config->anonymous_level, extract::AccessLevel::kNoiBo);
  EXPECT_EQ(r.config->audit_log, dir.str("audit.log"));
  const auto defaults = parse({"--index", "i"});
  ASSERT_TRUE(defaults.config);
  EXPECT_EQ(defaults.config->anonymous_level, extract::AccessLevel::kCongKhai);
  EXPECT_EQ(defaults.config->keys.size(), 0u);
}

TEST(Config, AccessErrorsNameTheOptionAndTheLine) {
  unsetenv("VANKHO_ADMIN_TOKEN");
  testing::TempDir dir;
  dir.write(
      "keys",
      "# keys\nba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad lan secret\n");
  const std::string keys = dir.str("keys");
  EXPECT_EQ(parse({"--index", "i", "--keys", keys.c_str()})
                .message.rfind("--keys: " + keys + ":2: LEVEL: expected one of", 0),
            0u);
  EXPECT_EQ(parse({"--index", "i", "--keys", "/nonexistent/keys"}).message,
            "--keys: /nonexistent/keys: cannot read the file");
  EXPECT_EQ(parse({"--index", "i", "--anonymous-level", "public"}).message,
            "--anonymous-level: expected one of cong-khai, noi-bo, mat, toi-mat, tuyet-mat, got "
            "'public'");
  EXPECT_EQ(parse({"--index", "i", "--trusted-proxy", "portal.example.vn"}).message,
            "--trusted-proxy: expected a numeric IPv4 or IPv6 address, got 'portal.example.vn'");
}

TEST(Config, ListenAddresses) {
  EXPECT_EQ(parse_listen("[::1]:9000")->host, "::1");
  EXPECT_EQ(parse_listen("[::1]:9000")->port, 9000);
  EXPECT_FALSE(parse_listen("::1:9000"));
  EXPECT_FALSE(parse_listen("localhost:"));
  EXPECT_FALSE(parse_listen(":80"));
  EXPECT_FALSE(parse_listen("host:8o"));
}

}  // namespace
}  // namespace vankho::searchd
