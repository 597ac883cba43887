// Warn: areas with their levels, admin boundaries, the run, ad-hoc detection, and the alert
// inbox with its lifecycle. Parse → core → render; the shapes are listed in docs/warn.md.
#include <charconv>

#include "codec/json/warn_alerts_json.hpp"
#include "codec/json/warn_json.hpp"
#include "http/problem.hpp"
#include "http/routes.hpp"

namespace vigil::http {

using core::access::Role;
using core::access::RoleSet;

namespace {

constexpr RoleSet kManagers = {Role::kAdmin, Role::kCoordinator, Role::kAnalyst};
// The route admits every role but viewer; the core then admits only the area's owner, a
// coordinator or an admin to the lifecycle steps.
constexpr RoleSet kResponders = {Role::kAdmin, Role::kCoordinator, Role::kAnalyst,
                                 Role::kCaseworker, Role::kScreener};

Response NotLoaded(const Request& request) {
  return ProblemResponse("unavailable", "early-warning areas are not loaded on this server",
                         request.request_id);
}

Result<std::int64_t> AlertId(const RequestContext& ctx) {
  const std::string& text = ctx.params.find("id")->second;
  std::int64_t id = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), id);
  if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size() || id < 1) {
    return MakeError(ErrorCode::kNotFound, "no alert with this id");
  }
  return id;
}

using AlertStep = Result<core::warn::AlertDetail> (*)(core::warn::AlertService&,
                                                      const core::access::Actor&, std::int64_t,
                                                      const std::string&);

void AddAlertStep(Router& router, const ApiServices& services, const std::string& suffix,
                  const std::string& action, RoleSet roles, AlertStep step) {
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/warn/alerts/{id}/" + suffix,
              .roles = roles,
              .action = action,
              .takes_json = true,
              .handler = [&services, step](const RequestContext& ctx) -> Result<Response> {
                if (services.warn_alerts == nullptr) return NotLoaded(ctx.request);
                auto id = AlertId(ctx);
                if (!id) return tl::unexpected(id.error());
                std::string text;
                if (!ctx.request.body.empty()) {
                  auto parsed = codec::json::ParseAlertText(ctx.request.body);
                  if (!parsed) return tl::unexpected(parsed.error());
                  text = std::move(*parsed);
                }
                auto detail = step(*services.warn_alerts, ctx.Actor(), *id, text);
                if (!detail) return tl::unexpected(detail.error());
                return JsonResponse(200, codec::json::RenderAlertDetail(*detail));
              }});
}

}  // namespace

void RegisterWarnAlertRoutes(Router& router, RouteDeps deps) {
  const ApiServices& services = deps.services;
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/warn/areas",
              .roles = RoleSet::All(),
              .action = "warn.areas.list",
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                if (services.warn_run == nullptr || services.warn_levels == nullptr ||
                    services.warn_alerts == nullptr) {
                  return NotLoaded(ctx.request);
                }
                auto levels = services.warn_levels->LoadAreaLevels();
                if (!levels) return tl::unexpected(levels.error());
                auto open = services.warn_alerts->List(std::nullopt);
                if (!open) return tl::unexpected(open.error());
                std::map<std::string, std::int64_t> open_alerts;
                for (const auto& alert : *open) {
                  if (alert.state != core::warn::AlertState::kClosed) open_alerts[alert.area] = alert.id;
                }
                return JsonResponse(200, codec::json::RenderWarnAreas(
                                             services.warn_run->config().areas, *levels, open_alerts));
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/warn/areas/boundaries",
              .roles = RoleSet::All(),
              .action = "warn.boundaries.read",
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                if (services.warn_boundaries == nullptr) return NotLoaded(ctx.request);
                auto boundaries = services.warn_boundaries->LoadBoundaries();
                if (!boundaries) return tl::unexpected(boundaries.error());
                Response response =
                    JsonResponse(200, codec::json::RenderBoundariesGeoJson(*boundaries));
                response.SetHeader("Content-Type", "application/geo+json");
                return response;
              }});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/warn/run",
              .roles = kManagers,
              .action = "warn.run",
              .takes_json = true,
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                if (services.warn_run == nullptr) return NotLoaded(ctx.request);
                if (!ctx.request.body.empty()) {
                  auto body = codec::json::ParseAlertText(ctx.request.body);  // only `{}` is expected
                  if (!body) return tl::unexpected(body.error());
                }
                auto summary = services.warn_run->Run(ctx.Actor(), nullptr);
                if (!summary) return tl::unexpected(summary.error());
                return JsonResponse(200, codec::json::RenderRunSummary(*summary));
              }});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/warn/detect",
              // Pure computation on the body: every role that may read a series may see its
              // baseline and threshold (the chart needs it for viewers and area owners too).
              .roles = RoleSet::All(),
              .action = "warn.detect",
              .takes_json = true,
              .handler = [](const RequestContext& ctx) -> Result<Response> {
                auto request = codec::json::ParseDetectRequest(ctx.request.body);
                if (!request) return tl::unexpected(request.error());
                auto detection = core::signals::Detect(request->method, request->params, request->input);
                if (!detection) {
                  Error error = detection.error();
                  error.code = ErrorCode::kInvalidArgument;
                  error.reason = "validation";
                  return tl::unexpected(error);
                }
                return JsonResponse(200, codec::json::RenderDetection(*detection, request->periods));
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/warn/alerts",
              .roles = RoleSet::All(),
              .action = "warn.alerts.list",
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                if (services.warn_alerts == nullptr) return NotLoaded(ctx.request);
                std::optional<core::warn::AlertState> state;
                bool open_only = false;  // "open": every state but closed
                if (auto text = ctx.request.QueryParam("state")) {
                  open_only = *text == "open";
                  state = core::warn::ParseAlertState(*text);
                  if (!state && !open_only) {
                    return MakeError(ErrorCode::kInvalidArgument,
                                     "state must be open, new, acknowledged, action_recorded or closed",
                                     "validation");
                  }
                }
                auto alerts = services.warn_alerts->List(state);
                if (!alerts) return tl::unexpected(alerts.error());
                if (open_only) {
                  std::erase_if(*alerts, [](const auto& alert) { return alert.state == core::warn::AlertState::kClosed; });
                }
                return JsonResponse(200, codec::json::RenderAlertList(*alerts));
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/warn/alerts/{id}",
              .roles = RoleSet::All(),
              .action = "warn.alerts.read",
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                if (services.warn_alerts == nullptr) return NotLoaded(ctx.request);
                auto id = AlertId(ctx);
                if (!id) return tl::unexpected(id.error());
                auto detail = services.warn_alerts->Get(*id);
                if (!detail) return tl::unexpected(detail.error());
                return JsonResponse(200, codec::json::RenderAlertDetail(*detail));
              }});
  AddAlertStep(router, services, "acknowledge", "warn.alert.acknowledge", kResponders,
               [](core::warn::AlertService& alerts, const core::access::Actor& actor,
                  std::int64_t id, const std::string&) { return alerts.Acknowledge(actor, id); });
  AddAlertStep(router, services, "actions", "warn.alert.action", kResponders,
               [](core::warn::AlertService& alerts, const core::access::Actor& actor,
                  std::int64_t id, const std::string& text) {
                 return alerts.RecordAction(actor, id, text);
               });
  AddAlertStep(router, services, "close", "warn.alert.close", kResponders,
               [](core::warn::AlertService& alerts, const core::access::Actor& actor,
                  std::int64_t id, const std::string& text) { return alerts.Close(actor, id, text); });
  AddAlertStep(router, services, "notes", "warn.alert.note", kResponders,
               [](core::warn::AlertService& alerts, const core::access::Actor& actor,
                  std::int64_t id, const std::string& text) {
                 return alerts.AddNote(actor, id, text);
               });
}

}  // namespace vigil::http
