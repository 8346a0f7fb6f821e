#include "jsonl_reader.h"

#include <array>
#include <nlohmann/json.hpp>

#include "decode.h"
#include "file_input.h"
#include "gzip_lines.h"
#include "tidy.h"
#include "utf8.h"

namespace vankho::ingest {
namespace {

using Json = nlohmann::json;

// Metadata names read even when field_map does not mention them.
constexpr std::array<std::string_view, 4> kKnownFields = {"number", "date", "type", "issuer"};

const char* kind_of(const Json& v) {
  switch (v.type()) {
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::null:
      return "null";
    default:
      return "a number";
  }
}

// The export's name for one of ours.
std::string_view source_name(const IngestOptions& options, std::string_view ours) {
  const auto it = options.field_map.find(std::string(ours));
  return it == options.field_map.end() ? ours : std::string_view(it->second);
}

const Json* member(const Json& object, std::string_view name) {
  const auto it = object.find(name);
  return it == object.end() ? nullptr : &*it;
}

// A scalar as text: strings as they are, numbers and booleans as JSON writes them, null as "".
// Arrays and objects are no text: false.
bool scalar_text(const Json& v, std::string& out) {
  if (v.is_string()) {
    out = v.get_ref<const std::string&>();
  } else if (v.is_null()) {
    out.clear();
  } else if (v.is_primitive()) {
    out = v.dump();
  } else {
    return false;
  }
  return true;
}

// "[json.exception.parse_error.101] parse error at line 1, column 3: ..." → "parse error at ...".
std::string json_error(const std::exception& e) {
  std::string what = e.what();
  if (what.starts_with("[json.exception.")) {
    const size_t close = what.find("] ");
    if (close != std::string::npos) what.erase(0, close + 2);
  }
  if (what.size() > 200) what = what.substr(0, 200) + "...";
  return "bad JSON: " + what;
}

class RecordReader {
 public:
  RecordReader(const InputFile& file, Run& run) : file_(file), run_(run) {}

  void record(std::string_view line, size_t number) {
    Json value;
    size_t invalid = 0;
    try {
      value = Json::parse(line.begin(), line.end());
    } catch (const Json::exception& e) {
      // nlohmann refuses invalid UTF-8. Checking every line first would cost more than this
      // retry: replace the bad sequences and parse again.
      text::DecodedText decoded;
      if (!text::valid_utf8(line)) decoded = text::decode(line);  // valid: no copying decode
      if (decoded.invalid_sequences == 0) return skip(number, json_error(e));
      try {
        value = Json::parse(decoded.text);
      } catch (const Json::exception& again) {
        return skip(number, json_error(again));
      }
      invalid = decoded.invalid_sequences;
      invalid_total_ += invalid;
      if (invalid_records_++ == 0) first_invalid_line_ = number;
    }
    if (!value.is_object()) {
      return skip(number, std::string("not a JSON object (found ") + kind_of(value) + ")");
    }
    const IngestOptions& options = run_.options();
    SourceDocument doc;
    doc.source = file_.path;
    doc.line = number;
    doc.invalid_utf8 = invalid;

    const std::string_view id_name = source_name(options, "id");
    const Json* id = member(value, id_name);
    if (id == nullptr) return skip(number, "no `" + std::string(id_name) + "` field");
    if (!id->is_string() && !id->is_number()) {
      return skip(number, "`" + std::string(id_name) + "` must be a string or a number (found " +
                              kind_of(*id) + ")");
    }
    (void)scalar_text(*id, doc.id);
    if (tidy_line(doc.id).empty()) return skip(number, "`" + std::string(id_name) + "` is empty");
    std::string title, text;
    if (!read_text(value, "title", number, title) || !read_text(value, "text", number, text))
      return;
    doc.title = tidy_line(title);
    doc.text = run_.clean_text(text);
    if (doc.text.empty()) {
      if (doc.title.empty()) {
        return skip(number, "record " + doc.id + " has neither title nor text", doc.id);
      }
      doc.text = doc.title;
      ++run_.stats().title_only;
    }
    read_fields(value, doc);
    if (run_.options().field_map.contains("parent_title")) run_.parents().resolve(doc);
    read_level(value, doc);
    run_.emit(std::move(doc));
  }

  // Reports the invalid UTF-8 replaced in this file, once.
  void report_invalid_utf8() {
    if (invalid_total_ == 0) return;
    run_.warn(file_.path, first_invalid_line_,
              std::to_string(invalid_total_) + " invalid UTF-8 sequence(s) in " +
                  std::to_string(invalid_records_) +
                  " record(s) replaced with U+FFFD (first here)");
  }

 private:
  void skip(size_t line, std::string reason, std::string id = "") {
    run_.skip(file_.path, line, std::move(reason), std::move(id));
  }

  bool read_text(const Json& value, std::string_view ours, size_t number, std::string& out) {
    const std::string_view name = source_name(run_.options(), ours);
    const Json* v = member(value, name);
    if (v == nullptr) return true;
    if (scalar_text(*v, out)) return true;
    skip(number, "`" + std::string(name) + "` is " + kind_of(*v) + ", expected a string");
    return false;
  }

  void read_fields(const Json& value, SourceDocument& doc) {
    const IngestOptions& options = run_.options();
    std::string text;
    auto add = [&](const std::string& ours, std::string_view theirs) {
      const Json* v = member(value, theirs);
      if (v == nullptr || v->is_null()) return;
      if (!scalar_text(*v, text)) text = v->dump();
      text = tidy_line(text);
      if (!text.empty()) doc.fields[ours] = text;
    };
    for (const auto& [ours, theirs] : options.field_map) {
      if (ours != "id" && ours != "title" && ours != "text" && ours != "level") add(ours, theirs);
    }
    for (const std::string_view name : kKnownFields) {
      if (!options.field_map.contains(std::string(name))) add(std::string(name), name);
    }
  }

  // The record's access level (`level`, or the name --field level=... gives), strongest of the
  // archive's sources. A value that names no level is a warning, and the weaker sources decide.
  void read_level(const Json& value, SourceDocument& doc) {
    const std::string_view name = source_name(run_.options(), "level");
    const Json* v = member(value, name);
    if (v == nullptr || v->is_null()) return;
    std::string text;
    if (!scalar_text(*v, text)) text = v->dump();
    if (tidy_line(text).empty()) return;
    if (const auto level = extract::parse_level(text)) {
      doc.access = extract::AccessAssignment{*level, "field"};
      return;
    }
    run_.warn(file_.path, doc.line,
              "`" + std::string(name) + "`: unknown level `" + tidy_line(text) + "` (expected one of " +
                  extract::level_choices() + "); the record takes its level from the rules, its stamp or the default");
  }

  const InputFile& file_;
  Run& run_;
  size_t invalid_total_ = 0, invalid_records_ = 0, first_invalid_line_ = 0;
};

// Reads the parent key and parent title of one record and nothing else: the first pass over an
// export, so that no DOM is built for the records' texts.
class ParentFieldsSax : public nlohmann::json_sax<Json> {
 public:
  ParentFieldsSax(std::string_view key_name, std::string_view title_name)
      : key_name_(key_name), title_name_(title_name) {}

  void reset() {
    depth_ = 0;
    wanted_ = nullptr;
    parent.clear();
    parent_title.clear();
  }
  std::string parent, parent_title;  // the record's values, "" when it has none

  bool null() override { return scalar(""); }
  bool boolean(bool v) override { return scalar(v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return scalar(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return scalar(std::to_string(v)); }
  bool number_float(number_float_t, const string_t& raw) override { return scalar(raw); }
  bool string(string_t& v) override { return scalar(v); }
  bool binary(binary_t&) override { return scalar(""); }
  bool start_object(std::size_t) override { return open(); }
  bool start_array(std::size_t) override { return open(); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    wanted_ = depth_ != 1             ? nullptr
              : name == key_name_   ? &parent
              : name == title_name_ ? &parent_title
                                    : nullptr;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;  // the reading pass reports it
  }

 private:
  bool scalar(std::string_view v) {
    if (wanted_ != nullptr) *wanted_ = v;
    wanted_ = nullptr;
    return true;
  }
  bool open() {
    ++depth_;
    wanted_ = nullptr;
    return true;
  }
  bool close() {
    --depth_;
    return true;
  }

  std::string_view key_name_, title_name_;
  int depth_ = 0;
  std::string* wanted_ = nullptr;
};

}  // namespace

void learn_parent_titles(const InputFile& file, Run& run) {
  const IngestOptions& options = run.options();
  LineReader reader(file.path, {options.max_file_bytes, options.max_export_bytes});
  if (!reader.ok() || reader.file_size() > options.max_export_bytes ||
      !binary_reason(reader.head()).empty()) {
    return;  // the reading pass reports it
  }
  ParentFieldsSax fields(source_name(options, "parent"), source_name(options, "parent_title"));
  Line line;
  while (reader.next(line)) {
    if (line.too_long || is_blank(line.text)) continue;
    fields.reset();
    if (!Json::sax_parse(line.text, &fields) && !text::valid_utf8(line.text)) {
      fields.reset();  // as the reading pass does: the bad sequences replaced
      (void)Json::sax_parse(text::decode(line.text).text, &fields);
    }
    if (!fields.parent.empty()) run.parents().learn(tidy_line(fields.parent), fields.parent_title);
  }
}

void read_jsonl_file(const InputFile& file, Run& run) {
  const IngestOptions& options = run.options();
  LineReader reader(file.path, {options.max_file_bytes, options.max_export_bytes});
  if (!reader.ok()) return run.skip(file.path, 0, reader.error());
  if (reader.file_size() > options.max_export_bytes) {
    return run.skip(file.path, 0,
                    too_large_reason("file", reader.file_size(), options.max_export_bytes,
                                     "--max-export-size"));
  }
  if (std::string reason = binary_reason(reader.head()); !reason.empty()) {
    return run.skip(file.path, 0, std::move(reason));
  }
  RecordReader records(file, run);
  const uint64_t input_before = run.stats().input_bytes;
  const uint64_t bytes_before = run.stats().bytes;
  size_t nonblank = 0;
  Line line;
  while (reader.next(line)) {
    if (line.too_long) {
      run.skip(file.path, line.number,
               too_large_reason("record", line.length, options.max_file_bytes, "--max-file-size"));
      ++nonblank;
      continue;
    }
    if (is_blank(line.text)) continue;
    ++nonblank;
    records.record(line.text, line.number);
    if (line.number % 512 == 0) {
      run.stats().bytes = bytes_before + reader.decompressed_bytes();
      run.stats().input_bytes = input_before + reader.input_bytes();
      run.progress();
    }
  }
  run.stats().bytes = bytes_before + reader.decompressed_bytes();
  run.stats().input_bytes = input_before + reader.file_size();
  records.report_invalid_utf8();
  if (!reader.error().empty()) {
    run.skip(file.path, line.number,
             reader.error() + (line.number == 0 ? " at the start"
                                                : " after line " + std::to_string(line.number)));
  } else if (nonblank == 0) {
    run.skip(file.path, 0, "empty file");
  }
}

}  // namespace vankho::ingest
