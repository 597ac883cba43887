// Reading the audit trail (admins only); the read itself is audited.
#include "codec/json/access_json.hpp"
#include "http/routes.hpp"

namespace vigil::http {

using core::access::Role;

void RegisterAuditRoutes(Router& router, RouteDeps deps) {
  auto& audit = deps.services.audit;
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/audit",
              .roles = {Role::kAdmin},
              .action = "audit.read",
              .handler = [&audit](const RequestContext& ctx) -> Result<Response> {
                auto page = ParsePageRequest(ctx.request);
                if (!page) return tl::unexpected(page.error());
                auto entries = audit.ReadEntries(ctx.Actor(), page->after, page->limit);
                if (!entries) return tl::unexpected(entries.error());
                const auto next = NextCursor(entries->size(), *page,
                                             entries->empty() ? 0 : entries->back().seq);
                return JsonResponse(200, codec::json::RenderAuditPage(*entries, next));
              }});
}

}  // namespace vigil::http
