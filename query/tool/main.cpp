// vankho-query: search an index from the command line (readable list, or --json), look up
// citations and similar documents, or show what the analyzer does with a text (--analyze).
#include <unistd.h>

#include <boost/program_options.hpp>
#include <iostream>

#include "analyze_json.h"
#include "analyzer.h"
#include "config_file.h"
#include "render_text.h"
#include "search_json.h"
#include "searcher.h"
#include "time_expr.h"

namespace po = boost::program_options;
using namespace vankho;

namespace {

constexpr int kUsageError = 2;
constexpr int kIndexError = 1;

void print_analysis(const std::string& raw) {
  const text::DecodedText decoded = text::decode(raw);
  if (decoded.invalid_sequences > 0) {
    std::cerr << "vankho-query: --analyze: " << decoded.invalid_sequences
              << " invalid UTF-8 sequence(s) replaced by U+FFFD\n";
  }
  const nlohmann::ordered_json tokens = query::analyze_to_json(decoded.text);
  std::cout << "[";
  for (size_t i = 0; i < tokens.size(); ++i) std::cout << (i ? ",\n " : "\n ") << tokens[i].dump();
  std::cout << (tokens.empty() ? "]\n" : "\n]\n");
}

int usage(const std::string& message) {
  std::cerr << "vankho-query: " << message << "\n(see vankho-query --help)\n";
  return kUsageError;
}

}  // namespace

int main(int argc, char** argv) {
  std::string index_dir, sort = "relevance", from, to, similar, cites, analyze, document, level = "tuyet-mat";
  std::vector<std::string> types, themes, words;
  long long limit = 10, offset = 0;  // signed, so that -3 is reported as such and not wrapped
  bool json = false;
  po::options_description visible(
      "usage: vankho-query --index DIR [options] QUERY...\n"
      "       vankho-query --analyze TEXT\n\n"
      "Examples:\n"
      "  vankho-query --index var/index nong thon moi\n"
      "  vankho-query --index var/index \"NQ 13\"\n"
      "  vankho-query --index var/index --json \"chương trình công tác quý I năm 2025\"\n"
      "  vankho-query --index var/index --cites 13-NQ/TW\n\nOptions");
  visible.add_options()
      ("help,h", "show this help")
      ("index,i", po::value(&index_dir)->value_name("DIR"), "the index built by vankho-indexer")
      ("json", po::bool_switch(&json), "print one JSON object (query interpretation, total, hits, facets, suggestion, took_ms)")
      ("limit", po::value(&limit)->value_name("N"), "hits to show (default 10, at most 100)")
      ("offset", po::value(&offset)->value_name("N"), "hits to skip, for paging (default 0)")
      ("sort", po::value(&sort)->value_name("relevance|date"), "order of hits (default relevance)")
      ("from", po::value(&from)->value_name("YYYY-MM-DD"), "only documents covering days from this date (YYYY or YYYY-MM also work)")
      ("to", po::value(&to)->value_name("YYYY-MM-DD"), "only documents covering days up to this date")
      ("type", po::value(&types)->value_name("T")->composing(), "document type, e.g. nghi-quyet or \"Chương trình\"; repeatable")
      ("theme", po::value(&themes)->value_name("T")->composing(), "theme id or label, e.g. chuyen-doi-so; repeatable")
      ("level", po::value(&level)->value_name("LEVEL"),
       "search as a reader cleared for LEVEL: cong-khai, noi-bo, mat, toi-mat or tuyet-mat (default tuyet-mat: "
       "whoever can read the index files can read every document)")
      ("similar", po::value(&similar)->value_name("ID"), "documents similar to document ID")
      ("cites", po::value(&cites)->value_name("CODE"), "the document that is CODE and the documents citing it")
      ("document", po::value(&document)->value_name("ID"), "print one document (metadata, text, cited-by) as JSON")
      ("analyze", po::value(&analyze)->value_name("TEXT"),
       "print the analyzer's tokens of TEXT as JSON (text, norm, folded, pos, start, end, code)");
  po::options_description hidden;
  hidden.add_options()("query", po::value(&words)->composing());
  // What --config may set: the index and the defaults of a search (not its words or a one-off
  // lookup such as --document).
  po::options_description file_settings;
  for (const auto& option : visible.options()) {
    const std::string& name = option->long_name();
    if (name != "help" && name != "similar" && name != "cites" && name != "document" && name != "analyze") {
      file_settings.add(option);
    }
  }
  std::string config_file = config::config_path_from_environment();
  visible.add_options()("config,c", po::value(&config_file)->value_name("FILE"),
                        "read settings from FILE: `name = value` lines, common ones (index) and those under "
                        "[query] (the package's: /etc/vankho/vankho.conf; default: $VANKHO_CONFIG if set)");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("config")) config_file = vm["config"].as<std::string>();
    if (!config_file.empty() && !vm.count("help")) {
      config::store_config(config::read_config_file(config_file), "query", file_settings, vm);
    }
    po::notify(vm);
  } catch (const po::error& e) {
    return usage(e.what());
  } catch (const config::ConfigError& e) {
    return usage(e.what());
  }
  if (vm.count("help")) {
    std::cout << visible;
    return 0;
  }
  if (vm.count("analyze")) {
    print_analysis(analyze);
    return 0;
  }
  if (index_dir.empty()) return usage("--index DIR is required");
  if (sort != "relevance" && sort != "date") return usage("--sort: expected relevance or date, got '" + sort + "'");
  auto out_of_range = [](const char* option, long long value, size_t max) {
    return "--" + std::string(option) + ": expected 0 to " + std::to_string(max) + ", got " + std::to_string(value);
  };
  if (limit < 0 || static_cast<size_t>(limit) > query::kMaxLimit) return usage(out_of_range("limit", limit, query::kMaxLimit));
  if (offset < 0 || static_cast<size_t>(offset) > query::kMaxOffset) {
    return usage(out_of_range("offset", offset, query::kMaxOffset));
  }
  const auto clearance = extract::parse_level(level);
  if (!clearance) return usage("--level: expected one of " + extract::level_choices() + ", got '" + level + "'");
  query::SearchRequest request;
  if (!from.empty() && !(request.from = query::parse_day_bound(from, false))) {
    return usage("--from: expected a date YYYY-MM-DD, YYYY-MM or YYYY, got '" + from + "'");
  }
  if (!to.empty() && !(request.to = query::parse_day_bound(to, true))) {
    return usage("--to: expected a date YYYY-MM-DD, YYYY-MM or YYYY, got '" + to + "'");
  }
  if (request.from && request.to && request.from > request.to) {  // as searchd answers 400
    return usage("--from: the start " + query::day_to_iso(request.from) + " is after --to " +
                 query::day_to_iso(request.to));
  }
  for (const auto& w : words) request.q += (request.q.empty() ? "" : " ") + w;
  if (request.q.empty() && similar.empty() && cites.empty() && document.empty() && types.empty() &&
      themes.empty() && from.empty() && to.empty()) {
    return usage("nothing to search: give a QUERY, --similar ID, --cites CODE or a filter");
  }
  request.types = types;
  request.themes = themes;
  request.limit = static_cast<size_t>(limit);
  request.offset = static_cast<size_t>(offset);
  request.sort = sort == "date" ? query::SortOrder::kDate : query::SortOrder::kRelevance;
  const auto emphasis = isatty(STDOUT_FILENO) ? query_tool::Emphasis::kAnsiBold : query_tool::Emphasis::kAsterisks;

  try {
    query::Searcher searcher(index_dir, *clearance);
    if (!document.empty()) {  // JSON only: a document is read in full, not listed
      auto view = searcher.document(document, request.q);
      if (!view) {
        std::cerr << "vankho-query: --document: no document with id '" << document << "'\n";
        return kUsageError;
      }
      std::cout << query::to_json(*view).dump(2) << "\n";
      return 0;
    }
    if (!similar.empty()) {
      auto view = searcher.similar(similar, request.limit);
      if (!view) {
        std::cerr << "vankho-query: --similar: no document with id '" << similar << "'\n";
        return kUsageError;
      }
      if (json) {
        std::cout << query::to_json(*view).dump(2) << "\n";
      } else {
        query_tool::render_hits(std::cout, view->hits, 1, emphasis);
      }
      return 0;
    }
    if (!cites.empty()) {
      const auto view = searcher.citations(cites);
      if (json) {
        std::cout << query::to_json(view).dump(2) << "\n";
      } else {
        query_tool::render_citations(std::cout, view);
      }
      return 0;
    }
    const auto response = searcher.search(request);
    if (json) {
      std::cout << query::to_json(response).dump(2) << "\n";
    } else {
      query_tool::render_response(std::cout, response, request.offset, emphasis);
    }
    return 0;
  } catch (const std::exception& e) {  // IndexUnavailable, IndexReadError: the message says what to do
    std::cerr << "vankho-query: " << e.what() << "\n";
  }
  return kIndexError;
}
