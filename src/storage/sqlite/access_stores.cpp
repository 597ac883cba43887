#include "storage/sqlite/access_stores.hpp"

namespace vigil::storage::sqlite {
namespace {

using core::access::ParseRole;
using core::access::Role;
using core::access::RoleName;

constexpr std::string_view kUserColumns =
    "SELECT id, name, role, password_hash, disabled, created_ms FROM users ";
constexpr std::string_view kTokenColumns =
    "SELECT id, name, role, token_hash, disabled, created_ms FROM api_tokens ";
constexpr std::string_view kAuditColumns =
    "SELECT seq, time_ms, actor, role, action, object_type, object_id, outcome, request_id, "
    "prev_hash, hash FROM audit_log ";

Result<Role> ReadRole(const Statement& stmt, int column) {
  auto role = ParseRole(stmt.ColumnText(column));
  if (!role) return MakeError(ErrorCode::kInternal, "the database holds an unknown role");
  return *role;
}

Result<User> ReadUser(const Statement& stmt) {
  auto role = ReadRole(stmt, 2);
  if (!role) return tl::unexpected(role.error());
  return User{stmt.ColumnInt(0), stmt.ColumnText(1), *role, stmt.ColumnText(3),
              stmt.ColumnInt(4) != 0, stmt.ColumnInt(5)};
}

Result<ApiToken> ReadToken(const Statement& stmt) {
  auto role = ReadRole(stmt, 2);
  if (!role) return tl::unexpected(role.error());
  return ApiToken{stmt.ColumnInt(0), stmt.ColumnText(1), *role, stmt.ColumnText(3),
                  stmt.ColumnInt(4) != 0, stmt.ColumnInt(5)};
}

AuditEntry ReadAudit(const Statement& stmt) {
  AuditEntry entry;
  entry.seq = stmt.ColumnInt(0);
  entry.time_ms = stmt.ColumnInt(1);
  entry.event = {stmt.ColumnText(2), stmt.ColumnText(3), stmt.ColumnText(4), stmt.ColumnText(5),
                 stmt.ColumnText(6), stmt.ColumnText(7), stmt.ColumnText(8)};
  entry.prev_hash = stmt.ColumnText(9);
  entry.hash = stmt.ColumnText(10);
  return entry;
}

// Runs a statement that changes rows and reports kNotFound when it changed none.
Status RunChange(Database& db, Statement& stmt, std::string_view what) {
  if (auto ran = stmt.Run(); !ran) return ran;
  auto changes = db.Prepare("SELECT changes()");
  if (!changes) return tl::unexpected(changes.error());
  if (auto row = changes->Step(); !row) return tl::unexpected(row.error());
  if (changes->ColumnInt(0) == 0) {
    return MakeError(ErrorCode::kNotFound, std::string(what) + " not found");
  }
  return {};
}

tl::unexpected<Error> ConflictOr(const Error& error, std::string_view message) {
  if (Database::IsUniqueViolation(error)) return MakeError(ErrorCode::kConflict, std::string(message));
  return tl::unexpected(error);
}

}  // namespace

Result<User> SqliteUserStore::LoadOne(std::string_view sql,
                                      const std::function<void(Statement&)>& bind) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(sql);
  if (!stmt) return tl::unexpected(stmt.error());
  bind(*stmt);
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return MakeError(ErrorCode::kNotFound, "user not found");
  return ReadUser(*stmt);
}

Result<User> SqliteUserStore::CreateUser(const User& user) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(
      "INSERT INTO users(name, role, password_hash, disabled, created_ms) VALUES(?,?,?,?,?)");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, user.name)
      .Bind(2, RoleName(user.role))
      .Bind(3, user.password_hash)
      .Bind(4, std::int64_t{user.disabled ? 1 : 0})
      .Bind(5, user.created_ms);
  if (auto ran = stmt->Run(); !ran) {
    return ConflictOr(ran.error(), "a user with this name exists already");
  }
  User stored = user;
  stored.id = db_.LastInsertId();
  return stored;
}

Result<User> SqliteUserStore::LoadUserByName(std::string_view name) {
  return LoadOne(std::string(kUserColumns) + "WHERE name = ?",
                 [&](Statement& stmt) { stmt.Bind(1, name); });
}

Result<User> SqliteUserStore::LoadUserById(std::int64_t id) {
  return LoadOne(std::string(kUserColumns) + "WHERE id = ?",
                 [&](Statement& stmt) { stmt.Bind(1, id); });
}

Result<std::vector<User>> SqliteUserStore::ListUsers(std::int64_t after_id, std::size_t limit) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(std::string(kUserColumns) + "WHERE id > ? ORDER BY id LIMIT ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, after_id).Bind(2, static_cast<std::int64_t>(limit));
  std::vector<User> users;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto user = ReadUser(*stmt);
    if (!user) return tl::unexpected(user.error());
    users.push_back(std::move(*user));
  }
  return users;
}

Result<std::int64_t> SqliteUserStore::CountUsers() {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare("SELECT COUNT(*) FROM users");
  if (!stmt) return tl::unexpected(stmt.error());
  if (auto row = stmt->Step(); !row) return tl::unexpected(row.error());
  return stmt->ColumnInt(0);
}

Status SqliteUserStore::SaveUserDisabled(std::int64_t id, bool disabled) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare("UPDATE users SET disabled = ? WHERE id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, std::int64_t{disabled ? 1 : 0}).Bind(2, id);
  return RunChange(db_, *stmt, "user");
}

Status SqliteUserStore::SavePasswordHash(std::int64_t id, const std::string& hash) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare("UPDATE users SET password_hash = ? WHERE id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, hash).Bind(2, id);
  return RunChange(db_, *stmt, "user");
}

Status SqliteSessionStore::SaveSession(const Session& session) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(
      "INSERT INTO sessions(id_hash, user_id, csrf_token, created_ms, last_seen_ms, expires_ms) "
      "VALUES(?,?,?,?,?,?)");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, session.id_hash)
      .Bind(2, session.user_id)
      .Bind(3, session.csrf_token)
      .Bind(4, session.created_ms)
      .Bind(5, session.last_seen_ms)
      .Bind(6, session.expires_ms);
  return stmt->Run();
}

Result<Session> SqliteSessionStore::LoadSession(std::string_view id_hash) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(
      "SELECT id_hash, user_id, csrf_token, created_ms, last_seen_ms, expires_ms FROM sessions "
      "WHERE id_hash = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id_hash);
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return MakeError(ErrorCode::kNotFound, "session not found");
  return Session{stmt->ColumnText(0), stmt->ColumnInt(1), stmt->ColumnText(2),
                 stmt->ColumnInt(3),  stmt->ColumnInt(4), stmt->ColumnInt(5)};
}

Status SqliteSessionStore::TouchSession(std::string_view id_hash, std::int64_t last_seen_ms) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare("UPDATE sessions SET last_seen_ms = ? WHERE id_hash = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, last_seen_ms).Bind(2, id_hash);
  return RunChange(db_, *stmt, "session");
}

Status SqliteSessionStore::DeleteSession(std::string_view id_hash) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare("DELETE FROM sessions WHERE id_hash = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id_hash);
  return stmt->Run();
}

Status SqliteSessionStore::DeleteUserSessions(std::int64_t user_id) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare("DELETE FROM sessions WHERE user_id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, user_id);
  return stmt->Run();
}

Result<std::int64_t> SqliteSessionStore::DeleteExpiredSessions(std::int64_t now_ms,
                                                               std::int64_t idle_ms) {
  const std::lock_guard lock(db_.mutex());
  auto stmt =
      db_.Prepare("DELETE FROM sessions WHERE expires_ms <= ? OR last_seen_ms + ? <= ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, now_ms).Bind(2, idle_ms).Bind(3, now_ms);
  if (auto ran = stmt->Run(); !ran) return tl::unexpected(ran.error());
  auto changes = db_.Prepare("SELECT changes()");
  if (!changes) return tl::unexpected(changes.error());
  if (auto row = changes->Step(); !row) return tl::unexpected(row.error());
  return changes->ColumnInt(0);
}

Result<ApiToken> SqliteTokenStore::CreateToken(const ApiToken& token) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(
      "INSERT INTO api_tokens(name, role, token_hash, disabled, created_ms) VALUES(?,?,?,?,?)");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, token.name)
      .Bind(2, RoleName(token.role))
      .Bind(3, token.token_hash)
      .Bind(4, std::int64_t{token.disabled ? 1 : 0})
      .Bind(5, token.created_ms);
  if (auto ran = stmt->Run(); !ran) {
    return ConflictOr(ran.error(), "a token with this name exists already");
  }
  ApiToken stored = token;
  stored.id = db_.LastInsertId();
  return stored;
}

Result<ApiToken> SqliteTokenStore::LoadTokenByHash(std::string_view token_hash) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(std::string(kTokenColumns) + "WHERE token_hash = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, token_hash);
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return MakeError(ErrorCode::kNotFound, "token not found");
  return ReadToken(*stmt);
}

Result<std::vector<ApiToken>> SqliteTokenStore::ListTokens() {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(std::string(kTokenColumns) + "ORDER BY id");
  if (!stmt) return tl::unexpected(stmt.error());
  std::vector<ApiToken> tokens;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto token = ReadToken(*stmt);
    if (!token) return tl::unexpected(token.error());
    tokens.push_back(std::move(*token));
  }
  return tokens;
}

Status SqliteTokenStore::SaveTokenDisabled(std::string_view name, bool disabled) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare("UPDATE api_tokens SET disabled = ? WHERE name = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, std::int64_t{disabled ? 1 : 0}).Bind(2, name);
  return RunChange(db_, *stmt, "token");
}

Result<AuditEntry> SqliteAuditStore::AppendAudit(
    const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& seal) {
  const std::lock_guard lock(db_.mutex());
  auto tx = Transaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  auto last_stmt = db_.Prepare(std::string(kAuditColumns) + "ORDER BY seq DESC LIMIT 1");
  if (!last_stmt) return tl::unexpected(last_stmt.error());
  auto row = last_stmt->Step();
  if (!row) return tl::unexpected(row.error());
  std::optional<AuditEntry> last;
  if (*row) last = ReadAudit(*last_stmt);
  const AuditEntry entry = seal(last);
  auto insert = db_.Prepare(
      "INSERT INTO audit_log(seq, time_ms, actor, role, action, object_type, object_id, outcome, "
      "request_id, prev_hash, hash) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  if (!insert) return tl::unexpected(insert.error());
  insert->Bind(1, entry.seq)
      .Bind(2, entry.time_ms)
      .Bind(3, entry.event.actor)
      .Bind(4, entry.event.role)
      .Bind(5, entry.event.action)
      .Bind(6, entry.event.object_type)
      .Bind(7, entry.event.object_id)
      .Bind(8, entry.event.outcome)
      .Bind(9, entry.event.request_id)
      .Bind(10, entry.prev_hash)
      .Bind(11, entry.hash);
  if (auto ran = insert->Run(); !ran) return tl::unexpected(ran.error());
  if (auto committed = tx->Commit(); !committed) return tl::unexpected(committed.error());
  return entry;
}

Result<std::vector<AuditEntry>> SqliteAuditStore::LoadAudit(std::int64_t after_seq,
                                                            std::size_t limit) {
  const std::lock_guard lock(db_.mutex());
  auto stmt = db_.Prepare(std::string(kAuditColumns) + "WHERE seq > ? ORDER BY seq LIMIT ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, after_seq).Bind(2, static_cast<std::int64_t>(limit));
  std::vector<AuditEntry> entries;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    entries.push_back(ReadAudit(*stmt));
  }
  return entries;
}

}  // namespace vigil::storage::sqlite
