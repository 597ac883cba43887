#include "codec/yaml/warn_areas_yaml.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "codec/yaml/indicators_yaml.hpp"

namespace vigil::codec::yaml {
namespace {

std::string ReadRepoFile(const std::string& relative) {
  std::ifstream in(std::string(VIGIL_SOURCE_DIR) + "/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(WarnAreasYaml, TheShippedAreasAndLevelsAreValid) {
  auto catalogue = ParseIndicatorsYaml("indicators.yaml", ReadRepoFile("data/warn/indicators.yaml"));
  ASSERT_TRUE(catalogue) << catalogue.error().message;
  std::vector<std::string> known;
  for (const auto& indicator : catalogue->List()) known.push_back(indicator.id);
  auto areas = ParseAreasYaml("areas.yaml", ReadRepoFile("data/warn/areas.yaml"), known);
  ASSERT_TRUE(areas) << areas.error().message;
  ASSERT_FALSE(areas->empty());
  const auto* kabul = core::warn::FindArea(*areas, "AF01");
  ASSERT_NE(kabul, nullptr);
  EXPECT_EQ(kabul->parent, "AFG");
  EXPECT_EQ(kabul->admin_level, 1);
  EXPECT_FALSE(kabul->verified);
  auto rule = ParseLevelsYaml("levels.yaml", ReadRepoFile("data/warn/levels.yaml"));
  ASSERT_TRUE(rule) << rule.error().message;
  EXPECT_EQ(rule->window_periods, 2);
  EXPECT_EQ(rule->critical_families, (std::vector<std::string>{"armed-group-conduct", "case-health"}));
}

TEST(WarnAreasYaml, ReadsEveryField) {
  auto areas = ParseAreasYaml("a.yaml", R"(areas:
  - id: XB
    name: Test country
    level: 0
    indicators: []
    source: test
    status: verified
  - id: XB01
    name: North
    level: 1
    parent: XB
    owner: fp-north
    indicators: [conflict-events]
    source: test
)", {"conflict-events"});
  ASSERT_TRUE(areas) << areas.error().message;
  ASSERT_EQ(areas->size(), 2u);
  EXPECT_TRUE(areas->at(0).verified);
  EXPECT_FALSE(areas->at(0).owner);
  EXPECT_EQ(areas->at(1).owner, "fp-north");
  EXPECT_EQ(areas->at(1).indicators, std::vector<std::string>{"conflict-events"});
  EXPECT_FALSE(areas->at(1).verified);
}

TEST(WarnAreasYaml, ProblemsNameTheFileLineOrArea) {
  auto bad_level = ParseAreasYaml("a.yaml", "areas:\n  - id: XB\n    name: X\n    level: 4\n    source: t\n", {});
  ASSERT_FALSE(bad_level);
  EXPECT_EQ(bad_level.error().message, "a.yaml:4: XB: \"level\" must be 0 (country), 1 or 2");
  auto unknown_field = ParseAreasYaml("a.yaml", "areas:\n  - id: XB\n    name: X\n    level: 0\n    source: t\n    colour: red\n", {});
  ASSERT_FALSE(unknown_field);
  EXPECT_EQ(unknown_field.error().message, "a.yaml:6: unknown setting \"colour\"");
  auto orphan = ParseAreasYaml("a.yaml", "areas:\n  - id: XB01\n    name: X\n    level: 1\n    parent: XB\n    source: t\n", {});
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().message, "a.yaml: area XB01: the parent XB is not listed");
  auto unknown_indicator = ParseAreasYaml(
      "a.yaml", "areas:\n  - id: XB\n    name: X\n    level: 0\n    source: t\n    indicators: [rumours]\n",
      {"conflict-events"});
  ASSERT_FALSE(unknown_indicator);
  EXPECT_EQ(unknown_indicator.error().message, "a.yaml: area XB: the indicator rumours is not in the catalogue");
  EXPECT_FALSE(ParseAreasYaml("a.yaml", "areas: [", {}));
  EXPECT_FALSE(ParseAreasYaml("a.yaml", "regions: []\n", {}));
}

TEST(WarnAreasYaml, LevelsKeepDefaultsAndRefuseBadSettings) {
  auto partial = ParseLevelsYaml("l.yaml", "warning:\n  min_indicators: 3\n");
  ASSERT_TRUE(partial) << partial.error().message;
  EXPECT_EQ(partial->warning_min_indicators, 3);
  EXPECT_EQ(partial->window_periods, 2);
  auto unknown = ParseLevelsYaml("l.yaml", "watch:\n  min_alarm: 1\n");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message, "l.yaml:2: watch: unknown setting \"min_alarm\"");
  auto family = ParseLevelsYaml("l.yaml", "alert:\n  critical_families: [weather]\n");
  ASSERT_FALSE(family);
  EXPECT_NE(family.error().message.find("\"weather\" is not an indicator family"), std::string::npos);
  auto inconsistent = ParseLevelsYaml("l.yaml", "window_periods: 1\n");
  ASSERT_FALSE(inconsistent);
  EXPECT_EQ(inconsistent.error().message,
            "l.yaml: levels: warning.consecutive_periods cannot exceed window_periods");
}

}  // namespace
}  // namespace vigil::codec::yaml
