#include "codec/json/warn_alerts_json.hpp"

#include <cmath>
#include <ctime>
#include <set>

#include "codec/json/json_object.hpp"

namespace vigil::codec::json {
namespace {

using nlohmann::json;
using core::warn::Alert;

json Nullable(const std::optional<std::string>& text) { return text ? json(*text) : json(nullptr); }
json Nullable(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? json(*value) : json(nullptr);
}

json AlertJson(const Alert& alert) {
  return {{"id", alert.id},
          {"area", alert.area},
          {"area_name", alert.area_name},
          {"level", core::warn::LevelName(alert.level)},
          {"state", core::warn::AlertStateName(alert.state)},
          {"owner", Nullable(alert.owner)},
          {"period", alert.period},
          {"indicators", alert.indicators},
          {"reasons", alert.reasons},
          {"opened_at", RenderIsoTime(alert.opened_ms)},
          {"updated_at", RenderIsoTime(alert.updated_ms)},
          {"link", std::string(core::warn::kAlertLinkPrefix) + std::to_string(alert.id)}};
}

tl::unexpected<Error> Invalid(const std::string& message) {
  return MakeError(ErrorCode::kInvalidArgument, message, "validation");
}

// A position: [lon, lat, ...] with finite numbers in range.
bool IsPosition(const json& position) {
  if (!position.is_array() || position.size() < 2) return false;
  for (const auto& number : position) {
    if (!number.is_number() || !std::isfinite(number.get<double>())) return false;
  }
  const double lon = position[0].get<double>();
  const double lat = position[1].get<double>();
  return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

// Polygon coordinates: rings of ≥ 4 positions, each closed. Returns the problem or "".
std::string PolygonProblem(const json& rings) {
  if (!rings.is_array() || rings.empty()) return "a polygon needs at least one ring";
  for (const auto& ring : rings) {
    if (!ring.is_array() || ring.size() < 4) return "a ring needs at least 4 positions";
    for (const auto& position : ring) {
      if (!IsPosition(position)) return "a position is not [longitude, latitude] in range";
    }
    if (ring.front() != ring.back()) return "a ring is not closed (first and last positions differ)";
  }
  return "";
}

}  // namespace

std::string RenderIsoTime(std::int64_t unix_ms) {
  const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[32];
  const std::size_t length = std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%S", &parts);
  char millis[8];
  std::snprintf(millis, sizeof(millis), ".%03dZ", static_cast<int>(unix_ms % 1000));
  return std::string(text, length) + millis;
}

std::string RenderWarnAreas(const std::vector<core::warn::Area>& areas,
                            const std::vector<core::warn::AreaLevelRecord>& levels,
                            const std::map<std::string, std::int64_t>& open_alerts) {
  std::map<std::string, const core::warn::AreaLevelRecord*> by_area;
  for (const auto& record : levels) by_area[record.area] = &record;
  json items = json::array();
  for (const auto& area : areas) {
    const auto level = by_area.find(area.id);
    const auto alert = open_alerts.find(area.id);
    const bool evaluated = level != by_area.end();
    items.push_back({{"id", area.id},
                     {"name", area.name},
                     {"parent", Nullable(area.parent)},
                     {"admin_level", area.admin_level},
                     {"owner", Nullable(area.owner)},
                     {"indicators", area.indicators},
                     {"level", evaluated ? core::warn::LevelName(level->second->level) : "none"},
                     {"reasons", evaluated ? json(level->second->reasons) : json::array()},
                     {"period", evaluated && !level->second->period.empty()
                                    ? json(level->second->period) : json(nullptr)},
                     {"evaluated_at", evaluated ? json(RenderIsoTime(level->second->evaluated_ms))
                                                : json(nullptr)},
                     {"open_alert", alert != open_alerts.end() ? json(alert->second) : json(nullptr)},
                     {"source", area.source},
                     {"verified", area.verified}});
  }
  return json{{"items", items}}.dump();
}

std::string RenderRunSummary(const core::warn::RunSummary& summary) {
  json areas = json::array();
  for (const auto& area : summary.areas) {
    json indicators = json::array();
    for (const auto& run : area.indicators) {
      indicators.push_back({{"indicator", run.indicator},
                            {"method", run.method.empty() ? json(nullptr) : json(run.method)},
                            {"last_period", Nullable(run.last_period)},
                            {"alarms", run.alarms},
                            {"problem", Nullable(run.problem)}});
    }
    areas.push_back({{"id", area.id},
                     {"name", area.name},
                     {"previous_level", core::warn::LevelName(area.previous_level)},
                     {"level", core::warn::LevelName(area.level)},
                     {"reasons", area.reasons},
                     {"alert_opened", area.alert_opened ? json(*area.alert_opened) : json(nullptr)},
                     {"indicators", indicators}});
  }
  json notifications = json::array();
  for (const auto& report : summary.notifications) {
    notifications.push_back(
        {{"alert_id", report.alert_id}, {"outcome", report.outcome}, {"attempts", report.attempts}});
  }
  return json{{"evaluated_at", RenderIsoTime(summary.evaluated_ms)},
              {"areas", areas},
              {"alerts_opened", summary.alerts_opened},
              {"notifications", notifications}}
      .dump();
}

std::string RenderAlertList(const std::vector<Alert>& alerts) {
  json items = json::array();
  for (const auto& alert : alerts) items.push_back(AlertJson(alert));
  return json{{"items", items}}.dump();
}

std::string RenderAlertDetail(const core::warn::AlertDetail& detail) {
  json out = AlertJson(detail.alert);
  json events = json::array();
  for (const auto& event : detail.events) {
    events.push_back({{"at", RenderIsoTime(event.time_ms)},
                      {"actor", event.actor},
                      {"kind", event.kind},
                      {"text", event.text}});
  }
  json deliveries = json::array();
  for (const auto& delivery : detail.deliveries) {
    deliveries.push_back({{"at", RenderIsoTime(delivery.time_ms)},
                          {"outcome", delivery.outcome},
                          {"attempts", delivery.attempts},
                          {"http_status", delivery.http_status ? json(*delivery.http_status) : json(nullptr)},
                          {"error", delivery.error}});
  }
  out["events"] = events;
  out["deliveries"] = deliveries;
  return out.dump();
}

std::string RenderAlertNotification(const core::warn::AlertNotification& notification) {
  const Alert& alert = notification.alert;
  return json{{"event", notification.event},
              {"alert_id", alert.id},
              {"area", alert.area},
              {"area_name", alert.area_name},
              {"level", core::warn::LevelName(alert.level)},
              {"period", alert.period},
              {"indicators", alert.indicators},
              {"reasons", alert.reasons},
              {"opened_at", RenderIsoTime(alert.opened_ms)},
              {"link", notification.link}}
      .dump();
}

Result<std::string> ParseAlertText(std::string_view body) {
  auto object = ParseJsonObject(body, {"text"});
  if (!object) return tl::unexpected(object.error());
  if (!object->contains("text")) return std::string();
  if (!(*object)["text"].is_string()) return Invalid("text: must be a string");
  return (*object)["text"].get<std::string>();
}

Result<std::vector<core::warn::Boundary>> ParseBoundariesGeoJson(std::string_view text) {
  json document = json::parse(text, nullptr, false);
  if (document.is_discarded()) return Invalid("the file is not valid JSON");
  if (!document.is_object() || document.value("type", "") != "FeatureCollection") {
    return Invalid("the file must be a GeoJSON FeatureCollection");
  }
  if (!document.contains("features") || !document["features"].is_array()) {
    return Invalid("the FeatureCollection has no \"features\" array");
  }
  std::vector<core::warn::Boundary> boundaries;
  std::set<std::string> seen;
  std::size_t feature_no = 0;
  for (const json& feature : document["features"]) {
    ++feature_no;
    const std::string where = "feature " + std::to_string(feature_no);
    if (!feature.is_object() || feature.value("type", "") != "Feature") {
      return Invalid(where + ": not a GeoJSON Feature");
    }
    if (!feature.contains("properties") || !feature["properties"].is_object()) {
      return Invalid(where + ": no properties (a \"pcode\" property is required)");
    }
    const json& properties = feature["properties"];
    if (!properties.contains("pcode") || !properties["pcode"].is_string() ||
        properties["pcode"].get<std::string>().empty()) {
      return Invalid(where + ": the \"pcode\" property is missing or empty");
    }
    const std::string pcode = properties["pcode"].get<std::string>();
    if (pcode.size() > 64) return Invalid(where + ": the pcode is longer than 64 characters");
    if (!seen.insert(pcode).second) return Invalid(where + ": the pcode " + pcode + " is used twice");
    std::string name;
    if (properties.contains("name")) {
      if (!properties["name"].is_string()) return Invalid(where + " (" + pcode + "): \"name\" must be text");
      name = properties["name"].get<std::string>();
    }
    if (!feature.contains("geometry") || !feature["geometry"].is_object()) {
      return Invalid(where + " (" + pcode + "): no geometry");
    }
    const json& geometry = feature["geometry"];
    const std::string type = geometry.value("type", "");
    if (!geometry.contains("coordinates")) return Invalid(where + " (" + pcode + "): no coordinates");
    const json& coordinates = geometry["coordinates"];
    std::string problem;
    if (type == "Polygon") {
      problem = PolygonProblem(coordinates);
    } else if (type == "MultiPolygon") {
      if (!coordinates.is_array() || coordinates.empty()) problem = "a MultiPolygon needs polygons";
      for (std::size_t polygon_idx = 0; problem.empty() && polygon_idx < coordinates.size(); ++polygon_idx) {
        problem = PolygonProblem(coordinates[polygon_idx]);
      }
    } else {
      problem = "the geometry must be a Polygon or MultiPolygon, not \"" + type + "\"";
    }
    if (!problem.empty()) return Invalid(where + " (" + pcode + "): " + problem);
    boundaries.push_back({pcode, name, json{{"type", type}, {"coordinates", coordinates}}.dump()});
  }
  if (boundaries.empty()) return Invalid("the FeatureCollection has no features");
  return boundaries;
}

std::string RenderBoundariesGeoJson(const std::vector<core::warn::Boundary>& boundaries) {
  json features = json::array();
  for (const auto& boundary : boundaries) {
    json geometry = json::parse(boundary.geometry_json, nullptr, false);
    if (geometry.is_discarded()) continue;
    features.push_back({{"type", "Feature"},
                        {"properties", {{"pcode", boundary.pcode}, {"name", boundary.name}}},
                        {"geometry", geometry}});
  }
  return json{{"type", "FeatureCollection"}, {"features", features}}.dump();
}

}  // namespace vigil::codec::json
