#include "audit_log.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "temp_dir.h"

namespace vankho::searchd {
namespace {

TEST(AuditLog, WritesOneJsonLinePerViewAndAppends) {
  testing::TempDir dir;
  dir.write("audit.log", "{\"earlier\": true}\n");
  {
    AuditLog log(dir.str("audit.log"));
    ASSERT_TRUE(log.enabled());
    const Caller lan{Caller::Via::kKey, "lan", extract::AccessLevel::kMat};
    EXPECT_TRUE(
        log.record({lan, "127.0.0.1", "ban/so-1.txt", extract::AccessLevel::kMat, "document"}));
    EXPECT_TRUE(log.record({Caller{}, "127.0.0.1", "x", extract::AccessLevel::kNoiBo, "original"}));
  }
  std::ifstream in(dir.str("audit.log"));
  std::string line;
  std::vector<nlohmann::json> lines;
  while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1]["caller"], "lan");
  EXPECT_EQ(lines[1]["via"], "key");
  EXPECT_EQ(lines[1]["id"], "ban/so-1.txt");
  EXPECT_EQ(lines[1]["level"], "mat");
  EXPECT_EQ(lines[1]["route"], "document");
  EXPECT_EQ(lines[1]["time"].get<std::string>().size(), 24u);  // 2026-01-02T03:04:05.678Z
  EXPECT_TRUE(lines[2]["caller"].is_null());
  EXPECT_EQ(lines[2]["via"], "anonymous");
}

TEST(AuditLog, AnUnwritableFileIsRefusedWithTheReason) {
  testing::TempDir dir;
  try {
    AuditLog log(dir.str("no-such-folder/audit.log"));
    FAIL() << "opened";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "--audit-log: cannot open " +
                                         dir.str("no-such-folder/audit.log") +
                                         " for appending: No such file or directory");
  }
}

TEST(AuditLog, OnlyLevelsAbovePublicAreAudited) {
  EXPECT_FALSE(audited(extract::AccessLevel::kCongKhai));
  EXPECT_TRUE(audited(extract::AccessLevel::kNoiBo));
  EXPECT_TRUE(audited(extract::AccessLevel::kTuyetMat));
}

}  // namespace
}  // namespace vankho::searchd
