// The `vigil` command line (CLI11): subcommands, and the settings each takes from flags, then
// the environment (VIGIL_*), then the YAML file given with --config, then defaults.
// The only translation unit that includes CLI11.
#include <CLI/CLI.hpp>

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

class SettingsParser {
 public:
  explicit SettingsParser(app::Settings& settings) : settings_(settings) {}

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

  app::Settings& settings_;
  std::string config_path_;
  std::map<std::string, SettingBinding> bindings_;
};

}  // namespace

int Run(int argc, char** argv) {
  CLI::App root{"Vigil: counter-trafficking platform for prevention and response", "vigil"};
  root.require_subcommand(1);
  app::Settings settings;
  SettingsParser parser(settings);
  std::function<int(log::Logger&)> action;

  auto* serve = root.add_subcommand("serve", "serve the API and the web app over HTTP");
  parser.AddStorageOptions(serve);
  parser.AddServeOptions(serve);
  serve->callback([&] { action = [&](log::Logger& logger) { return RunServe(settings, logger); }; });

  auto* db = root.add_subcommand("db", "database maintenance");
  db->require_subcommand(1);
  auto* migrate = db->add_subcommand("migrate", "apply pending migrations");
  parser.AddStorageOptions(migrate);
  migrate->callback([&] { action = [&](log::Logger& logger) { return RunDbMigrate(settings, logger); }; });
  std::string backup_path;
  auto* backup = db->add_subcommand("backup", "write a consistent online copy of the database");
  backup->add_option("PATH", backup_path, "where to write the copy (must not exist)")->required();
  parser.AddStorageOptions(backup);
  backup->callback([&] {
    action = [&](log::Logger& logger) { return RunDbBackup(settings, logger, backup_path); };
  });

  std::string name;
  std::string role;
  auto* user = root.add_subcommand("user", "manage accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand(
      "add", "create an account; the password comes from a prompt or the first line of stdin");
  user_add->add_option("NAME", name, "account name")->required();
  user_add->add_option("--role", role, "admin, coordinator, caseworker, screener, analyst or viewer")
      ->required();
  parser.AddStorageOptions(user_add);
  user_add->callback([&] {
    action = [&](log::Logger& logger) { return RunUserAdd(settings, logger, name, role); };
  });
  auto* user_list = user->add_subcommand("list", "list accounts");
  parser.AddStorageOptions(user_list);
  user_list->callback([&] { action = [&](log::Logger& logger) { return RunUserList(settings, logger); }; });
  auto* user_disable = user->add_subcommand("disable", "disable an account and end its sessions");
  user_disable->add_option("NAME", name, "account name")->required();
  parser.AddStorageOptions(user_disable);
  user_disable->callback([&] {
    action = [&](log::Logger& logger) { return RunUserDisable(settings, logger, name); };
  });
  auto* user_passwd = user->add_subcommand("passwd", "set a new password (prompt or stdin)");
  user_passwd->add_option("NAME", name, "account name")->required();
  parser.AddStorageOptions(user_passwd);
  user_passwd->callback([&] {
    action = [&](log::Logger& logger) { return RunUserPasswd(settings, logger, name); };
  });

  auto* token = root.add_subcommand("token", "manage API tokens for machine clients");
  token->require_subcommand(1);
  auto* token_add = token->add_subcommand("add", "create an API token; it is printed once");
  token_add->add_option("NAME", name, "token name")->required();
  token_add->add_option("--role", role, "the role the token acts with")->required();
  parser.AddStorageOptions(token_add);
  token_add->callback([&] {
    action = [&](log::Logger& logger) { return RunTokenAdd(settings, logger, name, role); };
  });

  auto* audit = root.add_subcommand("audit", "the audit trail");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "recompute the hash chain; exit 1 when broken");
  parser.AddStorageOptions(verify);
  verify->callback([&] { action = [&](log::Logger& logger) { return RunAuditVerify(settings, logger); }; });

  auto* version = root.add_subcommand("version", "print the version");
  version->callback([&] { action = [](log::Logger&) { return RunVersion(); }; });

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
  if (auto applied = parser.ApplyConfigFile(); !applied) return ReportError(applied.error());
  log::Level level = log::Level::kInfo;
  if (!log::ParseLevel(settings.log_level, level)) {
    return ReportError({ErrorCode::kInvalidArgument, "--log-level must be debug, info, warn or error"});
  }
  log::Logger logger(level);
  return action(logger);
}

}  // namespace vigil::cli
