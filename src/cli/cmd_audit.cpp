// `vigil audit verify` and `vigil version`.
#include <iostream>

#include "app/context.hpp"
#include "cli/commands.hpp"
#include "version.hpp"

namespace vigil::cli {

int RunAuditVerify(const app::Settings& settings, log::Logger& logger) {
  auto ctx = app::Context::Open(settings, logger);
  if (!ctx) return ReportError(ctx.error());
  auto report = (*ctx)->audit().Verify();
  if (!report) return ReportError(report.error());
  if (!report->ok) {
    std::cout << "audit trail BROKEN at entry " << report->first_broken_seq.value_or(0) << ": "
              << report->problem << " (" << report->entries_checked
              << " entries checked before it)\n";
    return kExitFailure;
  }
  std::cout << "audit trail intact: " << report->entries_checked << " entries\n";
  return kExitOk;
}

int RunVersion() {
  std::cout << "vigil " << kVigilVersion << "\n";
  return kExitOk;
}

}  // namespace vigil::cli
