// `vigil db migrate` and `vigil db backup PATH`.
#include <iostream>

#include "app/context.hpp"
#include "cli/commands.hpp"

namespace vigil::cli {

int RunDbMigrate(const app::Settings& settings, log::Logger& logger) {
  // Opening the context applies every pending migration.
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  std::cout << "database " << settings.db << " is at schema version "
            << storage::sqlite::LatestSchemaVersion() << "\n";
  return kExitOk;
}

int RunDbBackup(const app::Settings& settings, log::Logger& logger, const std::string& target) {
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  if (auto copied = storage::sqlite::BackupTo((*ctx)->db(), target); !copied) {
    return ReportError(copied.error());
  }
  std::cout << "backed up " << settings.db << " to " << target
            << " (the key file is not in the backup: keep a copy of it apart)\n";
  return kExitOk;
}

}  // namespace vigil::cli
