// Route registration, one function per area; each file registers its routes with the roles they
// allow. New capabilities add a Register*Routes here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "http/api.hpp"
#include "http/router.hpp"

namespace vigil::http {

struct RouteDeps {
  ApiServices& services;
  const ApiOptions& options;
  StaticFiles& static_files;
};

void RegisterRoutes(Router& router, RouteDeps deps);
void RegisterHealthRoutes(Router& router, RouteDeps deps);
void RegisterSessionRoutes(Router& router, RouteDeps deps);
void RegisterUserRoutes(Router& router, RouteDeps deps);
void RegisterAuditRoutes(Router& router, RouteDeps deps);
void RegisterWebRoutes(Router& router, RouteDeps deps);
void RegisterIdentifyRoutes(Router& router, RouteDeps deps);
void RegisterKnowledgeRoutes(Router& router, RouteDeps deps);
void RegisterWarnAlertRoutes(Router& router, RouteDeps deps);
void RegisterWarnSeriesRoutes(Router& router, RouteDeps deps);
void RegisterMonitorRoutes(Router& router, RouteDeps deps);
void RegisterPortalRoutes(Router& router, RouteDeps deps);

// Cursor pagination: `?limit=N&cursor=C`, where the cursor is opaque to clients.
struct PageRequest {
  std::int64_t after = 0;
  std::size_t limit = 50;
};
inline constexpr std::size_t kMaxPageSize = 200;
// "invalid-cursor" or "validation" errors for a bad cursor or limit.
[[nodiscard]] Result<PageRequest> ParsePageRequest(const Request& request);
[[nodiscard]] std::string EncodeCursor(std::int64_t after);
// The cursor for the next page: set only when the page came back full.
[[nodiscard]] std::optional<std::string> NextCursor(std::size_t returned, const PageRequest& page,
                                                    std::int64_t last_key);

}  // namespace vigil::http
