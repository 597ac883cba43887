// The route table: every route declares its method, path pattern, who may call it (public or a
// set of roles), the action name used in the audit trail when it is refused, and whether it takes
// a JSON body. The route x role matrix test and the OpenAPI check both read this table.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/role.hpp"
#include "core/access/types.hpp"
#include "core/common/error.hpp"
#include "http/message.hpp"

namespace vigil::http {

using PathParams = std::map<std::string, std::string, std::less<>>;

// What a handler gets: the request, its path parameters and, for protected routes, who is calling.
struct RequestContext {
  const Request& request;
  const PathParams& params;
  const core::access::Principal* principal;  // null on public routes

  [[nodiscard]] core::access::Actor Actor() const;
};

using Handler = std::function<Result<Response>(const RequestContext&)>;

struct Route {
  Method method = Method::kGet;
  // Literal segments and parameters: "/api/v1/users/{name}". A last segment "{path*}" matches
  // the rest of the path (static files).
  std::string pattern;
  bool is_public = false;
  core::access::RoleSet roles;  // who may call a protected route
  std::string action;           // audit action name, e.g. "user.list"
  bool takes_json = false;      // the body must be application/json
  // A larger body limit for this route (batch uploads); 0 or less than the server's: the server's.
  // REQUIRES: at most the socket layer's hard limit.
  std::size_t max_body_bytes = 0;
  Handler handler;
  bool in_openapi = true;       // false for non-API routes (static files, redirects)
};

struct RouteMatch {
  const Route* route = nullptr;
  PathParams params;
  std::vector<Method> allowed;  // methods that exist for this path when `route` is null
};

class Router {
 public:
  void Add(Route route);
  // Matches a decoded path. When no route has this method but others match the path,
  // `allowed` lists them (405); when nothing matches, both are empty (404).
  [[nodiscard]] RouteMatch Match(Method method, std::string_view decoded_path) const;
  [[nodiscard]] const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace vigil::http
