// formats_bench: reading .pdf and .docx files, vankho's ingest against the converters people use
// alone (pdftotext from poppler-utils, docx2txt), on the same files in the same run; and OCR
// seconds per page. See bench/README.md.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "corpus.h"
#include "ingest.h"
#include "make_documents.h"
#include "pdf_reader.h"

extern char** environ;

namespace fs = std::filesystem;
using namespace vankho;

namespace {

struct Timing {
  double wall = 0, cpu = 0;  // seconds; cpu: this process and its children
};

double cpu_seconds() {
  double total = 0;
  for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage u{};
    getrusage(who, &u);
    total += static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
             static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  }
  return total;
}

template <typename F>
Timing timed(F&& f) {
  const double cpu = cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  f();
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), cpu_seconds() - cpu};
}

// Runs a converter on one file, its output to /dev/null.
void run(const std::vector<std::string>& argv) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ) == 0) waitpid(pid, nullptr, 0);
  posix_spawn_file_actions_destroy(&actions);
}

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

uint64_t read_with_vankho(const fs::path& dir, bool ocr) {
  ingest::IngestOptions options;
  options.ocr = ocr;
  uint64_t bytes = 0;
  (void)ingest::read_paths({dir.string()}, options, [&](ingest::SourceDocument&& d) { bytes += d.text.size(); },
                           [](const ingest::Problem& p) { std::cerr << "  " << p.to_string() << "\n"; });
  return bytes;
}

Timing best_of(int rounds, const std::function<void()>& f) {
  Timing best{1e18, 1e18};
  for (int i = 0; i < rounds; ++i) {
    const Timing t = timed(f);
    best.wall = std::min(best.wall, t.wall);
    best.cpu = std::min(best.cpu, t.cpu);
  }
  return best;
}

void row(const char* name, const Timing& t, size_t pages, uint64_t text_bytes, const Timing* peer) {
  std::printf("  %-34s %8.2f s wall %8.2f s cpu %8.1f pages/s %7.2f MB/s", name, t.wall, t.cpu,
              static_cast<double>(pages) / t.wall, static_cast<double>(text_bytes) / 1e6 / t.wall);
  if (peer) std::printf("   ×%.2f wall, ×%.2f cpu of the converter", t.wall / peer->wall, t.cpu / peer->cpu);
  std::printf("\n");
}

// Writes the inputs from the corpus; returns false without the corpus.
bool write_inputs(int argc, char** argv, const std::string& work, size_t wanted, size_t scans) {
  const auto corpus = bench::load_corpus(bench::corpus_path(argc, argv));
  if (!corpus) return false;  // the corpus is not part of the project: said on stderr
  fs::remove_all(work);
  for (const char* sub : {"pdf", "docx", "scans"}) fs::create_directories(fs::path(work) / sub);
  size_t pdf_pages = 0, docs = 0;
  uint64_t text_bytes = 0;
  for (const auto& d : *corpus) {
    if (docs >= wanted) break;
    if (d.text.size() < 1500) continue;  // articles of a page or more
    const std::string name = std::to_string(docs++);
    pdf_pages += bench::write_pdf((fs::path(work) / "pdf" / (name + ".pdf")).string(), d.title, d.text);
    bench::write_docx((fs::path(work) / "docx" / (name + ".docx")).string(), d.title, d.text);
    text_bytes += d.title.size() + d.text.size();
    if (docs <= scans) bench::write_scan_png((fs::path(work) / "scans" / (name + ".png")).string(), d.text);
  }
  std::ofstream(fs::path(work) / "inputs.txt") << docs << " " << pdf_pages << " " << text_bytes << "\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  size_t wanted = 300, scans = 3;
  int rounds = 3;
  bool timing_only = false;
  std::string work = (fs::temp_directory_path() / "vankho-formats-bench").string();
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--timing-only") timing_only = true;
    else if (i + 1 >= argc) break;
    else if (a == "--documents") wanted = std::stoul(argv[++i]);
    else if (a == "--ocr-pages") scans = std::stoul(argv[++i]);
    else if (a == "--rounds") rounds = std::stoi(argv[++i]);
    else if (a == "--work-dir") work = argv[++i];
  }
  if (!timing_only) {
    if (!write_inputs(argc, argv, work, wanted, scans)) return 0;
    // Time in a fresh process: the corpus this one holds would make every fork (a reader's child
    // process) copy the page tables of half a gigabyte, which an indexer run never has.
    std::vector<char*> again(argv, argv + argc);
    again.push_back(const_cast<char*>("--timing-only"));
    again.push_back(const_cast<char*>("--work-dir"));
    again.push_back(work.data());
    again.push_back(nullptr);
    std::fflush(nullptr);
    execv("/proc/self/exe", again.data());
    std::perror("formats_bench: execv");
    return 1;
  }
  size_t docs = 0, pdf_pages = 0;
  uint64_t text_bytes = 0;
  std::ifstream(fs::path(work) / "inputs.txt") >> docs >> pdf_pages >> text_bytes;
  std::printf("formats_bench: %zu articles of the legal corpus as .pdf (%zu pages) and .docx, %.1f MB of text; "
              "best of %d rounds\n\n", docs, pdf_pages, static_cast<double>(text_bytes) / 1e6, rounds);

  const auto pdfs = files_in(fs::path(work) / "pdf");
  const auto docxs = files_in(fs::path(work) / "docx");
  const Timing pdftotext = best_of(rounds, [&] {
    for (const auto& f : pdfs) run({"pdftotext", "-enc", "UTF-8", f, "-"});
  });
  const Timing vankho_pdf = best_of(rounds, [&] { (void)read_with_vankho(fs::path(work) / "pdf", false); });
  // The reader alone, in this process: what the child process per file costs on top.
  const Timing reader_pdf = best_of(rounds, [&] {
    for (const auto& f : pdfs) (void)formats::read_pdf(f, formats::ReadLimits{});
  });
  const Timing docx2txt = best_of(rounds, [&] {
    for (const auto& f : docxs) run({"docx2txt", f, "-"});
  });
  const Timing vankho_docx = best_of(rounds, [&] { (void)read_with_vankho(fs::path(work) / "docx", false); });
  std::printf("PDF\n");
  row("pdftotext (poppler-utils), a file", pdftotext, pdf_pages, text_bytes, nullptr);
  row("vankho ingest", vankho_pdf, pdf_pages, text_bytes, &pdftotext);
  row("vankho PDF reader alone, in-process", reader_pdf, pdf_pages, text_bytes, &pdftotext);
  std::printf("DOCX\n");
  row("docx2txt, a file", docx2txt, docs, text_bytes, nullptr);
  row("vankho ingest", vankho_docx, docs, text_bytes, &docx2txt);
  std::printf("(docx: pages/s counts documents)\n\n");
  if (scans > 0) {
    const Timing ocr = timed([&] { (void)read_with_vankho(fs::path(work) / "scans", true); });
    std::printf("OCR (Tesseract, vie, 300 dpi A4 page): %.2f s a page wall, %.2f s cpu (%zu pages)\n",
                ocr.wall / static_cast<double>(std::min(scans, docs)), ocr.cpu / static_cast<double>(std::min(scans, docs)),
                std::min(scans, docs));
  }
  std::printf("target: vankho within 1.3x of the converter alone\n");
  fs::remove_all(work);
  return 0;
}
