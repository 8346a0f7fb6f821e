// The access-level world of the HTTP tests: the seeds (public) plus a `MẬT` report, a `LƯU HÀNH
// NỘI BỘ` notice and a public plan citing the report by its code, indexed by the real indexer from
// their stamps; a --keys file with one key per level; and requests made as a caller of a level.
#pragma once

#include <string>
#include <vector>

#include "http_fixture.h"

namespace vankho::testing {

// Document ids, and words only each document holds.
inline const std::string kMatId = "bao-cao-mat.txt";         // MẬT; 99-BC/TU; "zirconi"
inline const std::string kNoiBoId = "thong-bao-noi-bo.txt";  // LƯU HÀNH NỘI BỘ; "làng gốm"
inline const std::string kCitingId = "cong-khai-trich-dan.txt";  // public; cites 99-BC/TU
inline const std::string kMatWord = "zirconi";
inline const std::string kMatTitle = "Báo cáo về khai thác quặng zirconi ở vùng biên giới";
inline const std::string kNoiBoTitle = "Thông báo kết luận về phương án di dời làng gốm Bầu Trúc";

// Writes the three documents into `folder` (`with`: which of them, by id).
void write_access_documents(const std::string& folder, const std::vector<std::string>& with);

// The API key of each level in the fixture's keys file.
[[nodiscard]] std::string key_of(const std::string& level);

// The lowercase hex SHA-256 of `text`, as `printf %s TEXT | sha256sum` prints it.
[[nodiscard]] std::string sha256_hex(const std::string& text);

class AccessTest : public SearchdTest {
 protected:
  // The seeds and the three documents indexed; the keys file written (not started).
  void SetUp() override;

  [[nodiscard]] std::string keys_path() const { return dir_.str("keys.txt"); }
  [[nodiscard]] std::string audit_path() const { return dir_.str("audit.log"); }
  [[nodiscard]] std::string audit_text() const;

  // GET `path` as a caller holding the key of `level` ("" : no key).
  httplib::Result get_as(const std::string& path, const std::string& level) const;
  nlohmann::json json_as(const std::string& path, const std::string& level, int status = 200) const;
};

// Sends `bytes` to 127.0.0.1:port as they are and returns the whole response, status line to body
// ("" on failure); the request should ask for `Connection: close`.
[[nodiscard]] std::string raw_request(int port, const std::string& bytes);

// `json` without the keys that differ from run to run (took_ms).
[[nodiscard]] nlohmann::json stable(nlohmann::json json);

}  // namespace vankho::testing
