// The identify capability's entry point for the API: evaluate a screening, keep it only when the
// user asks, and audit every evaluation.
#pragma once

#include <optional>
#include <string>

#include "core/access/audit.hpp"
#include "core/access/types.hpp"
#include "core/common/clock.hpp"
#include "core/identify/catalog.hpp"

namespace vigil::core::identify {

inline constexpr std::size_t kMaxNotesBytes = 4000;

struct ScreeningInput {
  std::string ruleset_id = "ilo-2009";
  ScreeningRequest request;
  bool store = false;
  std::string notes;  // kept only with store
};

struct ScreeningOutcome {
  Assessment assessment;
  std::optional<std::string> stored_id;
};

class ScreeningService {
 public:
  ScreeningService(const RulesetCatalog& catalog, AssessmentStore& store,
                   access::AuditLog& audit, const Clock& clock)
      : catalog_(catalog), store_(store), audit_(audit), clock_(clock) {}

  // kNotFound for an unknown ruleset; kInvalidArgument for bad answers or notes without store
  // (nothing is stored then); store errors pass through.
  [[nodiscard]] Result<ScreeningOutcome> Screen(const access::Actor& actor,
                                                const ScreeningInput& input);

 private:
  const RulesetCatalog& catalog_;
  AssessmentStore& store_;
  access::AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace vigil::core::identify
