// `vigil rules check` and `vigil screen` through the real binary: exit codes, messages that name
// the file and line or the field, and the text summary.
#include <gtest/gtest.h>

#include <filesystem>
#include <array>
#include <cstdio>
#include <fstream>

#include "cli/run_vigil.hpp"

namespace vigil {
namespace {

namespace fs = std::filesystem;
using testing_support::RunVigil;

const std::string kData = std::string(VIGIL_SOURCE_DIR) + "/data";

class IdentifyCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vigil-identify-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path) << text;
    return path.string();
  }
  fs::path dir_;
};

TEST_F(IdentifyCli, ShippedRulesetChecksClean) {
  auto run = RunVigil("rules check " + kData + "/rulesets");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("67 indicators"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("6 languages"), std::string::npos) << run.output;
}

TEST_F(IdentifyCli, BrokenRulesetNamesFileAndLineAndExitsOne) {
  fs::copy(kData + "/rulesets", dir_ / "rulesets", fs::copy_options::recursive);
  const fs::path ilo = dir_ / "rulesets" / "ilo-2009.yaml";
  std::ifstream in(ilo);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  const std::string from = "      - id: DR-03\n";
  const auto pos = text.find(from);
  ASSERT_NE(pos, std::string::npos);
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + pos, '\n'));
  text.replace(pos, from.size(), "      - id: DR-02\n");
  std::ofstream(ilo) << text;
  auto run = RunVigil("rules check " + ilo.string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("ilo-2009.yaml:" + std::to_string(line) + ": error: indicator \"DR-02\" appears twice"),
            std::string::npos)
      << run.output;
  // A broken ruleset never loads silently: screening refuses to run on it.
  const std::string answers = Write("a.json", R"({"person":{"age":"adult"}})");
  auto screen = RunVigil("screen --answers " + answers + " --data " + dir_.string());
  EXPECT_EQ(screen.exit_code, 1);
  EXPECT_NE(screen.output.find("has errors and was not loaded"), std::string::npos) << screen.output;
}

TEST_F(IdentifyCli, ScreenPrintsJsonAndText) {
  const std::string answers = Write("a.json", R"({"person":{"age":"adult","exploitation":["labour"]},
    "answers":{"safety.danger":"no","safety.controller_present":"no","DR-01":"yes","DR-02":"yes",
               "EX-01":"yes","EX-02":"yes","CD-01":"yes","CD-02":"yes"}})");
  auto json = RunVigil("screen --answers " + answers + " --data " + kData);
  EXPECT_EQ(json.exit_code, 0) << json.output;
  EXPECT_NE(json.output.find("\"level\":\"refer\""), std::string::npos) << json.output;
  auto text = RunVigil("screen --answers " + answers + " --data " + kData + " --format text");
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.output.find("Referral: refer"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("Not a legal determination"), std::string::npos);
  EXPECT_NE(text.output.find("CD Coercion at destination: positive; yes: CD-01, CD-02"), std::string::npos)
      << text.output;
}

TEST_F(IdentifyCli, BadInputExitsTwoNamingTheField) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"answers":{}})", "\"person\" is missing"},
      {R"({"person":{"age":"adult"},"answers":{"DR-77":"yes"}})", "\"DR-77\" is not a question"},
      {R"({"person":{"age":"adult"},"answers":{"DR-01":"perhaps"}})", "answers.DR-01"},
      {R"({"person":)", "not well-formed JSON"},
      {R"({"person":{"age":"adult"},"protocol":"quick"})", "protocol: \"quick\""},
  };
  for (const auto& [body, message] : cases) {
    auto run = RunVigil("screen --answers " + Write("bad.json", body) + " --data " + kData);
    EXPECT_EQ(run.exit_code, 2) << body;
    EXPECT_NE(run.output.find(message), std::string::npos) << run.output;
  }
  EXPECT_EQ(RunVigil("screen --answers /nonexistent.json --data " + kData).exit_code, 2);
  EXPECT_EQ(RunVigil("screen --data " + kData).exit_code, 2);  // --answers is required
  EXPECT_EQ(RunVigil("screen --answers " + Write("ok.json", R"({"person":{"age":"adult"}})") +
                     " --format xml --data " + kData)
                .exit_code,
            2);
}

TEST_F(IdentifyCli, ExportsAnXlsFormWorkbook) {
  const std::string out = (dir_ / "triage.xlsx").string();
  auto run = RunVigil("rules export --xlsform triage --out " + out + " --data " + kData);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  // The workbook is a zip; its shared strings hold the sheet texts.
  const std::string command = "unzip -p " + out + " xl/sharedStrings.xml";
  FILE* pipe = popen(command.c_str(), "r");
  std::string xml;
  std::array<char, 4096> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe) != nullptr) xml += buffer.data();
  pclose(pipe);
  for (const char* expected : {"select_one answer", "DR_01", "label::Ukrainian (uk)", "list_name",
                               "vigil_ilo_2009_triage", "hint::Arabic (ar)"}) {
    EXPECT_NE(xml.find(expected), std::string::npos) << expected;
  }
  EXPECT_EQ(RunVigil("rules export --xlsform quick --out " + out + "2 --data " + kData).exit_code, 2);
}

}  // namespace
}  // namespace vigil
