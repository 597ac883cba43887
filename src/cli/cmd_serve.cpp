// `vigil serve`: the HTTP server.
#include <iostream>

#include "app/context.hpp"
#include "cli/commands.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "version.hpp"

namespace vigil::cli {

int RunServe(const app::Settings& settings, log::Logger& logger) {
  auto listen = app::ParseListen(settings.listen);
  if (!listen) return ReportError(listen.error());
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  app::Context& context = **ctx;

  const auto policy = core::access::SessionPolicy{};
  (void)context.sessions().DeleteExpiredSessions(ToUnixMillis(context.clock().Now()),
                                                 policy.idle.count());

  http::Api api(http::ApiServices{context.authenticator(), context.accounts(), context.audit(),
                                  [&context] { return storage::sqlite::Ping(context.db()); }},
                http::ApiOptions{settings.max_body, settings.web, settings.cookie_secure,
                                 policy.absolute, std::string(kVigilVersion)});
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
