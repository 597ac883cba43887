// The public knowledge API: topics, items, search and hotlines. No sign-in; searches are never
// logged (the access log carries the route pattern only).
#include "codec/json/knowledge_json.hpp"
#include "http/problem.hpp"
#include "http/routes.hpp"

namespace vigil::http {
namespace {

std::string LangOf(const RequestContext& ctx) { return ctx.request.QueryParam("lang").value_or("en"); }

Response NotLoaded(const Request& request) {
  return ProblemResponse("unavailable", "no knowledge content is loaded on this server", request.request_id);
}

}  // namespace

void RegisterKnowledgeRoutes(Router& router, RouteDeps deps) {
  const ApiServices& services = deps.services;
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/knowledge/topics",
              .is_public = true,
              .action = "knowledge.topics",
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                if (services.knowledge == nullptr) return NotLoaded(ctx.request);
                return JsonResponse(200, codec::json::RenderTopicList(*services.knowledge, LangOf(ctx)));
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/knowledge/topics/{id}",
              .is_public = true,
              .action = "knowledge.topic",
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                if (services.knowledge == nullptr) return NotLoaded(ctx.request);
                auto view = services.knowledge->View(ctx.params.find("id")->second, LangOf(ctx));
                if (!view) return ProblemResponse("not-found", "no such topic", ctx.request.request_id);
                return JsonResponse(200, codec::json::RenderTopic(*view));
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/knowledge/search",
              .is_public = true,
              .action = "knowledge.search",
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                if (services.knowledge == nullptr || services.search == nullptr) return NotLoaded(ctx.request);
                const std::string lang = LangOf(ctx);
                auto hits = services.search->Search(lang, ctx.request.QueryParam("q").value_or(""), 20);
                if (!hits) return tl::unexpected(hits.error());
                return JsonResponse(200, codec::json::RenderSearchHits(*services.knowledge, lang, *hits));
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/knowledge/hotlines",
              .is_public = true,
              .action = "knowledge.hotlines",
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                if (services.knowledge == nullptr) return NotLoaded(ctx.request);
                return JsonResponse(200, codec::json::RenderHotlines(services.knowledge->Hotlines(),
                                                                     services.clock->Now()));
              }});
}

}  // namespace vigil::http
