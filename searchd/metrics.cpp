#include "metrics.h"

#include <sstream>
#include <string_view>

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

namespace {

void write_header(std::ostream& out, std::string_view name, std::string_view type, std::string_view help) {
  out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << "\n";
}

// A metric with one unlabelled sample.
template <typename Value>
void write_scalar(std::ostream& out, std::string_view name, std::string_view type, std::string_view help,
                  Value value) {
  write_header(out, name, type, help);
  out << name << ' ' << value << "\n";
}

}  // namespace

std::string Metrics::render(const IndexGauges& g) const {
  std::ostringstream out;
  out.precision(9);
  write_header(out, "vankho_http_requests_total", "counter", "HTTP requests answered, by route and status.");
  std::lock_guard lock(mutex_);
  for (const auto& [key, count] : requests_) {
    out << "vankho_http_requests_total{route=\"" << route_name(key.first) << "\",status=\"" << key.second
        << "\"} " << count << "\n";
  }
  write_header(out, "vankho_http_request_duration_seconds", "histogram",
               "Time from routing to the response being ready.");
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
  write_scalar(out, "vankho_http_requests_shed_total", "counter",
               "Connections answered 503 because the queue was full.", shed_.load());
  write_scalar(out, "vankho_identity_headers_ignored_total", "counter",
               "Requests whose X-Vankho-User/X-Vankho-Level came from an address not given with "
               "--trusted-proxy.",
               ignored_identity_.load());
  write_scalar(out, "vankho_http_queued_connections", "gauge", "Connections waiting for a worker.", g.queued);
  write_scalar(out, "vankho_index_revision", "gauge",
               "Revision of the index being served, as the scraper's clearance sees it.", g.revision);
  write_scalar(out, "vankho_index_documents", "gauge", "Documents the scraper's clearance may see.", g.documents);
  write_scalar(out, "vankho_index_reloads_total", "counter", "New index revisions picked up while serving.",
               g.reloads);
  write_scalar(out, "vankho_searchers", "gauge", "Index readers open (at most one per worker thread).",
               g.searchers);
  write_header(out, "vankho_search_cache_requests_total", "counter",
               "/api/search answers looked up in the response cache.");
  out << "vankho_search_cache_requests_total{result=\"hit\"} " << g.cache_hits << "\n"
      << "vankho_search_cache_requests_total{result=\"miss\"} " << g.cache_misses << "\n";
  write_scalar(out, "vankho_search_cache_entries", "gauge", "Answers held in the response cache.", g.cache_entries);
  write_scalar(out, "vankho_uptime_seconds", "gauge", "Seconds since the daemon started.", g.uptime_s);
  return out.str();
}

}  // namespace vankho::searchd
