#include "core/access/authenticator.hpp"

#include <gtest/gtest.h>

#include "storage/memory/test_env.hpp"

namespace vigil::core::access {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using storage::memory::TestEnv;

const RequestOrigin kOrigin{"127.0.0.1", "req-1"};

TEST(Authenticator, SignInCreatesASessionStoredOnlyAsAHash) {
  TestEnv env;
  env.AddUser("alice", Role::kCaseworker);
  auto signed_in = env.authenticator.SignIn("alice", TestEnv::kPassword, kOrigin);
  ASSERT_TRUE(signed_in.has_value());
  EXPECT_EQ(signed_in->principal.role, Role::kCaseworker);
  EXPECT_FALSE(signed_in->principal.csrf_token.empty());
  EXPECT_FALSE(env.sessions.LoadSession(signed_in->session_token).has_value());
  auto principal = env.authenticator.AuthenticateSession(signed_in->session_token);
  ASSERT_TRUE(principal.has_value());
  EXPECT_EQ(principal->name, "alice");
  EXPECT_EQ(principal->csrf_token, signed_in->principal.csrf_token);
}

TEST(Authenticator, WrongPasswordUnknownNameAndDisabledAccountLookAlike) {
  TestEnv env;
  env.AddUser("alice", Role::kViewer);
  env.AddUser("bob", Role::kViewer);
  ASSERT_TRUE(env.accounts.DisableUser(env.admin_actor, "bob"));
  auto wrong = env.authenticator.SignIn("alice", "not the password", kOrigin);
  auto unknown = env.authenticator.SignIn("carol", TestEnv::kPassword, kOrigin);
  auto disabled = env.authenticator.SignIn("bob", TestEnv::kPassword, kOrigin);
  for (const auto* result : {&wrong, &unknown, &disabled}) {
    ASSERT_FALSE(result->has_value());
    EXPECT_EQ(result->error().code, ErrorCode::kUnauthenticated);
    EXPECT_EQ(result->error().message, wrong.error().message);
  }
}

TEST(Authenticator, FailedSignInsAreAuditedWithoutTheTypedName) {
  TestEnv env;
  env.AddUser("alice", Role::kViewer);
  (void)env.authenticator.SignIn("alice", "wrong password!!", kOrigin);
  (void)env.authenticator.SignIn("my secret pass", "x", kOrigin);
  const auto& entries = env.audit_store.entries();
  ASSERT_GE(entries.size(), 3u);
  const auto& known = entries[entries.size() - 2].event;
  const auto& unknown = entries.back().event;
  EXPECT_EQ(known.action, "session.create");
  EXPECT_EQ(known.outcome, "denied");
  EXPECT_EQ(known.actor, "alice");
  EXPECT_EQ(unknown.actor, "unknown");
  for (const auto& entry : entries) EXPECT_EQ(entry.event.actor.find("secret"), std::string::npos);
}

TEST(Authenticator, ThrottledAfterFiveFailuresEvenWithTheRightPassword) {
  TestEnv env;
  env.AddUser("alice", Role::kViewer);
  for (int attempt = 0; attempt < 5; ++attempt) {
    (void)env.authenticator.SignIn("alice", "wrong password!!", kOrigin);
  }
  std::chrono::milliseconds wait{0};
  auto blocked = env.authenticator.SignIn("alice", TestEnv::kPassword, kOrigin, &wait);
  ASSERT_FALSE(blocked.has_value());
  EXPECT_EQ(blocked.error().code, ErrorCode::kResourceExhausted);
  EXPECT_GT(wait.count(), 0);
  env.clock.Advance(minutes(16));
  EXPECT_TRUE(env.authenticator.SignIn("alice", TestEnv::kPassword, kOrigin).has_value());
}

TEST(Authenticator, SessionsExpireWhenIdleAndAtTheAbsoluteLimit) {
  TestEnv env;
  env.AddUser("alice", Role::kViewer);
  auto first = env.authenticator.SignIn("alice", TestEnv::kPassword, kOrigin);
  ASSERT_TRUE(first.has_value());
  env.clock.Advance(hours(2) + minutes(1));
  EXPECT_FALSE(env.authenticator.AuthenticateSession(first->session_token).has_value());

  auto second = env.authenticator.SignIn("alice", TestEnv::kPassword, kOrigin);
  ASSERT_TRUE(second.has_value());
  // Active every hour: never idle, but the 12-hour limit still ends it.
  for (int hour = 0; hour < 11; ++hour) {
    env.clock.Advance(hours(1));
    ASSERT_TRUE(env.authenticator.AuthenticateSession(second->session_token).has_value());
  }
  env.clock.Advance(hours(1));
  EXPECT_FALSE(env.authenticator.AuthenticateSession(second->session_token).has_value());
}

TEST(Authenticator, SignOutAndDisableEndSessions) {
  TestEnv env;
  env.AddUser("alice", Role::kViewer);
  auto first = env.authenticator.SignIn("alice", TestEnv::kPassword, kOrigin);
  auto second = env.authenticator.SignIn("alice", TestEnv::kPassword, kOrigin);
  auto principal = env.authenticator.AuthenticateSession(first->session_token);
  ASSERT_TRUE(env.authenticator.SignOut(*principal, kOrigin));
  EXPECT_FALSE(env.authenticator.AuthenticateSession(first->session_token).has_value());
  EXPECT_TRUE(env.authenticator.AuthenticateSession(second->session_token).has_value());
  ASSERT_TRUE(env.accounts.DisableUser(env.admin_actor, "alice"));
  EXPECT_FALSE(env.authenticator.AuthenticateSession(second->session_token).has_value());
}

TEST(Authenticator, ApiTokensAuthenticateByKeyedHash) {
  TestEnv env;
  auto token = env.accounts.AddToken(env.admin_actor, "etl", Role::kAnalyst);
  ASSERT_TRUE(token.has_value());
  EXPECT_TRUE(token->secret.starts_with("vgl_"));
  EXPECT_NE(token->record.token_hash, token->secret);
  auto principal = env.authenticator.AuthenticateBearer(token->secret);
  ASSERT_TRUE(principal.has_value());
  EXPECT_TRUE(principal->via_token);
  EXPECT_EQ(principal->role, Role::kAnalyst);
  EXPECT_FALSE(env.authenticator.AuthenticateBearer(token->secret + "x").has_value());
  ASSERT_TRUE(env.tokens.SaveTokenDisabled("etl", true));
  EXPECT_FALSE(env.authenticator.AuthenticateBearer(token->secret).has_value());
}

TEST(AccountService, RejectsBadNamesPasswordsAndDuplicates) {
  TestEnv env;
  EXPECT_EQ(env.accounts.AddUser(env.admin_actor, "bad name", Role::kViewer, TestEnv::kPassword)
                .error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(env.accounts.AddUser(env.admin_actor, "alice", Role::kViewer, "short").error().code,
            ErrorCode::kInvalidArgument);
  env.AddUser("alice", Role::kViewer);
  EXPECT_EQ(env.accounts.AddUser(env.admin_actor, "alice", Role::kAdmin, TestEnv::kPassword)
                .error().code,
            ErrorCode::kConflict);
}

// Regression (second review): a lone admin could disable themselves and leave no admin.
TEST(AccountService, NeverDisablesYourselfOrTheLastAdmin) {
  TestEnv env;
  env.AddUser("alice", Role::kAdmin);
  const Actor alice{"alice", "admin", "r"};
  EXPECT_EQ(env.accounts.DisableUser(alice, "alice").error().code, ErrorCode::kConflict);
  EXPECT_EQ(env.accounts.DisableUser(env.admin_actor, "alice").error().code, ErrorCode::kConflict);
  EXPECT_EQ(env.audit_store.entries().back().event.outcome, "error");
  env.AddUser("bob", Role::kAdmin);
  EXPECT_TRUE(env.accounts.DisableUser(alice, "bob").has_value());
  EXPECT_FALSE(env.accounts.DisableUser(env.admin_actor, "ghost").has_value());
  EXPECT_EQ(env.audit_store.entries().back().event.action, "user.disable");
  EXPECT_EQ(env.audit_store.entries().back().event.outcome, "error");
}

TEST(Authenticator, OverlongNamesShareOneThrottleKey) {
  TestEnv env;
  for (int attempt = 0; attempt < 30; ++attempt) {
    (void)env.authenticator.SignIn(std::string(1000, 'a') + std::to_string(attempt), "x",
                                   {"10.0.0." + std::to_string(attempt), "r"});
  }
  EXPECT_LE(env.throttle.TrackedKeys(), 31u);  // one name key, one key per address
}

TEST(AccountService, PasswordChangeEndsSessionsAndTakesEffect) {
  TestEnv env;
  env.AddUser("alice", Role::kViewer);
  auto session = env.authenticator.SignIn("alice", TestEnv::kPassword, kOrigin);
  ASSERT_TRUE(env.accounts.SetPassword(env.admin_actor, "alice", "a brand new password"));
  EXPECT_FALSE(env.authenticator.AuthenticateSession(session->session_token).has_value());
  EXPECT_FALSE(env.authenticator.SignIn("alice", TestEnv::kPassword, kOrigin).has_value());
  EXPECT_TRUE(env.authenticator.SignIn("alice", "a brand new password", kOrigin).has_value());
}

}  // namespace
}  // namespace vigil::core::access
