// Sign-in, the current session, sign-out.
#include "codec/json/access_json.hpp"
#include "http/problem.hpp"
#include "http/routes.hpp"

namespace vigil::http {

using core::access::RoleSet;

void RegisterSessionRoutes(Router& router, RouteDeps deps) {
  auto& auth = deps.services.authenticator;
  const ApiOptions& options = deps.options;

  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/session",
              .is_public = true,
              .action = "session.create",
              .takes_json = true,
              .handler = [&auth, &options](const RequestContext& ctx) -> Result<Response> {
                auto body = codec::json::ParseSignInRequest(ctx.request.body);
                if (!body) return tl::unexpected(body.error());
                std::chrono::milliseconds retry_after{0};
                auto signed_in = auth.SignIn(body->name, body->password,
                                             {ctx.request.remote_address, ctx.request.request_id},
                                             &retry_after);
                if (!signed_in) {
                  if (signed_in.error().code == ErrorCode::kResourceExhausted) {
                    Response response = ErrorResponse(signed_in.error(), ctx.request.request_id);
                    const auto seconds =
                        std::chrono::duration_cast<std::chrono::seconds>(retry_after).count() + 1;
                    response.SetHeader("Retry-After", std::to_string(seconds));
                    return response;
                  }
                  if (signed_in.error().code == ErrorCode::kUnauthenticated) {
                    return ProblemResponse("invalid-credentials", signed_in.error().message,
                                           ctx.request.request_id);
                  }
                  return tl::unexpected(signed_in.error());
                }
                Response response =
                    JsonResponse(200, codec::json::RenderSession(signed_in->principal));
                response.SetHeader("Set-Cookie",
                                   SessionCookie(signed_in->session_token,
                                                 ctx.request.secure || options.cookie_secure,
                                                 options.session_lifetime));
                return response;
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/session",
              .roles = RoleSet::All(),
              .action = "session.read",
              .handler = [](const RequestContext& ctx) -> Result<Response> {
                return JsonResponse(200, codec::json::RenderSession(*ctx.principal));
              }});
  router.Add({.method = Method::kDelete,
              .pattern = "/api/v1/session",
              .roles = RoleSet::All(),
              .action = "session.delete",
              .handler = [&auth, &options](const RequestContext& ctx) -> Result<Response> {
                if (auto ended = auth.SignOut(*ctx.principal,
                                              {ctx.request.remote_address, ctx.request.request_id});
                    !ended) {
                  return tl::unexpected(ended.error());
                }
                Response response;
                response.status = 204;
                response.SetHeader("Set-Cookie",
                                   SessionCookie("", ctx.request.secure || options.cookie_secure,
                                                 options.session_lifetime));
                return response;
              }});
}

}  // namespace vigil::http
