#include "codec/json/warn_alerts_json.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace vigil::codec::json {
namespace {

const char* kSquare = R"({"type":"Polygon","coordinates":[[[90,23],[91,23],[91,24],[90,24],[90,23]]]})";

std::string Collection(const std::string& features) {
  return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}
std::string Feature(const std::string& properties, const std::string& geometry = kSquare) {
  return R"({"type":"Feature","properties":)" + properties + R"(,"geometry":)" + geometry + "}";
}

TEST(WarnAlertsJson, BoundariesKeepPcodeNameAndGeometry) {
  auto boundaries = ParseBoundariesGeoJson(
      Collection(Feature(R"({"pcode":"XB01","name":"North","other":"dropped"})")));
  ASSERT_TRUE(boundaries) << boundaries.error().message;
  ASSERT_EQ(boundaries->size(), 1u);
  EXPECT_EQ(boundaries->at(0).pcode, "XB01");
  EXPECT_EQ(boundaries->at(0).name, "North");
  const auto rendered = nlohmann::json::parse(RenderBoundariesGeoJson(*boundaries));
  EXPECT_EQ(rendered["features"][0]["properties"], nlohmann::json({{"pcode", "XB01"}, {"name", "North"}}));
  EXPECT_EQ(rendered["features"][0]["geometry"], nlohmann::json::parse(kSquare));
}

TEST(WarnAlertsJson, BoundaryProblemsNameTheFeature) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"[]", "the file must be a GeoJSON FeatureCollection"},
      {"not json", "the file is not valid JSON"},
      {Collection(""), "the FeatureCollection has no features"},
      {Collection(Feature(R"({"name":"x"})")), "feature 1: the \"pcode\" property is missing or empty"},
      {Collection(Feature(R"({"pcode":"A"})") + "," + Feature(R"({"pcode":"A"})")),
       "feature 2: the pcode A is used twice"},
      {Collection(Feature(R"({"pcode":"A"})", R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]})")),
       "feature 1 (A): a ring is not closed (first and last positions differ)"},
      {Collection(Feature(R"({"pcode":"A"})", R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]})")),
       "feature 1 (A): a ring needs at least 4 positions"},
      {Collection(Feature(R"({"pcode":"A"})", R"({"type":"Polygon","coordinates":[[[0,0],[200,0],[1,1],[0,0]]]})")),
       "feature 1 (A): a position is not [longitude, latitude] in range"},
      {Collection(Feature(R"({"pcode":"A"})", R"({"type":"LineString","coordinates":[[0,0],[1,1]]})")),
       "feature 1 (A): the geometry must be a Polygon or MultiPolygon, not \"LineString\""},
  };
  for (const auto& [text, message] : cases) {
    auto parsed = ParseBoundariesGeoJson(text);
    ASSERT_FALSE(parsed) << text;
    EXPECT_EQ(parsed.error().message, message) << text;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(WarnAlertsJson, NotificationCarriesOnlyTheAgreedFields) {
  core::warn::AlertNotification notification;
  notification.event = "alert.opened";
  notification.alert.id = 3;
  notification.alert.area = "XB01";
  notification.alert.area_name = "North";
  notification.alert.owner = "fp-north";
  notification.alert.period = "2024-06";
  notification.alert.indicators = {"conflict-events"};
  notification.alert.reasons = {"r1"};
  notification.alert.opened_ms = 1'767'225'600'000;
  notification.link = "/app/#/warn/alerts/3";
  const auto body = nlohmann::json::parse(RenderAlertNotification(notification));
  std::vector<std::string> keys;
  for (const auto& [key, value] : body.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"alert_id", "area", "area_name", "event", "indicators", "level",
                                            "link", "opened_at", "period", "reasons"}));
  EXPECT_EQ(body["opened_at"], "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(body["level"], "warning");
}

TEST(WarnAlertsJson, AlertTextBody) {
  EXPECT_EQ(*ParseAlertText(R"({"text":"patrol"})"), "patrol");
  EXPECT_EQ(*ParseAlertText("{}"), "");
  EXPECT_FALSE(ParseAlertText(R"({"text":3})"));
  EXPECT_FALSE(ParseAlertText(R"({"text":"x","extra":1})"));
}

}  // namespace
}  // namespace vigil::codec::json
