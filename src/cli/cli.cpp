// The `vigil` command line (CLI11): subcommands, and the settings each takes from flags, then
// the environment (VIGIL_*), then the YAML file given with --config, then defaults.
// The only translation unit that includes CLI11.
#include <CLI/CLI.hpp>

#include <deque>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/commands.hpp"
#include "codec/yaml/config_yaml.hpp"

namespace vigil::cli {
namespace {

// One setting: its CLI11 option and how to set it from a YAML string.
struct SettingBinding {
  CLI::Option* option;
  std::function<bool(const std::string&)> set_from_text;
};

// The settings of one subcommand. Each subcommand has its own, so that options of commands
// that were not chosen (and their environment variables) never touch the chosen one's values.
class SettingsParser {
 public:
  SettingsParser() = default;
  SettingsParser(const SettingsParser&) = delete;
  SettingsParser& operator=(const SettingsParser&) = delete;
  app::Settings& settings() { return settings_; }

  void AddStorageOptions(CLI::App* command) {
    command->add_option("--config", config_path_, "YAML file with settings (names as below, "
                                                  "with '_' for '-')")
        ->envname("VIGIL_CONFIG");
    Bind(command, "db", "--db", settings_.db, "SQLite database file; created and migrated when missing",
         "VIGIL_DB");
    Bind(command, "data", "--data", settings_.data, "folder of data files (rulesets, content)",
         "VIGIL_DATA");
    Bind(command, "key_file", "--key-file", settings_.key_file,
         "key file rooting every secret (default: <db>.key; created 0600 when missing)",
         "VIGIL_KEY_FILE");
    Bind(command, "log_level", "--log-level", settings_.log_level, "debug, info, warn or error",
         "VIGIL_LOG_LEVEL");
  }

  void AddServeOptions(CLI::App* command) {
    Bind(command, "listen", "--listen", settings_.listen, "HOST:PORT to listen on", "VIGIL_LISTEN");
    Bind(command, "web", "--web", settings_.web, "folder of the built web app, served at /app/",
         "VIGIL_WEB");
    Bind(command, "threads", "--threads", settings_.threads, "I/O threads", "VIGIL_THREADS");
    Bind(command, "max_body", "--max-body", settings_.max_body,
         "largest request body in bytes (413 above it)", "VIGIL_MAX_BODY");
    Bind(command, "trust_proxy", "--trust-proxy", settings_.trust_proxy,
         "trust X-Forwarded-For/-Proto from a reverse proxy", "VIGIL_TRUST_PROXY");
    Bind(command, "cookie_secure", "--cookie-secure", settings_.cookie_secure,
         "always mark the session cookie Secure (behind TLS)", "VIGIL_COOKIE_SECURE");
  }

  // Webhook notification of warn alerts (vigil serve, vigil warn run).
  void AddWarnWebhookOptions(CLI::App* command) {
    Bind(command, "warn_webhook_url", "--warn-webhook-url", settings_.warn_webhook_url,
         "http:// URL that receives a signed JSON POST per opened alert (empty: off)",
         "VIGIL_WARN_WEBHOOK_URL");
    Bind(command, "warn_webhook_secret", "--warn-webhook-secret", settings_.warn_webhook_secret,
         "HMAC-SHA256 key for X-Vigil-Signature (prefer the environment variable)",
         "VIGIL_WARN_WEBHOOK_SECRET");
    Bind(command, "warn_webhook_attempts", "--warn-webhook-attempts", settings_.warn_webhook_attempts,
         "attempts per notification, the first one included", "VIGIL_WARN_WEBHOOK_ATTEMPTS");
    Bind(command, "warn_webhook_backoff_ms", "--warn-webhook-backoff-ms",
         settings_.warn_webhook_backoff_ms, "wait before the second attempt, doubled after each",
         "VIGIL_WARN_WEBHOOK_BACKOFF_MS");
    // Empty strings mean "off" here, not the key file's default; the secret is never shown.
    bindings_["warn_webhook_url"].option->default_str("");
    bindings_["warn_webhook_secret"].option->default_str("");
  }

  // Applies the YAML file to settings that neither a flag nor the environment gave.
  [[nodiscard]] Status ApplyConfigFile() {
    if (config_path_.empty()) return {};
    std::ifstream in(config_path_);
    if (!in) return MakeError(ErrorCode::kInvalidArgument, "cannot read the config file " + config_path_);
    std::stringstream text;
    text << in.rdbuf();
    std::vector<std::string> known;
    for (const auto& [name, binding] : bindings_) known.push_back(name);
    auto values = codec::yaml::ParseConfigYaml(text.str(), known);
    if (!values) return tl::unexpected(values.error());
    for (const auto& [name, value] : *values) {
      const SettingBinding& binding = bindings_.at(name);
      if (binding.option->count() > 0) continue;
      if (!binding.set_from_text(value)) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "the config file's \"" + name + "\" has an unusable value");
      }
    }
    return {};
  }

 private:
  template <typename T>
  void Bind(CLI::App* command, const std::string& name, const std::string& flag, T& target,
            const std::string& help, const std::string& env) {
    CLI::Option* option = command->add_option(flag, target, help)->envname(env);
    if constexpr (std::is_same_v<T, bool>) {
      option->default_str(target ? "true" : "false");
    } else if constexpr (std::is_same_v<T, std::string>) {
      option->default_str(target.empty() ? "<db>.key" : target);
    } else {
      option->default_str(std::to_string(target));
    }
    bindings_[name] = {option, [&target](const std::string& text) {
                         if constexpr (std::is_same_v<T, bool>) {
                           std::string lower = text;
                           for (char& c : lower) c = static_cast<char>(std::tolower(c));
                           if (lower != "true" && lower != "false") return false;
                           target = lower == "true";
                           return true;
                         } else if constexpr (std::is_same_v<T, std::string>) {
                           target = text;
                           return true;
                         } else {
                           return CLI::detail::lexical_cast(text, target);
                         }
                       }};
  }

  app::Settings settings_;
  std::string config_path_;
  std::map<std::string, SettingBinding> bindings_;
};

}  // namespace

int Run(int argc, char** argv) {
  CLI::App root{"Vigil: counter-trafficking platform for prevention and response", "vigil"};
  root.require_subcommand(1);
  std::deque<SettingsParser> parsers;
  SettingsParser* chosen = nullptr;
  std::function<int(const app::Settings&, log::Logger&)> action;

  // Adds a subcommand that opens the database; `run` becomes the action when it is chosen.
  auto add_command = [&](CLI::App* parent, const std::string& name, const std::string& help,
                         std::function<int(const app::Settings&, log::Logger&)> run) {
    CLI::App* command = parent->add_subcommand(name, help);
    SettingsParser& parser = parsers.emplace_back();
    parser.AddStorageOptions(command);
    command->callback([&chosen, &action, &parser, run = std::move(run)] {
      chosen = &parser;
      action = run;
    });
    return std::pair<CLI::App*, SettingsParser*>{command, &parser};
  };
  auto add_group = [&root](const std::string& name, const std::string& help) {
    CLI::App* group = root.add_subcommand(name, help);
    group->require_subcommand(1);
    return group;
  };

  auto [serve, serve_parser] =
      add_command(&root, "serve", "serve the API and the web app over HTTP", &RunServe);
  serve_parser->AddServeOptions(serve);
  serve_parser->AddWarnWebhookOptions(serve);

  CLI::App* db = add_group("db", "database maintenance");
  add_command(db, "migrate", "apply pending migrations", &RunDbMigrate);
  std::string backup_path;
  CLI::App* backup = add_command(
      db, "backup", "write a consistent online copy of the database",
      [&backup_path](const app::Settings& settings, log::Logger& logger) {
        return RunDbBackup(settings, logger, backup_path);
      }).first;
  backup->add_option("PATH", backup_path, "where to write the copy (must not exist)")->required();

  std::string name;
  std::string role;
  const std::string role_help = "admin, coordinator, caseworker, screener, analyst or viewer";
  CLI::App* user = add_group("user", "manage accounts");
  CLI::App* user_add = add_command(
      user, "add", "create an account; the password comes from a prompt or the first line of stdin",
      [&](const app::Settings& settings, log::Logger& logger) {
        return RunUserAdd(settings, logger, name, role);
      }).first;
  user_add->add_option("NAME", name, "account name")->required();
  user_add->add_option("--role", role, role_help)->required();
  add_command(user, "list", "list accounts", &RunUserList);
  CLI::App* user_disable = add_command(
      user, "disable", "disable an account and end its sessions",
      [&name](const app::Settings& settings, log::Logger& logger) {
        return RunUserDisable(settings, logger, name);
      }).first;
  user_disable->add_option("NAME", name, "account name")->required();
  CLI::App* user_passwd = add_command(
      user, "passwd", "set a new password (prompt or stdin)",
      [&name](const app::Settings& settings, log::Logger& logger) {
        return RunUserPasswd(settings, logger, name);
      }).first;
  user_passwd->add_option("NAME", name, "account name")->required();

  CLI::App* token = add_group("token", "manage API tokens for machine clients");
  CLI::App* token_add = add_command(
      token, "add", "create an API token; it is printed once",
      [&](const app::Settings& settings, log::Logger& logger) {
        return RunTokenAdd(settings, logger, name, role);
      }).first;
  token_add->add_option("NAME", name, "token name")->required();
  token_add->add_option("--role", role, "the role the token acts with: " + role_help)->required();

  CLI::App* audit = add_group("audit", "the audit trail");
  add_command(audit, "verify", "recompute the hash chain; exit 1 when broken", &RunAuditVerify);

  std::string rules_path;
  CLI::App* rules = add_group("rules", "screening rulesets");
  add_command(rules, "check", "validate a ruleset; exit 1 when it has problems",
              [&rules_path](const app::Settings& settings, log::Logger& logger) {
                return RunRulesCheck(settings, logger, rules_path);
              })
      .first->add_option("PATH", rules_path,
                         "rulesets folder or a ruleset's .yaml file (default: <data>/rulesets)");

  std::string xlsform_protocol;
  std::string export_out;
  std::string export_path;
  CLI::App* rules_export = add_command(
      rules, "export", "export a protocol's questions for other tools",
      [&](const app::Settings& settings, log::Logger& logger) {
        return RunRulesExport(settings, logger, export_path, xlsform_protocol, export_out);
      }).first;
  rules_export->add_option("--xlsform", xlsform_protocol, "protocol to export as XLSForm (triage or full)")
      ->required();
  rules_export->add_option("--out", export_out, "output file (default: <ruleset>-<protocol>.xlsx)");
  rules_export->add_option("PATH", export_path, "rulesets folder or a ruleset's .yaml file");

  CLI::App* knowledge = add_group("knowledge", "knowledge content");
  add_command(knowledge, "check", "validate data/knowledge and data/hotlines.yaml; exit 1 on problems",
              &RunKnowledgeCheck);

  std::string answers_path;
  std::string ruleset_id;
  std::string format = "json";
  CLI::App* screen = add_command(
      &root, "screen", "evaluate a screening answers file (see docs/identify.md)",
      [&](const app::Settings& settings, log::Logger& logger) {
        return RunScreen(settings, logger, answers_path, ruleset_id, format);
      }).first;
  screen->add_option("--answers", answers_path, "answers file (JSON); - for stdin")->required();
  screen->add_option("--ruleset", ruleset_id, "ruleset id (default: the file's, else ilo-2009)");
  screen->add_option("--format", format, "json or text")->default_str("json");

  CLI::App* warn = add_group("warn", "early warning: series, detectors, areas and alerts");
  WarnDetectArgs detect_args;
  CLI::App* warn_detect = nullptr;
  warn_detect = add_command(
      warn, "detect", "run one detector on a series file (columns period,observed[,state][,population])",
      [&detect_args, &warn_detect](const app::Settings& settings, log::Logger& logger) {
        detect_args.extras = warn_detect->remaining();
        return RunWarnDetect(settings, logger, detect_args);
      }).first;
  warn_detect->add_option("--method", detect_args.method,
                          "ears-c1, ears-c2, ears-c3, farrington, flexible, noufaily, cusum, threshold, "
                          "rate-of-change or ratio-to-baseline")
      ->required();
  warn_detect->add_option("--in", detect_args.in, "the series file (CSV); - for stdin")->required();
  warn_detect->add_option("--frequency", detect_args.frequency, "periods per year")->default_str("52");
  warn_detect->add_option("--format", detect_args.format, "json or csv")->default_str("json");
  warn_detect->footer(
      "Detector parameters use the names of R surveillance's functions, as --name=value or --name value:\n"
      "  ears-c*: range baseline minSigma alpha (ears-c3 also surveillance_compat)\n"
      "  farrington: range b w reweight alpha trend limit54 powertrans\n"
      "  flexible, noufaily: range b w reweight weightsThreshold alpha trend pThresholdTrend limit54\n"
      "    powertrans populationOffset noPeriods pastWeeksNotIncluded thresholdMethod\n"
      "  cusum: range k h; threshold: range threshold; rate-of-change: range rate;\n"
      "  ratio-to-baseline: range baseline ratio minCount\n"
      "Booleans are true/false (any case); --limit54=5,4; --range=FROM:TO (1-based positions).");
  warn_detect->allow_extras();

  auto [warn_run, warn_run_parser] = add_command(
      warn, "run", "evaluate every area and indicator: levels, alerts, webhook (see docs/warn.md)",
      &RunWarnRun);
  warn_run_parser->AddWarnWebhookOptions(warn_run);
  std::string boundaries_path;
  CLI::App* warn_areas = warn->add_subcommand("areas", "early-warning areas and their boundaries");
  warn_areas->require_subcommand(1);
  add_command(warn_areas, "import",
              "import admin boundaries (GeoJSON FeatureCollection; each feature's \"pcode\" property "
              "names its area); replaces the boundaries stored before",
              [&boundaries_path](const app::Settings& settings, log::Logger& logger) {
                return RunWarnAreasImport(settings, logger, boundaries_path);
              })
      .first->add_option("FILE", boundaries_path, "the .geojson file")
      ->required();
  add_command(warn, "webhook-secret",
              "print the webhook signing secret derived from the key file (for the receiver)",
              &RunWarnWebhookSecret);

  WarnImportArgs import_args;
  CLI::App* warn_import =
      add_command(warn, "import", "import early-warning series (all or nothing; see docs/warn.md)",
                  [&import_args](const app::Settings& settings, log::Logger& logger) {
                    return RunWarnImport(settings, logger, import_args);
                  })
          .first;
  warn_import->add_option("--format", import_args.format, "tidy, hxl, ucdp-ged or iom-dtm")->required();
  warn_import->add_option("--level", import_args.level, "ucdp-ged: adm1 (default) or priogrid");
  warn_import->add_option("--admin-level", import_args.admin_level, "iom-dtm: 0, 1 or 2 (default: every level)");
  warn_import->add_option("FILE", import_args.file, "the CSV file; - for stdin")->required();
  WarnExportArgs export_args;
  CLI::App* warn_export =
      add_command(warn, "export", "export stored series as tidy CSV or HXL-tagged CSV",
                  [&export_args](const app::Settings& settings, log::Logger& logger) {
                    return RunWarnExport(settings, logger, export_args);
                  })
          .first;
  warn_export->add_option("--area", export_args.area, "only this area");
  warn_export->add_option("--indicator", export_args.indicator, "only this indicator");
  warn_export->add_option("--format", export_args.format, "csv or hxl")->default_str("csv");
  warn_export->add_option("--out", export_args.out, "output file (default: stdout)");
  std::string series_area;
  add_command(warn, "series", "list the stored series (area, indicator, period, points, first, last)",
              [&series_area](const app::Settings& settings, log::Logger& logger) {
                return RunWarnSeries(settings, logger, series_area);
              })
      .first->add_option("--area", series_area, "only this area");

  CLI::App* monitor = add_group("monitor", "monitor online posts for deceptive recruitment (see docs/monitor.md)");
  MonitorScanArgs scan_args;
  CLI::App* monitor_scan =
      add_command(monitor, "scan", "scan posts: lure indicators, identifiers, clusters, risk",
                  [&scan_args](const app::Settings& settings, log::Logger& logger) {
                    return RunMonitorScan(settings, logger, scan_args);
                  })
          .first;
  monitor_scan->add_option("--in", scan_args.in, "posts file (JSON Lines or CSV); - for stdin")->required();
  monitor_scan->add_option("--input-format", scan_args.input_format,
                           "jsonl or csv (default: csv for *.csv or with --map, else jsonl)");
  monitor_scan->add_option("--format", scan_args.format, "json or html")->default_str("json");
  monitor_scan->add_option("--out", scan_args.out, "output file (default: stdout)");
  monitor_scan->add_option("--threads", scan_args.threads, "worker threads (the output is the same)")
      ->default_str("1");
  monitor_scan->add_flag("--strict", scan_args.strict, "stop at the first invalid line (exit 2)");
  monitor_scan->add_option("--map", scan_args.map, "CSV columns: FIELD=COLUMN[,FIELD=COLUMN...]");
  monitor_scan->add_flag("--show-identifiers", scan_args.show_identifiers,
                         "HTML: show identifier values (masked by default)");
  monitor_scan->add_option("--max-text-bytes", scan_args.max_text_bytes,
                           "longer texts are truncated and flagged")
      ->default_str("65536");
  monitor_scan->add_option("--counts-out", scan_args.counts_out,
                           "also write daily counts per lure category (date,term,count) for `monitor trends`");
  monitor_scan->add_option("--terms", scan_args.terms,
                           "with --counts-out: a file of search terms (one phrase per line) also counted per day");
  monitor_scan->add_option("--region", scan_args.region,
                           "ISO 3166 region hint for phone numbers of posts that carry none");

  MonitorTrendsArgs trends_args;
  CLI::App* monitor_trends = nullptr;
  monitor_trends = add_command(
      monitor, "trends", "demand surges in daily term counts (columns date,term,count)",
      [&trends_args, &monitor_trends](const app::Settings& settings, log::Logger& logger) {
        trends_args.extras = monitor_trends->remaining();
        return RunMonitorTrends(settings, logger, trends_args);
      }).first;
  monitor_trends->add_option("--in", trends_args.in, "the counts file (CSV); - for stdin")->required();
  monitor_trends->add_option("--method", trends_args.method, "ears-c1, ears-c2 (default) or ratio-to-baseline")
      ->default_str("ears-c2");
  monitor_trends->add_option("--format", trends_args.format, "json or text")->default_str("json");
  monitor_trends->footer(
      "Detector parameters as for `vigil warn detect` (--name=value): ears-c1/c2: baseline minSigma alpha;\n"
      "ratio-to-baseline: baseline (7) ratio (3) minCount (5).");
  monitor_trends->allow_extras();

  bool version_chosen = false;
  root.add_subcommand("version", "print the version")->callback([&] { version_chosen = true; });

  try {
    root.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return root.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return root.exit(help);
  } catch (const CLI::ParseError& error) {
    (void)root.exit(error);
    return kExitUsage;
  }
  if (version_chosen) return RunVersion();
  if (chosen == nullptr) return kExitUsage;
  if (auto applied = chosen->ApplyConfigFile(); !applied) return ReportError(applied.error());
  const app::Settings& settings = chosen->settings();
  log::Level level = log::Level::kInfo;
  if (!log::ParseLevel(settings.log_level, level)) {
    return ReportError({ErrorCode::kInvalidArgument, "--log-level must be debug, info, warn or error"});
  }
  log::Logger logger(level);
  return action(settings, logger);
}

}  // namespace vigil::cli
