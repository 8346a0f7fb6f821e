// JSON bodies as searchd sends them: UTF-8 that never throws on bad bytes (they become U+FFFD), and
// the one error shape {"error": {"code": "...", "message": "..."}}.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

namespace vankho::searchd {

inline constexpr const char* kJsonType = "application/json; charset=utf-8";

// Serializes without throwing: invalid UTF-8 is replaced, never reported as an exception.
[[nodiscard]] std::string dump_json(const nlohmann::json& j);

void send_json(httplib::Response& res, int status, const nlohmann::json& body);

// code: a stable machine name ("bad_parameter", "not_found", ...); message: for a person.
void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message);

// 400 bad_parameter, with the parameter's name beside the message.
void send_param_error(httplib::Response& res, const std::string& param, const std::string& message);

}  // namespace vankho::searchd
