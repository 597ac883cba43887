// Account administration: users, their roles and passwords, and API tokens for machine clients.
// The one entry point used by both the CLI (`vigil user ...`, `vigil token add`) and the API.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/audit.hpp"
#include "core/access/keys.hpp"
#include "core/access/password.hpp"
#include "core/access/stores.hpp"
#include "core/common/clock.hpp"
#include "core/common/random.hpp"

namespace vigil::core::access {

struct NewApiToken {
  ApiToken record;
  std::string secret;  // shown once; only its keyed hash is stored
};

// kInvalidArgument unless `name` is 1-64 characters of a-z, A-Z, 0-9, '.', '_' or '-'.
[[nodiscard]] Status ValidateAccountName(std::string_view name);

class AccountService {
 public:
  AccountService(UserStore& users, SessionStore& sessions, TokenStore& tokens, AuditLog& audit,
                 const PasswordHasher& hasher, const Clock& clock, Random& random,
                 const KeyRing& keys)
      : users_(users), sessions_(sessions), tokens_(tokens), audit_(audit), hasher_(hasher),
        clock_(clock), random_(random), keys_(keys) {}

  // kInvalidArgument for a bad name or password; kConflict when the name is taken.
  [[nodiscard]] Result<User> AddUser(const Actor& actor, std::string_view name, Role role,
                                     std::string_view password);
  [[nodiscard]] Result<std::vector<User>> ListUsers(const Actor& actor, std::int64_t after_id,
                                                    std::size_t limit);
  // Disables the account and ends its sessions. kNotFound for an unknown name.
  [[nodiscard]] Result<User> DisableUser(const Actor& actor, std::string_view name);
  // Replaces the password and ends the account's sessions.
  [[nodiscard]] Status SetPassword(const Actor& actor, std::string_view name,
                                   std::string_view password);
  // Creates an API token; the secret is returned once. kConflict when the name is taken.
  [[nodiscard]] Result<NewApiToken> AddToken(const Actor& actor, std::string_view name, Role role);
  [[nodiscard]] Result<std::int64_t> CountUsers() { return users_.CountUsers(); }

 private:
  void Audit(const Actor& actor, std::string_view action, std::string_view object_type,
             std::string_view object_id, bool ok);

  UserStore& users_;
  SessionStore& sessions_;
  TokenStore& tokens_;
  AuditLog& audit_;
  const PasswordHasher& hasher_;
  const Clock& clock_;
  Random& random_;
  const KeyRing& keys_;
};

}  // namespace vigil::core::access
