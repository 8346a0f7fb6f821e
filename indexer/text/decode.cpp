#include "decode.h"

#include "utf8.h"

namespace vankho::text {

DecodedText decode(std::string_view bytes) {
  DecodedText out;
  out.text.reserve(bytes.size());
  size_t pos = 0;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    out.had_bom = true;
    pos = 3;
  }
  while (pos < bytes.size()) {
    const char c = bytes[pos];
    if (c == '\r') {  // CRLF and lone CR both end a line
      out.text.push_back('\n');
      pos += (pos + 1 < bytes.size() && bytes[pos + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      out.text.push_back(c);
      ++pos;
      continue;
    }
    const CodePoint cp = next_code_point(bytes, pos);
    if (cp.value == kReplacementChar && cp.length == 1) {
      ++out.invalid_sequences;
      append_utf8(out.text, kReplacementChar);
    } else {
      out.text.append(bytes.substr(pos, cp.length));
    }
    pos += cp.length;
  }
  return out;
}

}  // namespace vankho::text
