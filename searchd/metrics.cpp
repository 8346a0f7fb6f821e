#include "metrics.h"

#include <sstream>

namespace vankho::searchd {

void Metrics::observe(Route route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  Histogram& h = latency_[static_cast<size_t>(route)];
  ++h.count;
  h.sum += seconds;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.buckets[i];
      break;
    }
  }
}

std::string Metrics::render(const IndexGauges& g) const {
  std::ostringstream out;
  out.precision(9);
  out << "# HELP vankho_http_requests_total HTTP requests answered, by route and status.\n"
         "# TYPE vankho_http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, count] : requests_) {
    out << "vankho_http_requests_total{route=\"" << route_name(key.first) << "\",status=\"" << key.second
        << "\"} " << count << "\n";
  }
  out << "# HELP vankho_http_request_duration_seconds Time from routing to the response being ready.\n"
         "# TYPE vankho_http_request_duration_seconds histogram\n";
  for (size_t r = 0; r < kRouteCount; ++r) {
    const Histogram& h = latency_[r];
    if (h.count == 0) continue;
    const char* name = route_name(static_cast<Route>(r));
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.buckets[i];
      out << "vankho_http_request_duration_seconds_bucket{route=\"" << name << "\",le=\"" << kBuckets[i] << "\"} "
          << cumulative << "\n";
    }
    out << "vankho_http_request_duration_seconds_bucket{route=\"" << name << "\",le=\"+Inf\"} " << h.count << "\n"
        << "vankho_http_request_duration_seconds_sum{route=\"" << name << "\"} " << h.sum << "\n"
        << "vankho_http_request_duration_seconds_count{route=\"" << name << "\"} " << h.count << "\n";
  }
  out << "# HELP vankho_http_requests_shed_total Connections answered 503 because the queue was full.\n"
         "# TYPE vankho_http_requests_shed_total counter\n"
      << "vankho_http_requests_shed_total " << shed_.load() << "\n"
      << "# HELP vankho_http_queued_connections Connections waiting for a worker.\n"
         "# TYPE vankho_http_queued_connections gauge\n"
      << "vankho_http_queued_connections " << g.queued << "\n"
      << "# HELP vankho_index_revision Revision of the index being served.\n"
         "# TYPE vankho_index_revision gauge\n"
      << "vankho_index_revision " << g.revision << "\n"
      << "# HELP vankho_index_documents Documents in the index being served.\n"
         "# TYPE vankho_index_documents gauge\n"
      << "vankho_index_documents " << g.documents << "\n"
      << "# HELP vankho_index_reloads_total New index revisions picked up while serving.\n"
         "# TYPE vankho_index_reloads_total counter\n"
      << "vankho_index_reloads_total " << g.reloads << "\n"
      << "# HELP vankho_searchers Index readers open (at most one per worker thread).\n"
         "# TYPE vankho_searchers gauge\n"
      << "vankho_searchers " << g.searchers << "\n"
      << "# HELP vankho_search_cache_requests_total /api/search answers looked up in the response cache.\n"
         "# TYPE vankho_search_cache_requests_total counter\n"
      << "vankho_search_cache_requests_total{result=\"hit\"} " << g.cache_hits << "\n"
      << "vankho_search_cache_requests_total{result=\"miss\"} " << g.cache_misses << "\n"
      << "# HELP vankho_search_cache_entries Answers held in the response cache.\n"
         "# TYPE vankho_search_cache_entries gauge\n"
      << "vankho_search_cache_entries " << g.cache_entries << "\n"
      << "# HELP vankho_uptime_seconds Seconds since the daemon started.\n"
         "# TYPE vankho_uptime_seconds gauge\n"
      << "vankho_uptime_seconds " << g.uptime_s << "\n";
  return out.str();
}

}  // namespace vankho::searchd
