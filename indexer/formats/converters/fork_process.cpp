// glibc's malloc takes its locks around fork(); the AddressSanitizer allocators of GCC 12 and
// clang 14 do not (LLVM 17's does). A child forked while another thread of the parent held one of
// the allocator's locks (vankho-indexer's writer thread allocates all the time) waits for it at its
// first malloc, forever: in a sanitized build a PDF's child then hangs until the time limit. Under
// clang's ASan, fork_process() holds the allocator's and the stack depot's locks across fork(), as
// newer runtimes do themselves. GCC's libasan does not export them: its builds keep the risk.
#include "fork_process.h"

#include <unistd.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VANKHO_LOCK_ASAN_AROUND_FORK 1
// compiler-rt's (global, not part of its public interface; present since before clang 14).
namespace __lsan {
void LockAllocator();
void UnlockAllocator();
}  // namespace __lsan
namespace __sanitizer {
void StackDepotLockAll();
void StackDepotUnlockAll();
}  // namespace __sanitizer
#endif
#endif

namespace vankho::formats {

pid_t fork_process() {
#if defined(VANKHO_LOCK_ASAN_AROUND_FORK)
  __lsan::LockAllocator();
  __sanitizer::StackDepotLockAll();
  const pid_t pid = ::fork();
  __sanitizer::StackDepotUnlockAll();  // in the parent and in the child, which inherited them held
  __lsan::UnlockAllocator();
  return pid;
#else
  return ::fork();
#endif
}

}  // namespace vankho::formats
