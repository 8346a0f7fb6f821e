// vankho-query --json and searchd print every answer through one serializer (query/search_json.h):
// for the same request over the same index the two bodies are the same JSON (a search's took_ms
// aside, which times each run).
#include <nlohmann/json.hpp>

#include "http_fixture.h"
#include "run_command.h"

namespace vankho::testing {
namespace {

const std::string kQuery = VANKHO_QUERY;
const std::string k000 = "000_b0635ad2fd7fc13e.txt", k001 = "001_36391affc1bfd663.txt";

class JsonIdentity : public SearchdTest {
 protected:
  void SetUp() override {
    SearchdTest::SetUp();
    start();
  }
  nlohmann::json cli(std::vector<std::string> args) const {
    std::vector<std::string> argv = {kQuery, "--index", index_dir()};
    argv.insert(argv.end(), args.begin(), args.end());
    const CommandResult r = run_command(argv);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }
  static nlohmann::json untimed(nlohmann::json j) {
    j.erase("took_ms");
    j.erase("cached");
    return j;
  }
};

TEST_F(JsonIdentity, Search) {
  for (const auto& [words, params] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"nong thon moi"}, "q=nong%20thon%20moi"},
           {{"NQ 13", "--limit", "3"}, "q=NQ%2013&limit=3"},
           {{"chương trình quý I năm 2025", "--sort", "date"},
            "q=" + url_encode("chương trình quý I năm 2025") + "&sort=date"},
           {{"HĐND tỉnh", "--type", "chuong-trinh"},
            "q=" + url_encode("HĐND tỉnh") + "&type=chuong-trinh"}}) {
    std::vector<std::string> args = {"--json"};
    args.insert(args.end(), words.begin(), words.end());
    const nlohmann::json from_cli = untimed(cli(args));
    const nlohmann::json from_http = untimed(get_json("/api/search?" + params));
    EXPECT_FALSE(from_cli["hits"].empty()) << params;
    EXPECT_EQ(from_cli, from_http) << params;
  }
}

TEST_F(JsonIdentity, DocumentWithAndWithoutAQuery) {
  EXPECT_EQ(cli({"--document", k001}), get_json("/api/documents/" + k001));
  const nlohmann::json marked = cli({"--document", k001, "nghi quyet"});
  EXPECT_NE(marked["highlighted_html"].get<std::string>().find("<mark>Nghị quyết</mark>"),
            std::string::npos);
  EXPECT_EQ(marked, get_json("/api/documents/" + k001 + "?q=nghi%20quyet"));
}

TEST_F(JsonIdentity, SimilarAndCitations) {
  const nlohmann::json similar = cli({"--json", "--similar", k000, "--limit", "3"});
  EXPECT_FALSE(similar["hits"].empty());
  EXPECT_EQ(similar, get_json("/api/documents/" + k000 + "/similar?limit=3"));
  for (const std::string code : {"NQ 13", "không phải mã"}) {
    EXPECT_EQ(cli({"--json", "--cites", code}), get_json("/api/citations/" + url_encode(code)))
        << code;
  }
}

}  // namespace
}  // namespace vankho::testing
