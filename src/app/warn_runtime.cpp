#include "app/warn_runtime.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "codec/json/warn_alerts_json.hpp"
#include "codec/yaml/indicators_yaml.hpp"
#include "codec/yaml/warn_areas_yaml.hpp"

namespace vigil::app {
namespace {

// The file's text, or nullopt when it does not exist.
Result<std::optional<std::string>> ReadOptionalFile(const std::string& path) {
  if (!std::filesystem::exists(path)) return std::optional<std::string>();
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kUnavailable, "cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return std::optional<std::string>(text.str());
}

}  // namespace

std::string DeriveWebhookSecret(const core::access::KeyRing& keys) {
  return core::access::KeyedHashHex(keys.secrets, "vigil:warn-webhook-secret:v1");
}

Result<core::warn::WarnConfig> LoadWarnConfig(const std::string& data_dir) {
  core::warn::WarnConfig config;
  const std::string folder = data_dir + "/warn";
  auto indicators = ReadOptionalFile(folder + "/indicators.yaml");
  if (!indicators) return tl::unexpected(indicators.error());
  if (*indicators) {
    auto catalogue = codec::yaml::ParseIndicatorsYaml(folder + "/indicators.yaml", **indicators);
    if (!catalogue) return tl::unexpected(catalogue.error());
    config.catalogue = std::move(*catalogue);
  }
  std::vector<std::string> known;
  for (const auto& indicator : config.catalogue.List()) known.push_back(indicator.id);
  auto areas = ReadOptionalFile(folder + "/areas.yaml");
  if (!areas) return tl::unexpected(areas.error());
  if (*areas) {
    auto parsed = codec::yaml::ParseAreasYaml(folder + "/areas.yaml", **areas, known);
    if (!parsed) return tl::unexpected(parsed.error());
    config.areas = std::move(*parsed);
  }
  auto levels = ReadOptionalFile(folder + "/levels.yaml");
  if (!levels) return tl::unexpected(levels.error());
  if (*levels) {
    auto rule = codec::yaml::ParseLevelsYaml(folder + "/levels.yaml", **levels);
    if (!rule) return tl::unexpected(rule.error());
    config.rule = std::move(*rule);
  }
  return config;
}

Result<std::unique_ptr<WarnRuntime>> WarnRuntime::Open(Context& context, const Settings& settings) {
  auto config = LoadWarnConfig(settings.data);
  if (!config) return tl::unexpected(config.error());
  std::unique_ptr<WarnRuntime> runtime(new WarnRuntime(context));
  runtime->config_ = std::move(*config);
  runtime->alerts_ = std::make_unique<core::warn::AlertService>(runtime->alert_store_, context.audit(),
                                                                context.clock());
  if (!settings.warn_webhook_url.empty()) {
    if (auto url = http::ParseHttpUrl(settings.warn_webhook_url); !url) {
      return MakeError(ErrorCode::kInvalidArgument, "--warn-webhook-url: " + url.error().message);
    }
    if (settings.warn_webhook_attempts < 1 || settings.warn_webhook_attempts > 10) {
      return MakeError(ErrorCode::kInvalidArgument, "--warn-webhook-attempts must be 1 to 10");
    }
    const std::string secret = settings.warn_webhook_secret.empty() ? DeriveWebhookSecret(context.keys())
                                                                    : settings.warn_webhook_secret;
    core::warn::WebhookSettings webhook{settings.warn_webhook_url, secret,
                                        settings.warn_webhook_attempts,
                                        std::chrono::milliseconds(settings.warn_webhook_backoff_ms)};
    runtime->notifier_.emplace(std::move(webhook), runtime->transport_, runtime->sleeper_,
                               context.clock(), &codec::json::RenderAlertNotification);
  }
  runtime->service_ = std::make_unique<core::warn::WarnService>(
      runtime->config_, runtime->series_, runtime->levels_, *runtime->alerts_, runtime->alert_store_,
      runtime->notifier_ ? &*runtime->notifier_ : nullptr, context.audit(), context.clock());
  return runtime;
}

}  // namespace vigil::app
