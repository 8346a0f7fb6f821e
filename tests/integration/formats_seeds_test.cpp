// The acceptance check of the formats work: each of the five seeds, saved as .docx, .odt, .pdf and
// .doc (by LibreOffice: tests/fixtures/formats/make-seed-fixtures.sh) and as TCVN3 and VNI text
// (made here with iconv and recode), gives the metadata its .txt gives — type, number, dates,
// period, citations, signer, themes — and an index of each format answers the README's queries
// with the same documents in the same order.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "document_json.h"
#include "index_writer.h"
#include "ingest.h"
#include "searcher.h"
#include "temp_dir.h"
#include "test_index.h"

namespace vankho {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kSeeds = {"000_b0635ad2fd7fc13e", "001_36391affc1bfd663", "002_d93671f2cbad73a6",
                                         "003_aabf41006b262e9c", "004_d18117e02a6e2a66"};

std::string fixtures_dir() { return std::string(VANKHO_SOURCE_DIR) + "/tests/fixtures/formats"; }

// The metadata the acceptance check compares, from the indexer's own reading of `path`.
nlohmann::json compared_metadata(const std::string& path, std::string* format = nullptr) {
  std::vector<ingest::SourceDocument> docs;
  std::vector<std::string> problems;
  (void)ingest::read_paths({path}, {}, [&](ingest::SourceDocument&& d) { docs.push_back(std::move(d)); },
                           [&](const ingest::Problem& p) { problems.push_back(p.to_string()); });
  EXPECT_EQ(docs.size(), 1u) << path << ": " << ::testing::PrintToString(problems);
  if (docs.empty()) return nullptr;
  if (format) *format = docs[0].file.format;
  const nlohmann::json all = index::document_json(docs[0], index::extract_metadata(docs[0], extract::ThemeTaxonomy::builtin(), extract::AccessLevel::kNoiBo));
  nlohmann::json out;
  for (const char* key : {"type", "number", "date", "period", "signer"}) out[key] = all.value(key, nlohmann::json());
  out["citations"] = nlohmann::json::array();
  for (const auto& c : all["citations"]) out["citations"].push_back(c["code"]);
  out["themes"] = nlohmann::json::array();
  for (const auto& t : all["themes"]) out["themes"].push_back(t["id"]);
  return out;
}

// `from` converted by a command line (iconv, recode) into `to`.
void convert(const std::string& command, const std::string& from, const std::string& to) {
  const std::string line = command + " < '" + from + "' > '" + to + "'";
  ASSERT_EQ(std::system(line.c_str()), 0) << line;
}

TEST(FormatsSeeds, EveryFormatGivesTheMetadataOfTheText) {
  testing::TempDir dir;
  for (const std::string& seed : kSeeds) {
    const std::string txt = testing::seeds_dir() + "/" + seed + ".txt";
    const nlohmann::json expected = compared_metadata(txt);
    ASSERT_FALSE(expected.is_null()) << seed;
    convert("iconv -f UTF-8 -t TCVN5712-1//TRANSLIT", txt, dir.str(seed + ".tcvn3.txt"));
    convert("recode -f utf8..VNI", txt, dir.str(seed + ".vni.txt"));
    const std::map<std::string, std::string> files = {
        {"docx", fixtures_dir() + "/" + seed + ".docx"}, {"odt", fixtures_dir() + "/" + seed + ".odt"},
        {"pdf", fixtures_dir() + "/" + seed + ".pdf"},   {"doc", fixtures_dir() + "/" + seed + ".doc"},
        {"tcvn3", dir.str(seed + ".tcvn3.txt")},        {"vni", dir.str(seed + ".vni.txt")}};
    for (const auto& [kind, path] : files) {
      std::string format;
      EXPECT_EQ(compared_metadata(path, &format), expected) << seed << " as " << kind;
      if (kind != "tcvn3" && kind != "vni") {
        EXPECT_EQ(format, kind) << seed;
      }
    }
  }
}

// The stems of a search's top hits, in order.
std::vector<std::string> top_stems(query::Searcher& s, const std::string& q) {
  query::SearchRequest r;
  r.q = q;
  r.limit = 5;
  std::vector<std::string> out;
  for (const auto& h : s.search(r).hits) out.push_back(fs::path(h.id).stem().string());
  return out;
}

TEST(FormatsSeeds, EachFormatAnswersTheReadmeQueriesLikeTheText) {
  testing::TempDir dir;
  (void)testing::build_index(dir.str("txt"), {testing::seeds_dir()});
  query::Searcher text(dir.str("txt"));
  for (const std::string ext : {"docx", "odt", "pdf", "doc"}) {
    fs::create_directories(dir.path() / ext / "docs");
    for (const std::string& seed : kSeeds) {
      fs::copy_file(fixtures_dir() + "/" + seed + "." + ext, dir.path() / ext / "docs" / (seed + "." + ext));
    }
    const index::RunStats stats = testing::build_index(dir.str(ext + "/index"), {dir.str(ext + "/docs")});
    EXPECT_EQ(stats.added, 5u) << ext;
    EXPECT_EQ(stats.by_format.at(ext), 5u) << ext;
    query::Searcher converted(dir.str(ext + "/index"));
    for (const std::string q : {"nong thon moi", "NQ 13", "chương trình công tác quý I năm 2025",
                                "tỉnh loai:chuong-trinh nam:2022", "chuyển đổi số năm 2023", "13/NQ-TW"}) {
      EXPECT_EQ(top_stems(converted, q), top_stems(text, q)) << ext << ": " << q;
    }
  }
}

}  // namespace
}  // namespace vankho
