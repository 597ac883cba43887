#include "codec/yaml/ruleset_yaml.hpp"

#include <gtest/gtest.h>

#include "storage/file/ruleset_files.hpp"

namespace vigil::codec::yaml {
namespace {

std::vector<RulesetFile> ShippedFiles() {
  auto files = storage::file::ReadRulesetFiles({std::string(VIGIL_SOURCE_DIR) + "/data/rulesets", "ilo-2009"});
  EXPECT_TRUE(files.has_value());
  return *files;
}

RulesetFile& File(std::vector<RulesetFile>& files, const std::string& name) {
  for (auto& file : files) {
    if (file.name == name) return file;
  }
  ADD_FAILURE() << name << " not shipped";
  static RulesetFile none;
  return none;
}

void Replace(std::string& text, const std::string& from, const std::string& to) {
  const auto pos = text.find(from);
  ASSERT_NE(pos, std::string::npos) << from;
  text.replace(pos, from.size(), to);
}

// True when some error names `file`, the line of `needle` in the file text, and `message_part`.
bool HasError(const RulesetLoad& load, const std::vector<RulesetFile>& files, const std::string& file,
              const std::string& message_part, const std::string& line_of = {}) {
  int expected_line = 0;
  if (!line_of.empty()) {
    for (const auto& candidate : files) {
      if (candidate.name != file) continue;
      const auto pos = candidate.text.find(line_of);
      expected_line = 1 + static_cast<int>(std::count(candidate.text.begin(), candidate.text.begin() + pos, '\n'));
    }
  }
  for (const auto& problem : load.problems) {
    if (problem.is_error && problem.file == file && problem.message.find(message_part) != std::string::npos &&
        (expected_line == 0 || problem.line == expected_line)) {
      return true;
    }
  }
  return false;
}

TEST(ParseRuleset, TheShippedRulesetLoadsCleanly) {
  auto load = ParseRuleset(ShippedFiles(), "ilo-2009");
  for (const auto& problem : load.problems) {
    EXPECT_FALSE(problem.is_error) << problem.file << ":" << problem.line << " " << problem.message;
  }
  ASSERT_TRUE(load.ruleset.has_value());
  const auto& ruleset = *load.ruleset;
  EXPECT_EQ(ruleset.indicators.size(), 67u);
  EXPECT_EQ(ruleset.status, "pending_verification");
  EXPECT_EQ(ruleset.sha256.size(), 64u);
  // Counts per dimension confirmed by the reference: 10/10/16/9/15/7.
  std::map<std::string, std::size_t> sizes;
  for (const auto& dimension : ruleset.dimensions) sizes[dimension.id] = dimension.indicators.size();
  EXPECT_EQ(sizes, (std::map<std::string, std::size_t>{
                       {"DR", 10}, {"CR", 10}, {"AV", 16}, {"EX", 9}, {"CD", 15}, {"VD", 7}}));
  // No grade is invented for child sexual exploitation.
  for (const auto& [id, indicator] : ruleset.indicators) EXPECT_FALSE(indicator.grades.contains("child-sexual"));
  // Child labour has 65 graded indicators (AV-08 and EX-08 are not in it).
  int child_labour = 0;
  for (const auto& [id, indicator] : ruleset.indicators) child_labour += indicator.grades.contains("child-labour");
  EXPECT_EQ(child_labour, 65);
}

TEST(ParseRuleset, NamesEachProblemByFileAndLine) {
  struct Case {
    std::string file, from, to, message, line_of;
  };
  const std::vector<Case> cases = {
      {"ilo-2009.yaml", "      - id: DR-02\n", "      - id: DR-01\n", "appears twice", "      - id: DR-01\n        label: \"deceived about earnings\""},
      {"ilo-2009.yaml", "grades: {adult-labour: medium, child-labour: medium, adult-sexual: medium}",
       "grades: {adult-labour: huge, child-labour: medium, adult-sexual: medium}", "grade must be", ""},
      {"ilo-2009.yaml", "grades: {adult-labour: strong, child-labour: strong, adult-sexual: strong}",
       "grades: {adult-labour: strong, child-labour: strong, adult-sexual: strong, child-sexual: strong}",
       "none may be added", ""},
      {"ilo-2009.yaml", "[[DR, CR, AV], [EX], [CD, VD]]", "[[DR, CR, AV], [EX], [CD, XX]]", "unknown dimension \"XX\"", ""},
      {"ilo-2009.yaml", "status: pending_verification", "status: verified", "status is verified", ""},
      {"palermo.yaml", "supplied_by: [EX]", "supplied_by: [EX, ZZ]", "unknown dimension \"ZZ\"", "supplied_by: [EX, ZZ]"},
      {"interview.yaml", "items: [palermo.act,", "items: [palermo.actt,", "unknown question \"palermo.actt\"", ""},
      {"interview.yaml", "escalate_to: full", "escalate_to: fuller", "unknown protocol \"fuller\"", "escalate_to: fuller"},
      {"prompts/en.yaml", "  DR-01:\n", "  DR-99:\n", "unknown question \"DR-99\"", "  DR-99:\n"},
      {"ilo-2009.yaml", "dimension_rule:\n", "dimension_rule: [\n", "not valid YAML", ""},
  };
  for (const Case& item : cases) {
    auto files = ShippedFiles();
    Replace(File(files, item.file).text, item.from, item.to);
    auto load = ParseRuleset(files, "ilo-2009");
    EXPECT_FALSE(load.ruleset.has_value()) << item.message;
    EXPECT_TRUE(HasError(load, files, item.file, item.message, item.line_of)) << item.file << ": " << item.message;
  }
}

TEST(ParseRuleset, MissingTranslationsMustBeListed) {
  auto files = ShippedFiles();
  files.push_back({"prompts/fr.yaml", "lang: fr\nitems:\n  DR-01:\n    prompt: \"x\"\n    why: \"y\"\n"});
  auto unlisted = ParseRuleset(files, "ilo-2009");
  EXPECT_TRUE(HasError(unlisted, files, "prompts/fr.yaml", "no fr prompt for \"DR-02\""));
  EXPECT_FALSE(unlisted.ruleset.has_value());

  auto all_ids = ParseRuleset(ShippedFiles(), "ilo-2009").ruleset->QuestionIds();
  std::string listed = "lang: fr\nitems:\n  DR-01:\n    prompt: \"x\"\n    why: \"y\"\nmissing:\n";
  for (const auto& id : all_ids) if (id != "DR-01") listed += "  - " + id + "\n";
  listed += "  - person.age\n  - person.exploitation\n";
  files.back().text = listed;
  auto noted = ParseRuleset(files, "ilo-2009");
  EXPECT_TRUE(noted.ruleset.has_value());
  EXPECT_TRUE(std::any_of(noted.problems.begin(), noted.problems.end(),
                          [](const RuleProblem& p) { return !p.is_error && p.file == "prompts/fr.yaml"; }));
}

TEST(ParseRuleset, MissingFilesAreNamed) {
  auto files = ShippedFiles();
  std::erase_if(files, [](const RulesetFile& file) { return file.name == "palermo.yaml"; });
  auto load = ParseRuleset(files, "ilo-2009");
  EXPECT_FALSE(load.ruleset.has_value());
  EXPECT_TRUE(HasError(load, files, "palermo.yaml", "missing"));
}

}  // namespace
}  // namespace vigil::codec::yaml
