// `vigil user add|list|disable|passwd` and `vigil token add`.
#include <iostream>

#include "app/context.hpp"
#include "cli/commands.hpp"
#include "cli/password_input.hpp"

namespace vigil::cli {
namespace {

const core::access::Actor kCliActor{"cli", "admin", "cli"};

Result<core::access::Role> ParseRoleArgument(const std::string& role) {
  auto parsed = core::access::ParseRole(role);
  if (!parsed) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "--role must be one of admin, coordinator, caseworker, screener, analyst, "
                     "viewer");
  }
  return *parsed;
}

}  // namespace

int RunUserAdd(const app::Settings& settings, log::Logger& logger, const std::string& name,
               const std::string& role) {
  auto parsed_role = ParseRoleArgument(role);
  if (!parsed_role) return ReportError(parsed_role.error());
  if (auto valid = core::access::ValidateAccountName(name); !valid) {
    return ReportError(valid.error());
  }
  auto password = ReadNewPassword();
  if (!password) return ReportError(password.error());
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  auto user = (*ctx)->accounts().AddUser(kCliActor, name, *parsed_role, *password);
  if (!user) return ReportError(user.error());
  std::cout << "created user " << user->name << " with role " << core::access::RoleName(user->role)
            << "\n";
  return kExitOk;
}

int RunUserList(const app::Settings& settings, log::Logger& logger) {
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  std::int64_t after = 0;
  std::cout << "name\trole\tstatus\n";
  for (;;) {
    auto users = (*ctx)->accounts().ListUsers(kCliActor, after, 500);
    if (!users) return ReportError(users.error());
    for (const auto& user : *users) {
      std::cout << user.name << "\t" << core::access::RoleName(user.role) << "\t"
                << (user.disabled ? "disabled" : "active") << "\n";
      after = user.id;
    }
    if (users->size() < 500) break;
  }
  return kExitOk;
}

int RunUserDisable(const app::Settings& settings, log::Logger& logger, const std::string& name) {
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  auto user = (*ctx)->accounts().DisableUser(kCliActor, name);
  if (!user) return ReportError(user.error());
  std::cout << "disabled user " << user->name << " and ended their sessions\n";
  return kExitOk;
}

int RunUserPasswd(const app::Settings& settings, log::Logger& logger, const std::string& name) {
  auto password = ReadNewPassword();
  if (!password) return ReportError(password.error());
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  if (auto set = (*ctx)->accounts().SetPassword(kCliActor, name, *password); !set) {
    return ReportError(set.error());
  }
  std::cout << "changed the password of " << name << " and ended their sessions\n";
  return kExitOk;
}

int RunTokenAdd(const app::Settings& settings, log::Logger& logger, const std::string& name,
                const std::string& role) {
  auto parsed_role = ParseRoleArgument(role);
  if (!parsed_role) return ReportError(parsed_role.error());
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  auto token = (*ctx)->accounts().AddToken(kCliActor, name, *parsed_role);
  if (!token) return ReportError(token.error());
  std::cerr << "created API token " << token->record.name << " with role "
            << core::access::RoleName(token->record.role)
            << "; it is shown only now. Send it as `Authorization: Bearer <token>`.\n";
  std::cout << token->secret << "\n";
  return kExitOk;
}

}  // namespace vigil::cli
