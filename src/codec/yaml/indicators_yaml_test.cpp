#include "codec/yaml/indicators_yaml.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace vigil::codec::yaml {
namespace {

TEST(IndicatorsYaml, TheShippedCatalogueIsValidAndCoversEveryFamily) {
  std::ifstream in(std::string(VIGIL_SOURCE_DIR) + "/data/warn/indicators.yaml");
  std::stringstream text;
  text << in.rdbuf();
  auto catalogue = ParseIndicatorsYaml("indicators.yaml", text.str());
  ASSERT_TRUE(catalogue) << catalogue.error().message;
  std::set<std::string> families;
  for (const auto& indicator : catalogue->List()) families.insert(indicator.family);
  EXPECT_EQ(families.size(), core::warn::IndicatorFamilies().size());
  for (const char* id : {"conflict-events", "conflict-fatalities", "idp-stock"}) {
    ASSERT_NE(catalogue->Find(id), nullptr) << id;
  }
  const auto* events = catalogue->Find("conflict-events");
  EXPECT_EQ(events->period, core::warn::PeriodKind::kMonth);
  EXPECT_EQ(events->source.key, "S5");
  EXPECT_TRUE(events->verified);
  bool limit54 = false;
  for (const auto& param : events->params)
    limit54 |= param.name == "limit54" && param.value == "5,4";
  EXPECT_TRUE(limit54);
  // The case/health family is marked [unverified] in the reference.
  EXPECT_FALSE(catalogue->Find("survivors-presenting")->verified);
}

TEST(IndicatorsYaml, ProblemsNameFileAndLine) {
  const std::string text =
      "indicators:\n"
      "  - id: a\n"
      "    family: rhetoric\n"
      "    name: A\n"
      "    unit: items\n"
      "    period: fortnight\n"
      "    detector: ears-c1\n"
      "    source: {key: S1, url: https://example.org}\n"
      "    verified: maybe\n";
  auto catalogue = ParseIndicatorsYaml("i.yaml", text);
  ASSERT_FALSE(catalogue);
  EXPECT_NE(catalogue.error().message.find("i.yaml:9: a: verified must be true or false"),
            std::string::npos)
      << catalogue.error().message;
  auto fixed = text.substr(0, text.find("    verified")) + "    verified: false\n";
  auto second = ParseIndicatorsYaml("i.yaml", fixed);
  ASSERT_FALSE(second);
  EXPECT_NE(second.error().message.find("i.yaml:2: indicator \"a\": period \"fortnight\""),
            std::string::npos)
      << second.error().message;
  EXPECT_FALSE(ParseIndicatorsYaml("i.yaml", "indicators: [\n"));
  auto no_list = ParseIndicatorsYaml("i.yaml", "other: 1\n");
  ASSERT_FALSE(no_list);
  EXPECT_NE(no_list.error().message.find("\"indicators\" must be a list"), std::string::npos);
}

}  // namespace
}  // namespace vigil::codec::yaml

namespace vigil::codec::yaml {
namespace {

// Every shipped indicator's detector accepts its parameters and runs on six years of data.
TEST(IndicatorsYaml, EveryShippedDetectorRunsWithItsParams) {
  std::ifstream in(std::string(VIGIL_SOURCE_DIR) + "/data/warn/indicators.yaml");
  std::stringstream text;
  text << in.rdbuf();
  auto catalogue = ParseIndicatorsYaml("indicators.yaml", text.str());
  ASSERT_TRUE(catalogue) << catalogue.error().message;
  for (const auto& indicator : catalogue->List()) {
    const int frequency = indicator.period == core::warn::PeriodKind::kMonth  ? 12
                          : indicator.period == core::warn::PeriodKind::kWeek ? 52
                                                                              : 365;
    core::signals::DetectInput input;
    input.frequency = frequency;
    for (int idx = 0; idx < 6 * frequency; ++idx) input.observed.push_back(3 + (idx * 7) % 5);
    auto detection = core::signals::Detect(indicator.detector, indicator.params, input);
    EXPECT_TRUE(detection) << indicator.id << ": " << (detection ? "" : detection.error().message);
  }
}

}  // namespace
}  // namespace vigil::codec::yaml
