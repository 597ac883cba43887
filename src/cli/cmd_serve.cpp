// `vigil serve`: the HTTP server.
#include <iostream>

#include "app/context.hpp"
#include "app/monitor_runtime.hpp"
#include "app/warn_runtime.hpp"
#include "cli/commands.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "storage/file/ruleset_files.hpp"
#include "storage/file/content_files.hpp"
#include "storage/sqlite/knowledge_index.hpp"
#include "codec/yaml/knowledge_yaml.hpp"
#include <filesystem>
#include "version.hpp"

namespace vigil::cli {

int RunServe(const app::Settings& settings, log::Logger& logger) {
  auto listen = app::ParseListen(settings.listen);
  if (!listen) return ReportError(listen.error());
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  app::Context& context = **ctx;

  // Screening rulesets: loaded once at start. A broken ruleset stops the server (it never loads
  // silently); a missing folder leaves identify unavailable.
  core::identify::RulesetCatalog catalog;
  const std::string rulesets_folder = settings.data + "/rulesets";
  if (std::filesystem::is_directory(rulesets_folder)) {
    auto files = storage::file::ReadRulesetFiles({rulesets_folder, "ilo-2009"});
    if (!files) return ReportError(files.error());
    auto load = codec::yaml::ParseRuleset(*files, "ilo-2009");
    for (const auto& problem : load.problems) {
      if (!problem.is_error) continue;
      logger.Error("ruleset problem", {{"file", std::string_view(problem.file)},
                                       {"line", static_cast<std::int64_t>(problem.line)},
                                       {"problem", std::string_view(problem.message)}});
    }
    if (load.HasErrors()) {
      return ReportError({ErrorCode::kUnavailable,
                          "the ruleset in " + rulesets_folder + " has errors; run `vigil rules check`"});
    }
    logger.Info("ruleset loaded", {{"ruleset", std::string_view(load.ruleset->id)},
                                   {"version", std::string_view(load.ruleset->version)},
                                   {"ruleset_status", std::string_view(load.ruleset->status)}});
    catalog.Add(std::move(*load.ruleset));
  } else {
    logger.Warn("no rulesets folder: screening is unavailable",
                {{"folder", std::string_view(rulesets_folder)}});
  }
  core::identify::ScreeningService screening(catalog, context.assessments(), context.audit(),
                                             context.clock());

  // Knowledge content and its search index: loaded once at start, like the rulesets.
  std::optional<core::knowledge::KnowledgeBase> knowledge;
  std::unique_ptr<storage::sqlite::SqliteKnowledgeIndex> search;
  if (std::filesystem::is_directory(settings.data + "/knowledge")) {
    auto files = storage::file::ReadContentFiles(settings.data);
    if (!files) return ReportError(files.error());
    auto load = codec::yaml::ParseKnowledge(*files);
    for (const auto& problem : load.problems) {
      if (!problem.is_error) continue;
      logger.Error("knowledge problem", {{"file", std::string_view(problem.file)},
                                         {"line", static_cast<std::int64_t>(problem.line)},
                                         {"problem", std::string_view(problem.message)}});
    }
    if (!load.knowledge) {
      return ReportError({ErrorCode::kUnavailable,
                          "the knowledge content in " + settings.data + " has errors; run `vigil knowledge check`"});
    }
    knowledge = std::move(load.knowledge);
    auto index = storage::sqlite::SqliteKnowledgeIndex::Create();
    if (!index) return ReportError(index.error());
    if (auto built = (*index)->Build(*knowledge); !built) return ReportError(built.error());
    search = std::move(*index);
    logger.Info("knowledge loaded", {{"topics", static_cast<std::int64_t>(knowledge->TopicIds().size())},
                                     {"languages", static_cast<std::int64_t>(knowledge->Languages().size())}});
  } else {
    logger.Warn("no knowledge folder: the knowledge API is unavailable",
                {{"folder", std::string_view(settings.data)}});
  }

  const auto policy = core::access::SessionPolicy{};
  (void)context.sessions().DeleteExpiredSessions(ToUnixMillis(context.clock().Now()),
                                                 policy.idle.count());

  // Warn areas and alerts: broken data files or webhook settings stop the server.
  auto warn = app::WarnRuntime::Open(context, settings);
  if (!warn) return ReportError(warn.error());
  logger.Info("warn areas loaded", {{"areas", static_cast<std::int64_t>((*warn)->config().areas.size())},
                                    {"webhook", (*warn)->notifies() ? "on" : "off"}});
  http::ApiServices services{context.authenticator(), context.accounts(), context.audit(),
                             [&context] { return storage::sqlite::Ping(context.db()); },
                             catalog.Empty() ? nullptr : &catalog,
                             catalog.Empty() ? nullptr : &screening,
                             knowledge ? &*knowledge : nullptr, search.get(), &context.clock()};
  services.warn_run = &(*warn)->run();
  services.warn_alerts = &(*warn)->alerts();
  services.warn_levels = &(*warn)->levels();
  services.warn_boundaries = &(*warn)->boundaries();
  // Warn series: the catalogue comes from <data>/warn/indicators.yaml; without it the series
  // routes answer 503, with errors the server stops.
  auto warn_catalogue = context.WarnCatalogue();
  if (!warn_catalogue && warn_catalogue.error().code != ErrorCode::kNotFound) {
    return ReportError(warn_catalogue.error());
  }
  services.warn_series = &context.series();
  services.warn_catalogue = warn_catalogue ? *warn_catalogue : nullptr;
  // Monitor: without <data>/monitor/lexicon its routes answer 503; broken files stop the server.
  auto monitor = app::MonitorRuntime::Open(context, logger);
  if (!monitor && monitor.error().code != ErrorCode::kNotFound) return ReportError(monitor.error());
  if (monitor) {
    services.monitor = [&runtime = **monitor] { return runtime.service(); };
  } else {
    logger.Warn("no monitor lexicon: the monitor API is unavailable",
                {{"folder", std::string_view(settings.data)}});
  }
  http::Api api(services,
                http::ApiOptions{settings.max_body, settings.web, settings.cookie_secure,
                                 policy.absolute, std::string(kVigilVersion), settings.data});
  http::ServerOptions options;
  options.host = listen->host;
  options.port = listen->port;
  options.threads = settings.threads;
  options.trust_proxy = settings.trust_proxy;
  options.hard_body_limit = std::max<std::uint64_t>(settings.max_body * 4, 1024 * 1024);

  auto on_listening = [&] {
    logger.Info("listening", {{"address", std::string_view(settings.listen)},
                              {"version", kVigilVersion}});
    auto users = context.accounts().CountUsers();
    if (users && *users == 0) {
      logger.Warn("no accounts yet: create the first admin with "
                  "`build/vigil user add NAME --role admin` (the password is read from a prompt "
                  "or the first line of stdin)");
    }
  };
  auto served = http::Serve(api, options, logger, context.random(), on_listening);
  if (!served) return ReportError(served.error());
  logger.Info("stopped");
  return kExitOk;
}

}  // namespace vigil::cli
