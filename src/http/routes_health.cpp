// Liveness, readiness and the API description: public, never audited.
#include "codec/json/problem_json.hpp"
#include "http/problem.hpp"
#include "http/routes.hpp"

namespace vigil::embedded {
std::string_view openapi_json();
}

namespace vigil::http {

void RegisterHealthRoutes(Router& router, RouteDeps deps) {
  router.Add({.method = Method::kGet,
              .pattern = "/healthz",
              .is_public = true,
              .action = "health.live",
              .handler = [](const RequestContext&) -> Result<Response> {
                return JsonResponse(200, codec::json::RenderStringObject({{"status", "ok"}}));
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/readyz",
              .is_public = true,
              .action = "health.ready",
              .handler = [ready = deps.services.ready](const RequestContext& ctx) -> Result<Response> {
                if (auto ok = ready(); !ok) {
                  return ProblemResponse("unavailable", "the database is not reachable",
                                         ctx.request.request_id);
                }
                return JsonResponse(200, codec::json::RenderStringObject({{"status", "ready"}}));
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/openapi.json",
              .is_public = true,
              .action = "openapi.read",
              .handler = [](const RequestContext&) -> Result<Response> {
                return JsonResponse(200, std::string(embedded::openapi_json()));
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/version",
              .is_public = true,
              .action = "version.read",
              .handler = [version = deps.options.version](const RequestContext&) -> Result<Response> {
                return JsonResponse(200, codec::json::RenderStringObject({{"version", version}}));
              }});
}

}  // namespace vigil::http
