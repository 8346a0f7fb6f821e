// vankho_gen: writes a synthetic archive of Party directives as gzip JSON lines (`id`, `text`)
// that `vankho-indexer --index DIR OUT.jsonl.gz` reads with no --field option, for benchmarks at
// sizes the real archives do not reach. The same --count and --seed give the same bytes. With
// --queries PREFIX it also writes the keyword and question mixes drawn from the archive
// (queries.h). See bench/README.md, "vankho_gen".
#include <zlib.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "archive.h"
#include "bigram_model.h"
#include "document.h"
#include "embedded.h"
#include "queries.h"
#include "themes.h"

using namespace vankho::gen;

namespace {

constexpr const char* kUsage =
    "usage: vankho_gen --count N [--seed S] [--queries PREFIX] [--query-count K] [--model FILE] "
    "OUT.jsonl.gz\n"
    "\n"
    "Writes N synthetic directives (Nghị quyết, Chỉ thị, Chương trình, Kết luận, Kế hoạch, ... of "
    "the 63\n"
    "provinces' Party committees and the Central Committee, 2016-2025) as gzip JSON lines {\"id\", "
    "\"text\"},\n"
    "for `vankho-indexer --index DIR OUT.jsonl.gz`. The same N and S give byte-identical output.\n"
    "\n"
    "  --count N          documents to write (1 to 100000000)\n"
    "  --seed S           random seed, a non-negative integer (default 1)\n"
    "  --queries PREFIX   also write PREFIX.keyword.txt and PREFIX.question.txt: /api/search "
    "request\n"
    "                     paths drawn from the archive (keywords, codes, periods, filters; "
    "questions)\n"
    "  --query-count K    keyword requests (default 1000; questions: half as many)\n"
    "  --model FILE       the text model to use instead of the built-in one (make_model.py's "
    "format)\n"
    "  --help             this text\n";

struct Options {
  uint64_t count = 0, seed = 1, query_count = 1000;
  std::string out, queries, model;
};

int usage_error(const std::string& message) {
  std::cerr << "vankho_gen: " << message << "\n(see vankho_gen --help)\n";
  return 2;
}

std::optional<uint64_t> number(const std::string& s) {
  uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

bool inflate_gzip(std::string_view gz, std::string& out, std::string& error) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
    error = "zlib: cannot start inflating";
    return false;
  }
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  z.avail_in = static_cast<uInt>(gz.size());
  char buffer[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) error = "not a complete gzip stream";
  return rc == Z_STREAM_END;
}

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

bool write_lines(const std::string& path, const std::vector<std::string>& lines) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  for (const auto& l : lines) f << l << '\n';
  return static_cast<bool>(f.flush());
}

int run(const Options& o) {
  std::string model_text, error;
  std::string_view gz = embedded_model_gz();
  std::string file_bytes;
  if (!o.model.empty()) {
    std::ifstream f(o.model, std::ios::binary);
    if (!f) return usage_error("--model: cannot read " + o.model);
    file_bytes.assign(std::istreambuf_iterator<char>(f), {});
    gz = file_bytes;
  }
  const std::string model_name = o.model.empty() ? "the built-in model" : o.model;
  if (!inflate_gzip(gz, model_text, error)) {
    std::cerr << "vankho_gen: " << model_name << ": " << error << "\n";
    return 1;
  }
  auto model = BigramModel::parse(model_text, error);
  if (!model) {
    std::cerr << "vankho_gen: " << model_name << ": " << error << "\n";
    return 1;
  }
  auto themes = parse_themes(embedded_themes_tsv(), error);
  if (!themes) {
    std::cerr << "vankho_gen: the built-in themes.tsv: " << error << "\n";
    return 1;
  }

  const auto start = std::chrono::steady_clock::now();
  const std::string tmp = o.out + ".part";
  gzFile out = gzopen(tmp.c_str(), "wb1");
  if (!out) {
    std::cerr << "vankho_gen: cannot write " << tmp << "\n";
    return 1;
  }
  gzbuffer(out, 1 << 20);
  Rng rng(Rng::derive(o.seed, "documents"));
  Archive archive(o.seed);
  std::optional<QueryMixes> mixes;
  if (!o.queries.empty()) mixes.emplace(o.seed, o.count, o.query_count, o.query_count / 2);
  const size_t width = std::max<size_t>(7, std::to_string(o.count).size());
  std::string line;
  uint64_t text_bytes = 0;
  for (uint64_t i = 0; i < o.count; ++i) {
    const Generated g = compose(i, o.count, rng, archive, *model, *themes);
    std::string id = std::to_string(i + 1);
    id = "vb-" + std::string(width - id.size(), '0') + id;
    line.clear();
    line += "{\"id\":\"" + id + "\",\"text\":";
    append_json_string(line, g.text);
    line += "}\n";
    text_bytes += g.text.size();
    if (gzwrite(out, line.data(), static_cast<unsigned>(line.size())) !=
        static_cast<int>(line.size())) {
      std::cerr << "vankho_gen: writing " << tmp << " failed (disk full?); removed it\n";
      gzclose(out);
      std::filesystem::remove(tmp);
      return 1;
    }
    if (mixes) mixes->take(g, *themes);
  }
  if (gzclose(out) != Z_OK) {
    std::cerr << "vankho_gen: closing " << tmp << " failed (disk full?); removed it\n";
    std::filesystem::remove(tmp);
    return 1;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, o.out, ec);
  if (ec) {
    std::cerr << "vankho_gen: cannot rename " << tmp << " to " << o.out << ": " << ec.message()
              << "\n";
    return 1;
  }
  if (mixes) {
    for (const auto& [suffix, lines] :
         {std::pair{".keyword.txt", &mixes->keyword()}, {".question.txt", &mixes->question()}}) {
      if (!write_lines(o.queries + suffix, *lines)) {
        std::cerr << "vankho_gen: cannot write " << o.queries << suffix << "\n";
        return 1;
      }
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto file_bytes_out = std::filesystem::file_size(o.out, ec);
  std::printf("vankho_gen: %llu documents, %.1f MB of text (%.1f MB gzip), %.1f s -> %s\n",
              static_cast<unsigned long long>(o.count), static_cast<double>(text_bytes) / 1e6,
              static_cast<double>(file_bytes_out) / 1e6, seconds, o.out.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Options o;
    bool have_count = false;
    for (int i = 1; i < argc; ++i) {
      const std::string a = argv[i];
      if (a == "--help" || a == "-h") {
        std::cout << kUsage;
        return 0;
      }
      auto value = [&]() -> std::optional<std::string> {
        if (i + 1 >= argc) return std::nullopt;
        return std::string(argv[++i]);
      };
      if (a == "--count" || a == "--seed" || a == "--query-count") {
        const auto v = value();
        if (!v) return usage_error(a + " needs a value");
        const auto n = number(*v);
        if (!n) return usage_error(a + ": expected a non-negative integer, got '" + *v + "'");
        if (a == "--count") {
          if (*n < 1 || *n > 100000000)
            return usage_error("--count: expected 1 to 100000000, got " + *v);
          o.count = *n;
          have_count = true;
        } else if (a == "--seed") {
          o.seed = *n;
        } else {
          if (*n < 2 || *n > 10000000)
            return usage_error("--query-count: expected 2 to 10000000, got " + *v);
          o.query_count = *n;
        }
      } else if (a == "--queries" || a == "--model") {
        const auto v = value();
        if (!v || v->empty()) return usage_error(a + " needs a value");
        (a == "--queries" ? o.queries : o.model) = *v;
      } else if (a.starts_with("-")) {
        return usage_error("unknown option " + a);
      } else if (!o.out.empty()) {
        return usage_error("one output file only (got " + o.out + " and " + a + ")");
      } else {
        o.out = a;
      }
    }
    if (!have_count) return usage_error("--count N is required");
    if (o.out.empty()) return usage_error("the output file OUT.jsonl.gz is required");
    if (!o.out.ends_with(".jsonl.gz")) {
      return usage_error(
          "the output file must end with .jsonl.gz (how vankho-indexer knows it), got " + o.out);
    }
    return run(o);
  } catch (const std::exception& e) {
    std::cerr << "vankho_gen: " << e.what() << "\n";
    return 1;
  }
}
