#include "sidecar.h"

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "file_input.h"
#include "tidy.h"

namespace vankho::ingest {
namespace {

using Json = nlohmann::json;

constexpr uint64_t kMaxSidecarBytes = 1 << 20;
constexpr std::string_view kNotUsed = "; not used: the document keeps its other sources of metadata";

// "[json.exception.parse_error.101] parse error at ..." → "parse error at ...".
std::string json_error(const std::exception& e) {
  std::string what = e.what();
  if (what.starts_with("[json.exception.")) {
    if (const size_t close = what.find("] "); close != std::string::npos) what.erase(0, close + 2);
  }
  return what;
}

// A string or a number as text; nullopt for anything else.
std::optional<std::string> text_of(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return v.dump();
  return std::nullopt;
}

}  // namespace

bool is_sidecar_name(std::string_view name) { return name.ends_with(kSidecarSuffix); }

std::optional<Sidecar> read_sidecar(const std::string& document_path, std::vector<Problem>& problems) {
  const std::string path = document_path + std::string(kSidecarSuffix);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  auto warn = [&](std::string reason) { problems.push_back({path, 0, std::move(reason), false}); };
  FileBytes raw = read_file_bytes(path, kMaxSidecarBytes);
  if (!raw.error.empty()) {
    warn(raw.error + std::string(kNotUsed));
    return std::nullopt;
  }
  Json json;
  try {
    json = Json::parse(raw.bytes);
  } catch (const Json::exception& e) {
    warn("bad JSON: " + json_error(e) + std::string(kNotUsed));
    return std::nullopt;
  }
  if (!json.is_object()) {
    warn("expected a JSON object such as {\"level\": \"mat\"}" + std::string(kNotUsed));
    return std::nullopt;
  }
  Sidecar out;
  std::vector<std::string> unknown;
  for (const auto& [name, value] : json.items()) {
    if (name != "level" && name != "title" && name != "number" && name != "date" && name != "type") {
      unknown.push_back(name);
      continue;
    }
    if (value.is_null()) continue;
    const auto text = text_of(value);
    if (!text) {
      warn("`" + name + "` is not text" + std::string(kNotUsed));
      return std::nullopt;
    }
    if (name == "level") {
      out.level = extract::parse_level(*text);
      if (!out.level) {
        warn("unknown level `" + *text + "` (expected one of " + extract::level_choices() + ")" +
             std::string(kNotUsed));
        return std::nullopt;
      }
    } else if (name == "title") {
      out.title = tidy_line(*text);
    } else if (std::string field = tidy_line(*text); !field.empty()) {
      out.fields[name] = std::move(field);
    }
  }
  if (!unknown.empty()) {
    std::string names;
    for (const std::string& n : unknown) names += (names.empty() ? "`" : ", `") + n + "`";
    warn("ignored " + names + ": a sidecar holds level, title, number, date and type");
  }
  return out;
}

}  // namespace vankho::ingest
