// JSON of the warn areas, runs, alerts, the webhook body and the admin boundaries (GeoJSON) — the shapes listed in docs/warn.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/warn/alerts.hpp"
#include "core/warn/area.hpp"
#include "core/warn/warn_service.hpp"
#include "core/warn/webhook.hpp"

namespace vigil::codec::json {

// "2026-11-28T07:00:00.000Z".
[[nodiscard]] std::string RenderIsoTime(std::int64_t unix_ms);

// GET /warn/areas: every configured area with its stored level (none before the first run) and
// the id of its open alert.
[[nodiscard]] std::string RenderWarnAreas(
    const std::vector<core::warn::Area>& areas,
    const std::vector<core::warn::AreaLevelRecord>& levels,
    const std::map<std::string, std::int64_t>& open_alerts);

[[nodiscard]] std::string RenderRunSummary(const core::warn::RunSummary& summary);
[[nodiscard]] std::string RenderAlertList(const std::vector<core::warn::Alert>& alerts);
[[nodiscard]] std::string RenderAlertDetail(const core::warn::AlertDetail& detail);
// The webhook body: no personal data (area, level, reasons, indicators, period, id, link).
[[nodiscard]] std::string RenderAlertNotification(const core::warn::AlertNotification& notification);

// `{"text": "..."}` for alert actions, closing and notes (the text may be empty here; the core
// decides whether it is required).
[[nodiscard]] Result<std::string> ParseAlertText(std::string_view body);

// Reads a GeoJSON FeatureCollection of admin boundaries: every feature a Polygon or
// MultiPolygon with a non-empty, unique `properties.pcode` (a `name` is optional). Errors name
// the feature (1-based) and the reason.
[[nodiscard]] Result<std::vector<core::warn::Boundary>> ParseBoundariesGeoJson(std::string_view text);
[[nodiscard]] std::string RenderBoundariesGeoJson(const std::vector<core::warn::Boundary>& boundaries);

}  // namespace vigil::codec::json
