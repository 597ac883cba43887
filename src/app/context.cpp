#include "app/context.hpp"

#include <sodium.h>

#include <fstream>
#include <sstream>

#include "codec/yaml/indicators_yaml.hpp"

#include "storage/file/key_file.hpp"

namespace vigil::app {

Result<std::unique_ptr<Context>> Context::Open(const Settings& settings, log::Logger& logger) {
  if (sodium_init() < 0) return MakeError(ErrorCode::kInternal, "libsodium failed to start");
  std::unique_ptr<Context> ctx(new Context(settings));

  auto key_file = storage::file::LoadOrCreateKeyFile(settings.KeyFilePath());
  if (!key_file) return tl::unexpected(key_file.error());
  if (key_file->created) {
    logger.Warn("created a new key file; back it up and keep it apart from the database in "
                "production",
                {{"key_file", std::string_view(settings.KeyFilePath())}});
  }
  if (key_file->readable_by_others) {
    logger.Warn("the key file is readable by other users; chmod 600 it",
                {{"key_file", std::string_view(settings.KeyFilePath())}});
  }
  auto keys = core::access::DeriveKeyRing(key_file->master);
  sodium_memzero(key_file->master.data(), key_file->master.size());
  if (!keys) return tl::unexpected(keys.error());
  ctx->keys_ = *keys;

  auto db = storage::sqlite::Database::Open(settings.db);
  if (!db) return tl::unexpected(db.error());
  ctx->db_ = std::move(*db);
  auto migrated = storage::sqlite::Migrate(*ctx->db_);
  if (!migrated) return tl::unexpected(migrated.error());
  if (*migrated > 0) {
    logger.Info("database migrated", {{"applied", static_cast<std::int64_t>(*migrated)},
                                      {"schema_version", static_cast<std::int64_t>(
                                                             storage::sqlite::LatestSchemaVersion())}});
  }

  ctx->hasher_ = std::make_unique<core::access::PasswordHasher>(
      core::access::PasswordCost::Interactive());
  ctx->users_ = std::make_unique<storage::sqlite::SqliteUserStore>(*ctx->db_);
  ctx->sessions_ = std::make_unique<storage::sqlite::SqliteSessionStore>(*ctx->db_);
  ctx->tokens_ = std::make_unique<storage::sqlite::SqliteTokenStore>(*ctx->db_);
  ctx->audit_store_ = std::make_unique<storage::sqlite::SqliteAuditStore>(*ctx->db_);
  ctx->audit_head_ = std::make_unique<storage::file::FileAuditHeadStore>(settings.AuditHeadPath());
  ctx->audit_ = std::make_unique<core::access::AuditLog>(*ctx->audit_store_, *ctx->audit_head_,
                                                          ctx->clock_, ctx->keys_.audit);
  ctx->throttle_ =
      std::make_unique<core::access::SignInThrottle>(ctx->clock_, core::access::ThrottlePolicy{});
  ctx->accounts_ = std::make_unique<core::access::AccountService>(
      *ctx->users_, *ctx->sessions_, *ctx->tokens_, *ctx->audit_, *ctx->hasher_, ctx->clock_,
      ctx->random_, ctx->keys_);
  ctx->authenticator_ = std::make_unique<core::access::Authenticator>(
      *ctx->users_, *ctx->sessions_, *ctx->tokens_, *ctx->audit_, *ctx->throttle_, *ctx->hasher_,
      ctx->clock_, ctx->random_, ctx->keys_, core::access::SessionPolicy{});
  ctx->field_cipher_ = std::make_unique<FieldCipher>(ctx->keys_.fields);
  ctx->assessments_ = std::make_unique<storage::sqlite::SqliteAssessmentStore>(
      *ctx->db_, *ctx->field_cipher_, ctx->random_);
  ctx->series_ = std::make_unique<storage::sqlite::SqliteSeriesStore>(*ctx->db_);
  return ctx;
}

Result<const core::warn::Catalogue*> Context::WarnCatalogue() {
  if (warn_catalogue_) return &*warn_catalogue_;
  const std::string path = settings_.data + "/warn/indicators.yaml";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return MakeError(ErrorCode::kNotFound, "no indicator catalogue at " + path +
                                               " (set --data to the folder that holds warn/indicators.yaml)");
  }
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) return MakeError(ErrorCode::kUnavailable, "cannot read " + path);
  auto catalogue = codec::yaml::ParseIndicatorsYaml(path, text.str());
  if (!catalogue) return tl::unexpected(catalogue.error());
  warn_catalogue_ = std::move(*catalogue);
  return &*warn_catalogue_;
}

}  // namespace vigil::app
