// A test's own world: a temporary folder with a copy of seeds/, an index built from it by the real
// vankho-indexer (unmarked documents public), a small web folder, and the real vankho-searchd
// serving them on a free port.
#pragma once

#include <httplib.h>

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "searchd_process.h"
#include "temp_dir.h"

namespace vankho::testing {

inline constexpr const char* kAdminToken = "test-admin-token-0123456789";
inline constexpr const char* kPortalOrigin = "https://portal.example.vn";

class SearchdTest : public ::testing::Test {
 protected:
  void SetUp() override;

  // Starts searchd with --web, --cors-origin kPortalOrigin, the admin token in the environment
  // and `extra` flags. A test may call it again to restart with other flags.
  void start(const std::vector<std::string>& extra = {}, bool with_token = true);

  [[nodiscard]] std::unique_ptr<httplib::Client> client(bool keep_alive = false) const;
  // GET `path` (already percent-encoded); fails the test on a transport error.
  httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) const;
  // GET and parse the JSON body, expecting `status`.
  nlohmann::json get_json(const std::string& path, int status = 200) const;

  [[nodiscard]] std::string docs_dir() const { return dir_.str("docs"); }
  [[nodiscard]] std::string index_dir() const { return dir_.str("index"); }
  [[nodiscard]] std::string log_path() const { return dir_.str("searchd.log"); }
  [[nodiscard]] std::string log_text() const;
  // Indexes docs_dir() into index_dir(); unmarked documents are public (`--default-level
  // cong-khai`), so that anonymous callers see the seeds. `options` go before the path.
  void index_docs(const std::vector<std::string>& options = {});

  TempDir dir_;
  std::unique_ptr<SearchdProcess> searchd_;
};

// Percent-encodes every byte but unreserved ones (RFC 3986).
[[nodiscard]] std::string url_encode(const std::string& s);

[[nodiscard]] std::vector<std::string> hit_ids(const nlohmann::json& response);

}  // namespace vankho::testing
