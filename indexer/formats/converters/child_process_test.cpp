#include "child_process.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "converters_test_util.h"

namespace vankho::formats {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

size_t open_fds() {
  size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd"))
    ++n;
  return n;
}

// No child of this process is left, not even a zombie: run_* always reaped theirs.
bool no_children_left() {
  const pid_t rc = ::waitpid(-1, nullptr, WNOHANG);
  return rc == -1 && errno == ECHILD;
}

// True when `pid` no longer runs (gone, or a zombie its new parent has not reaped yet).
bool dead(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pid_field, name, state;
  if (!(stat >> pid_field >> name >> state)) return true;
  return state == "Z" || state == "X";
}

TEST(RunChild, KillsAProgramAtTheTimeLimitAndReapsIt) {
  const auto start = Clock::now();
  const ChildResult r = run_child({"sleep", "30"}, 200ms, 1 << 20);
  EXPECT_LT(seconds_since(start), 3.0);
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.signal, SIGKILL);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(no_children_left());
}

TEST(RunChild, CapsAFloodOfOutput) {
  const auto start = Clock::now();
  const ChildResult r = run_child({"yes"}, 10s, 64 << 10);
  EXPECT_LT(seconds_since(start), 3.0);
  EXPECT_TRUE(r.output_capped);
  EXPECT_FALSE(r.timed_out);
  ASSERT_EQ(r.out.size(), 64u << 10);
  EXPECT_EQ(r.out.substr(0, 4), "y\ny\n");
  EXPECT_TRUE(no_children_left());
}

TEST(RunChild, OutputOfExactlyTheCapIsNotCapped) {
  const ChildResult r = run_child({"head", "-c", "1000", "/dev/zero"}, 10s, 1000);
  EXPECT_TRUE(r.ok());
  EXPECT_FALSE(r.output_capped);
  EXPECT_EQ(r.out.size(), 1000u);
}

TEST(RunChild, ReturnsExitCodeStdoutAndStderr) {
  const ChildResult r = run_child({"sh", "-c", "echo out; echo err >&2; exit 3"}, 10s, 1 << 20);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.out, "out\n");
  EXPECT_EQ(r.err, "err\n");
  EXPECT_TRUE(r.failure.empty());
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(run_child({"true"}, 10s, 1 << 20).ok());
}

TEST(RunChild, KeepsTheFirst4KBOfStderrAndDrainsTheRest) {
  const ChildResult r =
      run_child({"sh", "-c", "head -c 200000 /dev/zero | tr '\\0' e >&2; echo done"}, 10s, 1 << 20);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.err, std::string(4096, 'e'));
  EXPECT_EQ(r.out, "done\n");
}

TEST(RunChild, ReportsASignal) {
  const ChildResult r = run_child({"sh", "-c", "kill -SEGV $$"}, 10s, 1 << 20);
  EXPECT_EQ(r.signal, SIGSEGV);
  EXPECT_FALSE(r.timed_out);
}

TEST(RunChild, AMissingProgramIsAFailureNotAnException) {
  const ChildResult r = run_child({"vankho-no-such-program", "x"}, 10s, 1 << 20);
  EXPECT_EQ(r.failure, "vankho-no-such-program is not installed (not found in PATH)");
  EXPECT_EQ(r.exit_code, -1);
  EXPECT_NE(run_child({"/nonexistent/dir/prog"}, 10s, 1).failure, "");
  EXPECT_NE(run_child({}, 10s, 1).failure, "");
}

TEST(RunChild, AFileThatCannotBeExecutedIsAFailure) {
  testing::ScratchDir dir;
  const std::string junk = dir.write("junk", "not a program\n");
  ::chmod(junk.c_str(), 0755);
  const ChildResult r = run_child({junk}, 10s, 1 << 20);
  EXPECT_NE(r.failure.find("cannot run"), std::string::npos) << r.failure;
  EXPECT_TRUE(no_children_left());
}

TEST(RunChild, StdinIsDevNull) {
  const auto start = Clock::now();
  const ChildResult r = run_child({"cat"}, 5s, 1 << 20);  // would wait for input otherwise
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.out, "");
  EXPECT_LT(seconds_since(start), 3.0);
}

TEST(RunChild, KillsTheWholeProcessGroupAtTheLimit) {
  const auto start = Clock::now();
  const ChildResult r = run_child({"sh", "-c", "sleep 30 & echo $!; sleep 30"}, 300ms, 1 << 20);
  EXPECT_LT(seconds_since(start), 3.0);
  EXPECT_TRUE(r.timed_out);
  const pid_t grandchild = std::atoi(r.out.c_str());
  ASSERT_GT(grandchild, 0) << r.out;
  bool gone = false;
  for (int i = 0; i < 200 && !gone; ++i) {
    gone = dead(grandchild);
    if (!gone) std::this_thread::sleep_for(10ms);
  }
  EXPECT_TRUE(gone) << "the background sleep survived";
}

TEST(RunChild, DoesNotWaitForWhatAnExitedProgramLeftRunning) {
  const auto start = Clock::now();
  // sh exits at once; its background sleep holds stdout open.
  const ChildResult r = run_child({"sh", "-c", "sleep 30 & echo $!"}, 20s, 1 << 20);
  EXPECT_LT(seconds_since(start), 3.0);
  EXPECT_TRUE(r.ok());
  const pid_t grandchild = std::atoi(r.out.c_str());
  ASSERT_GT(grandchild, 0);
  bool gone = false;
  for (int i = 0; i < 200 && !gone; ++i) {
    gone = dead(grandchild);
    if (!gone) std::this_thread::sleep_for(10ms);
  }
  EXPECT_TRUE(gone);
}

TEST(RunChild, StopsReadingSoonAfterExitWhenAnEscapeeHoldsThePipe) {
  const auto start = Clock::now();
  // setsid puts the sleep out of the group that is killed; it keeps stdout open for 4 s.
  const ChildResult r =
      run_child({"sh", "-c", "setsid sleep 4 & sleep 0.3; echo started"}, 20s, 1 << 20);
  EXPECT_LT(seconds_since(start), 3.5);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.out, "started\n");
}

TEST(RunChild, TheChildGetsOnlyStdinStdoutAndStderr) {
  const int leaky = ::open("/dev/null", O_RDONLY);  // no O_CLOEXEC on purpose
  ASSERT_GE(leaky, 0);
  const ChildResult r = run_child({"sh", "-c", "ls /proc/$$/fd"}, 10s, 1 << 20);
  ::close(leaky);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.out, "0\n1\n2\n");
}

TEST(RunInChild, ReturnsTheWorksBytes) {
  const std::string big(3 << 20, 'x');
  const ChildResult r = run_in_child([&] { return "hello " + big; }, 10s, 8 << 20);
  EXPECT_TRUE(r.ok()) << r.err;
  EXPECT_EQ(r.out, "hello " + big);
  EXPECT_TRUE(no_children_left());
}

TEST(RunInChild, ACrashCostsTheChildOnly) {
  const ChildResult r = run_in_child([]() -> std::string { std::abort(); }, 10s, 1 << 20);
  EXPECT_EQ(r.signal, SIGABRT);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(no_children_left());
}

TEST(RunInChild, AHangIsKilledAtTheLimit) {
  const auto start = Clock::now();
  const ChildResult r = run_in_child(
      []() -> std::string {
        volatile bool forever = true;
        while (forever) {
        }
        return "";
      },
      200ms, 1 << 20);
  EXPECT_LT(seconds_since(start), 3.0);
  EXPECT_TRUE(r.timed_out);
  EXPECT_TRUE(no_children_left());
}

TEST(RunInChild, AnExceptionIsAnExitCodeWithItsMessage) {
  const ChildResult r = run_in_child(
      []() -> std::string { throw std::runtime_error("bad xref table"); }, 10s, 1 << 20);
  EXPECT_EQ(r.exit_code, 70);
  EXPECT_NE(r.err.find("bad xref table"), std::string::npos) << r.err;
}

TEST(RunInChild, CapsTheAnswer) {
  const ChildResult r = run_in_child([] { return std::string(1 << 20, 'z'); }, 10s, 64 << 10);
  EXPECT_TRUE(r.output_capped);
  EXPECT_EQ(r.out, std::string(64 << 10, 'z'));
  EXPECT_TRUE(no_children_left());
}

TEST(RunInChild, WhatTheWorkPrintsGoesToErr) {
  const ChildResult r = run_in_child(
      [] {
        ::write(STDOUT_FILENO, "noise\n", 6);
        return std::string("answer");
      },
      10s, 1 << 20);
  EXPECT_EQ(r.out, "answer");
  EXPECT_EQ(r.err, "noise\n");
}

std::string* g_atexit_marker = nullptr;

TEST(RunInChild, TheChildRunsNoExitHandlersOfThisProcess) {
  testing::ScratchDir dir;
  static std::string marker;
  marker = dir.str("atexit-ran");
  g_atexit_marker = &marker;
  static bool registered = false;
  if (!registered) {
    std::atexit([] {
      if (g_atexit_marker != nullptr) std::ofstream(*g_atexit_marker) << "ran";
    });
    registered = true;
  }
  const ChildResult r = run_in_child([] { return std::string("done"); }, 10s, 1 << 20);
  EXPECT_TRUE(r.ok());
  EXPECT_FALSE(std::filesystem::exists(marker));
  g_atexit_marker = nullptr;  // this process's own exit must not write into a removed folder
}

TEST(RunInChild, WorksWhileAnotherThreadAllocates) {
#if defined(__SANITIZE_ADDRESS__)  // GCC's AddressSanitizer (clang's: fork_process.cpp)
  GTEST_SKIP() << "GCC 12's AddressSanitizer allocator is not fork-safe and exports no way to lock "
                  "it: a child can deadlock in malloc on a lock another thread held at the fork "
                  "(glibc's malloc is safe; under clang's ASan fork_process() holds its locks)";
#endif
  std::atomic<bool> stop = false;
  std::thread busy([&] {
    while (!stop) {
      std::string s(1000 + rand() % 100000, 'a');
      (void)s;
    }
  });
  for (int i = 0; i < 50; ++i) {
    const ChildResult r = run_in_child([] { return std::string(100000, 'b'); }, 10s, 1 << 20);
    EXPECT_TRUE(r.ok()) << "run " << i << ": " << r.err;
  }
  stop = true;
  busy.join();
}

TEST(ChildProcess, ManyRunsLeakNoFileDescriptors) {
  const size_t before = open_fds();
  for (int i = 0; i < 40; ++i) {
    EXPECT_TRUE(run_child({"sh", "-c", "echo x; echo y >&2"}, 10s, 1 << 20).ok());
    EXPECT_TRUE(run_in_child([] { return std::string("x"); }, 10s, 1 << 20).ok());
    EXPECT_TRUE(run_child({"yes"}, 10s, 1000).output_capped);
    EXPECT_FALSE(run_child({"vankho-no-such-program"}, 10s, 1 << 20).failure.empty());
  }
  EXPECT_TRUE(run_child({"sleep", "5"}, 50ms, 1 << 20).timed_out);
  EXPECT_TRUE(run_in_child([]() -> std::string { std::abort(); }, 10s, 1).signal != 0);
  EXPECT_EQ(open_fds(), before);
  EXPECT_TRUE(no_children_left());
}

}  // namespace
}  // namespace vankho::formats
