// Monitor: batch ingest of posts, the ranked cluster queue, a cluster's detail (contact details
// masked; raw values for analysts and admins only) and review actions. Parse → core → render; the
// shapes are in docs/monitor.md ("Server").
#include <charconv>

#include "codec/json/monitor_json.hpp"
#include "http/problem.hpp"
#include "http/routes.hpp"

namespace vigil::http {

using core::access::Role;
using core::access::RoleSet;

namespace {

constexpr RoleSet kMonitorRoles = {Role::kAdmin, Role::kCoordinator, Role::kAnalyst};
// A batch of kMaxBatchPosts posts of ~500 bytes fits; the socket layer's hard limit is the same.
constexpr std::size_t kIngestBodyBytes = 1024 * 1024;

Response NotLoaded(const Request& request) {
  return ProblemResponse("unavailable", "the monitor is not loaded on this server (no data/monitor)",
                         request.request_id);
}

core::monitor::MonitorService* Monitor(const ApiServices& services) {
  return services.monitor ? services.monitor() : nullptr;
}

Error Invalid(std::string message) {
  return {ErrorCode::kInvalidArgument, std::move(message), "validation"};
}

Result<std::int64_t> ClusterId(const RequestContext& ctx) {
  const std::string& text = ctx.params.find("id")->second;
  std::int64_t id = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), id);
  if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size() || id < 1) {
    return MakeError(ErrorCode::kNotFound, "no cluster with this id", "not-found");
  }
  return id;
}

Result<std::size_t> Count(const Request& request, const char* name, std::size_t fallback,
                          std::size_t low, std::size_t high) {
  const auto text = request.QueryParam(name);
  if (!text) return fallback;
  std::size_t value = 0;
  const auto parsed = std::from_chars(text->data(), text->data() + text->size(), value);
  if (parsed.ec != std::errc() || parsed.ptr != text->data() + text->size() || value < low || value > high) {
    return tl::unexpected(Invalid(std::string(name) + " must be a whole number from " + std::to_string(low) +
                                  " to " + std::to_string(high)));
  }
  return value;
}

// A UTC day "YYYY-MM-DD" as seconds at its start.
Result<std::optional<std::int64_t>> Day(const Request& request, const char* name) {
  const auto text = request.QueryParam(name);
  if (!text) return std::nullopt;
  const auto seconds = core::monitor::ParseRfc3339(std::string(*text) + "T00:00:00Z");
  if (text->size() != 10 || !seconds) return tl::unexpected(Invalid(std::string(name) + " must be a date YYYY-MM-DD"));
  return seconds;
}

Result<core::monitor::ClusterFilter> ParseFilter(const Request& request) {
  core::monitor::ClusterFilter filter;
  const auto text = [&](const char* name) -> std::optional<std::string> {
    auto value = request.QueryParam(name);
    return value && !value->empty() ? std::optional<std::string>(*value) : std::nullopt;
  };
  filter.language = text("lang");
  filter.category = text("category");
  filter.source = text("source");
  auto from = Day(request, "from");
  if (!from) return tl::unexpected(from.error());
  auto to = Day(request, "to");
  if (!to) return tl::unexpected(to.error());
  filter.from = *from;
  if (*to) filter.to = **to + 86400;  // the whole "to" day
  if (auto status = text("status")) {
    filter.status = core::monitor::ParseReviewStatus(*status);
    if (!filter.status) return tl::unexpected(Invalid("status must be unreviewed, benign, suspicious or reported"));
  }
  auto limit = Count(request, "limit", 50, 1, kMaxPageSize);
  if (!limit) return tl::unexpected(limit.error());
  auto offset = Count(request, "offset", 0, 0, 1'000'000'000);
  if (!offset) return tl::unexpected(offset.error());
  filter.limit = *limit;
  filter.offset = *offset;
  return filter;
}

}  // namespace

void RegisterMonitorRoutes(Router& router, RouteDeps deps) {
  const ApiServices& services = deps.services;
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/monitor/posts",
              .roles = kMonitorRoles,
              .action = "monitor.ingest",
              .takes_json = true,
              .max_body_bytes = kIngestBodyBytes,
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                auto* monitor = Monitor(services);
                if (monitor == nullptr) return NotLoaded(ctx.request);
                auto input = codec::monitor::ReadPostsBatch(ctx.request.body, codec::monitor::InputOptions{});
                if (!input) return tl::unexpected(input.error());
                auto summary = monitor->Ingest(ctx.Actor(), input->posts, input->invalid.size());
                if (!summary) return tl::unexpected(summary.error());
                return JsonResponse(200, codec::json::RenderIngestResult(*summary, *input));
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/monitor/clusters",
              .roles = kMonitorRoles,
              .action = "monitor.clusters.list",
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                auto* monitor = Monitor(services);
                if (monitor == nullptr) return NotLoaded(ctx.request);
                auto filter = ParseFilter(ctx.request);
                if (!filter) return tl::unexpected(filter.error());
                auto page = monitor->List(ctx.Actor(), *filter);
                if (!page) return tl::unexpected(page.error());
                return JsonResponse(200, codec::json::RenderClusterPage(*page));
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/monitor/clusters/{id}",
              .roles = kMonitorRoles,
              .action = "monitor.clusters.view",
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                auto* monitor = Monitor(services);
                if (monitor == nullptr) return NotLoaded(ctx.request);
                const auto raw_text = ctx.request.QueryParam("raw");
                if (raw_text && *raw_text != "0" && *raw_text != "1") return tl::unexpected(Invalid("raw must be 0 or 1"));
                auto id = ClusterId(ctx);
                if (!id) return tl::unexpected(id.error());
                auto view = monitor->View(ctx.Actor(), *id, raw_text && *raw_text == "1");
                if (!view) return tl::unexpected(view.error());
                return JsonResponse(200, codec::json::RenderClusterView(*view));
              }});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/monitor/clusters/{id}/review",
              .roles = kMonitorRoles,
              .action = "monitor.clusters.review",
              .takes_json = true,
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                auto* monitor = Monitor(services);
                if (monitor == nullptr) return NotLoaded(ctx.request);
                auto id = ClusterId(ctx);
                if (!id) return tl::unexpected(id.error());
                auto request = codec::json::ParseReviewRequest(ctx.request.body);
                if (!request) return tl::unexpected(request.error());
                auto view = monitor->Review(ctx.Actor(), *id, request->status, request->note);
                if (!view) return tl::unexpected(view.error());
                return JsonResponse(200, codec::json::RenderClusterView(*view));
              }});
}

}  // namespace vigil::http
