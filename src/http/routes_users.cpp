// Account administration over the API: list, create and disable users.
#include "codec/json/access_json.hpp"
#include "http/routes.hpp"

namespace vigil::http {

using core::access::Role;
using core::access::RoleSet;

void RegisterUserRoutes(Router& router, RouteDeps deps) {
  auto& accounts = deps.services.accounts;

  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/users",
              .roles = {Role::kAdmin, Role::kCoordinator},
              .action = "user.list",
              .handler = [&accounts](const RequestContext& ctx) -> Result<Response> {
                auto page = ParsePageRequest(ctx.request);
                if (!page) return tl::unexpected(page.error());
                auto users = accounts.ListUsers(ctx.Actor(), page->after, page->limit);
                if (!users) return tl::unexpected(users.error());
                const auto next = NextCursor(users->size(), *page,
                                             users->empty() ? 0 : users->back().id);
                return JsonResponse(200, codec::json::RenderUserPage(*users, next));
              }});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/users",
              .roles = {Role::kAdmin},
              .action = "user.create",
              .takes_json = true,
              .handler = [&accounts](const RequestContext& ctx) -> Result<Response> {
                auto body = codec::json::ParseCreateUserRequest(ctx.request.body);
                if (!body) return tl::unexpected(body.error());
                auto user = accounts.AddUser(ctx.Actor(), body->name, body->role, body->password);
                if (!user) return tl::unexpected(user.error());
                Response response = JsonResponse(201, codec::json::RenderUser(*user));
                response.SetHeader("Location", "/api/v1/users/" + user->name);
                return response;
              }});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/users/{name}/disable",
              .roles = {Role::kAdmin},
              .action = "user.disable",
              .handler = [&accounts](const RequestContext& ctx) -> Result<Response> {
                auto user = accounts.DisableUser(ctx.Actor(), ctx.params.find("name")->second);
                if (!user) return tl::unexpected(user.error());
                return JsonResponse(200, codec::json::RenderUser(*user));
              }});
}

}  // namespace vigil::http
