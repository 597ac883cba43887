// Warn series: the indicator catalogue, stored series and their points, import (tidy or HXL CSV
// in a JSON body, audited) and export as CSV. Parse → core → render.
#include "codec/csv/series_csv.hpp"
#include "codec/csv/series_import.hpp"
#include "codec/json/warn_series_json.hpp"
#include "core/warn/series_import.hpp"
#include "http/problem.hpp"
#include "http/routes.hpp"

namespace vigil::http {

using core::access::Role;
using core::access::RoleSet;

namespace {

constexpr RoleSet kSeriesWriters = {Role::kAdmin, Role::kCoordinator, Role::kAnalyst};

Response NotLoaded(const Request& request) {
  return ProblemResponse("unavailable", "early-warning series are not loaded on this server",
                         request.request_id);
}

// The stored series of `area` × `indicator` (whatever its period kind); kNotFound otherwise.
Result<core::warn::SeriesKey> FindKey(core::warn::SeriesStore& store, const RequestContext& ctx) {
  const std::string& area = ctx.params.find("area")->second;
  const std::string& indicator = ctx.params.find("indicator")->second;
  auto summaries = store.List(area);
  if (!summaries) return tl::unexpected(summaries.error());
  for (const auto& summary : *summaries) {
    if (summary.key.indicator == indicator) return summary.key;
  }
  return MakeError(ErrorCode::kNotFound, "no series for this area and indicator");
}

}  // namespace

void RegisterWarnSeriesRoutes(Router& router, RouteDeps deps) {
  const ApiServices& services = deps.services;
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/warn/indicators",
              .roles = RoleSet::All(),
              .action = "warn.indicators.list",
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                if (services.warn_catalogue == nullptr) return NotLoaded(ctx.request);
                return JsonResponse(200,
                                    codec::json::RenderIndicatorList(*services.warn_catalogue));
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/warn/series",
              .roles = RoleSet::All(),
              .action = "warn.series.list",
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                if (services.warn_series == nullptr) return NotLoaded(ctx.request);
                auto summaries = services.warn_series->List(ctx.request.QueryParam("area"));
                if (!summaries) return tl::unexpected(summaries.error());
                return JsonResponse(200, codec::json::RenderSeriesList(*summaries));
              }});
  router.Add(
      {.method = Method::kGet,
       .pattern = "/api/v1/warn/series/{area}/{indicator}",
       .roles = RoleSet::All(),
       .action = "warn.series.read",
       .handler = [&services](const RequestContext& ctx) -> Result<Response> {
         if (services.warn_series == nullptr) return NotLoaded(ctx.request);
         auto key = FindKey(*services.warn_series, ctx);
         if (!key) return tl::unexpected(key.error());
         auto observations = services.warn_series->Get(*key);
         if (!observations) return tl::unexpected(observations.error());
         const core::warn::Indicator* indicator =
             services.warn_catalogue ? services.warn_catalogue->Find(key->indicator) : nullptr;
         return JsonResponse(
             200, codec::json::RenderSeriesPoints(
                      *key, indicator ? std::string_view(indicator->unit) : "", *observations));
       }});
  router.Add(
      {.method = Method::kGet,
       .pattern = "/api/v1/warn/series/{area}/{indicator}/export",
       .roles = RoleSet::All(),
       .action = "warn.series.export",
       .handler = [&services](const RequestContext& ctx) -> Result<Response> {
         if (services.warn_series == nullptr) return NotLoaded(ctx.request);
         const std::string format = ctx.request.QueryParam("format").value_or("csv");
         if (format != "csv" && format != "hxl") {
           return MakeError(ErrorCode::kInvalidArgument, "format must be csv or hxl", "validation");
         }
         auto key = FindKey(*services.warn_series, ctx);
         if (!key) return tl::unexpected(key.error());
         auto observations = services.warn_series->Get(*key);
         if (!observations) return tl::unexpected(observations.error());
         const std::vector<codec::csv::ExportSeries> series = {{*key, std::move(*observations)}};
         Response response;
         response.status = 200;
         response.body = format == "hxl" ? codec::csv::RenderHxlSeriesCsv(series)
                                         : codec::csv::RenderTidySeriesCsv(series);
         response.SetHeader("Content-Type", "text/csv; charset=utf-8");
         response.SetHeader("Content-Disposition",
                            "attachment; filename=\"series-" + format + ".csv\"");
         return response;
       }});
  router.Add(
      {.method = Method::kPost,
       .pattern = "/api/v1/warn/series/import",
       .roles = kSeriesWriters,
       .action = "warn.series.import",
       .takes_json = true,
       .handler = [&services](const RequestContext& ctx) -> Result<Response> {
         if (services.warn_series == nullptr || services.warn_catalogue == nullptr) {
           return NotLoaded(ctx.request);
         }
         const auto actor = ctx.Actor();
         auto audit = [&](const std::string& format, bool ok) {
           return services.audit.Record({actor.name, actor.role, "warn.series.import", "series",
                                         format, ok ? "ok" : "error", actor.request_id});
         };
         auto request = codec::json::ParseSeriesImportRequest(ctx.request.body);
         if (!request) {
           (void)audit("", false);
           return tl::unexpected(request.error());
         }
         const auto format = *codec::csv::ParseSeriesFormat(request->format);
         codec::csv::SeriesFileOptions options;
         options.source = request->source.empty() ? "api import" : request->source;
         auto file =
             codec::csv::ReadSeriesFile(format, request->csv, *services.warn_catalogue, options);
         if (!file) {
           (void)audit(request->format, false);
           return tl::unexpected(file.error());
         }
         auto summary = core::warn::SaveImportedSeries(*services.warn_series,
                                                       *services.warn_catalogue, file->series);
         if (auto recorded = audit(request->format, summary.has_value()); !recorded) {
           return tl::unexpected(recorded.error());
         }
         if (!summary) return tl::unexpected(summary.error());
         return JsonResponse(200, codec::json::RenderSeriesImportSummary(*summary, file->notes));
       }});
}

}  // namespace vigil::http
