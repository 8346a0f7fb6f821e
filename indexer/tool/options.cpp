#include "options.h"

#include <boost/program_options.hpp>
#include <iostream>

#include "config_file.h"
#include "legacy_encoding.h"

namespace po = boost::program_options;

namespace vankho::indexer_tool {

std::optional<uint64_t> parse_size(const std::string& text) {
  if (text.empty()) return std::nullopt;
  size_t used = 0;
  unsigned long long value = 0;
  try {
    value = std::stoull(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  const std::string unit = text.substr(used);
  uint64_t scale = 1;
  if (unit == "K" || unit == "k" || unit == "KB") scale = 1ull << 10;
  else if (unit == "M" || unit == "m" || unit == "MB") scale = 1ull << 20;
  else if (unit == "G" || unit == "g" || unit == "GB") scale = 1ull << 30;
  else if (!unit.empty()) return std::nullopt;
  return value * scale;
}

std::optional<ToolOptions> parse_options(int argc, char** argv, int& exit_code) {
  ToolOptions out;
  std::string max_size = "64M", max_export = "16G", encoding, default_level = "noi-bo", shard;
  long long time_limit = 120;
  std::vector<std::string> fields, archives;
  std::string config_file = config::config_path_from_environment();
  po::options_description visible(
      "usage: vankho-indexer --index DIR [options] PATH...\n"
      "       vankho-indexer --extract FILE\n\n"
      "Indexes .txt, .md, .html/.htm, .docx, .odt, .pdf, .doc, .rtf, .jsonl and .jsonl.gz files, and\n"
      "with --ocr scans (.png, .jpg, .tif, PDF pages without text); folders recursively, formats read\n"
      "from the files' bytes. Running again re-indexes only changed documents and removes those whose\n"
      "files are gone.\n\n"
      "Examples:\n"
      "  vankho-indexer --index var/index seeds/\n"
      "  vankho-indexer --index var/legal --field number=source_number --field date=source_date \\\n"
      "      --field type=source_type --field parent=source_number --field parent_title=source_note \\\n"
      "      --parent-title-pattern 'số {parent} (.+?) ngày \\d' phapdien.jsonl.gz\n"
      "  vankho-indexer --extract seeds/001_36391affc1bfd663.txt\n"
      "  vankho-indexer --config /etc/vankho/vankho.conf          (the archives it names)\n"
      "  vankho-indexer --index /var/lib/vankho/index --backup /srv/backup/vankho-2026-11-26\n"
      "  vankho-indexer --index /var/lib/vankho/index --compact\n"
      "  vankho-indexer --index /srv/shard-2 --shard 2/3 /srv/archive/   (then: xapian-tcpsrv --port 7002 /srv/shard-2)\n\n"
      "Access levels (cong-khai < noi-bo < mat < toi-mat < tuyet-mat): a document takes the level of,\n"
      "strongest first, its JSON-lines `level` field, its sidecar NAME.meta.json ({\"level\": \"mat\"}),\n"
      "the last --access rule matching its id, the stamp in its text (MẬT, TỐI MẬT, TUYỆT MẬT, LƯU HÀNH\n"
      "NỘI BỘ), else --default-level.\n\nOptions");
  visible.add_options()
      ("help,h", "show this help")
      ("index,i", po::value(&out.writer.index_dir)->value_name("DIR"),
       "the index folder, created when missing (e.g. --index var/index)")
      ("rebuild", po::bool_switch(&out.writer.rebuild), "discard the index and build it afresh")
      ("archive", po::value(&archives)->value_name("PATH")->composing(),
       "a file or folder to index when no PATH is given (repeatable; in --config, one line each)")
      ("backup", po::value(&out.backup_dir)->value_name("DIR"),
       "copy the index into the new folder DIR, consistent while searchd serves it and no indexer "
       "writes meanwhile, and check the copy by opening it; no document is read")
      ("restore", po::value(&out.restore_dir)->value_name("DIR"),
       "replace the index by the backup in DIR (checked first), switched in at once: searchd serves it "
       "without a restart")
      ("compact", po::bool_switch(&out.compact),
       "after indexing the PATHs (with none, at once), write the index afresh, compacted, and switch "
       "searchd to it without a restart: smaller, and faster to search after many incremental runs")
      ("extract", po::value(&out.extract_file)->value_name("FILE"),
       "print the metadata extracted from FILE as JSON and exit; no index is touched")
      ("field", po::value(&fields)->value_name("NAME=SOURCE")->composing(),
       "JSONL: read our field NAME (id, title, text, number, date, type, issuer, level: the access "
       "level, subject: a heading the document sits under, searched like its title, parent: the key "
       "(number) of the larger document a record is part of, parent_title: that document's title, "
       "which records without one take from the first record with the same parent) from the "
       "export's field SOURCE, e.g. --field number=source_number; repeatable")
      ("parent-title-pattern", po::value(&out.ingest.parent_title_pattern)->value_name("REGEX"),
       "the parent's title is the first group of REGEX (ICU syntax) in the parent_title field, {parent} "
       "in it standing for the record's parent key; e.g. in a source note: --field parent_title=source_note "
       "--parent-title-pattern "
       "'số {parent} (.+?) ngày \\d'; a record whose field does not match takes its parent's title")
      ("access", po::value(&out.access_file)->value_name("FILE"),
       "access rules, one a line `GLOB LEVEL` over document ids (paths relative to the PATH given; * "
       "within a folder, ** across folders; a folder's rule covers its contents; the last matching rule "
       "wins; # comments), e.g. `ban-to-chuc/** toi-mat`")
      ("default-level", po::value(&default_level)->value_name("LEVEL"),
       "the access level of documents that no field, sidecar, rule or stamp places (default noi-bo: an "
       "unmarked internal archive is not public)")
      ("themes", po::value(&out.themes_file)->value_name("FILE"),
       "theme taxonomy to use instead of the built-in one (format: see indexer/extract/themes.tsv)")
      ("boilerplate", po::value(&out.ingest.boilerplate_file)->value_name("FILE"),
       "extra portal boilerplate rules (format: see indexer/ingest/boilerplate.txt)")
      ("max-file-size", po::value(&max_size)->value_name("SIZE"),
       "skip files (and JSONL records) larger than SIZE (default 64M; K, M, G suffixes)")
      ("max-export-size", po::value(&max_export)->value_name("SIZE"),
       "skip a .jsonl/.jsonl.gz export whose (decompressed) size exceeds SIZE (default 16G); "
       "--max-file-size then bounds each record")
      ("ocr", po::bool_switch(&out.ingest.ocr),
       "recognise scans with Tesseract (Vietnamese): images, and PDF pages without a text layer; slow")
      ("encoding", po::value(&encoding)->value_name("NAME"),
       "read legacy-encoded text as NAME (tcvn3, vni, viqr, cp1258) instead of detecting it; "
       "unicode: never convert")
      ("file-time-limit", po::value(&time_limit)->value_name("SECONDS"),
       "give up on a .docx/.odt/.pdf/.doc/.rtf/image that takes longer than this to read (default 120)")
      ("shard", po::value(&shard)->value_name("I/N"),
       "write only the documents of shard I of N (by a hash of their ids): N indexes, each served by "
       "xapian-tcpsrv, searched as one archive through a stub file of `remote HOST:PORT` lines")
      ("batch", po::value(&out.writer.batch_documents)->value_name("N"),
       "commit after every N changed documents (default 500); a killed run keeps every commit")
      ("follow-symlinks", po::bool_switch(&out.ingest.follow_symlinks_out),
       "also read what symbolic links in the folders lead to outside the PATHs given (by default "
       "such links are skipped, so that a link cannot publish a file such as /etc/passwd)")
      ("progress", po::bool_switch(&out.progress), "show progress even when stderr is not a terminal")
      ("quiet,q", po::bool_switch(&out.quiet), "print only problems, errors and the one-line summary");
  po::options_description hidden;
  hidden.add_options()("path", po::value(&out.paths)->composing());
  po::options_description cli_only;
  cli_only.add_options()("config,c", po::value(&config_file)->value_name("FILE"),
                         "read settings from FILE: `name = value` lines, common ones and those under "
                         "[indexer] (the package's: /etc/vankho/vankho.conf; default: $VANKHO_CONFIG if set)");
  visible.add(cli_only);
  po::options_description file_settings;  // what --config may set: every option but --config
  for (const auto& option : visible.options()) {
    if (option->long_name() != "config" && option->long_name() != "help") file_settings.add(option);
  }
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);

  po::variables_map vm;
  auto usage_error = [&](const std::string& message) -> std::optional<ToolOptions> {
    std::cerr << "vankho-indexer: " << message << "\n(see vankho-indexer --help)\n";
    exit_code = 2;
    return std::nullopt;
  };
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("config")) config_file = vm["config"].as<std::string>();
    if (!config_file.empty() && !vm.count("help")) {
      config::store_config(config::read_config_file(config_file), "indexer", file_settings, vm);
    }
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(e.what());
  } catch (const config::ConfigError& e) {
    return usage_error(e.what());
  }
  if (vm.count("help")) {
    std::cout << visible;
    exit_code = 0;
    return std::nullopt;
  }
  const auto bytes = parse_size(max_size);
  if (!bytes || *bytes == 0) {
    return usage_error("--max-file-size: expected a size such as 64M or 1048576, got '" + max_size + "'");
  }
  out.ingest.max_file_bytes = *bytes;
  const auto export_bytes = parse_size(max_export);
  if (!export_bytes || *export_bytes == 0) {
    return usage_error("--max-export-size: expected a size such as 16G, got '" + max_export + "'");
  }
  out.ingest.max_export_bytes = *export_bytes;
  if (out.writer.batch_documents == 0) return usage_error("--batch: expected a positive number");
  if (time_limit <= 0 || time_limit > 86400) {
    return usage_error("--file-time-limit: expected 1 to 86400 seconds, got " + std::to_string(time_limit));
  }
  out.ingest.read_limits.time_limit = std::chrono::seconds(time_limit);
  out.ingest.read_limits.max_text_bytes = out.ingest.max_file_bytes;
  if (!encoding.empty()) {
    out.ingest.encoding = formats::parse_encoding(encoding);
    if (!out.ingest.encoding) {
      return usage_error("--encoding: expected tcvn3, vni, viqr, cp1258 or unicode, got '" + encoding + "'");
    }
  }
  const auto level = extract::parse_level(default_level);
  if (!level) {
    return usage_error("--default-level: expected one of " + extract::level_choices() + ", got '" +
                       default_level + "'");
  }
  out.writer.default_level = *level;
  for (const std::string& f : fields) {
    const size_t eq = f.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == f.size()) {
      return usage_error("--field: expected NAME=SOURCE (e.g. number=source_number), got '" + f + "'");
    }
    out.ingest.field_map[f.substr(0, eq)] = f.substr(eq + 1);
  }
  if (vm.count("parent-title-pattern")) {
    if (const std::string error = ingest::check_parent_title_pattern(out.ingest.parent_title_pattern);
        !error.empty()) {
      return usage_error("--parent-title-pattern '" + out.ingest.parent_title_pattern + "': " + error);
    }
    if (!out.ingest.field_map.contains("parent_title")) {
      return usage_error("--parent-title-pattern: name the field it reads with --field parent_title=SOURCE");
    }
  }
  if (vm.count("shard")) {
    std::string error;
    out.writer.shard = index::Shard::parse(shard, error);
    if (!out.writer.shard) return usage_error("--shard: " + error);
  }
  if (!out.extract_file.empty()) return out;
  if (out.writer.index_dir.empty()) return usage_error("--index DIR is required");
  if (!out.backup_dir.empty() || !out.restore_dir.empty()) {
    if (!out.backup_dir.empty() && !out.restore_dir.empty()) return usage_error("--backup and --restore: one at a time");
    if (!vm["path"].empty()) return usage_error("--backup and --restore read no PATH");
    if (out.compact) return usage_error("--compact: not with --backup or --restore (a backup is compacted)");
    return out;
  }
  if (out.paths.empty()) out.paths = archives;  // PATHs given on the command line win
  if (out.paths.empty() && !out.compact) {
    return usage_error("no PATH given: name the files or folders to index (or `archive` lines in --config)");
  }
  return out;
}

}  // namespace vankho::indexer_tool
