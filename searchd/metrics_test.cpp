#include "metrics.h"

#include <gtest/gtest.h>

namespace vankho::searchd {
namespace {

TEST(Metrics, CountsAndCumulativeHistogram) {
  Metrics m;
  m.observe(Route::kSearch, 200, 0.002);
  m.observe(Route::kSearch, 200, 0.02);
  m.observe(Route::kSearch, 400, 0.0001);
  IndexGauges g;
  g.revision = 7;
  g.documents = 5;
  const std::string text = m.render(g);
  EXPECT_NE(text.find("vankho_http_requests_total{route=\"search\",status=\"200\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("vankho_http_requests_total{route=\"search\",status=\"400\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("vankho_http_request_duration_seconds_bucket{route=\"search\",le=\"0.001\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("vankho_http_request_duration_seconds_bucket{route=\"search\",le=\"0.0025\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("vankho_http_request_duration_seconds_bucket{route=\"search\",le=\"+Inf\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("vankho_http_request_duration_seconds_count{route=\"search\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("vankho_index_revision 7\n"), std::string::npos);
  EXPECT_NE(text.find("vankho_index_documents 5\n"), std::string::npos);
  EXPECT_EQ(text.find("route=\"document\""), std::string::npos);
}

}  // namespace
}  // namespace vankho::searchd
