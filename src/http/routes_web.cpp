// The practitioner web app (built by Vite into web/dist) under /app/. ("/" is the public
// portal's, see routes_portal.cpp.)
#include "http/routes.hpp"

namespace vigil::http {

namespace {

Result<Response> RedirectToApp(const RequestContext&) {
  Response response;
  response.status = 302;
  response.SetHeader("Location", "/app/");
  return response;
}

}  // namespace

void RegisterWebRoutes(Router& router, RouteDeps deps) {
  router.Add({.method = Method::kGet,
              .pattern = "/app",
              .is_public = true,
              .action = "web.root",
              .handler = &RedirectToApp,
              .in_openapi = false});
  router.Add({.method = Method::kGet,
              .pattern = "/app/{path*}",
              .is_public = true,
              .action = "web.file",
              .handler = [&files = deps.static_files](const RequestContext& ctx) -> Result<Response> {
                return files.Serve(ctx.params.find("path")->second, ctx.request);
              },
              .in_openapi = false});
}

}  // namespace vigil::http
