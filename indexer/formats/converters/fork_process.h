// fork() for run_in_child, also safe in a threaded process of an AddressSanitizer build. Internal.
#pragma once

#include <sys/types.h>

namespace vankho::formats {

// As fork(). Under clang's AddressSanitizer, the sanitizer allocator's locks are held across the
// fork, so that the child never inherits one that another thread held (see fork_process.cpp).
[[nodiscard]] pid_t fork_process();

}  // namespace vankho::formats
