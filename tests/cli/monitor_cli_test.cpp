// `vigil monitor scan` through the real binary: JSON Lines with a bad line (counted, named by its
// line number, the rest kept), --strict, CSV with --map, and an HTML report that is
// self-contained and masks identifiers unless asked.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli/run_vigil.hpp"

namespace vigil {
namespace {

namespace fs = std::filesystem;
using testing_support::RunVigil;

const std::string kData = std::string(VIGIL_SOURCE_DIR) + "/data";

class MonitorCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vigil-monitor-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) const {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
  std::string Read(const std::string& name) const {
    std::ifstream in(dir_ / name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::string Scan(const std::string& args) const {
    return "monitor scan --data " + kData + " --out " + (dir_ / "out").string() + " " + args;
  }
  fs::path dir_;
};

const std::string kPosts =
    R"({"id":"1","source":"tg-a","posted_at":"2024-05-01T10:00:00Z","text":"Робота в Польщі, житло безкоштовно. Пишіть +380 50 123 45 67","region":"UA"})" "\n"
    R"({"id":"2","source":"olx","posted_at":"2024-05-02T10:00:00Z","text":"Склад, зарплата щотижня, тел. +380501234567 https://example.org/jobs/77"})" "\n"
    R"({"id":"3","source":"olx","posted_at":"2024-05-02T11:00:00Z","text": oops})" "\n"
    "\n"
    R"({"id":"4","source":"fb","posted_at":"yesterday","text":"no date"})" "\n"
    R"({"id":"5","source":"fb","posted_at":"2024-05-03T09:00:00+02:00","title":"Hostess jobs abroad","text":"Only young women 18-25, send photos. Free flights."})" "\n";

TEST_F(MonitorCli, JsonLinesWithBadLinesAreCountedNamedAndSkipped) {
  const std::string in = Write("posts.jsonl", kPosts);
  const auto run = RunVigil(Scan("--in " + in + " --threads 2"));
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("line 3 skipped: not valid JSON"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("line 5 skipped: field \"posted_at\""), std::string::npos) << run.output;
  EXPECT_EQ(run.output.find("+380"), std::string::npos) << "identifiers must not reach the log";
  const auto report = nlohmann::json::parse(Read("out"));
  EXPECT_EQ(report["summary"]["posts"], 3);
  EXPECT_EQ(report["summary"]["invalid_lines"], 2);
  EXPECT_EQ(report["summary"]["clusters"], 1);
  ASSERT_EQ(report["posts"].size(), 3u);
  EXPECT_EQ(report["posts"][0]["id"], "1");
  EXPECT_EQ(report["posts"][2]["id"], "5");
  EXPECT_EQ(report["posts"][0]["cluster"], 0);
  EXPECT_EQ(report["posts"][1]["cluster"], 0);
  EXPECT_TRUE(report["posts"][2]["cluster"].is_null());
  EXPECT_EQ(report["posts"][0]["lang"], "uk");
  const auto& cluster = report["clusters"][0];
  EXPECT_EQ(cluster["posts"], nlohmann::json::parse(R"([["tg-a","1"],["olx","2"]])"));
  EXPECT_EQ(cluster["shared_identifiers"][0]["value"], "+380501234567");
  EXPECT_EQ(cluster["first_seen"], "2024-05-01T10:00:00Z");
  EXPECT_EQ(cluster["last_seen"], "2024-05-02T10:00:00Z");
  // Post 5 carries lures; every reported span points at the phrase in its field.
  const auto& hostess = report["posts"][2];
  ASSERT_FALSE(hostess["indicators"].empty());
  EXPECT_GT(hostess["risk"].get<double>(), 0.0);
  const std::string title = "Hostess jobs abroad";
  const std::string text = "Only young women 18-25, send photos. Free flights.";
  for (const auto& hit : hostess["indicators"]) {
    const std::string& field = hit["field"] == "title" ? title : text;
    const std::size_t start = hit["span"][0], end = hit["span"][1];
    ASSERT_LE(end, field.size());
    EXPECT_LT(start, end);
  }
  const auto invalid = report["invalid"];
  ASSERT_EQ(invalid.size(), 2u);
  EXPECT_EQ(invalid[0]["line"], 3);
  EXPECT_EQ(invalid[1]["line"], 5);
}

TEST_F(MonitorCli, StrictStopsAtTheFirstBadLine) {
  const std::string in = Write("posts.jsonl", kPosts);
  const auto run = RunVigil(Scan("--in " + in + " --strict"));
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find("line 3"), std::string::npos) << run.output;
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(MonitorCli, ThreadCountDoesNotChangeTheOutput) {
  const std::string in = Write("posts.jsonl", kPosts);
  ASSERT_EQ(RunVigil(Scan("--in " + in + " --threads 1")).exit_code, 0);
  auto one = nlohmann::json::parse(Read("out"));
  ASSERT_EQ(RunVigil(Scan("--in " + in + " --threads 4")).exit_code, 0);
  auto four = nlohmann::json::parse(Read("out"));
  one["summary"].erase("seconds");
  four["summary"].erase("seconds");
  EXPECT_EQ(one, four);
}

TEST_F(MonitorCli, ALongerEarlierOutputFileIsReplacedWhole) {
  // The report is written over the old file without truncating it first, then cut to its length.
  Write("out", std::string(1 << 20, 'x'));
  const std::string in = Write("posts.jsonl", kPosts);
  const auto run = RunVigil(Scan("--in " + in));
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const std::string written = Read("out");
  EXPECT_LT(written.size(), std::size_t{1} << 20);
  EXPECT_EQ(written.find('x' + std::string(16, 'x')), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(written)["summary"]["posts"], 3);
}

TEST_F(MonitorCli, AnUnwritableOutputIsAClearFailure) {
  const std::string in = Write("posts.jsonl", kPosts);
  const auto run = RunVigil("monitor scan --data " + kData + " --in " + in + " --out " + (dir_ / "no-such-dir" / "out").string());
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("cannot write"), std::string::npos) << run.output;
}

TEST_F(MonitorCli, CsvWithAColumnMap) {
  const std::string in = Write("jobs.csv",
                               "job_id,description,site,when\r\n"
                               "j1,\"Cleaning, call +48 512 345 678\",board-1,2024-06-01T08:00:00Z\r\n"
                               "j2,Warehouse work. Phone +48512345678,board-2,2024-06-02T08:00:00Z\r\n"
                               "j3,Bad date,board-2,tomorrow\r\n");
  const auto run = RunVigil(Scan("--in " + in + " --map id=job_id,text=description --map source=site,posted_at=when"));
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("line 4 skipped"), std::string::npos) << run.output;
  const auto report = nlohmann::json::parse(Read("out"));
  EXPECT_EQ(report["summary"]["posts"], 2);
  EXPECT_EQ(report["summary"]["invalid_lines"], 1);
  EXPECT_EQ(report["posts"][0]["source"], "board-1");
  EXPECT_EQ(report["posts"][1]["id"], "j2");
  EXPECT_EQ(report["summary"]["clusters"], 1);

  const auto missing = RunVigil(Scan("--in " + in + " --map id=nope,text=description"));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.output.find("no column \"nope\""), std::string::npos) << missing.output;
  const auto unknown = RunVigil(Scan("--in " + in + " --map colour=site"));
  EXPECT_EQ(unknown.exit_code, 2);
}

TEST_F(MonitorCli, HtmlIsSelfContainedAndMasksIdentifiers) {
  const std::string in = Write("posts.jsonl", kPosts);
  const auto run = RunVigil(Scan("--in " + in + " --format html"));
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const std::string html = Read("out");
  EXPECT_NE(html.find("<!DOCTYPE html>"), std::string::npos);
  EXPECT_FALSE(std::regex_search(html, std::regex("https?://", std::regex::icase))) << "no reference to another origin";
  EXPECT_FALSE(std::regex_search(html, std::regex("<script|<link|<img|src=", std::regex::icase)));
  EXPECT_EQ(html.find("123 45 67"), std::string::npos);
  EXPECT_EQ(html.find("+380501234567"), std::string::npos);
  EXPECT_NE(html.find("[phone hidden]"), std::string::npos);
  EXPECT_NE(html.find("<mark>"), std::string::npos) << "lure phrases are highlighted";
  // Clusters come first, ranked.
  EXPECT_LT(html.find("Cluster 0"), html.find("outside clusters"));

  ASSERT_EQ(RunVigil(Scan("--in " + in + " --format html --show-identifiers")).exit_code, 0);
  const std::string shown = Read("out");
  EXPECT_NE(shown.find("+380 50 123 45 67"), std::string::npos);
}

TEST_F(MonitorCli, UnusableInvocationsExitTwo) {
  const std::string in = Write("posts.jsonl", kPosts);
  EXPECT_EQ(RunVigil(Scan("--in " + in + " --format pdf")).exit_code, 2);
  EXPECT_EQ(RunVigil(Scan("--in " + in + " --threads 0")).exit_code, 2);
  EXPECT_EQ(RunVigil(Scan("--in " + (dir_ / "missing.jsonl").string())).exit_code, 2);
  EXPECT_EQ(RunVigil("monitor scan --data " + kData).exit_code, 2);
}

TEST_F(MonitorCli, InvalidUtf8IsRepairedAndLongTextsTruncated) {
  const std::string in = Write("posts.jsonl",
                               "{\"id\":\"1\",\"source\":\"s\",\"posted_at\":\"2024-05-01T10:00:00Z\",\"text\":\"bad \xC3\x28 byte\"}\n"
                               "{\"id\":\"2\",\"source\":\"s\",\"posted_at\":\"2024-05-01T10:00:00Z\",\"text\":\"" +
                                   std::string(300, 'a') + "\"}\n");
  const auto run = RunVigil(Scan("--in " + in + " --max-text-bytes 100"));
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto report = nlohmann::json::parse(Read("out"));
  EXPECT_EQ(report["summary"]["posts"], 2);
  EXPECT_EQ(report["posts"][0]["flags"], nlohmann::json::parse(R"(["utf8-repaired"])"));
  EXPECT_EQ(report["posts"][1]["flags"], nlohmann::json::parse(R"(["truncated"])"));
  EXPECT_EQ(report["summary"]["truncated"], 1);
}

}  // namespace
}  // namespace vigil
