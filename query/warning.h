// A part of a request that could not be used as written, and what was done instead. `code` is
// stable (clients word it in their language: web/js/format.js words each in Vietnamese), `params`
// are the values the wording needs, and `message` is the English sentence for clients that know
// no code. The codes are listed in searchd/README.md.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace vankho::query {

struct Warning {
  std::string code;
  std::string message;
  std::vector<std::pair<std::string, std::string>> params;  // in the order the message names them
};

}  // namespace vankho::query
