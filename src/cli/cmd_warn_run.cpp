// `vigil warn run` (evaluate every area and indicator; open and notify alerts) and
// `vigil warn areas import FILE.geojson` (admin boundaries for the map).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/context.hpp"
#include "app/warn_runtime.hpp"
#include "cli/commands.hpp"
#include "codec/json/warn_alerts_json.hpp"

namespace vigil::cli {
namespace {

const core::access::Actor kCliActor{"cli", "admin", "cli"};

void PrintArea(const core::warn::AreaRun& area, std::ostream& out) {
  out << area.id << " " << area.name << ": " << core::warn::LevelName(area.previous_level) << " -> "
      << core::warn::LevelName(area.level);
  if (area.alert_opened) out << " (alert " << *area.alert_opened << " opened)";
  out << "\n";
  for (const auto& reason : area.reasons) out << "  " << reason << "\n";
  for (const auto& indicator : area.indicators) {
    if (indicator.problem) out << "  " << indicator.indicator << " skipped: " << *indicator.problem << "\n";
  }
}

}  // namespace

int RunWarnRun(const app::Settings& settings, log::Logger& logger) {
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  auto runtime = app::WarnRuntime::Open(**ctx, settings);
  if (!runtime) return ReportError(runtime.error());
  if ((*runtime)->config().areas.empty()) {
    std::cerr << "vigil: no areas in " << settings.data << "/warn/areas.yaml; nothing to evaluate\n";
  }
  auto summary = (*runtime)->run().Run(kCliActor, [](std::string_view line) {
    std::cerr << line << "\n";
  });
  if (!summary) return ReportError(summary.error());
  for (const auto& area : summary->areas) PrintArea(area, std::cout);
  const std::size_t opened = summary->alerts_opened.size();
  std::cout << summary->areas.size() << (summary->areas.size() == 1 ? " area" : " areas")
            << " evaluated; " << opened << (opened == 1 ? " alert" : " alerts") << " opened";
  for (const auto& report : summary->notifications) {
    std::cout << "; webhook for alert " << report.alert_id << ": " << report.outcome << " after "
              << report.attempts << (report.attempts == 1 ? " attempt" : " attempts");
  }
  std::cout << "\n";
  return kExitOk;
}

int RunWarnWebhookSecret(const app::Settings& settings, log::Logger& logger) {
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  (void)(*ctx)->audit().Record({kCliActor.name, kCliActor.role, "warn.webhook_secret.read", "key", "",
                                "ok", kCliActor.request_id});
  std::cout << app::DeriveWebhookSecret((*ctx)->keys()) << "\n";
  return kExitOk;
}

int RunWarnAreasImport(const app::Settings& settings, log::Logger& logger, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return ReportError({ErrorCode::kInvalidArgument, "cannot read " + path});
  std::ostringstream text;
  text << in.rdbuf();
  auto boundaries = codec::json::ParseBoundariesGeoJson(text.str());
  if (!boundaries) {
    return ReportError({ErrorCode::kInvalidArgument, path + ": " + boundaries.error().message});
  }
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  auto runtime = app::WarnRuntime::Open(**ctx, settings);
  if (!runtime) return ReportError(runtime.error());
  const std::string source = std::filesystem::path(path).filename().string();
  if (auto saved = (*runtime)->boundaries().ReplaceBoundaries(*boundaries, source); !saved) {
    return ReportError(saved.error());
  }
  (void)(*ctx)->audit().Record({kCliActor.name, kCliActor.role, "warn.areas.import", "warn_boundaries",
                                source, "ok", kCliActor.request_id});
  std::size_t known = 0;
  for (const auto& boundary : *boundaries) {
    if (core::warn::FindArea((*runtime)->config().areas, boundary.pcode) != nullptr) ++known;
  }
  std::cout << "imported " << boundaries->size() << " boundaries from " << source << " ("
            << known << " match an area in areas.yaml)\n";
  return kExitOk;
}

}  // namespace vigil::cli
