// Wiring of the warn areas and alerts for `vigil serve` and `vigil warn run`: reads
// <data>/warn/{indicators,areas,levels}.yaml, opens the warn stores on the context's database and
// builds the alert service, the webhook notifier (when a URL is set) and the run service.
#pragma once

#include <memory>
#include <optional>

#include "app/context.hpp"
#include "core/warn/warn_service.hpp"
#include "http/webhook_client.hpp"
#include "storage/sqlite/series_store.hpp"
#include "storage/sqlite/warn_alert_stores.hpp"

namespace vigil::app {

// The webhook signing secret derived from the key ring, used when no --warn-webhook-secret is
// set: 64 hex characters (a keyed BLAKE2b of a fixed label under the secrets subkey).
[[nodiscard]] std::string DeriveWebhookSecret(const core::access::KeyRing& keys);

// Reads the catalogue, the areas and the level rule from `data_dir`/warn. A missing areas.yaml
// or levels.yaml means no areas or the default rule; a file with errors is kInvalidArgument
// naming the file and line.
[[nodiscard]] Result<core::warn::WarnConfig> LoadWarnConfig(const std::string& data_dir);

class WarnRuntime {
 public:
  // kInvalidArgument for broken data files or webhook settings (a URL that is not http://, a
  // bad number of attempts). Without --warn-webhook-secret the secret comes from the key ring.
  [[nodiscard]] static Result<std::unique_ptr<WarnRuntime>> Open(Context& context,
                                                                 const Settings& settings);

  core::warn::WarnService& run() { return *service_; }
  core::warn::AlertService& alerts() { return *alerts_; }
  core::warn::AreaLevelStore& levels() { return levels_; }
  core::warn::BoundaryStore& boundaries() { return boundaries_; }
  const core::warn::WarnConfig& config() const { return config_; }
  bool notifies() const { return notifier_.has_value(); }

 private:
  explicit WarnRuntime(Context& context)
      : series_(context.db()), alert_store_(context.db()), levels_(context.db()),
        boundaries_(context.db()) {}

  core::warn::WarnConfig config_;
  storage::sqlite::SqliteSeriesStore series_;
  storage::sqlite::SqliteAlertStore alert_store_;
  storage::sqlite::SqliteAreaLevelStore levels_;
  storage::sqlite::SqliteBoundaryStore boundaries_;
  std::unique_ptr<core::warn::AlertService> alerts_;
  http::SocketWebhookTransport transport_;
  http::ThreadSleeper sleeper_;
  std::optional<core::warn::WebhookNotifier> notifier_;
  std::unique_ptr<core::warn::WarnService> service_;
};

}  // namespace vigil::app
