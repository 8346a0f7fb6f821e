#include "access_fixture.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/sha.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace vankho::testing {
namespace {

const std::map<std::string, std::string>& documents() {
  static const std::map<std::string, std::string> docs = {
      {kMatId,
       "TỈNH ỦY LAI CHÂU\nSố 99-BC/TU\nLai Châu, ngày 15 tháng 3 năm 2023\nMẬT\n\nBÁO CÁO\n"
       "về khai thác quặng zirconi ở vùng biên giới\n\n"
       "Thực hiện Chương trình số 12-CTr/TU về xây dựng nông thôn mới, Ban Thường vụ Tỉnh ủy báo "
       "cáo "
       "tình hình khai thác quặng zirconi trái phép ở các xã biên giới như sau:\n\n"
       "1. Tình hình chung\nViệc khai thác quặng zirconi diễn ra ở ba xã; chuyển đổi số trong quản "
       "lý "
       "khoáng sản còn chậm.\n\n2. Kiến nghị\nĐề nghị tăng cường kiểm tra, xử lý nghiêm các vi "
       "phạm về "
       "khai thác zirconi.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn Quặng\n"},
      {kNoiBoId,
       "TỈNH ỦY LAI CHÂU\nSố 41-TB/TU\nLai Châu, ngày 20 tháng 4 năm 2023\nLƯU HÀNH NỘI "
       "BỘ\n\nTHÔNG BÁO\n"
       "kết luận về phương án di dời làng gốm Bầu Trúc\n\n"
       "Ban Thường vụ Tỉnh ủy thông báo kết luận về phương án di dời làng gốm và xây dựng nông "
       "thôn "
       "mới.\n"},
      {kCitingId,
       "TỈNH ỦY LAI CHÂU\nSố 45-KH/TU\nLai Châu, ngày 02 tháng 5 năm 2023\n\nKẾ HOẠCH\n"
       "kiểm tra việc thực hiện Báo cáo số 99-BC/TU\n\n"
       "Căn cứ Báo cáo số 99-BC/TU của Ban Thường vụ Tỉnh ủy, Tỉnh ủy ban hành kế hoạch kiểm tra "
       "việc "
       "bảo vệ tài nguyên khoáng sản ở vùng biên giới và xây dựng nông thôn mới.\n"},
  };
  return docs;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

void write_access_documents(const std::string& folder, const std::vector<std::string>& with) {
  for (const auto& [id, text] : documents()) {
    if (std::find(with.begin(), with.end(), id) == with.end()) continue;
    std::ofstream(folder + "/" + id, std::ios::binary) << text;
  }
}

std::string key_of(const std::string& level) { return "test-key-" + level + "-7f3a9c2e5b1d"; }

std::string sha256_hex(const std::string& text) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char c : digest) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

void AccessTest::SetUp() {
  SearchdTest::SetUp();
  write_access_documents(docs_dir(), {kMatId, kNoiBoId, kCitingId});
  index_docs();
  std::string keys = "# one key per level\n";
  for (const std::string& level :
       std::vector<std::string>{"cong-khai", "noi-bo", "mat", "tuyet-mat"}) {
    keys += sha256_hex(key_of(level)) + " user-" + level + " " + level + "\n";
  }
  dir_.write("keys.txt", keys);
}

std::string AccessTest::audit_text() const { return read_all(audit_path()); }

httplib::Result AccessTest::get_as(const std::string& path, const std::string& level) const {
  httplib::Headers headers;
  if (!level.empty()) headers.emplace("Authorization", "Bearer " + key_of(level));
  return get(path, headers);
}

nlohmann::json AccessTest::json_as(const std::string& path, const std::string& level,
                                   int status) const {
  auto res = get_as(path, level);
  if (!res) return nullptr;
  EXPECT_EQ(res->status, status) << "GET " << path << " as " << level << ": " << res->body;
  return nlohmann::json::parse(res->body, nullptr, false);
}

std::string raw_request(int port, const std::string& bytes) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "";
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string response;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size())) {
    char buf[4096];
    for (;;) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 5000) <= 0) break;
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      response.append(buf, static_cast<size_t>(n));
    }
  }
  ::close(fd);
  return response;
}

nlohmann::json stable(nlohmann::json json) {
  if (json.is_object()) {
    json.erase("took_ms");
    json.erase("cached");
  }
  return json;
}

}  // namespace vankho::testing
