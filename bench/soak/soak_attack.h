// The slow-client attack of the soak run: connections that send part of a request head and then
// nothing (reopened as soon as the server closes them), and a few that trickle a head a byte a
// second.
#pragma once

#include <atomic>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "soak_http.h"

namespace vankho::soak {

struct AttackOptions {
  std::string host = "127.0.0.1";
  int port = 0;
  size_t idle = 200;   // send "GET / HTTP/1.1\r\nHost: x\r\n", then nothing
  size_t trickle = 5;  // send a never-ending head, one byte a second
  Clock::time_point end;
};

struct AttackStats {
  size_t opened = 0;               // connections established
  size_t connect_failed = 0;       // connect() refused, failed or not established within 5 s
  size_t closed_by_server = 0;     // connections the server closed (or reset) while the attack ran
  size_t max_open = 0;             // most attack connections established at once
  std::map<int, size_t> statuses;  // status of what the server answered before closing
  std::vector<double> idle_held_ms, trickle_held_ms;  // how long the server kept each one open
  size_t trickle_bytes = 0;                           // bytes trickled in all
};

// Runs until opts.end or `stop`; closes every connection it made before returning.
void run_attack(const AttackOptions& opts, const std::atomic<bool>& stop, AttackStats& stats);

}  // namespace vankho::soak
