// Running untrusted work in a child process, the way Omega runs its filters: an external program
// (run_child) or a function of this program that may hang or crash on a hostile file
// (run_in_child), each with a time limit and an output cap, its whole process group killed at the
// limit, always reaped, no file descriptor leaked into it or out of it.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace vankho::formats {

struct ChildResult {
  int exit_code = -1;          // when it exited normally
  int signal = 0;              // when a signal ended it (SIGKILL after timed_out/output_capped)
  bool timed_out = false;      // killed at the time limit
  bool output_capped = false;  // killed when stdout passed the cap (out holds the first bytes)
  std::string out, err;        // err: the first 4 KB of stderr
  std::string failure;         // "" or why it could not run at all ("antiword is not installed")

  // Exited by itself with status 0, nothing cut off.
  [[nodiscard]] bool ok() const {
    return failure.empty() && !timed_out && !output_capped && signal == 0 && exit_code == 0;
  }
};

// Runs argv (argv[0] looked up in PATH; no shell) with stdin from /dev/null, in a process group
// of its own. At `time_limit`, or as soon as stdout passes `max_output` bytes, the whole group is
// killed (SIGKILL); when the program exits by itself, what it left running in its group is killed
// too, and its pipes are read for at most 2 s more. Never throws for a program that is missing or
// fails.
[[nodiscard]] ChildResult run_child(const std::vector<std::string>& argv,
                                    std::chrono::milliseconds time_limit, uint64_t max_output);

// Runs `work` in a forked child (no exec) and returns the bytes it returned in `out`, with the
// limits of run_child: a crash (signal), an exception (exit_code 70, its message in err) or a hang
// in `work` costs the child, not this process. The child runs only `work`, writes, and _exit()s:
// no atexit handlers, no destructors of this process's objects. Its stdout and stderr go to
// `err`. In a program with other threads, `work` must not need a lock another thread may hold at
// the fork (glibc's malloc is safe); if it does, it hangs until the time limit.
[[nodiscard]] ChildResult run_in_child(const std::function<std::string()>& work,
                                       std::chrono::milliseconds time_limit, uint64_t max_output);

}  // namespace vankho::formats
