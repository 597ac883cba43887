#include "storage/sqlite/database.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

namespace vigil::storage::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr std::string_view kUniquePrefix = "UNIQUE constraint failed";

tl::unexpected<Error> SqliteError(sqlite3* db, std::string_view what) {
  const int code = sqlite3_extended_errcode(db);
  const ErrorCode mapped =
      (code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_FULL ||
       code == SQLITE_IOERR || code == SQLITE_CANTOPEN || code == SQLITE_READONLY)
          ? ErrorCode::kUnavailable
          : ((code & 0xff) == SQLITE_CONSTRAINT ? ErrorCode::kConflict : ErrorCode::kInternal);
  return MakeError(mapped, std::string(what) + ": " + sqlite3_errmsg(db));
}

}  // namespace

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), cached_in_use_(other.cached_in_use_) {
  other.stmt_ = nullptr;
  other.cached_in_use_ = nullptr;
}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  if (cached_in_use_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    *cached_in_use_ = false;
  } else {
    sqlite3_finalize(stmt_);
  }
}

Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

std::string Statement::ColumnBlob(int index) const {
  const void* blob = sqlite3_column_blob(stmt_, index);
  if (blob == nullptr) return {};
  return {static_cast<const char*>(blob), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index))};
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, "database step failed");
}

Status Statement::Run() {
  for (;;) {
    auto row = Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return {};
  }
}

std::int64_t Statement::ColumnInt(int index) const { return sqlite3_column_int64(stmt_, index); }

std::string Statement::ColumnText(int index) const {
  const auto* text = sqlite3_column_text(stmt_, index);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index))};
}

bool Statement::ColumnIsNull(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  if (path != ":memory:") {
    const auto parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) {
      return MakeError(ErrorCode::kUnavailable,
                       "cannot create the database folder " + parent.string() + ": " + ec.message());
    }
  }
  sqlite3* handle = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &handle,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    std::string reason = handle != nullptr ? sqlite3_errmsg(handle) : "out of memory";
    sqlite3_close(handle);
    return MakeError(ErrorCode::kUnavailable, "cannot open the database " + path + ": " + reason);
  }
  std::unique_ptr<Database> db(new Database(handle, path));
  sqlite3_busy_timeout(handle, kBusyTimeoutMs);
  sqlite3_extended_result_codes(handle, 1);
  for (std::string_view pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON",
                                  "PRAGMA synchronous=NORMAL"}) {
    if (auto done = db->Exec(pragma); !done) return tl::unexpected(done.error());
  }
  return db;
}

Database::~Database() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  sqlite3_close_v2(db_);
}

Status Database::Exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string reason = message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    auto error = SqliteError(db_, "database statement failed");
    error.value().message = "database statement failed: " + reason;
    return error;
  }
  return {};
}

Result<Statement> Database::Prepare(std::string_view sql) {
  auto found = cache_.find(sql);
  if (found != cache_.end() && !found->second.in_use) {
    found->second.in_use = true;
    return Statement(db_, found->second.stmt, &found->second.in_use);
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    return SqliteError(db_, "cannot prepare a database statement");
  }
  if (found == cache_.end()) {
    CachedStatement& cached = cache_[std::string(sql)];
    cached.stmt = stmt;
    cached.in_use = true;
    return Statement(db_, stmt, &cached.in_use);
  }
  return Statement(db_, stmt);
}

std::int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

bool Database::IsUniqueViolation(const Error& error) {
  return error.code == ErrorCode::kConflict &&
         error.message.find(kUniquePrefix) != std::string::npos;
}

Result<Transaction> Transaction::Begin(Database& db) {
  if (auto begun = db.Exec("BEGIN IMMEDIATE"); !begun) return tl::unexpected(begun.error());
  return Transaction(db);
}

Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  auto committed = db_->Exec("COMMIT");
  if (committed) db_ = nullptr;
  return committed;
}

Status BackupTo(Database& db, const std::string& target_path) {
  if (std::filesystem::exists(target_path)) {
    return MakeError(ErrorCode::kConflict, "the backup target exists already: " + target_path);
  }
  sqlite3* target = nullptr;
  if (sqlite3_open_v2(target_path.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    std::string reason = target != nullptr ? sqlite3_errmsg(target) : "out of memory";
    sqlite3_close(target);
    return MakeError(ErrorCode::kUnavailable, "cannot create the backup file: " + reason);
  }
  const std::lock_guard lock(db.mutex());
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", db.handle(), "main");
  if (backup == nullptr) {
    std::string reason = sqlite3_errmsg(target);
    sqlite3_close(target);
    std::filesystem::remove(target_path);
    return MakeError(ErrorCode::kInternal, "cannot start the backup: " + reason);
  }
  // One step copies everything while holding a read transaction on the source, so the copy
  // is a consistent snapshot even while another process writes.
  const int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  const bool ok = rc == SQLITE_DONE;
  std::string reason = ok ? "" : sqlite3_errmsg(target);
  sqlite3_close(target);
  if (!ok) {
    std::filesystem::remove(target_path);
    return MakeError(ErrorCode::kUnavailable, "the backup failed: " + reason);
  }
  return {};
}

Status Ping(Database& db) {
  const std::lock_guard lock(db.mutex());
  auto stmt = db.Prepare("SELECT 1");
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  return {};
}

}  // namespace vigil::storage::sqlite
