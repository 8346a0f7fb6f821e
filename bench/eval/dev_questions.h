// The legal dev questions (../shared/eval/legal-dev.jsonl: `qid`, `question`, `gold_phapdien_ids`),
// read for the relevance evaluation and the latency benchmark. Not part of the project.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace vankho::bench {

struct Question {
  std::string qid;
  std::string question;
  std::vector<std::string> gold;  // ids of the corpus articles that answer it
};

// --questions FILE, else $VANKHO_EVAL_QUESTIONS, else ../shared/eval/legal-dev.jsonl beside the
// source tree.
[[nodiscard]] std::string questions_path(int argc, char** argv);

// Every question, or nullopt with a message on stderr when the file is missing or malformed.
[[nodiscard]] std::optional<std::vector<Question>> load_questions(const std::string& path);

}  // namespace vankho::bench
