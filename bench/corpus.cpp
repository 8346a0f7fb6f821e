#include "corpus.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <unordered_map>

namespace vankho::bench {
namespace {

constexpr const char* kNoteField = "bench-act-note";  // read for add_act_titles(), then dropped

// "… Luật số 57/2020/QH14 Luật Thanh niên ngày 16/06/2020 …" → "Luật Thanh niên"; "" when the
// note does not name the act (later articles: "(Điều 2 Luật số 57/2020/QH14, có hiệu lực …)").
std::string act_title_in(const std::string& note, const std::string& number) {
  const std::string anchor = "số " + number + " ";
  const size_t at = note.find(anchor);
  if (number.empty() || at == std::string::npos) return "";
  const size_t from = at + anchor.size();
  const size_t to = note.find(" ngày ", from);
  if (to == std::string::npos || to <= from) return "";
  return note.substr(from, to - from);
}

}  // namespace

std::string corpus_path(int argc, char** argv) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--corpus") return argv[i + 1];
  }
  if (const char* env = std::getenv("VANKHO_CORPUS")) return env;
  return std::string(VANKHO_SOURCE_DIR) + "/../shared/corpus/phapdien.jsonl.gz";
}

std::string describe(const CorpusOptions& options) {
  std::string out;
  for (const auto& [ours, theirs] : options.extra_fields) out += "field " + ours + "=" + theirs + "\n";
  if (options.act_titles) out += "act titles\n";
  return out;
}

size_t add_act_titles(std::vector<ingest::SourceDocument>& docs, const std::vector<std::string>& notes) {
  std::unordered_map<std::string, std::string> titles;  // act number → title, from its first naming note
  for (size_t i = 0; i < docs.size() && i < notes.size(); ++i) {
    const auto number = docs[i].fields.find("number");
    if (number == docs[i].fields.end() || titles.contains(number->second)) continue;
    if (std::string title = act_title_in(notes[i], number->second); !title.empty()) {
      titles.emplace(number->second, std::move(title));
    }
  }
  size_t given = 0;
  for (auto& d : docs) {
    const auto number = d.fields.find("number");
    if (number == d.fields.end()) continue;
    const auto title = titles.find(number->second);
    if (title == titles.end()) continue;
    std::string& subject = d.fields["subject"];
    subject += (subject.empty() ? "" : ". ") + title->second;
    ++given;
  }
  return given;
}

std::optional<std::vector<ingest::SourceDocument>> load_corpus(const std::string& path,
                                                               const CorpusOptions& corpus_options) {
  if (!std::filesystem::exists(path)) {
    std::cerr << "corpus not found at " << path
              << " (it is not part of the project; pass --corpus FILE or set VANKHO_CORPUS)\n";
    return std::nullopt;
  }
  ingest::IngestOptions options;
  options.field_map = {{"number", "source_number"}, {"date", "source_date"}, {"type", "source_type"}};
  for (const auto& [ours, theirs] : corpus_options.extra_fields) options.field_map[ours] = theirs;
  if (corpus_options.act_titles) options.field_map[kNoteField] = "source_note";
  options.max_file_bytes = 1ull << 30;
  std::vector<ingest::SourceDocument> docs;
  ingest::read_paths({path}, options, [&](ingest::SourceDocument&& d) { docs.push_back(std::move(d)); },
                     [](const ingest::Problem&) {});
  if (corpus_options.act_titles) {
    std::vector<std::string> notes;
    notes.reserve(docs.size());
    for (auto& d : docs) {
      auto note = d.fields.extract(kNoteField);
      notes.push_back(note ? std::move(note.mapped()) : std::string());
    }
    std::cerr << add_act_titles(docs, notes) << " of " << docs.size() << " records given the title of their act\n";
  }
  return docs;
}

}  // namespace vankho::bench
