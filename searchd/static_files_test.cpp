#include "static_files.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace vankho::searchd {
namespace {

TEST(StaticFiles, ServesFilesInsideTheFolderOnly) {
  testing::TempDir dir;
  dir.write("web/index.html", "<!doctype html>");
  dir.write("web/js/app.js", "console.log(1)");
  dir.write("web/.secret", "no");
  dir.write("outside.txt", "secret");
  std::filesystem::create_symlink(dir.str("outside.txt"), dir.str("web/link.txt"));
  std::filesystem::create_directories(dir.str("web/empty"));
  const StaticFiles files(dir.str("web"));

  auto index = files.find("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->body, "<!doctype html>");
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  auto js = files.find("/js/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");

  EXPECT_FALSE(files.find("/../outside.txt"));
  EXPECT_FALSE(files.find("/js/../../outside.txt"));
  EXPECT_FALSE(files.find("/link.txt"));  // a symlink leading out
  EXPECT_FALSE(files.find("/.secret"));
  EXPECT_FALSE(files.find("/empty/"));  // no listing
  EXPECT_FALSE(files.find("/missing.css"));
  EXPECT_FALSE(files.find(std::string("/index.html\0x", 13)));
  EXPECT_FALSE(files.find("relative"));
}

TEST(StaticFiles, ContentTypes) {
  EXPECT_EQ(StaticFiles::content_type("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(StaticFiles::content_type("a.svg"), "image/svg+xml");
  EXPECT_EQ(StaticFiles::content_type("a.bin"), "application/octet-stream");
}

}  // namespace
}  // namespace vankho::searchd
