#include "run.h"

#include "access_rules.h"
#include "hash.h"
#include "sidecar.h"
#include "tidy.h"

namespace vankho::ingest {

Run::Run(const IngestOptions& options, const DocumentSink& sink, const ProblemSink& problems)
    : options_(options), sink_(sink), problems_(problems), parents_(options.parent_title_pattern) {
  std::vector<Problem> loading;
  boilerplate_ = load_boilerplate(options.boilerplate_file, loading);
  for (const Problem& p : loading) report(p);
}

void Run::report(const Problem& problem) {
  if (problem.skipped) {
    ++stats_.skipped;
  } else {
    ++stats_.warnings;
  }
  if (!problems_) return;
  try {
    problems_(problem);
  } catch (...) {
    throw SinkFailure{std::current_exception()};
  }
}

void Run::skip(const std::string& file, size_t line, std::string reason, std::string id) {
  report(Problem{file, line, std::move(reason), true, std::move(id)});
}

void Run::warn(const std::string& file, size_t line, std::string reason) {
  report(Problem{file, line, std::move(reason), false});
}

std::string Run::clean_text(std::string_view text) const {
  return tidy_text(boilerplate_.strip(text));
}

// Strongest last: the rules, a whole file's sidecar, a record's own `level` field (which the
// JSON-lines reader has put in doc.access already).
void Run::apply_archive_metadata(SourceDocument& doc) {
  std::optional<extract::AccessAssignment> field = std::move(doc.access);
  doc.access.reset();
  if (options_.access_rules) {
    if (const auto level = options_.access_rules->level_of(doc.id)) doc.access = {{*level, "rules"}};
  }
  if (!doc.file.format.empty()) {
    std::vector<Problem> problems;
    if (auto sidecar = read_sidecar(doc.source, problems)) {
      if (sidecar->level) doc.access = {{*sidecar->level, "sidecar"}};
      if (!sidecar->title.empty()) doc.title = std::move(sidecar->title);
      for (auto& [name, value] : sidecar->fields) doc.fields[name] = std::move(value);
    }
    for (const Problem& p : problems) report(p);
  }
  if (field) doc.access = std::move(field);
}

void Run::emit(SourceDocument&& doc) {
  apply_archive_metadata(doc);
  doc.content_hash = content_hash(doc);
  if (files_.empty() || files_.back() != doc.source) files_.push_back(doc.source);
  const Seen here{files_.size() - 1, doc.line};
  auto [it, inserted] = ids_.try_emplace(doc.id, here);
  if (!inserted) {
    const Seen before = it->second;
    std::string where;  // "line 12" in the same file, else "other.jsonl:12" or "a/b.txt"
    if (before.file == here.file && before.line != 0) {
      where = "line " + std::to_string(before.line);
    } else {
      where = files_[before.file];
      if (before.line != 0) where += ":" + std::to_string(before.line);
    }
    ++stats_.duplicate_ids;
    warn(doc.source, doc.line, "id " + doc.id + " repeats " + where + "; the later one wins");
    it->second = here;
  }
  ++stats_.documents;
  ++stats_.documents_by_format[doc.file.format.empty() ? "jsonl" : doc.file.format];
  stats_.pages += doc.file.pages;
  stats_.ocr_pages += doc.file.ocr_pages;
  stats_.pages_without_text += doc.file.pages_without_text;
  if (!doc.file.conversions.empty()) ++stats_.files_converted;
  if (!sink_) return;
  try {
    sink_(std::move(doc));
  } catch (...) {
    throw SinkFailure{std::current_exception()};
  }
}

void Run::progress() {
  if (!options_.progress) return;
  try {
    options_.progress(stats_);
  } catch (...) {
    throw SinkFailure{std::current_exception()};
  }
}

}  // namespace vankho::ingest
