#include "json_response.h"

namespace vankho::searchd {

std::string dump_json(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(dump_json(body), kJsonType);
}

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  send_json(res, status, {{"error", {{"code", code}, {"message", message}}}});
}

void send_param_error(httplib::Response& res, const std::string& param, const std::string& message) {
  send_json(res, 400, {{"error", {{"code", "bad_parameter"}, {"message", message}, {"parameter", param}}}});
}

}  // namespace vankho::searchd
