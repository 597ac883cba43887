// The vignette suite: each case's expected dimension statuses, outcomes, Palermo elements and
// referral level were worked out by hand from the rules (tests/identify/vignettes.yaml); the
// engine must agree with every one.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "codec/json/identify_json.hpp"
#include "core/identify/evaluate.hpp"
#include "core/identify/test_ruleset.hpp"
#include "identify/vignette_request.hpp"

namespace vigil::core::identify {
namespace {

struct Vignette {
  std::string id;
  YAML::Node node;
};

std::vector<Vignette> LoadVignettes() {
  const YAML::Node root = YAML::LoadFile(std::string(VIGIL_SOURCE_DIR) + "/tests/identify/vignettes.yaml");
  std::vector<Vignette> vignettes;
  for (const auto& node : root) vignettes.push_back({node["id"].as<std::string>(), node});
  return vignettes;
}

class Vignettes : public ::testing::TestWithParam<Vignette> {};

TEST_P(Vignettes, EngineAgreesWithTheHandWorkedExpectation) {
  const YAML::Node& node = GetParam().node;
  auto assessment = Evaluate(ShippedRuleset(), VignetteRequest(node));
  ASSERT_TRUE(assessment.has_value()) << assessment.error().message;
  const YAML::Node expect = node["expect"];
  const std::string title = node["title"].as<std::string>("");

  std::map<std::string, const SetResult*> sets;
  for (const auto& set : assessment->sets) sets[set.set] = &set;
  EXPECT_EQ(sets.size(), expect["sets"].size()) << title;
  for (const auto& item : expect["sets"]) {
    const std::string set_id = item.first.as<std::string>();
    ASSERT_TRUE(sets.contains(set_id)) << title << ": set " << set_id << " not evaluated";
    const SetResult& set = *sets[set_id];
    EXPECT_EQ(OutcomeName(set.outcome), item.second["outcome"].as<std::string>()) << title << " " << set_id;
    for (const auto& dimension : item.second["dimensions"]) {
      const std::string dimension_id = dimension.first.as<std::string>();
      EXPECT_EQ(DimensionStatusName(set.dimensions.at(dimension_id).status), dimension.second.as<std::string>())
          << title << " " << set_id << " " << dimension_id;
    }
  }
  const YAML::Node palermo = expect["palermo"];
  EXPECT_EQ(TriName(assessment->palermo.act), palermo["act"].as<std::string>()) << title << " act";
  EXPECT_EQ(TriName(assessment->palermo.means), palermo["means"].as<std::string>()) << title << " means";
  EXPECT_EQ(TriName(assessment->palermo.purpose), palermo["purpose"].as<std::string>()) << title << " purpose";
  EXPECT_EQ(assessment->palermo.child_path, palermo["child_path"].as<bool>()) << title;
  EXPECT_EQ(OutcomeName(assessment->palermo.outcome), palermo["outcome"].as<std::string>()) << title;
  const std::string adult = palermo["adult_outcome"].IsNull() ? "null" : palermo["adult_outcome"].as<std::string>();
  EXPECT_EQ(assessment->palermo.adult_outcome ? std::string(OutcomeName(*assessment->palermo.adult_outcome)) : "null",
            adult) << title;
  EXPECT_EQ(ReferralLevelName(assessment->referral.level), expect["referral"].as<std::string>()) << title;
}

INSTANTIATE_TEST_SUITE_P(Suite, Vignettes, ::testing::ValuesIn(LoadVignettes()),
                         [](const ::testing::TestParamInfo<Vignette>& info) { return info.param.id; });

TEST(VignetteSuite, HasAtLeastFortyCases) { EXPECT_GE(LoadVignettes().size(), 40u); }

}  // namespace
}  // namespace vigil::core::identify
