#include "codec/xlsform/xlsform.hpp"

#include <gtest/gtest.h>

#include "core/identify/test_ruleset.hpp"

namespace vigil::codec::xlsform {
namespace {

std::vector<std::string> Names(const std::vector<SurveyRow>& rows) {
  std::vector<std::string> names;
  for (const auto& row : rows) names.push_back(row.name);
  return names;
}

TEST(BuildSurvey, TriageHasSafetyPersonAndItsItemsInOrder) {
  auto rows = BuildSurvey(core::identify::ShippedRuleset(), "triage");
  ASSERT_TRUE(rows.has_value());
  EXPECT_EQ(Names(*rows), (std::vector<std::string>{
                              "disclaimer", "safety_danger", "safety_controller_present",
                              "person_age", "person_exploitation", "palermo_act", "palermo_purpose",
                              "palermo_means", "DR_01", "CD_01", "CD_02", "CD_03", "CD_04"}));
  EXPECT_EQ((*rows)[0].type, "note");
  EXPECT_EQ((*rows)[3].type, "select_one age");
  EXPECT_EQ((*rows)[8].type, "select_one answer");
  EXPECT_EQ((*rows)[8].label.size(), 6u);  // every language
  EXPECT_FALSE((*rows)[8].hint.at("uk").empty());
}

TEST(BuildSurvey, FullHasEveryQuestionAndChildOnlyItemsAreRelevantOnlyForChildren) {
  const auto& ruleset = core::identify::ShippedRuleset();
  auto rows = BuildSurvey(ruleset, "full");
  ASSERT_TRUE(rows.has_value());
  EXPECT_EQ(rows->size(), 1 + 2 + ruleset.QuestionIds().size());
  bool found = false;
  for (const auto& row : *rows) {
    if (row.name == "ext_child_armed_groups") {
      found = true;
      EXPECT_EQ(row.relevant, "${person_age} != 'adult'");
    }
  }
  EXPECT_TRUE(found);
  EXPECT_FALSE(BuildSurvey(ruleset, "quick").has_value());
}

}  // namespace
}  // namespace vigil::codec::xlsform
