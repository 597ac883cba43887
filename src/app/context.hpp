// The composition root: opens the database (creating and migrating it when needed), loads or
// creates the key file, and wires the stores and services every command and the server use.
#pragma once

#include <memory>
#include <optional>

#include "app/settings.hpp"
#include "core/access/accounts.hpp"
#include "core/access/authenticator.hpp"
#include "core/warn/catalogue.hpp"
#include "log/log.hpp"
#include "storage/file/audit_head_file.hpp"
#include "storage/sqlite/access_stores.hpp"
#include "storage/sqlite/assessment_store.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/sqlite/series_store.hpp"

namespace vigil::app {

class Context {
 public:
  // Opens everything; logs (without secrets) when it creates the key file.
  // kUnavailable when the database or key file cannot be opened; kInvalidArgument for a bad
  // key file.
  [[nodiscard]] static Result<std::unique_ptr<Context>> Open(const Settings& settings,
                                                             log::Logger& logger);

  const Settings& settings() const { return settings_; }
  storage::sqlite::Database& db() { return *db_; }
  core::access::AccountService& accounts() { return *accounts_; }
  core::access::Authenticator& authenticator() { return *authenticator_; }
  core::access::AuditLog& audit() { return *audit_; }
  core::access::SessionStore& sessions() { return *sessions_; }
  core::identify::AssessmentStore& assessments() { return *assessments_; }
  // Early-warning series, in the same database.
  core::warn::SeriesStore& series() { return *series_; }
  // The indicator catalogue, read from <data>/warn/indicators.yaml on first use and kept.
  // kNotFound when the file is missing; kInvalidArgument (every problem with file and line)
  // when it has errors; kUnavailable when it cannot be read.
  [[nodiscard]] Result<const core::warn::Catalogue*> WarnCatalogue();
  Random& random() { return random_; }
  // The key ring derived from the key file (never logged, never stored).
  const core::access::KeyRing& keys() const { return keys_; }
  const Clock& clock() const { return clock_; }

 private:
  explicit Context(Settings settings) : settings_(std::move(settings)) {}

  Settings settings_;
  SystemClock clock_;
  SecureRandom random_;
  core::access::KeyRing keys_{};
  std::unique_ptr<core::access::PasswordHasher> hasher_;
  std::unique_ptr<storage::sqlite::Database> db_;
  std::unique_ptr<storage::sqlite::SqliteUserStore> users_;
  std::unique_ptr<storage::sqlite::SqliteSessionStore> sessions_;
  std::unique_ptr<storage::sqlite::SqliteTokenStore> tokens_;
  std::unique_ptr<storage::sqlite::SqliteAuditStore> audit_store_;
  std::unique_ptr<storage::file::FileAuditHeadStore> audit_head_;
  std::unique_ptr<core::access::AuditLog> audit_;
  std::unique_ptr<core::access::SignInThrottle> throttle_;
  std::unique_ptr<core::access::AccountService> accounts_;
  std::unique_ptr<core::access::Authenticator> authenticator_;
  std::unique_ptr<FieldCipher> field_cipher_;
  std::unique_ptr<storage::sqlite::SqliteAssessmentStore> assessments_;
  std::unique_ptr<storage::sqlite::SqliteSeriesStore> series_;
  std::optional<core::warn::Catalogue> warn_catalogue_;
};

}  // namespace vigil::app
