// A complete access environment on in-memory stores, a fake clock and deterministic-enough
// randomness, for unit tests of the core services and the HTTP pipeline.
#pragma once

#include <array>
#include <memory>

#include "core/access/accounts.hpp"
#include "core/access/authenticator.hpp"
#include "core/common/clock.hpp"
#include "storage/memory/memory_stores.hpp"

namespace vigil::storage::memory {

struct TestEnv {
  FakeClock clock;
  SecureRandom random;
  core::access::KeyRing keys = *core::access::DeriveKeyRing(std::array<std::uint8_t, 32>{7});
  core::access::PasswordHasher hasher{core::access::PasswordCost::MinimumForTests()};
  MemoryUserStore users;
  MemorySessionStore sessions;
  MemoryTokenStore tokens;
  MemoryAuditStore audit_store;
  MemoryAuditHeadStore audit_head;
  core::access::AuditLog audit{audit_store, audit_head, clock, keys.audit};
  core::access::SignInThrottle throttle{clock, core::access::ThrottlePolicy{}};
  core::access::AccountService accounts{users, sessions, tokens, audit, hasher,
                                        clock, random,   keys};
  core::access::Authenticator authenticator{users,  sessions, tokens, audit, throttle,
                                            hasher, clock,    random, keys,  core::access::SessionPolicy{}};

  static constexpr std::string_view kPassword = "a long enough password";
  const core::access::Actor admin_actor{"cli", "admin", "test"};

  // Creates a user with kPassword; aborts the test binary on failure (a broken fixture).
  core::access::User AddUser(std::string_view name, core::access::Role role) {
    auto user = accounts.AddUser(admin_actor, name, role, kPassword);
    if (!user) std::abort();
    return *user;
  }
};

}  // namespace vigil::storage::memory
