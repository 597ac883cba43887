// An Api on in-memory stores, with helpers to sign in and send requests, for http/ tests.
#pragma once

#include <filesystem>
#include <string>

#include "core/identify/test_ruleset.hpp"
#include "core/monitor/test_lexicon.hpp"
#include "http/api.hpp"
#include "storage/sqlite/knowledge_index.hpp"
#include "storage/memory/monitor_store.hpp"
#include "storage/memory/series_store.hpp"
#include "storage/memory/test_env.hpp"
#include "storage/memory/warn_alert_stores.hpp"

namespace vigil::http {

struct ApiTestEnv {
  storage::memory::TestEnv env;
  core::identify::RulesetCatalog catalog = [] {
    core::identify::RulesetCatalog loaded;
    loaded.Add(core::identify::ShippedRuleset());
    return loaded;
  }();
  storage::memory::MemoryAssessmentStore assessments;
  core::identify::ScreeningService screening{catalog, assessments, env.audit, env.clock};
  core::knowledge::KnowledgeBase knowledge = [] {
    core::knowledge::KnowledgeBase sample;
    sample.AddTopic({"signs", "en", "Warning signs", "public", "Signs to watch for.",
                     {{"signs.job", "A job that is too good", "High pay abroad, <b>no</b> experience.",
                       "UN Protocol art. 3", "verified", {}, {}, ""}}});
    sample.AddTopic({"signs", "uk", "Ознаки", "", "", {{"signs.job", "Занадто добра робота", "Висока зарплата.", "", "", {}, {}, "x"}}});
    sample.SetHotlines({{"eu.112", "EU", "Emergency", {{"112", std::nullopt}}, {}, "24/7", true, true, "EECC art. 109", std::nullopt}});
    return sample;
  }();
  std::unique_ptr<storage::sqlite::SqliteKnowledgeIndex> search = [this] {
    auto index = std::move(*storage::sqlite::SqliteKnowledgeIndex::Create());
    if (!index->Build(knowledge)) std::abort();
    return index;
  }();
  // Warn series: one stored series "target" × "target" (the path value the route tests use) and
  // a catalogue with one monthly indicator.
  storage::memory::MemorySeriesStore warn_series;
  bool warn_series_seeded = [this] {
    return warn_series.Upsert({"target", "target", core::warn::PeriodKind::kMonth}, {{"2024-01", 2, "test"}})
        .has_value();
  }();
  core::warn::Catalogue warn_catalogue =
      *core::warn::ValidateCatalogue({{.line = 1, .id = "conflict-events", .family = "armed-group-conduct",
                                       .name = "Events", .unit = "events", .period = "month",
                                       .detector = "noufaily", .params = {}, .source_key = "S5",
                                       .source_url = "https://example.org", .verified = true,
                                       .description = {}}},
                                     "test");
  // Warn areas and alerts: no areas configured; one new alert per role, owned by "user_<role>"
  // (ids 1..6 in kAllRoles order), so that each role can walk an alert's lifecycle.
  storage::memory::MemoryAlertStore warn_alert_store;
  storage::memory::MemoryAreaLevelStore warn_levels;
  storage::memory::MemoryBoundaryStore warn_boundaries;
  core::warn::AlertService warn_alerts{warn_alert_store, env.audit, env.clock};
  core::warn::WarnConfig warn_config{warn_catalogue, {}, {}};
  core::warn::WarnService warn_run{warn_config, warn_series, warn_levels, warn_alerts, warn_alert_store,
                                   nullptr, env.audit, env.clock};
  bool warn_alerts_seeded = [this] {
    for (core::access::Role role : core::access::kAllRoles) {
      const std::string name = "user_" + std::string(core::access::RoleName(role));
      core::warn::Alert alert;
      alert.area = "area_" + name;
      alert.area_name = name;
      alert.owner = name;
      alert.period = "2024-01";
      if (!warn_alert_store.CreateAlert(alert, {0, "test", "opened", ""})) return false;
    }
    return true;
  }();
  // Monitor: a one-entry lexicon and cluster 1 (two posts sharing a phone number).
  core::monitor::Pipeline monitor_pipeline = [] {
    core::monitor::PipelineOptions options;
    options.lexicon = {core::monitor::PhraseEntry("en.free-housing", "free-housing", "logistics",
                                                   "free accommodation", 1.5)};
    options.identifiers.fallback_regions = {"UA"};
    auto pipeline = core::monitor::Pipeline::Create(std::move(options));
    if (!pipeline) std::abort();
    return std::move(*pipeline);
  }();
  storage::memory::MemoryMonitorStore monitor_store;
  core::monitor::MonitorService monitor{monitor_pipeline, monitor_store, env.audit, env.clock,
                                        env.keys.monitor_identifiers};
  bool monitor_seeded = [this] {
    std::vector<core::monitor::Post> posts(2);
    for (std::size_t idx = 0; idx < posts.size(); ++idx) {
      posts[idx].source = "seed";
      posts[idx].id = std::to_string(idx);
      posts[idx].posted_at = "2024-05-01T10:00:00Z";
      posts[idx].text = "Free accommodation, call +380 50 123 45 67";
    }
    return monitor.Ingest({"test", "admin", "seed"}, posts, 0).has_value();
  }();
  Api api{[this] {
            ApiServices services{env.authenticator, env.accounts, env.audit, [] { return Status{}; },
                                 &catalog, &screening, &knowledge, search.get(), &env.clock};
            services.warn_series = &warn_series;
            services.warn_catalogue = &warn_catalogue;
            services.warn_run = &warn_run;
            services.warn_alerts = &warn_alerts;
            services.warn_levels = &warn_levels;
            services.warn_boundaries = &warn_boundaries;
            services.monitor = [this] { return &monitor; };
            return services;
          }(),
          ApiOptions{64 * 1024, std::filesystem::temp_directory_path() / "vigil-no-web",
                     false, std::chrono::hours(12), "test", VIGIL_SOURCE_DIR "/data"}};

  static Request Make(Method method, std::string path, std::string body = {}) {
    Request request;
    request.method = method;
    const auto question = path.find('?');
    if (question != std::string::npos) {
      request.query = path.substr(question + 1);
      path.resize(question);
    }
    request.path = std::move(path);
    request.body = std::move(body);
    request.remote_address = "127.0.0.1";
    request.request_id = "0123456789abcdef";
    request.headers.emplace_back("host", "127.0.0.1:8080");
    if (!request.body.empty()) request.headers.emplace_back("content-type", "application/json");
    return request;
  }

  // Signs `name` in and returns {cookie header value, csrf token}.
  std::pair<std::string, std::string> SignIn(const std::string& name) {
    auto result = env.authenticator.SignIn(name, storage::memory::TestEnv::kPassword,
                                           {"127.0.0.1", "test"});
    if (!result) std::abort();
    return {std::string(kSessionCookie) + "=" + result->session_token,
            result->principal.csrf_token};
  }

  Response Send(Request request, const std::pair<std::string, std::string>& session) {
    request.headers.emplace_back("cookie", session.first);
    request.headers.emplace_back("x-csrf-token", session.second);
    return api.Handle(request);
  }
};

}  // namespace vigil::http
