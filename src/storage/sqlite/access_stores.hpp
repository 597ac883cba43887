// SQLite adapters for the access store ports (users, sessions, API tokens, audit log).
#pragma once

#include "core/access/audit.hpp"
#include "core/access/stores.hpp"
#include "storage/sqlite/database.hpp"

namespace vigil::storage::sqlite {

using core::access::ApiToken;
using core::access::AuditEntry;
using core::access::Session;
using core::access::User;

class SqliteUserStore final : public core::access::UserStore {
 public:
  explicit SqliteUserStore(Database& db) : db_(db) {}
  Result<User> CreateUser(const User& user) override;
  Result<User> LoadUserByName(std::string_view name) override;
  Result<User> LoadUserById(std::int64_t id) override;
  Result<std::vector<User>> ListUsers(std::int64_t after_id, std::size_t limit) override;
  Result<std::int64_t> CountUsers() override;
  Status SaveUserDisabled(std::int64_t id, bool disabled) override;
  Status SavePasswordHash(std::int64_t id, const std::string& hash) override;

 private:
  Result<User> LoadOne(std::string_view sql, const std::function<void(Statement&)>& bind);
  Database& db_;
};

class SqliteSessionStore final : public core::access::SessionStore {
 public:
  explicit SqliteSessionStore(Database& db) : db_(db) {}
  Status SaveSession(const Session& session) override;
  Result<Session> LoadSession(std::string_view id_hash) override;
  Status TouchSession(std::string_view id_hash, std::int64_t last_seen_ms) override;
  Status DeleteSession(std::string_view id_hash) override;
  Status DeleteUserSessions(std::int64_t user_id) override;
  Result<std::int64_t> DeleteExpiredSessions(std::int64_t now_ms, std::int64_t idle_ms) override;

 private:
  Database& db_;
};

class SqliteTokenStore final : public core::access::TokenStore {
 public:
  explicit SqliteTokenStore(Database& db) : db_(db) {}
  Result<ApiToken> CreateToken(const ApiToken& token) override;
  Result<ApiToken> LoadTokenByHash(std::string_view token_hash) override;
  Result<std::vector<ApiToken>> ListTokens() override;
  Status SaveTokenDisabled(std::string_view name, bool disabled) override;

 private:
  Database& db_;
};

class SqliteAuditStore final : public core::access::AuditStore {
 public:
  explicit SqliteAuditStore(Database& db) : db_(db) {}
  Result<AuditEntry> AppendAudit(
      const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& seal) override;
  Result<std::vector<AuditEntry>> LoadAudit(std::int64_t after_seq, std::size_t limit) override;

 private:
  Database& db_;
};

}  // namespace vigil::storage::sqlite
