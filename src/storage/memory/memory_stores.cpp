#include "storage/memory/memory_stores.hpp"

#include <algorithm>

namespace vigil::storage::memory {
namespace {

tl::unexpected<Error> NotFound(std::string_view what) {
  return MakeError(ErrorCode::kNotFound, std::string(what) + " not found");
}

}  // namespace

Result<User> MemoryUserStore::CreateUser(const User& user) {
  const std::lock_guard lock(mutex_);
  for (const auto& [id, existing] : users_) {
    if (existing.name == user.name) {
      return MakeError(ErrorCode::kConflict, "a user with this name exists already");
    }
  }
  User stored = user;
  stored.id = next_id_++;
  users_[stored.id] = stored;
  return stored;
}

Result<User> MemoryUserStore::LoadUserByName(std::string_view name) {
  const std::lock_guard lock(mutex_);
  for (const auto& [id, user] : users_) {
    if (user.name == name) return user;
  }
  return NotFound("user");
}

Result<User> MemoryUserStore::LoadUserById(std::int64_t id) {
  const std::lock_guard lock(mutex_);
  auto found = users_.find(id);
  if (found == users_.end()) return NotFound("user");
  return found->second;
}

Result<std::vector<User>> MemoryUserStore::ListUsers(std::int64_t after_id, std::size_t limit) {
  const std::lock_guard lock(mutex_);
  std::vector<User> out;
  for (auto it = users_.upper_bound(after_id); it != users_.end() && out.size() < limit; ++it) {
    out.push_back(it->second);
  }
  return out;
}

Result<std::int64_t> MemoryUserStore::CountUsers() {
  const std::lock_guard lock(mutex_);
  return static_cast<std::int64_t>(users_.size());
}

Status MemoryUserStore::SaveUserDisabled(std::int64_t id, bool disabled) {
  const std::lock_guard lock(mutex_);
  auto found = users_.find(id);
  if (found == users_.end()) return NotFound("user");
  found->second.disabled = disabled;
  return {};
}

Status MemoryUserStore::SavePasswordHash(std::int64_t id, const std::string& hash) {
  const std::lock_guard lock(mutex_);
  auto found = users_.find(id);
  if (found == users_.end()) return NotFound("user");
  found->second.password_hash = hash;
  return {};
}

Status MemorySessionStore::SaveSession(const Session& session) {
  const std::lock_guard lock(mutex_);
  sessions_[session.id_hash] = session;
  return {};
}

Result<Session> MemorySessionStore::LoadSession(std::string_view id_hash) {
  const std::lock_guard lock(mutex_);
  auto found = sessions_.find(id_hash);
  if (found == sessions_.end()) return NotFound("session");
  return found->second;
}

Status MemorySessionStore::TouchSession(std::string_view id_hash, std::int64_t last_seen_ms) {
  const std::lock_guard lock(mutex_);
  auto found = sessions_.find(id_hash);
  if (found == sessions_.end()) return NotFound("session");
  found->second.last_seen_ms = last_seen_ms;
  return {};
}

Status MemorySessionStore::DeleteSession(std::string_view id_hash) {
  const std::lock_guard lock(mutex_);
  if (auto found = sessions_.find(id_hash); found != sessions_.end()) sessions_.erase(found);
  return {};
}

Status MemorySessionStore::DeleteUserSessions(std::int64_t user_id) {
  const std::lock_guard lock(mutex_);
  std::erase_if(sessions_, [user_id](const auto& item) { return item.second.user_id == user_id; });
  return {};
}

Result<std::int64_t> MemorySessionStore::DeleteExpiredSessions(std::int64_t now_ms,
                                                               std::int64_t idle_ms) {
  const std::lock_guard lock(mutex_);
  return static_cast<std::int64_t>(std::erase_if(sessions_, [&](const auto& item) {
    return item.second.expires_ms <= now_ms || item.second.last_seen_ms + idle_ms <= now_ms;
  }));
}

Result<ApiToken> MemoryTokenStore::CreateToken(const ApiToken& token) {
  const std::lock_guard lock(mutex_);
  for (const ApiToken& existing : tokens_) {
    if (existing.name == token.name) {
      return MakeError(ErrorCode::kConflict, "a token with this name exists already");
    }
  }
  ApiToken stored = token;
  stored.id = static_cast<std::int64_t>(tokens_.size()) + 1;
  tokens_.push_back(stored);
  return stored;
}

Result<ApiToken> MemoryTokenStore::LoadTokenByHash(std::string_view token_hash) {
  const std::lock_guard lock(mutex_);
  for (const ApiToken& token : tokens_) {
    if (token.token_hash == token_hash) return token;
  }
  return NotFound("token");
}

Result<std::vector<ApiToken>> MemoryTokenStore::ListTokens() {
  const std::lock_guard lock(mutex_);
  return tokens_;
}

Status MemoryTokenStore::SaveTokenDisabled(std::string_view name, bool disabled) {
  const std::lock_guard lock(mutex_);
  for (ApiToken& token : tokens_) {
    if (token.name == name) {
      token.disabled = disabled;
      return {};
    }
  }
  return NotFound("token");
}

Result<AuditEntry> MemoryAuditStore::AppendAudit(
    const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& seal) {
  const std::lock_guard lock(mutex_);
  std::optional<AuditEntry> last;
  if (!entries_.empty()) last = entries_.back();
  entries_.push_back(seal(last));
  return entries_.back();
}

Result<std::vector<AuditEntry>> MemoryAuditStore::LoadAudit(std::int64_t after_seq,
                                                            std::size_t limit) {
  const std::lock_guard lock(mutex_);
  std::vector<AuditEntry> out;
  for (const AuditEntry& entry : entries_) {
    if (entry.seq > after_seq && out.size() < limit) out.push_back(entry);
  }
  return out;
}

Result<std::optional<AuditHead>> MemoryAuditHeadStore::LoadHead() {
  const std::lock_guard lock(mutex_);
  return head_;
}

Status MemoryAuditHeadStore::SaveHead(const AuditHead& head) {
  const std::lock_guard lock(mutex_);
  if (!head_ || head_->seq < head.seq) head_ = head;
  return {};
}

Result<std::string> MemoryAssessmentStore::SaveAssessment(
    const core::identify::StoredAssessment& record) {
  const std::lock_guard lock(mutex_);
  const std::string id = "a" + std::to_string(records_.size() + 1);
  auto& stored = records_[id] = record;
  stored.id = id;
  return id;
}

Result<core::identify::StoredAssessment> MemoryAssessmentStore::LoadAssessment(const std::string& id) {
  const std::lock_guard lock(mutex_);
  auto found = records_.find(id);
  if (found == records_.end()) return NotFound("assessment");
  return found->second;
}

}  // namespace vigil::storage::memory
