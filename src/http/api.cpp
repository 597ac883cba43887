#include "http/api.hpp"

#include <algorithm>

#include "core/common/encoding.hpp"
#include "http/problem.hpp"
#include "http/routes.hpp"

namespace vigil::http {
namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";
constexpr std::string_view kPermissionsPolicy =
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()";

bool IsJsonContentType(std::string_view value) {
  const auto semicolon = value.find(';');
  std::string_view media = value.substr(0, semicolon);
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  std::string lower(media);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "application/json";
}

// A browser's cross-site request carries an Origin that differs from the Host it targets.
bool IsCrossOrigin(const Request& request) {
  auto origin = request.Header("origin");
  auto host = request.Header("host");
  if (!origin || *origin == "null") return origin.has_value();
  if (!host) return true;
  const auto scheme_end = origin->find("://");
  if (scheme_end == std::string_view::npos) return true;
  return origin->substr(scheme_end + 3) != *host;
}

// The content type a route needs; checked after authentication, so that an anonymous caller
// learns nothing about a route beyond "sign in".
std::optional<Response> CheckContentType(const Route& route, const Request& request) {
  if (route.takes_json) {
    auto content_type = request.Header("content-type");
    if (!content_type || !IsJsonContentType(*content_type)) {
      return ProblemResponse("unsupported-media-type", "send the body as application/json",
                             request.request_id);
    }
  } else if (!request.body.empty() && ChangesState(request.method)) {
    return ProblemResponse("unsupported-media-type", "this request takes no body",
                           request.request_id);
  }
  return std::nullopt;
}

}  // namespace

void AddSecurityHeaders(Response& response, bool secure) {
  response.SetHeader("Content-Security-Policy", std::string(kContentSecurityPolicy));
  response.SetHeader("X-Content-Type-Options", "nosniff");
  response.SetHeader("Referrer-Policy", "no-referrer");
  response.SetHeader("X-Frame-Options", "DENY");
  response.SetHeader("Permissions-Policy", std::string(kPermissionsPolicy));
  response.SetHeader("Cross-Origin-Opener-Policy", "same-origin");
  response.SetHeader("Cross-Origin-Resource-Policy", "same-origin");
  if (secure) response.SetHeader("Strict-Transport-Security", "max-age=31536000");
  if (!response.Header("Cache-Control")) response.SetHeader("Cache-Control", "no-store");
}

std::string SessionCookie(std::string_view token, bool secure,
                          std::chrono::milliseconds lifetime) {
  std::string cookie = std::string(kSessionCookie) + "=" + std::string(token) +
                       "; Path=/; HttpOnly; SameSite=Strict";
  const auto max_age = token.empty()
                           ? 0
                           : std::chrono::duration_cast<std::chrono::seconds>(lifetime).count();
  cookie += "; Max-Age=" + std::to_string(max_age);
  if (secure) cookie += "; Secure";
  return cookie;
}

Api::Api(ApiServices services, ApiOptions options)
    : services_(std::move(services)),
      options_(std::move(options)),
      static_files_(options_.web_dir) {
  RegisterRoutes(router_, {services_, options_, static_files_});
}

Response Api::Handle(const Request& request) {
  Response response;
  try {
    response = draining_ ? ProblemResponse("unavailable", "the server is shutting down",
                                           request.request_id)
                         : Dispatch(request);
  } catch (const std::exception&) {
    response = ProblemResponse("internal", "quote the request id to your administrator",
                               request.request_id);
  }
  AddSecurityHeaders(response, request.secure || options_.cookie_secure);
  response.SetHeader("X-Request-Id", request.request_id);
  if (request.method == Method::kHead) response.body.clear();
  return response;
}

Response Api::Dispatch(const Request& request) {
  auto decoded = PercentDecode(request.path);
  if (!decoded || decoded->empty() || decoded->front() != '/' || !IsValidUtf8(*decoded) ||
      !StaticFiles::IsSafeRelativePath(std::string_view(*decoded).substr(1))) {
    return ProblemResponse("invalid-path", "the path is not allowed", request.request_id);
  }
  if (!PercentDecode(request.query) || !IsValidUtf8(*PercentDecode(request.query))) {
    return ProblemResponse("validation", "the query string is not valid percent-encoded UTF-8",
                           request.request_id);
  }
  RouteMatch match = router_.Match(request.method, *decoded);
  if (match.route == nullptr) {
    if (!match.allowed.empty()) {
      Response response =
          ProblemResponse("method-not-allowed", "this path does not take that method",
                          request.request_id);
      std::string allow;
      for (Method method : match.allowed) {
        if (!allow.empty()) allow += ", ";
        allow += MethodName(method);
      }
      response.SetHeader("Allow", allow);
      return response;
    }
    return ProblemResponse("not-found", "no such resource", request.request_id);
  }
  Response response = HandleRoute(request, *match.route, match.params);
  response.log_route = match.route->pattern;
  return response;
}

Response Api::HandleRoute(const Request& request, const Route& route, const PathParams& params) {
  const std::size_t max_body = std::max(options_.max_body_bytes, route.max_body_bytes);
  if (request.body.size() > max_body) {
    return ProblemResponse("payload-too-large",
                           "the body is larger than " + std::to_string(max_body) + " bytes",
                           request.request_id);
  }
  if (ChangesState(request.method) && IsCrossOrigin(request)) {
    return ProblemResponse("cross-origin", "the request comes from another origin",
                           request.request_id);
  }
  if (!route.is_public) return HandleProtected(request, route, params);
  if (auto refused = CheckContentType(route, request)) return std::move(*refused);
  const RequestContext context{request, params, nullptr};
  auto handled = route.handler(context);
  return handled ? std::move(*handled) : ErrorResponse(handled.error(), request.request_id);
}

Result<core::access::Principal> Api::Authenticate(const Request& request) {
  if (auto authorization = request.Header("authorization")) {
    constexpr std::string_view kBearer = "Bearer ";
    if (!authorization->starts_with(kBearer)) {
      return MakeError(ErrorCode::kUnauthenticated, "use an Authorization: Bearer token");
    }
    return services_.authenticator.AuthenticateBearer(authorization->substr(kBearer.size()));
  }
  auto cookie = request.Cookie(kSessionCookie);
  if (!cookie) return MakeError(ErrorCode::kUnauthenticated, "sign in first");
  return services_.authenticator.AuthenticateSession(*cookie);
}

void Api::AuditRefusal(const Route& route, const core::access::Principal& principal,
                       const Request& request) {
  (void)services_.audit.Record({principal.name, std::string(core::access::RoleName(principal.role)),
                                route.action, "", "", "forbidden", request.request_id});
}

Response Api::HandleProtected(const Request& request, const Route& route,
                              const PathParams& params) {
  auto principal = Authenticate(request);
  if (!principal) {
    Response response = ErrorResponse(principal.error(), request.request_id);
    if (principal.error().code == ErrorCode::kUnauthenticated && request.Cookie(kSessionCookie)) {
      // A stale cookie: tell the browser to drop it.
      response.SetHeader("Set-Cookie", SessionCookie("", request.secure || options_.cookie_secure,
                                                     options_.session_lifetime));
    }
    return response;
  }
  if (ChangesState(request.method) && !principal->via_token) {
    auto sent = request.Header("x-csrf-token");
    if (!sent || !ConstantTimeEquals(*sent, principal->csrf_token)) {
      return ProblemResponse("csrf", "send the session's CSRF token in X-CSRF-Token",
                             request.request_id);
    }
  }
  if (!route.roles.Contains(principal->role)) {
    AuditRefusal(route, *principal, request);
    return ProblemResponse("forbidden", "your role does not allow this action",
                           request.request_id);
  }
  if (auto refused = CheckContentType(route, request)) return std::move(*refused);
  const RequestContext context{request, params, &*principal};
  auto handled = route.handler(context);
  return handled ? std::move(*handled) : ErrorResponse(handled.error(), request.request_id);
}

}  // namespace vigil::http
