#include "fuzz_check.h"

#include <cstdio>
#include <cstdlib>

#include "utf8.h"

namespace vankho::fuzz {

void fail(const char* file, int line, const char* condition, std::string_view expectation) {
  std::fprintf(stderr, "%s:%d: FUZZ_CHECK(%s) failed: expected %.*s\n", file, line, condition,
               static_cast<int>(expectation.size()), expectation.data());
  std::abort();
}

bool valid_utf8(std::string_view s) { return text::valid_utf8(s); }

}  // namespace vankho::fuzz
