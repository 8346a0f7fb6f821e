// What the access log and metrics need to know about the request a worker thread is answering:
// when it started, which route it took, who asked, how many hits it returned. A connection is served by one
// thread from routing to logging, so a thread_local carries it.
#pragma once

#include <chrono>
#include <optional>

#include "caller.h"
#include "routes.h"

namespace vankho::searchd {

struct RequestContext {
  bool active = false;    // routing started for the current request (reset when it is logged)
  bool answered = false;  // searchd's router wrote the response (not httplib itself)
  std::chrono::steady_clock::time_point started;
  Route route = Route::kUnmatched;
  std::optional<size_t> hits;
  std::optional<Caller> caller;  // for routes that read the index
};

inline RequestContext& current_request() {
  thread_local RequestContext context;
  return context;
}

}  // namespace vankho::searchd
