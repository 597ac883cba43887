#include "core/warn/catalogue.hpp"

#include <gtest/gtest.h>

namespace vigil::core::warn {
namespace {

IndicatorDraft Good(std::string id, int line) {
  IndicatorDraft draft;
  draft.line = line;
  draft.id = std::move(id);
  draft.family = "armed-group-conduct";
  draft.name = "Events";
  draft.unit = "events";
  draft.period = "month";
  draft.detector = "farrington";
  draft.params = {{"alpha", "0.05"}, {"limit54", "5,4"}};
  draft.source_key = "S5";
  draft.source_url = "https://viewsforecasting.org/methodology/definitions/";
  draft.verified = true;
  return draft;
}

TEST(Catalogue, BuildsAndFindsById) {
  auto catalogue =
      ValidateCatalogue({Good("conflict-events", 3), Good("conflict-fatalities", 12)}, "x.yaml");
  ASSERT_TRUE(catalogue) << catalogue.error().message;
  ASSERT_EQ(catalogue->Size(), 2u);
  const Indicator* found = catalogue->Find("conflict-fatalities");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->detector, signals::Method::kFarrington);
  EXPECT_EQ(found->period, PeriodKind::kMonth);
  EXPECT_EQ(found->params.size(), 2u);
  EXPECT_EQ(catalogue->Find("nope"), nullptr);
}

TEST(Catalogue, NamesEveryBadEntry) {
  auto unknown_detector = Good("a", 4);
  unknown_detector.detector = "magic";
  auto bad_period = Good("b", 9);
  bad_period.period = "year";
  auto duplicate = Good("a", 14);
  auto no_source = Good("c", 20);
  no_source.source_key.clear();
  no_source.source_url.clear();
  auto wrong_param = Good("d", 25);
  wrong_param.detector = "ears-c1";  // earsC has no limit54
  auto bad_id = Good("Bad_Id", 30);
  auto catalogue = ValidateCatalogue(
      {unknown_detector, bad_period, duplicate, no_source, wrong_param, bad_id}, "ind.yaml");
  ASSERT_FALSE(catalogue);
  const std::string& message = catalogue.error().message;
  EXPECT_EQ(catalogue.error().reason, "invalid-catalogue");
  EXPECT_NE(message.find("ind.yaml:4: indicator \"a\": unknown detector \"magic\""),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("ind.yaml:9: indicator \"b\": period \"year\" must be day, week or month"),
            std::string::npos);
  EXPECT_NE(message.find("ind.yaml:14: indicator \"a\": duplicate id"), std::string::npos);
  EXPECT_NE(message.find("ind.yaml:20: indicator \"c\": source key is missing"), std::string::npos);
  EXPECT_NE(message.find("ind.yaml:20: indicator \"c\": source url is missing"), std::string::npos);
  EXPECT_NE(
      message.find("ind.yaml:25: indicator \"d\": detector ears-c1 has no parameter \"limit54\""),
      std::string::npos);
  EXPECT_NE(message.find("ind.yaml:30: indicator \"Bad_Id\": id must be kebab-case"),
            std::string::npos);
}

TEST(Catalogue, RefusesUnknownFamily) {
  auto draft = Good("x", 2);
  draft.family = "weather";
  auto catalogue = ValidateCatalogue({draft}, "f.yaml");
  ASSERT_FALSE(catalogue);
  EXPECT_NE(catalogue.error().message.find("unknown family \"weather\""), std::string::npos);
}

TEST(Catalogue, EmptyIsValid) {
  auto catalogue = ValidateCatalogue({}, "f.yaml");
  ASSERT_TRUE(catalogue);
  EXPECT_TRUE(catalogue->Empty());
}

}  // namespace
}  // namespace vigil::core::warn
