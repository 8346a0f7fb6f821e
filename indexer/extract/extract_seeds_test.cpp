// The acceptance oracle: extraction of the five seed documents compared with the hand-checked
// JSON in tests/extract/ (see tests/extract/README.md for the cleaning and the decisions).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "extract.h"

namespace vankho::extract {
namespace {

const std::vector<std::string> kSeeds = {"000_b0635ad2fd7fc13e", "001_36391affc1bfd663",
                                         "002_d93671f2cbad73a6", "003_aabf41006b262e9c",
                                         "004_d18117e02a6e2a66"};

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What ingest does to these files, minimally: markdown emphasis stars removed, the portal's
// toolbar lines dropped.
std::string clean(const std::string& raw) {
  std::string out;
  std::istringstream in(raw);
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (line.find("PublishingPortal") != std::string::npos || line == "Tăng cỡ chữ Giảm cỡ chữ") {
      continue;
    }
    if (!first) out += '\n';
    first = false;
    for (char c : line) {
      if (c != '*') out += c;
    }
  }
  return out;
}

nlohmann::json extract_json(const std::string& seed, const std::string& text) {
  ExtractInput input;
  input.id = seed + ".txt";
  input.text = text;
  return to_json(extract(input, ThemeTaxonomy::builtin()));
}

std::string seed_path(const std::string& seed) {
  return std::string(VANKHO_SOURCE_DIR) + "/seeds/" + seed + ".txt";
}

nlohmann::json expected(const std::string& seed) {
  return nlohmann::json::parse(
      read(std::string(VANKHO_SOURCE_DIR) + "/tests/extract/" + seed + ".json"));
}

std::vector<std::string> theme_ids(const nlohmann::json& j) {
  std::vector<std::string> out;
  for (const auto& t : j["themes"]) out.push_back(t["id"]);
  return out;
}

// Sections by heading, level and start (the end follows from them). Raw text keeps emphasis
// stars inside headings: `without_stars` compares the words only.
std::vector<std::string> section_keys(const nlohmann::json& j, bool with_start,
                                      bool without_stars = false) {
  std::vector<std::string> out;
  for (const auto& s : j["sections"]) {
    std::string heading = s["heading"];
    if (without_stars) std::erase(heading, '*');
    out.push_back(heading + " | level " + std::to_string(s["level"].get<int>()) +
                  (with_start ? " | start " + std::to_string(s["start"].get<int>()) : ""));
  }
  return out;
}

class Seeds : public testing::TestWithParam<std::string> {};

TEST_P(Seeds, MatchesTheHandCheckedExtraction) {
  const std::string& seed = GetParam();
  const std::string text = clean(read(seed_path(seed)));
  const nlohmann::json got = extract_json(seed, text);
  const nlohmann::json want = expected(seed);
  ASSERT_EQ(got.size(), want.size());
  for (const auto& [key, value] : want.items()) {
    ASSERT_TRUE(got.contains(key)) << key;
    if (key == "themes") {
      EXPECT_EQ(theme_ids(got), theme_ids(want)) << seed;
    } else if (key == "sections") {
      EXPECT_EQ(section_keys(got, true), section_keys(want, true)) << seed;
    } else {
      EXPECT_EQ(got[key], value) << seed << " key " << key << "\n got: " << got[key].dump(1);
    }
  }
  // The oracle's offsets point at the headings in the text the test feeds.
  for (const auto& s : want["sections"]) {
    const std::string heading = s["heading"];
    EXPECT_EQ(text.substr(s["start"].get<size_t>(), heading.size()), heading) << seed;
  }
}

// The raw files (stars and portal lines left in) give the same metadata; only offsets move and
// the news headline falls to the portal's toolbar line, which ingest removes.
TEST_P(Seeds, RawTextGivesTheSameMetadata) {
  const std::string& seed = GetParam();
  const nlohmann::json got = extract_json(seed, read(seed_path(seed)));
  const nlohmann::json want = expected(seed);
  for (const char* key : {"type", "type_label", "number", "draft", "issuer", "province", "date",
                          "period", "term", "signer", "citations"}) {
    EXPECT_EQ(got[key], want[key]) << seed << " key " << key;
  }
  if (want["type"] != "tin-bai") {
    EXPECT_EQ(got["title"], want["title"]) << seed;
  }
  EXPECT_EQ(section_keys(got, false, true), section_keys(want, false)) << seed;
}

INSTANTIATE_TEST_SUITE_P(Extract, Seeds, testing::ValuesIn(kSeeds),
                         [](const testing::TestParamInfo<std::string>& info) {
                           return "seed_" + info.param.substr(0, 3);
                         });

}  // namespace
}  // namespace vankho::extract
