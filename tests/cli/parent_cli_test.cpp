// An export of one record per article, the act named on one article only: with --field parent=,
// --field parent_title= and --parent-title-pattern every article is found by its act's title,
// shows its act, filters and counts by it, and an incremental run follows the title as it changes
// or goes.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "run_command.h"
#include "temp_dir.h"

namespace vankho {
namespace {

using testing::run_command;
const std::string kIndexer = VANKHO_INDEXER;
const std::string kQuery = VANKHO_QUERY;

std::string article(const std::string& id, const std::string& act, const std::string& note, const std::string& text) {
  return nlohmann::json{{"id", id}, {"title", "Điều " + id}, {"text", text}, {"so", act}, {"ghichu", note}}.dump() + "\n";
}

// The act's first article, naming it as `name`, or not naming it when `name` is empty.
std::string first_article(const std::string& name) {
  const std::string note = name.empty() ? "(Điều 1 Luật số 57/2020/QH14, có hiệu lực thi hành)"
                                        : "(Điều 1 Luật số 57/2020/QH14 " + name + " ngày 16/06/2020 của Quốc hội)";
  return article("l1", "57/2020/QH14", note, "Công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi.");
}

class ParentCli : public ::testing::Test {
 protected:
  void SetUp() override {
    // The act's later articles come first, in the file read first.
    dir_.write("export/a.jsonl",
               article("l2", "57/2020/QH14", "(Điều 2 Luật số 57/2020/QH14, có hiệu lực thi hành)",
                       "Quy định về quyền và nghĩa vụ của công dân.") +
                   article("l3", "57/2020/QH14", "(Điều 3 Luật số 57/2020/QH14, có hiệu lực thi hành)",
                           "Chính sách của Nhà nước đối với công dân.") +
                   article("n1", "12/2011/NĐ-CP",
                           "(Điều 1 Nghị định số 12/2011/NĐ-CP Về lực lượng xung phong ngày 30/01/2011 của Chính phủ)",
                           "Quy định về tổ chức của lực lượng xung phong và công dân tham gia."));
    write_first_article("Luật Thanh niên");
  }
  void write_first_article(const std::string& name) { dir_.write("export/b.jsonl", first_article(name)); }
  void remove_first_article() { dir_.write("export/b.jsonl", "\n"); }

  std::string index() {
    const auto r = run_command({kIndexer, "--index", dir_.str("index"), "--quiet", "--field", "parent=so", "--field",
                                "parent_title=ghichu", "--parent-title-pattern", R"(số {parent} (.+?) ngày \d)",
                                dir_.str("export")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.err;  // the summary line
  }
  nlohmann::json search(const std::string& q) {
    const auto r = run_command({kQuery, "--index", dir_.str("index"), "--json", q});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json::object();
  }
  std::set<std::string> ids(const std::string& q) {
    std::set<std::string> out;
    const nlohmann::json r = search(q);  // held: a temporary in the loop's range would die first
    for (const auto& h : r["hits"]) out.insert(h["id"].get<std::string>());
    return out;
  }
  testing::TempDir dir_;
};

TEST_F(ParentCli, EveryArticleIsFoundByItsActsTitleAndShowsItsAct) {
  index();
  const nlohmann::json r = search("luật thanh niên");
  ASSERT_EQ(r["hits"].size(), 3u) << r.dump();  // only l1's note says it, and no text does
  for (const auto& h : r["hits"]) {
    EXPECT_EQ(h["parent"], (nlohmann::json{{"number", "57/2020/QH14"}, {"title", "Luật Thanh niên"}})) << h.dump();
  }
  EXPECT_EQ(ids("luat thanh nien"), (std::set<std::string>{"l1", "l2", "l3"}));

  // The act is a facet, labelled with its title, and a filter (goc:, or parent= over HTTP).
  const nlohmann::json all = search("công dân");
  EXPECT_EQ(all["total"], 4);
  EXPECT_EQ(all["facets"]["parent"],
            (nlohmann::json{{{"value", "57/2020/QH14"}, {"label", "Luật Thanh niên"}, {"count", 3}},
                            {{"value", "12/2011/NĐ-CP"}, {"label", "Về lực lượng xung phong"}, {"count", 1}}}));
  EXPECT_EQ(ids("công dân goc:57/2020/qh14"), (std::set<std::string>{"l1", "l2", "l3"}));
  EXPECT_EQ(ids("công dân goc:12/2011/nđ-cp"), (std::set<std::string>{"n1"}));

  const auto doc = run_command({kQuery, "--index", dir_.str("index"), "--document", "l3"});
  ASSERT_EQ(doc.exit_code, 0) << doc.err;
  EXPECT_EQ(nlohmann::json::parse(doc.out)["parent"]["title"], "Luật Thanh niên");
}

TEST_F(ParentCli, AnIncrementalRunFollowsTheTitleAsItChangesOrGoes) {
  index();
  EXPECT_NE(index().find("0 added, 0 updated, 4 unchanged"), std::string::npos);

  write_first_article("Luật Hướng đạo");  // only l1 changed in the export; l2 and l3 follow it
  EXPECT_NE(index().find("0 added, 3 updated, 1 unchanged"), std::string::npos);
  EXPECT_EQ(ids("hướng đạo"), (std::set<std::string>{"l1", "l2", "l3"}));
  EXPECT_TRUE(ids("thanh niên").empty());

  write_first_article("");  // the note no longer names the act
  index();
  EXPECT_TRUE(ids("hướng đạo").empty());
  const nlohmann::json r = search("quyền và nghĩa vụ");
  ASSERT_EQ(r["hits"].size(), 1u);
  EXPECT_EQ(r["hits"][0]["parent"], (nlohmann::json{{"number", "57/2020/QH14"}, {"title", ""}}));

  write_first_article("Luật Thanh niên");
  index();
  remove_first_article();  // the record naming the act goes
  EXPECT_NE(index().find("0 added, 2 updated, 1 unchanged, 1 removed"), std::string::npos);
  EXPECT_TRUE(ids("thanh niên").empty());
}

TEST_F(ParentCli, ABadPatternIsRefusedBeforeAnyWork) {
  auto r = run_command({kIndexer, "--index", dir_.str("index"), "--field", "parent_title=ghichu",
                        "--parent-title-pattern", "số (.+", dir_.str("export")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--parent-title-pattern 'số (.+': U_REGEX_MISMATCHED_PAREN"), std::string::npos) << r.err;
  r = run_command({kIndexer, "--index", dir_.str("index"), "--parent-title-pattern", "số (.+)", dir_.str("export")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--field parent_title=SOURCE"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "index"));
}

}  // namespace
}  // namespace vankho
