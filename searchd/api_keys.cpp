#include "api_keys.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <fstream>
#include <sstream>

#include "utf8.h"

namespace vankho::searchd {
namespace {

constexpr size_t kMaxNameBytes = 100;
// SHA-256 of the empty string: a line made from an empty key would match nothing real.
constexpr std::string_view kEmptyHash =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i])) ++i;
    const size_t start = i;
    while (i < line.size() && !is_space(line[i])) ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
  return fields;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<Sha256> parse_hex(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  Sha256 out{};
  for (size_t i = 0; i < out.size(); ++i) {
    const int hi = hex_value(hex[2 * i]), lo = hex_value(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return out;
}

bool printable(std::string_view s) {
  for (const unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return text::valid_utf8(s);
}

}  // namespace

Sha256 sha256(std::string_view data) {
  Sha256 out{};
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data());
  return out;
}

std::optional<KeyTable> KeyTable::load(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot read the file";
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path, error);
}

std::optional<KeyTable> KeyTable::parse(std::string_view text, std::string_view source,
                                        std::string& error) {
  KeyTable table;
  std::vector<size_t> lines;  // the line of each entry, for duplicates
  size_t line_no = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    const auto fields = fields_of(line);
    if (fields.empty() || fields[0].starts_with('#')) continue;
    const auto fail = [&](const std::string& why) {
      error = std::string(source) + ":" + std::to_string(line_no) + ": " + why;
      return std::nullopt;
    };
    // The first field is never echoed: a key pasted there by mistake must not reach a log.
    const auto hash = parse_hex(fields[0]);
    if (!hash) {
      return fail(
          "expected the SHA-256 of the key as 64 hex digits (printf %s KEY | sha256sum), got " +
          std::to_string(fields[0].size()) + " characters");
    }
    if (fields.size() < 3)
      return fail("expected `SHA256-HEX NAME LEVEL`, got " + std::to_string(fields.size()) +
                  " fields");
    if (hash == parse_hex(kEmptyHash)) return fail("this is the SHA-256 of an empty key");
    const std::string_view name = fields[1];
    if (name.size() > kMaxNameBytes || !printable(name)) {
      return fail("NAME: expected at most " + std::to_string(kMaxNameBytes) +
                  " bytes of printable UTF-8");
    }
    // LEVEL is the rest of the line, so that a label with a space (`Tối mật`) reads as one.
    const size_t level_start = static_cast<size_t>(fields[2].data() - line.data());
    std::string_view level_text = line.substr(level_start);
    while (!level_text.empty() && is_space(level_text.back())) level_text.remove_suffix(1);
    const auto level = extract::parse_level(level_text);
    if (!level) {
      return fail("LEVEL: expected one of " + extract::level_choices() + ", got '" +
                  std::string(level_text.substr(0, 40)) + "'");
    }
    for (size_t i = 0; i < table.keys_.size(); ++i) {
      if (table.keys_[i].hash == *hash)
        return fail("the same key as line " + std::to_string(lines[i]));
    }
    table.keys_.push_back({*hash, std::string(name), *level});
    lines.push_back(line_no);
  }
  return table;
}

const ApiKey* KeyTable::find(std::string_view key) const {
  const Sha256 h = sha256(key);
  const ApiKey* found = nullptr;
  // Every entry is compared, with CRYPTO_memcmp; the selection below does not branch on a match.
  for (const ApiKey& entry : keys_) {
    const auto equal =
        static_cast<uintptr_t>(CRYPTO_memcmp(entry.hash.data(), h.data(), h.size()) == 0);
    const uintptr_t mask = uintptr_t{0} - equal;
    found = reinterpret_cast<const ApiKey*>((reinterpret_cast<uintptr_t>(&entry) & mask) |
                                            (reinterpret_cast<uintptr_t>(found) & ~mask));
  }
  return found;
}

}  // namespace vankho::searchd
