// Runs a real vankho binary for CLI tests and captures what a person would see.
#pragma once

#include <string>
#include <vector>

namespace vankho::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out, err;
};

// argv[0] is the program path; no shell is involved.
CommandResult run_command(const std::vector<std::string>& argv, const std::string& stdin_text = "");

}  // namespace vankho::testing
