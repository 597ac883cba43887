// The request pipeline, independent of the socket layer: path checks, routing, body limits and
// content type, authentication (session cookie or Bearer token), CSRF, role checks, the audit of
// refusals, errors as problem+json, and the security headers on every response.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/access/accounts.hpp"
#include "core/access/authenticator.hpp"
#include "core/identify/screening_service.hpp"
#include "core/knowledge/search.hpp"
#include "core/monitor/monitor_service.hpp"
#include "core/warn/warn_service.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace vigil::http {

inline constexpr std::string_view kSessionCookie = "vigil_session";

struct ApiOptions {
  std::size_t max_body_bytes = 64 * 1024;
  std::filesystem::path web_dir = "web/dist";
  bool cookie_secure = false;  // always mark the session cookie Secure
  std::chrono::milliseconds session_lifetime = std::chrono::hours(12);
  std::string version;
  std::string data_dir = "data";  // the data folder: the portal reads <data_dir>/portal
};

// The services the routes call.
struct ApiServices {
  core::access::Authenticator& authenticator;
  core::access::AccountService& accounts;
  core::access::AuditLog& audit;
  std::function<Status()> ready;  // readiness of the storage
  // Identify: null when no ruleset is loaded (its routes then answer 503).
  const core::identify::RulesetCatalog* rulesets = nullptr;
  core::identify::ScreeningService* screening = nullptr;
  // Knowledge: null when no content is loaded (its routes then answer 503).
  const core::knowledge::KnowledgeBase* knowledge = nullptr;
  core::knowledge::SearchIndex* search = nullptr;
  const Clock* clock = nullptr;  // for hotline freshness; REQUIRES: set when knowledge is
  // Warn areas and alerts: null when data/warn is not loaded (those routes then answer 503).
  core::warn::WarnService* warn_run = nullptr;
  core::warn::AlertService* warn_alerts = nullptr;
  core::warn::AreaLevelStore* warn_levels = nullptr;
  core::warn::BoundaryStore* warn_boundaries = nullptr;
  // Warn series and the indicator catalogue: null when not loaded (those routes answer 503).
  core::warn::SeriesStore* warn_series = nullptr;
  const core::warn::Catalogue* warn_catalogue = nullptr;
  // Monitor: the service, or null when data/monitor is not loaded (its routes then answer 503);
  // unset: no monitor. It may wait while the service is being built at start.
  std::function<core::monitor::MonitorService*()> monitor;
};

class Api {
 public:
  Api(ApiServices services, ApiOptions options);

  // Answers one request. Never throws; any failure becomes a problem+json response.
  [[nodiscard]] Response Handle(const Request& request);
  [[nodiscard]] const Router& router() const { return router_; }
  // While draining (graceful shutdown), new requests get 503.
  void StartDraining() { draining_ = true; }

 private:
  Response Dispatch(const Request& request);
  Response HandleRoute(const Request& request, const Route& route, const PathParams& params);
  Response HandleProtected(const Request& request, const Route& route, const PathParams& params);
  Result<core::access::Principal> Authenticate(const Request& request);
  void AuditRefusal(const Route& route, const core::access::Principal& principal,
                    const Request& request);

  ApiServices services_;
  ApiOptions options_;
  Router router_;
  StaticFiles static_files_;
  std::atomic<bool> draining_ = false;
};

// Adds the security headers every response carries (CSP, nosniff, no-referrer, ...).
void AddSecurityHeaders(Response& response, bool secure);

// The session cookie header value: set with the token, or cleared when `token` is empty.
[[nodiscard]] std::string SessionCookie(std::string_view token, bool secure,
                                        std::chrono::milliseconds lifetime);

}  // namespace vigil::http
