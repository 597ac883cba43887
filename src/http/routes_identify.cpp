// Identify: the rulesets for the interview screen, and screening assessments.
#include "codec/json/identify_json.hpp"
#include "http/problem.hpp"
#include "http/routes.hpp"

namespace vigil::http {

using core::access::Role;
using core::access::RoleSet;

namespace {

Response NotLoaded(const Request& request) {
  return ProblemResponse("unavailable", "no screening ruleset is loaded on this server",
                         request.request_id);
}

}  // namespace

void RegisterIdentifyRoutes(Router& router, RouteDeps deps) {
  const ApiServices& services = deps.services;
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/identify/rulesets",
              .roles = RoleSet::All(),
              .action = "identify.rulesets.list",
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                if (services.rulesets == nullptr) return NotLoaded(ctx.request);
                return JsonResponse(200, codec::json::RenderRulesetList(services.rulesets->List()));
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/identify/rulesets/{id}",
              .roles = RoleSet::All(),
              .action = "identify.rulesets.read",
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                if (services.rulesets == nullptr) return NotLoaded(ctx.request);
                const auto* ruleset = services.rulesets->Find(ctx.params.find("id")->second);
                if (ruleset == nullptr) {
                  return ProblemResponse("not-found", "no ruleset with this id", ctx.request.request_id);
                }
                const std::string lang = ctx.request.QueryParam("lang").value_or("en");
                return JsonResponse(200, codec::json::RenderRulesetForInterview(*ruleset, lang));
              }});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/identify/assessments",
              .roles = {Role::kAdmin, Role::kCoordinator, Role::kCaseworker, Role::kScreener},
              .action = "identify.assess",
              .takes_json = true,
              .handler = [&services](const RequestContext& ctx) -> Result<Response> {
                if (services.screening == nullptr) return NotLoaded(ctx.request);
                auto document = codec::json::ParseScreeningDocument(ctx.request.body);
                if (!document) {
                  const auto actor = ctx.Actor();
                  (void)services.audit.Record({actor.name, actor.role, "identify.assess", "assessment", "",
                                               "error", actor.request_id});
                  return tl::unexpected(document.error());
                }
                core::identify::ScreeningInput input{document->ruleset, std::move(document->request),
                                                     document->store, std::move(document->notes)};
                auto outcome = services.screening->Screen(ctx.Actor(), input);
                if (!outcome) {
                  // An unknown ruleset id is bad input here, not a missing resource.
                  Error error = outcome.error();
                  if (error.code == ErrorCode::kNotFound) error.code = ErrorCode::kInvalidArgument;
                  return tl::unexpected(error);
                }
                return JsonResponse(outcome->stored_id ? 201 : 200,
                                    codec::json::RenderAssessment(outcome->assessment, outcome->stored_id));
              }});
}

}  // namespace vigil::http
