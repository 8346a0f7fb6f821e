#include "dev_questions.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

namespace vankho::bench {

std::string questions_path(int argc, char** argv) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--questions") return argv[i + 1];
  }
  if (const char* env = std::getenv("VANKHO_EVAL_QUESTIONS")) return env;
  return std::string(VANKHO_SOURCE_DIR) + "/../shared/eval/legal-dev.jsonl";
}

std::optional<std::vector<Question>> load_questions(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    std::cerr << "questions not found at " << path
              << " (they are not part of the project; pass --questions FILE or set VANKHO_EVAL_QUESTIONS)\n";
    return std::nullopt;
  }
  std::ifstream in(path);
  std::vector<Question> out;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      const auto j = nlohmann::json::parse(line);
      Question q;
      q.qid = j.value("qid", std::to_string(line_no));
      q.question = j.at("question").get<std::string>();
      q.gold = j.at("gold_phapdien_ids").get<std::vector<std::string>>();
      out.push_back(std::move(q));
    } catch (const std::exception& e) {
      std::cerr << path << ":" << line_no << ": expected {\"question\": string, \"gold_phapdien_ids\": "
                << "[string...]}: " << e.what() << "\n";
      return std::nullopt;
    }
  }
  if (out.empty()) {
    std::cerr << path << ": no question\n";
    return std::nullopt;
  }
  return out;
}

}  // namespace vankho::bench
