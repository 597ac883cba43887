// In-memory implementations of the access store ports, for unit tests and the conformance suite.
// Each is thread-safe behind one mutex.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/access/audit.hpp"
#include "core/access/stores.hpp"
#include "core/identify/catalog.hpp"

namespace vigil::storage::memory {

using core::access::ApiToken;
using core::access::AuditEntry;
using core::access::AuditHead;
using core::access::Session;
using core::access::User;

class MemoryUserStore final : public core::access::UserStore {
 public:
  Result<User> CreateUser(const User& user) override;
  Result<User> LoadUserByName(std::string_view name) override;
  Result<User> LoadUserById(std::int64_t id) override;
  Result<std::vector<User>> ListUsers(std::int64_t after_id, std::size_t limit) override;
  Result<std::int64_t> CountUsers() override;
  Status SaveUserDisabled(std::int64_t id, bool disabled) override;
  Status SavePasswordHash(std::int64_t id, const std::string& hash) override;

 private:
  std::mutex mutex_;
  std::map<std::int64_t, User> users_;
  std::int64_t next_id_ = 1;
};

class MemorySessionStore final : public core::access::SessionStore {
 public:
  Status SaveSession(const Session& session) override;
  Result<Session> LoadSession(std::string_view id_hash) override;
  Status TouchSession(std::string_view id_hash, std::int64_t last_seen_ms) override;
  Status DeleteSession(std::string_view id_hash) override;
  Status DeleteUserSessions(std::int64_t user_id) override;
  Result<std::int64_t> DeleteExpiredSessions(std::int64_t now_ms, std::int64_t idle_ms) override;

 private:
  std::mutex mutex_;
  std::map<std::string, Session, std::less<>> sessions_;
};

class MemoryTokenStore final : public core::access::TokenStore {
 public:
  Result<ApiToken> CreateToken(const ApiToken& token) override;
  Result<ApiToken> LoadTokenByHash(std::string_view token_hash) override;
  Result<std::vector<ApiToken>> ListTokens() override;
  Status SaveTokenDisabled(std::string_view name, bool disabled) override;

 private:
  std::mutex mutex_;
  std::vector<ApiToken> tokens_;
};

class MemoryAuditStore final : public core::access::AuditStore {
 public:
  Result<AuditEntry> AppendAudit(
      const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& seal) override;
  Result<std::vector<AuditEntry>> LoadAudit(std::int64_t after_seq, std::size_t limit) override;

  // Direct access for tests that tamper with the log behind the service's back.
  std::vector<AuditEntry>& entries() { return entries_; }

 private:
  std::mutex mutex_;
  std::vector<AuditEntry> entries_;
};

class MemoryAuditHeadStore final : public core::access::AuditHeadStore {
 public:
  Result<std::optional<AuditHead>> LoadHead() override;
  Status SaveHead(const AuditHead& head) override;
  std::optional<AuditHead>& head() { return head_; }

 private:
  std::mutex mutex_;
  std::optional<AuditHead> head_;
};

class MemoryAssessmentStore final : public core::identify::AssessmentStore {
 public:
  Result<std::string> SaveAssessment(const core::identify::StoredAssessment& record) override;
  Result<core::identify::StoredAssessment> LoadAssessment(const std::string& id) override;
  std::size_t size() const { return records_.size(); }

 private:
  std::mutex mutex_;
  std::map<std::string, core::identify::StoredAssessment> records_;
};

}  // namespace vigil::storage::memory
