#include "routes.h"

#include <gtest/gtest.h>

namespace vankho::searchd {
namespace {

TEST(Routes, ApiRoutesAndArguments) {
  const RouteTable t{true, true};
  EXPECT_EQ(t.match("GET", "/api/search").route, Route::kSearch);
  EXPECT_EQ(t.match("HEAD", "/api/search").status, 0);
  auto doc = t.match("GET", "/api/documents/seeds/000_b.txt");
  EXPECT_EQ(doc.route, Route::kDocument);
  EXPECT_EQ(doc.arg, "seeds/000_b.txt");
  auto sim = t.match("GET", "/api/documents/a/b.txt/similar");
  EXPECT_EQ(sim.route, Route::kSimilar);
  EXPECT_EQ(sim.arg, "a/b.txt");
  auto why = t.match("GET", "/api/documents/a/b.txt/explain");
  EXPECT_EQ(why.route, Route::kExplain);
  EXPECT_EQ(why.arg, "a/b.txt");
  auto cite = t.match("GET", "/api/citations/13-NQ/TW");
  EXPECT_EQ(cite.route, Route::kCitations);
  EXPECT_EQ(cite.arg, "13-NQ/TW");
  EXPECT_EQ(t.match("GET", "/metrics").route, Route::kMetrics);
  EXPECT_EQ(t.match("POST", "/api/admin/reload").route, Route::kAdminReload);
  EXPECT_EQ(t.match("GET", "/").route, Route::kStatic);
}

TEST(Routes, TraversalIsJustAnUnknownId) {
  const RouteTable t{false, true};
  auto m = t.match("GET", "/api/documents/../../etc/passwd");
  EXPECT_EQ(m.route, Route::kDocument);  // looked up in the index only, never on disk
  EXPECT_EQ(m.arg, "../../etc/passwd");
}

TEST(Routes, NotFoundAndMethodNotAllowed) {
  const RouteTable t{false, false};
  EXPECT_EQ(t.match("GET", "/api/nothing").status, 404);
  EXPECT_EQ(t.match("GET", "/api/documents/").status, 404);
  EXPECT_EQ(t.match("GET", "/index.html").status, 404);  // no --web
  EXPECT_EQ(t.match("POST", "/api/admin/reload").status, 404);  // no token: the route does not exist
  auto m = t.match("DELETE", "/api/search");
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(m.allow, "GET, HEAD, OPTIONS");
  const RouteTable admin{true, false};
  auto get = admin.match("GET", "/api/admin/reload");
  EXPECT_EQ(get.status, 405);
  EXPECT_EQ(get.allow, "POST, OPTIONS");
  auto pre = admin.match("OPTIONS", "/api/search");
  EXPECT_TRUE(pre.preflight);
  EXPECT_EQ(pre.status, 0);
}

}  // namespace
}  // namespace vankho::searchd
