// Numbered migrations, embedded in the binary from migrations/NNNN_name.sql.
#include <chrono>
#include <string_view>
#include <vector>

#include "storage/sqlite/database.hpp"

namespace vigil::embedded {
std::string_view migration_0001_access();
std::string_view migration_0002_identify();
std::string_view migration_0003_warn_series();
std::string_view migration_0004_warn_alerts();
std::string_view migration_0005_monitor();
}

namespace vigil::storage::sqlite {
namespace {

struct Migration {
  int version;
  std::string_view (*sql)();
};

// Append new migrations here; never edit or renumber one that has shipped.
const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> migrations = {
      {1, &embedded::migration_0001_access},
      {2, &embedded::migration_0002_identify},
      {3, &embedded::migration_0003_warn_series},
      {4, &embedded::migration_0004_warn_alerts},
      {5, &embedded::migration_0005_monitor},
  };
  return migrations;
}

Result<int> CurrentVersion(Database& db) {
  auto stmt = db.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  return static_cast<int>(stmt->ColumnInt(0));
}

}  // namespace

int LatestSchemaVersion() { return AllMigrations().back().version; }

Result<int> Migrate(Database& db) {
  const std::lock_guard lock(db.mutex());
  if (auto made = db.Exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                          "version INTEGER PRIMARY KEY, applied_ms INTEGER NOT NULL)");
      !made) {
    return tl::unexpected(made.error());
  }
  int applied = 0;
  for (const Migration& migration : AllMigrations()) {
    auto tx = Transaction::Begin(db);
    if (!tx) return tl::unexpected(tx.error());
    // Read the version inside the write transaction: two processes starting together must
    // not both apply the same migration.
    auto current = CurrentVersion(db);
    if (!current) return tl::unexpected(current.error());
    if (migration.version <= *current) continue;
    if (auto done = db.Exec(migration.sql()); !done) {
      return MakeError(done.error().code, "migration " + std::to_string(migration.version) +
                                              " failed: " + done.error().message);
    }
    auto record = db.Prepare("INSERT INTO schema_migrations(version, applied_ms) VALUES(?, ?)");
    if (!record) return tl::unexpected(record.error());
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    record->Bind(1, static_cast<std::int64_t>(migration.version)).Bind(2, now.count());
    if (auto ran = record->Run(); !ran) return tl::unexpected(ran.error());
    if (auto committed = tx->Commit(); !committed) return tl::unexpected(committed.error());
    ++applied;
  }
  if (auto current = CurrentVersion(db); current && *current > LatestSchemaVersion()) {
    return MakeError(ErrorCode::kUnavailable,
                     "the database was migrated by a newer Vigil (schema version " +
                         std::to_string(*current) + "); upgrade this binary");
  }
  return applied;
}

}  // namespace vigil::storage::sqlite
