// vankho-query: search an index from the command line, or show what the analyzer does with a text.
#include <boost/program_options.hpp>
#include <iostream>

#include "analyze_json.h"
#include "analyzer.h"

namespace po = boost::program_options;

namespace {

void print_analysis(const std::string& raw) {
  const vankho::text::DecodedText decoded = vankho::text::decode(raw);
  if (decoded.invalid_sequences > 0) {
    std::cerr << "vankho-query: --analyze: " << decoded.invalid_sequences
              << " invalid UTF-8 sequence(s) replaced by U+FFFD\n";
  }
  const nlohmann::ordered_json tokens = vankho::query::analyze_to_json(decoded.text);
  std::cout << "[";
  for (size_t i = 0; i < tokens.size(); ++i) std::cout << (i ? ",\n " : "\n ") << tokens[i].dump();
  std::cout << (tokens.empty() ? "]\n" : "\n]\n");
}

}  // namespace

int main(int argc, char** argv) try {
  po::options_description options("vankho-query options");
  options.add_options()("help,h", "show this help")(
      "analyze", po::value<std::string>()->value_name("TEXT"),
      "print the analyzer's tokens of TEXT as JSON (text, norm, folded, pos, start, end, code), "
      "e.g. --analyze \"Nghị quyết số 13-NQ/TW của Tỉnh ủy\"");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, options), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "vankho-query: " << e.what() << "\n" << options;
    return 2;
  }
  if (vm.count("help")) {
    std::cout << "usage: vankho-query --analyze TEXT\n\n" << options;
    return 0;
  }
  if (vm.count("analyze")) {
    print_analysis(vm["analyze"].as<std::string>());
    return 0;
  }
  std::cerr << "vankho-query: nothing to do (try --help)\n";
  return 2;
} catch (const std::exception& e) {
  std::cerr << "vankho-query: " << e.what() << "\n";
  return 1;
}
