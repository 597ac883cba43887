// Store ports of the access domain. Adapters live in src/storage/{memory,sqlite}; each method
// exists in every backend and is exercised by tests/conformance.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/types.hpp"
#include "core/common/error.hpp"

namespace vigil::core::access {

class UserStore {
 public:
  virtual ~UserStore() = default;
  // Creates a user; `user.id` is ignored and assigned. kConflict when the name is taken.
  [[nodiscard]] virtual Result<User> CreateUser(const User& user) = 0;
  // kNotFound when no user has that name.
  [[nodiscard]] virtual Result<User> LoadUserByName(std::string_view name) = 0;
  [[nodiscard]] virtual Result<User> LoadUserById(std::int64_t id) = 0;
  // Users with id > after_id in id order, at most `limit`.
  [[nodiscard]] virtual Result<std::vector<User>> ListUsers(std::int64_t after_id,
                                                            std::size_t limit) = 0;
  [[nodiscard]] virtual Result<std::int64_t> CountUsers() = 0;
  // kNotFound when the id is unknown.
  [[nodiscard]] virtual Status SaveUserDisabled(std::int64_t id, bool disabled) = 0;
  [[nodiscard]] virtual Status SavePasswordHash(std::int64_t id, const std::string& hash) = 0;
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;
  [[nodiscard]] virtual Status SaveSession(const Session& session) = 0;
  // kNotFound when no session has that id hash.
  [[nodiscard]] virtual Result<Session> LoadSession(std::string_view id_hash) = 0;
  [[nodiscard]] virtual Status TouchSession(std::string_view id_hash, std::int64_t last_seen_ms) = 0;
  // Deleting a missing session succeeds.
  [[nodiscard]] virtual Status DeleteSession(std::string_view id_hash) = 0;
  [[nodiscard]] virtual Status DeleteUserSessions(std::int64_t user_id) = 0;
  // Deletes sessions whose absolute expiry or idle limit has passed; returns how many.
  [[nodiscard]] virtual Result<std::int64_t> DeleteExpiredSessions(std::int64_t now_ms,
                                                                   std::int64_t idle_ms) = 0;
};

class TokenStore {
 public:
  virtual ~TokenStore() = default;
  // Creates a token record; kConflict when the name is taken.
  [[nodiscard]] virtual Result<ApiToken> CreateToken(const ApiToken& token) = 0;
  // kNotFound when no token has that hash.
  [[nodiscard]] virtual Result<ApiToken> LoadTokenByHash(std::string_view token_hash) = 0;
  [[nodiscard]] virtual Result<std::vector<ApiToken>> ListTokens() = 0;
  // kNotFound when no token has that name.
  [[nodiscard]] virtual Status SaveTokenDisabled(std::string_view name, bool disabled) = 0;
};

}  // namespace vigil::core::access
