// Authentication: sign-in with name and password into a server-side session, session and
// API-token checks on each request, sign-out. Failed sign-ins are throttled and audited.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/access/audit.hpp"
#include "core/access/keys.hpp"
#include "core/access/password.hpp"
#include "core/access/stores.hpp"
#include "core/access/throttle.hpp"
#include "core/common/clock.hpp"
#include "core/common/random.hpp"

namespace vigil::core::access {

struct SessionPolicy {
  std::chrono::milliseconds idle = std::chrono::hours(2);
  std::chrono::milliseconds absolute = std::chrono::hours(12);
  // last_seen is written at most this often, so that reads do not turn into writes.
  std::chrono::milliseconds touch_interval = std::chrono::minutes(1);
};

struct SignInResult {
  std::string session_token;  // goes into the cookie; never stored
  Principal principal;
};

// Where a request comes from, for throttling and the audit trail.
struct RequestOrigin {
  std::string address;
  std::string request_id;
};

class Authenticator {
 public:
  Authenticator(UserStore& users, SessionStore& sessions, TokenStore& tokens, AuditLog& audit,
                SignInThrottle& throttle, const PasswordHasher& hasher, const Clock& clock,
                Random& random, const KeyRing& keys, SessionPolicy policy)
      : users_(users), sessions_(sessions), tokens_(tokens), audit_(audit), throttle_(throttle),
        hasher_(hasher), clock_(clock), random_(random), keys_(keys), policy_(policy) {}

  // kUnauthenticated for a wrong name or password or a disabled account (one message for all,
  // so that names cannot be probed); kResourceExhausted while throttled, with the wait in
  // `retry_after` when it is not null.
  [[nodiscard]] Result<SignInResult> SignIn(std::string_view name, std::string_view password,
                                            const RequestOrigin& origin,
                                            std::chrono::milliseconds* retry_after = nullptr);
  // kUnauthenticated when the token names no live session or its account is disabled.
  [[nodiscard]] Result<Principal> AuthenticateSession(std::string_view session_token);
  // kUnauthenticated when the bearer token is unknown or disabled.
  [[nodiscard]] Result<Principal> AuthenticateBearer(std::string_view bearer_token);
  // Ends the principal's session (no-op for API tokens).
  [[nodiscard]] Status SignOut(const Principal& principal, const RequestOrigin& origin);

 private:
  UserStore& users_;
  SessionStore& sessions_;
  TokenStore& tokens_;
  AuditLog& audit_;
  SignInThrottle& throttle_;
  const PasswordHasher& hasher_;
  const Clock& clock_;
  Random& random_;
  const KeyRing& keys_;
  SessionPolicy policy_;
};

}  // namespace vigil::core::access
