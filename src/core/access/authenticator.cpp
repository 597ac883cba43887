#include "core/access/authenticator.hpp"

namespace vigil::core::access {
namespace {

constexpr std::size_t kSessionTokenBytes = 32;
constexpr std::size_t kCsrfTokenBytes = 32;
constexpr std::string_view kBadCredentials = "the name or password is wrong";

}  // namespace

Result<SignInResult> Authenticator::SignIn(std::string_view name, std::string_view password,
                                           const RequestOrigin& origin,
                                           std::chrono::milliseconds* retry_after) {
  // No account name is longer than 64 characters; longer names share one throttle key so that a
  // flood of distinct huge names cannot grow the throttle's memory.
  constexpr std::size_t kMaxNameBytes = 64;
  if (name.size() > kMaxNameBytes) name = "(overlong name)";
  const auto wait = throttle_.RetryAfter(name, origin.address);
  if (wait.count() > 0) {
    if (retry_after != nullptr) *retry_after = wait;
    (void)audit_.Record({"unknown", "", "session.create", "session", "", "throttled",
                         origin.request_id});
    return MakeError(ErrorCode::kResourceExhausted,
                     "too many failed sign-ins; wait before trying again");
  }

  auto user = users_.LoadUserByName(name);
  if (!user && user.error().code != ErrorCode::kNotFound) return tl::unexpected(user.error());
  const bool password_ok = user ? hasher_.Verify(user->password_hash, password)
                                : (hasher_.VerifyDummy(password), false);
  if (!password_ok || user->disabled) {
    throttle_.RecordFailure(name, origin.address);
    // Only a name that belongs to an account goes into the trail: a mistyped name might be
    // somebody's password or personal detail.
    (void)audit_.Record({user ? user->name : "unknown", user ? std::string(RoleName(user->role)) : "",
                         "session.create", "session", user ? std::to_string(user->id) : "",
                         "denied", origin.request_id});
    return MakeError(ErrorCode::kUnauthenticated, std::string(kBadCredentials));
  }
  throttle_.RecordSuccess(name);

  const std::int64_t now_ms = ToUnixMillis(clock_.Now());
  SignInResult result;
  result.session_token = RandomToken(random_, kSessionTokenBytes);
  Session session;
  session.id_hash = KeyedHashHex(keys_.secrets, result.session_token);
  session.user_id = user->id;
  session.csrf_token = RandomToken(random_, kCsrfTokenBytes);
  session.created_ms = now_ms;
  session.last_seen_ms = now_ms;
  session.expires_ms = now_ms + policy_.absolute.count();
  if (auto saved = sessions_.SaveSession(session); !saved) return tl::unexpected(saved.error());

  result.principal = {user->name, user->role, user->id, false, session.id_hash,
                      session.csrf_token};
  (void)audit_.Record({user->name, std::string(RoleName(user->role)), "session.create",
                       "session", std::to_string(user->id), "ok", origin.request_id});
  return result;
}

Result<Principal> Authenticator::AuthenticateSession(std::string_view session_token) {
  auto unauthenticated = [] {
    return MakeError(ErrorCode::kUnauthenticated, "no valid session; sign in");
  };
  if (session_token.empty() || session_token.size() > 128) return unauthenticated();
  const std::string id_hash = KeyedHashHex(keys_.secrets, session_token);
  auto session = sessions_.LoadSession(id_hash);
  if (!session) {
    if (session.error().code == ErrorCode::kNotFound) return unauthenticated();
    return tl::unexpected(session.error());
  }
  const std::int64_t now_ms = ToUnixMillis(clock_.Now());
  if (now_ms >= session->expires_ms || now_ms - session->last_seen_ms >= policy_.idle.count()) {
    (void)sessions_.DeleteSession(id_hash);
    return unauthenticated();
  }
  auto user = users_.LoadUserById(session->user_id);
  // A store failure is not a reason to sign anyone out.
  if (!user && user.error().code != ErrorCode::kNotFound) return tl::unexpected(user.error());
  if (!user || user->disabled) return unauthenticated();
  if (now_ms - session->last_seen_ms >= policy_.touch_interval.count()) {
    if (auto touched = sessions_.TouchSession(id_hash, now_ms); !touched) {
      return tl::unexpected(touched.error());
    }
  }
  return Principal{user->name, user->role, user->id, false, id_hash, session->csrf_token};
}

Result<Principal> Authenticator::AuthenticateBearer(std::string_view bearer_token) {
  if (bearer_token.empty() || bearer_token.size() > 128) {
    return MakeError(ErrorCode::kUnauthenticated, "the API token is not valid");
  }
  auto token = tokens_.LoadTokenByHash(KeyedHashHex(keys_.secrets, bearer_token));
  if (!token || token->disabled) {
    if (!token && token.error().code != ErrorCode::kNotFound) {
      return tl::unexpected(token.error());
    }
    return MakeError(ErrorCode::kUnauthenticated, "the API token is not valid");
  }
  return Principal{token->name, token->role, 0, true, "", ""};
}

Status Authenticator::SignOut(const Principal& principal, const RequestOrigin& origin) {
  if (principal.via_token) return {};
  if (auto deleted = sessions_.DeleteSession(principal.session_id_hash); !deleted) return deleted;
  (void)audit_.Record({principal.name, std::string(RoleName(principal.role)), "session.delete",
                       "session", std::to_string(principal.user_id), "ok", origin.request_id});
  return {};
}

}  // namespace vigil::core::access
