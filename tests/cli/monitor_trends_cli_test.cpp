// `vigil monitor trends` end to end: surges per term with their baseline and threshold, the
// detector's R-named parameters, and bad rows named by line (exit 2).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "cli/run_vigil.hpp"

namespace vigil {
namespace {

using testing_support::RunVigil;

std::string WriteCounts(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("vigil-trends-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path) << text;
  return path.string();
}

std::string Counts() {
  std::string text = "date,term,count\n";
  for (int day = 1; day <= 28; ++day) {
    const std::string date = "2022-02-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    const int work = day < 26 ? 10 + day % 4 : 48;  // the last three days surge
    text += date + ",work abroad," + std::to_string(work) + "\n";
    if (day % 5 != 0) text += date + ",nanny job," + std::to_string(3 + day % 2) + "\n";
  }
  return text;
}

TEST(MonitorTrendsCli, SurgesCarryTheirBaselineAndThreshold) {
  const std::string path = WriteCounts("ok.csv", Counts());
  auto run = RunVigil("monitor trends --in " + path + " --method ratio-to-baseline --ratio=3 --minCount 5");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto document = nlohmann::json::parse(run.output);
  EXPECT_EQ(document["method"], "ratio-to-baseline");
  EXPECT_EQ(document["params"]["ratio"], 3);
  EXPECT_EQ(document["params"]["baseline"], 7);
  const auto& work = document["terms"][0];
  EXPECT_EQ(work["term"], "work abroad");
  ASSERT_GE(work["surges"].size(), 1u);
  EXPECT_EQ(work["surges"][0]["date"], "2022-02-26");
  EXPECT_EQ(work["surges"][0]["observed"], 48);
  EXPECT_GT(work["surges"][0]["upper"].get<double>(), work["surges"][0]["expected"].get<double>());
  const auto& nanny = document["terms"][1];
  EXPECT_EQ(nanny["filled_days"], 5);  // every fifth day missing, counted as 0
  EXPECT_TRUE(nanny["surges"].empty());
  std::filesystem::remove(path);
}

TEST(MonitorTrendsCli, DefaultsToEarsC2AndRefusesForeignParameters) {
  const std::string path = WriteCounts("ears.csv", Counts());
  auto run = RunVigil("monitor trends --in " + path + " --format text");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("work abroad: 28 days;"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("2022-02-26: 48 against a baseline of"), std::string::npos) << run.output;
  auto foreign = RunVigil("monitor trends --in " + path + " --ratio=3");
  EXPECT_EQ(foreign.exit_code, 2);
  EXPECT_NE(foreign.output.find("ears-c2 has no parameter ratio"), std::string::npos) << foreign.output;
  std::filesystem::remove(path);
}

TEST(MonitorTrendsCli, BadRowsAreNamedByLine) {
  const std::string path = WriteCounts("bad.csv", "date,term,count\n2022-02-01,work abroad,4\n2022-02-01,work abroad,5\n");
  auto run = RunVigil("monitor trends --in " + path);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.output.find("line 3: term and date repeat line 2"), std::string::npos) << run.output;
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace vigil

namespace vigil {
namespace {

// `monitor scan --counts-out` writes the daily counts per lure category that `monitor trends`
// reads: the loop from scanned posts to surges.
TEST(MonitorTrendsCli, ScanCountsFeedTrends) {
  std::string jsonl;
  int id = 0;
  for (int day = 1; day <= 20; ++day) {
    const std::string date = "2024-05-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    const int posts = day < 19 ? 1 : 8;  // eight lure posts a day at the end, one before
    for (int i = 0; i < posts; ++i) {
      jsonl += R"({"id":")" + std::to_string(++id) + R"(","source":"board","posted_at":")" + date +
               R"(T10:00:00Z","text":"Job )" + std::to_string(id) +
               R"(: we pay for your ticket and meet you at the station."})" + "\n";
    }
  }
  const std::string in = WriteCounts("posts.jsonl", jsonl);
  const std::string counts = WriteCounts("daily.csv", "");
  auto scan = RunVigil("monitor scan --in " + in + " --counts-out " + counts + " --data " +
                       std::string(VIGIL_SOURCE_DIR) + "/data --out /dev/null");
  ASSERT_EQ(scan.exit_code, 0) << scan.output;
  std::ifstream file(counts);
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text.rfind("date,term,count\r\n", 0), 0u) << text;
  EXPECT_NE(text.find("2024-05-19,category:logistics,8"), std::string::npos) << text;
  EXPECT_NE(text.find("2024-05-01,posts,1"), std::string::npos) << text;
  auto trends = RunVigil("monitor trends --in " + counts + " --method ratio-to-baseline");
  ASSERT_EQ(trends.exit_code, 0) << trends.output;
  const auto document = nlohmann::json::parse(trends.output);
  bool logistics_surged = false;
  for (const auto& term : document["terms"]) {
    if (term["term"] == "category:logistics" && !term["surges"].empty()) {
      logistics_surged = term["surges"][0]["date"] == "2024-05-19";
    }
  }
  EXPECT_TRUE(logistics_surged) << trends.output;
  std::filesystem::remove(in);
  std::filesystem::remove(counts);
}

// Configured search terms are counted per day too (a post once per term, title or text), and a
// bad terms file is refused before anything is scanned.
TEST(MonitorTrendsCli, ConfiguredTermsAreCountedPerDay) {
  const std::string in = WriteCounts("terms-posts.jsonl",
                                     R"({"id":"1","source":"s","posted_at":"2024-05-01T10:00:00Z","title":"Nanny job","text":"A NANNY job in Berlin, nanny job!"})"
                                     "\n"
                                     R"({"id":"2","source":"s","posted_at":"2024-05-01T11:00:00Z","text":"Escort work abroad"})"
                                     "\n"
                                     R"({"id":"3","source":"s","posted_at":"2024-05-02T11:00:00Z","text":"Nanny   jobs wanted"})"
                                     "\n");
  const std::string terms = WriteCounts("terms.txt", "# demand-side terms\nnanny job*\n\n  escort  \n");
  const std::string counts = WriteCounts("terms-daily.csv", "");
  const std::string data = " --data " + std::string(VIGIL_SOURCE_DIR) + "/data --out /dev/null";
  auto scan = RunVigil("monitor scan --in " + in + " --counts-out " + counts + " --terms " + terms + data);
  ASSERT_EQ(scan.exit_code, 0) << scan.output;
  std::ifstream file(counts);
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("2024-05-01,term:nanny job*,1\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("2024-05-02,term:nanny job*,1\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("2024-05-01,term:escort,1\r\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("2024-05-02,term:escort"), std::string::npos) << text;

  const std::string empty = WriteCounts("no-terms.txt", "# nothing\n");
  auto refused = RunVigil("monitor scan --in " + in + " --counts-out " + counts + " --terms " + empty + data);
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  EXPECT_NE(refused.output.find("lists no term"), std::string::npos) << refused.output;
  auto alone = RunVigil("monitor scan --in " + in + " --terms " + terms + data);
  EXPECT_EQ(alone.exit_code, 2) << alone.output;
  EXPECT_NE(alone.output.find("--terms needs --counts-out"), std::string::npos) << alone.output;
  for (const auto& path : {in, terms, counts, empty}) std::filesystem::remove(path);
}

}  // namespace
}  // namespace vigil
