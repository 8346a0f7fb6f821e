#include "soak_archive.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <unordered_set>
#include <vector>

namespace vankho::soak {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Calls `line` for every line of a .jsonl or .jsonl.gz file (gzread reads plain files too).
bool for_each_line(const std::string& path, const std::function<void(std::string&)>& line) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) {
    std::cerr << "soak_driver: cannot open " << path << "\n";
    return false;
  }
  gzbuffer(f, 1 << 20);
  std::string pending;
  std::vector<char> buf(1 << 20);
  for (;;) {
    const int n = gzread(f, buf.data(), static_cast<unsigned>(buf.size()));
    if (n < 0) {
      int err = 0;
      std::cerr << "soak_driver: " << path << ": " << gzerror(f, &err) << "\n";
      gzclose(f);
      return false;
    }
    if (n == 0) break;
    pending.append(buf.data(), static_cast<size_t>(n));
    size_t start = 0;
    for (size_t nl; (nl = pending.find('\n', start)) != std::string::npos; start = nl + 1) {
      std::string one = pending.substr(start, nl - start);
      if (!one.empty()) line(one);
    }
    pending.erase(0, start);
  }
  if (!pending.empty()) line(pending);
  gzclose(f);
  return true;
}

bool write_lines(const fs::path& path, const std::vector<std::string>& lines) {
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    for (const auto& l : lines) out << l << '\n';
    if (!out.flush()) {
      std::cerr << "soak_driver: cannot write " << tmp << "\n";
      return false;
    }
  }
  fs::rename(tmp, path);  // the indexer never sees half a shard
  return true;
}

std::vector<fs::path> shard_paths(const std::string& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("shard-", 0) == 0 && e.path().extension() == ".jsonl") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string text_of(const json& record, const char* key) {
  const auto it = record.find(key);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::unordered_set<std::string> read_set(const std::string& path) {
  std::unordered_set<std::string> out;
  std::ifstream in(path);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty()) out.insert(l);
  }
  return out;
}

}  // namespace

std::string cycle_marker(size_t cycle) {
  std::string letters;
  do {
    letters.insert(letters.begin(), static_cast<char>('a' + cycle % 26));
    cycle /= 26;
  } while (cycle > 0);
  return "vksoak" + letters;
}

int prepare_archive(const PrepareOptions& opts) {
  size_t total = 0;
  if (opts.sample > 0 && !for_each_line(opts.corpus, [&](std::string&) { ++total; })) return 1;
  fs::create_directories(opts.archive_dir);
  for (const auto& old : shard_paths(opts.archive_dir)) fs::remove(old);
  std::vector<std::vector<std::string>> shards(std::max<size_t>(1, opts.shards));
  std::vector<std::string> ids;
  std::set<std::string> codes;
  size_t index = 0, kept = 0;
  const bool ok = for_each_line(opts.corpus, [&](std::string& line) {
    const size_t i = index++;
    // N of `total` evenly: keep record i when floor(i*N/total) steps up at i
    if (opts.sample > 0 && opts.sample < total &&
        i * opts.sample / total == (i + 1) * opts.sample / total)
      return;
    const json record = json::parse(line, nullptr, false);
    if (!record.is_object() || !record.contains("id") || !record["id"].is_string()) return;
    ids.push_back(record["id"]);
    if (record.contains("source_number") && record["source_number"].is_string())
      codes.insert(record["source_number"]);
    shards[kept++ % shards.size()].push_back(std::move(line));
  });
  if (!ok) return 1;
  if (kept == 0) {
    std::cerr << "soak_driver: no records with an \"id\" in " << opts.corpus << "\n";
    return 1;
  }
  for (size_t s = 0; s < shards.size(); ++s) {
    char name[48];
    std::snprintf(name, sizeof name, "shard-%02zu.jsonl", s);
    if (!write_lines(fs::path(opts.archive_dir) / name, shards[s])) return 1;
  }
  std::ofstream stable(opts.stable_ids);
  const size_t want = std::min<size_t>(200, ids.size());
  for (size_t k = 0; k < want; ++k) stable << ids[k * ids.size() / want] << "\n";
  std::ofstream code_out(opts.codes);
  std::vector<std::string> all_codes(codes.begin(), codes.end());
  const size_t want_codes = std::min<size_t>(300, all_codes.size());
  for (size_t k = 0; k < want_codes; ++k)
    code_out << all_codes[k * all_codes.size() / want_codes] << "\n";
  std::cout << "archive: " << kept << " records in " << shards.size() << " shards under "
            << opts.archive_dir << "; " << want << " stable document ids, " << want_codes
            << " codes\n";
  return 0;
}

int count_archive_ids(const std::string& archive_dir) {
  std::unordered_set<std::string> ids;
  for (const auto& shard : shard_paths(archive_dir)) {
    if (!for_each_line(shard.string(), [&](std::string& l) {
          const json r = json::parse(l, nullptr, false);
          if (r.is_object()) ids.insert(text_of(r, "id"));
        })) {
      return 1;
    }
  }
  std::cout << ids.size() << "\n";
  return 0;
}

int mutate_archive(const MutateOptions& opts) {
  const auto shards = shard_paths(opts.archive_dir);
  if (shards.empty()) {
    std::cerr << "soak_driver: no shard-*.jsonl in " << opts.archive_dir << "\n";
    return 1;
  }
  const fs::path shard = shards[opts.cycle % shards.size()];
  const auto stable = read_set(opts.stable_ids);
  std::vector<json> records;
  if (!for_each_line(shard.string(), [&](std::string& l) {
        json r = json::parse(l, nullptr, false);
        if (r.is_object()) records.push_back(std::move(r));
      })) {
    return 1;
  }
  std::mt19937 rng(static_cast<unsigned>(opts.cycle * 7919 + 17));
  auto random_index = [&] { return static_cast<size_t>(rng() % records.size()); };
  const std::string marker = cycle_marker(opts.cycle);
  size_t changed = 0, removed = 0, added = 0;
  std::vector<json> additions;
  for (size_t k = 0; k < opts.add && !records.empty(); ++k) {
    json copy = records[random_index()];
    copy["id"] = "soak-" + std::to_string(opts.cycle) + "-" + std::to_string(k);
    copy["title"] = "Điều bổ sung " + std::to_string(opts.cycle) + "." + std::to_string(k) + ". " +
                    text_of(copy, "title");
    copy["text"] = text_of(copy, "text") + " Nội dung bổ sung trong đợt cập nhật " + marker + ".";
    additions.push_back(std::move(copy));
    ++added;
  }
  std::unordered_set<size_t> touched;
  for (size_t k = 0; k < opts.change * 4 && changed < opts.change && !records.empty(); ++k) {
    const size_t i = random_index();
    if (!touched.insert(i).second) continue;
    records[i]["text"] = text_of(records[i], "text") + " Điều này được sửa đổi, bổ sung lần thứ " +
                         std::to_string(opts.cycle) + ".";
    ++changed;
  }
  std::vector<bool> drop(records.size());
  for (size_t k = 0; k < opts.remove * 4 && removed < opts.remove && !records.empty(); ++k) {
    const size_t i = random_index();
    if (touched.contains(i) || stable.contains(text_of(records[i], "id"))) continue;
    touched.insert(i);
    drop[i] = true;
    ++removed;
  }
  std::vector<std::string> lines;
  for (size_t i = 0; i < records.size(); ++i) {
    if (!drop[i]) lines.push_back(records[i].dump());
  }
  for (const auto& a : additions) lines.push_back(a.dump());
  if (!write_lines(shard, lines)) return 1;
  std::cout << "cycle " << opts.cycle << " " << shard.filename().string() << ": changed " << changed
            << ", removed " << removed << ", added " << added << ", marker " << marker << "\n";
  return 0;
}

}  // namespace vankho::soak
