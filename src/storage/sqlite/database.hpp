// A thin RAII layer over one SQLite connection: open with the pragmas Vigil relies on (WAL,
// foreign keys, busy timeout), prepared statements, and transactions. Only src/storage/sqlite
// sees SQLite.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace vigil::storage::sqlite {

class Statement {
 public:
  // `cached`: the statement belongs to the connection's cache and is reset, not finalized,
  // when this handle goes away.
  Statement(sqlite3* db, sqlite3_stmt* stmt, bool* cached_in_use = nullptr)
      : db_(db), stmt_(stmt), cached_in_use_(cached_in_use) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite.
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view value);
  Statement& BindNull(int index);
  Statement& BindBlob(int index, std::string_view bytes);
  // Returns true when a row is available, false when done.
  [[nodiscard]] Result<bool> Step();
  // Runs to completion, for statements that return no rows.
  [[nodiscard]] Status Run();

  [[nodiscard]] std::int64_t ColumnInt(int index) const;
  [[nodiscard]] std::string ColumnText(int index) const;
  [[nodiscard]] bool ColumnIsNull(int index) const;
  [[nodiscard]] std::string ColumnBlob(int index) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool* cached_in_use_;
};

class Database {
 public:
  // Opens (creating when missing) the database at `path`, creating its parent folder, and sets
  // WAL mode, foreign keys and a busy timeout. kUnavailable with SQLite's reason on failure.
  [[nodiscard]] static Result<std::unique_ptr<Database>> Open(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // REQUIRES: the caller holds mutex() for every use of the connection.
  [[nodiscard]] Status Exec(std::string_view sql);
  // Returns a prepared statement, from the connection's cache when this SQL was prepared before
  // and is not in use (prepared statements are reused: parsing SQL costs more than running it).
  [[nodiscard]] Result<Statement> Prepare(std::string_view sql);
  [[nodiscard]] std::int64_t LastInsertId() const;
  // True when the last failure was a UNIQUE constraint violation.
  [[nodiscard]] static bool IsUniqueViolation(const Error& error);

  std::mutex& mutex() { return mutex_; }
  [[nodiscard]] const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  struct CachedStatement {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  sqlite3* db_;
  std::string path_;
  std::mutex mutex_;
  std::map<std::string, CachedStatement, std::less<>> cache_;
};

// A transaction that rolls back unless committed. BEGIN IMMEDIATE takes the write lock at once,
// so that read-then-write sequences (the audit chain) are atomic across processes.
class Transaction {
 public:
  // REQUIRES: the caller holds db.mutex().
  [[nodiscard]] static Result<Transaction> Begin(Database& db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  ~Transaction();
  [[nodiscard]] Status Commit();

 private:
  explicit Transaction(Database& db) : db_(&db) {}
  Database* db_;
};

// Applies every numbered migration not yet applied, each in its own transaction.
// Returns how many were applied.
[[nodiscard]] Result<int> Migrate(Database& db);

// The highest migration version the code knows.
[[nodiscard]] int LatestSchemaVersion();

// Writes a consistent copy of the live database to `target_path` (SQLite online backup), while
// other connections may keep writing. kConflict when the target exists already.
[[nodiscard]] Status BackupTo(Database& db, const std::string& target_path);

// Runs a trivial query; for readiness checks.
[[nodiscard]] Status Ping(Database& db);

}  // namespace vigil::storage::sqlite
