#include "codec/json/warn_series_json.hpp"

#include <nlohmann/json.hpp>

#include "codec/json/json_object.hpp"
#include "core/warn/period.hpp"

namespace vigil::codec::json {
namespace {

using nlohmann::json;

std::string Dump(const json& doc) {
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string RenderIndicatorList(const core::warn::Catalogue& catalogue) {
  json items = json::array();
  for (const auto& indicator : catalogue.List()) {
    json params = json::object();
    for (const auto& param : indicator.params) params[param.name] = param.value;
    items.push_back({{"id", indicator.id},
                     {"family", indicator.family},
                     {"name", indicator.name},
                     {"unit", indicator.unit},
                     {"period", core::warn::PeriodKindName(indicator.period)},
                     {"detector", core::signals::MethodName(indicator.detector)},
                     {"params", params},
                     {"source", {{"key", indicator.source.key}, {"url", indicator.source.url}}},
                     {"verified", indicator.verified},
                     {"description", indicator.description}});
  }
  return Dump({{"items", items}});
}

std::string RenderSeriesList(const std::vector<core::warn::SeriesSummary>& series) {
  json items = json::array();
  for (const auto& summary : series) {
    items.push_back({{"area", summary.key.area},
                     {"indicator", summary.key.indicator},
                     {"period", core::warn::PeriodKindName(summary.key.period)},
                     {"points", summary.points},
                     {"first_period", summary.first_period},
                     {"last_period", summary.last_period}});
  }
  return Dump({{"items", items}});
}

std::string RenderSeriesPoints(const core::warn::SeriesKey& key, std::string_view unit,
                               const std::vector<core::warn::Observation>& observations) {
  json points = json::array();
  for (const auto& observation : observations) {
    points.push_back({{"period", observation.period},
                      {"value", observation.value},
                      {"source", observation.source}});
  }
  return Dump({{"area", key.area},
               {"indicator", key.indicator},
               {"period", core::warn::PeriodKindName(key.period)},
               {"unit", unit},
               {"points", points}});
}

Result<SeriesImportRequest> ParseSeriesImportRequest(std::string_view body) {
  auto object = ParseJsonObject(body, {"format", "csv", "source"});
  if (!object) return tl::unexpected(object.error());
  SeriesImportRequest request;
  auto format = RequireString(*object, "format");
  if (!format) return tl::unexpected(format.error());
  if (*format != "tidy" && *format != "hxl") {
    return MakeError(ErrorCode::kInvalidArgument, "format must be \"tidy\" or \"hxl\"",
                     "validation");
  }
  request.format = *format;
  auto csv = RequireString(*object, "csv");
  if (!csv) return tl::unexpected(csv.error());
  request.csv = std::move(*csv);
  if (object->contains("source")) {
    auto source = RequireString(*object, "source");
    if (!source) return tl::unexpected(source.error());
    request.source = std::move(*source);
  }
  return request;
}

std::string RenderSeriesImportSummary(const core::warn::SeriesImportSummary& summary,
                                      const std::vector<std::string>& notes) {
  return Dump({{"series", summary.series}, {"periods", summary.periods}, {"notes", notes}});
}

}  // namespace vigil::codec::json
