#include "config_file.h"

#include <gtest/gtest.h>

namespace po = boost::program_options;

namespace vankho::config {
namespace {

struct Settings {
  std::string index, listen;
  size_t threads = 8;
  bool quiet = false;
  std::vector<std::string> archive;
};

po::options_description options_of(Settings& s) {
  po::options_description d;
  d.add_options()
      ("index", po::value(&s.index))
      ("listen", po::value(&s.listen))
      ("threads", po::value(&s.threads))
      ("quiet", po::bool_switch(&s.quiet))
      ("archive", po::value(&s.archive)->composing());
  return d;
}

// Parses `argv` then the config text for `tool`; the message of a ConfigError, else "".
std::string load(Settings& s, const std::vector<const char*>& args, std::string_view text,
                 std::string_view tool = "searchd") {
  const po::options_description d = options_of(s);
  po::variables_map vm;
  std::vector<const char*> argv = {"tool"};
  argv.insert(argv.end(), args.begin(), args.end());
  po::store(po::command_line_parser(static_cast<int>(argv.size()), argv.data()).options(d).run(), vm);
  try {
    store_config(parse_config_text(text, "vankho.conf"), tool, d, vm);
  } catch (const ConfigError& e) {
    return e.what();
  }
  po::notify(vm);
  return "";
}

TEST(ConfigFile, CommonLinesAndTheToolsOwnSection) {
  Settings s;
  const std::string text =
      "# vankho\n"
      "index = /var/lib/vankho/index\n"
      "\n"
      "[indexer]\n"
      "archive = /srv/a\n"
      "[searchd]\n"
      "  listen = 127.0.0.1:8080   \n"
      "threads=4\n"
      "quiet = true\n"
      "archive = /srv/b\n"
      "archive = /srv/c\n";
  ASSERT_EQ(load(s, {}, text), "");
  EXPECT_EQ(s.index, "/var/lib/vankho/index");
  EXPECT_EQ(s.listen, "127.0.0.1:8080");
  EXPECT_EQ(s.threads, 4u);
  EXPECT_TRUE(s.quiet);
  EXPECT_EQ(s.archive, (std::vector<std::string>{"/srv/b", "/srv/c"}));  // not [indexer]'s
}

TEST(ConfigFile, AFlagWinsOverTheFile) {
  Settings s;
  ASSERT_EQ(load(s, {"--threads", "16", "--archive", "/x"}, "[searchd]\nthreads = 4\narchive = /y\n"), "");
  EXPECT_EQ(s.threads, 16u);
  EXPECT_EQ(s.archive, (std::vector<std::string>{"/x", "/y"}));  // repeatable: both
}

TEST(ConfigFile, EveryBadLineIsNamedWithItsReason) {
  Settings s;
  EXPECT_EQ(load(s, {}, "index = /i\n[searchd]\nthreads = many\n"),
            "vankho.conf:3: the argument ('many') for option 'threads' is invalid");
  EXPECT_EQ(load(s, {}, "[searchd]\nthreads = 4\n\nthreads = 5\n"), "vankho.conf:4: 'threads' is already set at line 2");
  EXPECT_EQ(load(s, {}, "[searchd]\nport 8080\n"), "vankho.conf:2: expected name = value, got 'port 8080'");
  EXPECT_EQ(load(s, {}, "[web]\n"), "vankho.conf:1: unknown section [web]: expected [indexer], [searchd] or [query]");
  EXPECT_EQ(load(s, {}, "[searchd\n"), "vankho.conf:1: expected [section], got '[searchd'");
  EXPECT_EQ(load(s, {}, "[searchd]\n= 4\n"), "vankho.conf:2: a setting without a name");
  EXPECT_EQ(load(s, {}, "[searchd]\nqiuet = true\n"), "vankho.conf:2: vankho-searchd has no setting 'qiuet' in [searchd]");
  EXPECT_NE(load(s, {}, "colour = blue\n").find("vankho.conf:1: vankho-searchd has no setting 'colour' (lines "
                                                "before any section are every tool's"),
            std::string::npos);
  EXPECT_EQ(load(s, {}, "[searchd]\nquiet = maybe\n"),
            "vankho.conf:2: the argument ('maybe') for option 'quiet' is invalid. Valid choices are 'on|off', "
            "'yes|no', '1|0' and 'true|false'");
}

TEST(ConfigFile, AnotherToolsSectionIsNotReadNorChecked) {
  Settings s;
  ASSERT_EQ(load(s, {}, "[indexer]\nocr = true\n[searchd]\nthreads = 3\n"), "");
  EXPECT_EQ(s.threads, 3u);
}

TEST(ConfigFile, AMissingFileIsNamed) {
  try {
    (void)read_config_file("/nonexistent/vankho.conf");
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/vankho.conf: cannot read the configuration file");
  }
}

}  // namespace
}  // namespace vankho::config
