// An index built with its own theme taxonomy (`vankho-indexer --themes FILE`) is searched with that
// taxonomy: the index records it, `chude:` and the theme facet read it from there, and the indexer
// refuses to mix documents classified by another one.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_command.h"
#include "temp_dir.h"

namespace vankho {
namespace {

using testing::run_command;
const std::string kIndexer = VANKHO_INDEXER;
const std::string kQuery = VANKHO_QUERY;

class ThemesCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("themes.tsv", "# ours\ngiao-thong\tGiao thông vận tải\tgiao thông | cầu đường\n");
    dir_.write("other.tsv", "thuy-loi\tThủy lợi\tthủy lợi | đê điều\n");
    dir_.write("docs/a.txt",
               "Kế hoạch giao thông năm 2024. Đầu tư cầu đường, giao thông nông thôn.");
    dir_.write("docs/b.txt", "Báo cáo công tác thủy lợi, đê điều năm 2024; kiểm tra đê điều.");
  }
  testing::CommandResult index(std::vector<std::string> extra) {
    std::vector<std::string> argv = {kIndexer, "--index", dir_.str("index")};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back(dir_.str("docs"));
    return run_command(argv);
  }
  nlohmann::json search(const std::string& q) {
    const auto r = run_command({kQuery, "--index", dir_.str("index"), "--json", q});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }
  testing::TempDir dir_;
};

TEST_F(ThemesCli, TheQuerySideUsesTheTaxonomyTheIndexWasBuiltWith) {
  auto r = index({"--themes", dir_.str("themes.tsv")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string q : {"chude:giao-thong", "chude:\"giao thong van tai\""}) {
    const auto j = search(q);
    ASSERT_EQ(j["query"]["filters"].size(), 1u) << q << ": " << j["query"].dump();
    EXPECT_EQ(j["query"]["filters"][0]["label"], "Giao thông vận tải") << q;
    EXPECT_EQ(j["total"], 1) << q;
    EXPECT_EQ(j["hits"][0]["id"], "a.txt") << q;
  }
  const auto all = search("2024");
  ASSERT_EQ(all["facets"]["theme"].size(), 1u) << all["facets"].dump();
  EXPECT_EQ(all["facets"]["theme"][0]["label"], "Giao thông vận tải");
  // A built-in theme is not this index's.
  const auto builtin = search("chude:y-te");
  EXPECT_TRUE(builtin["query"]["filters"].empty());
  EXPECT_NE(builtin["query"]["warnings"].dump().find("unknown theme"), std::string::npos);
}

TEST_F(ThemesCli, AnIncrementalRunKeepsTheIndexsTaxonomyAndRefusesAnother) {
  ASSERT_EQ(index({"--themes", dir_.str("themes.tsv")}).exit_code, 0);
  dir_.write("docs/c.txt", "Giao thông đường thủy; bảo trì cầu đường và giao thông.");
  auto r = index({});  // without --themes: the index's own
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 added"), std::string::npos) << r.err;
  EXPECT_EQ(search("chude:giao-thong")["total"], 2);

  r = index({"--themes", dir_.str("other.tsv")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("themes.tsv"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("other.tsv"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--rebuild"), std::string::npos) << r.err;
  EXPECT_EQ(search("chude:giao-thong")["total"], 2);  // nothing changed

  r = index({"--themes", dir_.str("other.tsv"), "--rebuild"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(search("chude:thuy-loi")["total"], 1);
  EXPECT_TRUE(search("chude:giao-thong")["query"]["filters"].empty());
}

}  // namespace
}  // namespace vankho
