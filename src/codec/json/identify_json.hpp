// JSON wire format of screening: the answers file / request body and the assessment. The CLI
// (`vigil screen`) and the API share these shapes (docs/identify.md).
#pragma once

#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "core/common/error.hpp"
#include "core/identify/assessment.hpp"
#include "core/identify/evaluate.hpp"

namespace vigil::codec::json {

struct ScreeningDocument {
  std::string ruleset = "ilo-2009";
  core::identify::ScreeningRequest request;
  bool store = false;  // API only: keep the assessment
  std::string notes;   // API only, with store: free text the user chose to add
};

// Parses `{"ruleset"?, "protocol"?, "person": {"age", "exploitation"}, "answers": {...}, "store"?}`.
// Errors name the field (reason "validation", "malformed-json" or "invalid-utf8"). Question ids
// are checked by Evaluate against the ruleset.
[[nodiscard]] Result<ScreeningDocument> ParseScreeningDocument(std::string_view body);

// The request part of a screening document (ruleset, protocol, person, answers), the inverse
// of ParseScreeningDocument.
[[nodiscard]] std::string RenderScreeningRequest(const std::string& ruleset,
                                                 const core::identify::ScreeningRequest& request);

// The assessment; `stored_id` is added as "id" when the assessment was kept.
[[nodiscard]] std::string RenderAssessment(const core::identify::Assessment& assessment,
                                           const std::optional<std::string>& stored_id = std::nullopt);

}  // namespace vigil::codec::json

namespace vigil::codec::json {

// A ruleset as the interview screen needs it, with prompts, "why we ask" lines and screen
// strings in `lang`; any text missing in `lang` is given in English and marked "fallback".
[[nodiscard]] std::string RenderRulesetForInterview(const core::identify::Ruleset& ruleset,
                                                   const std::string& lang);
// The list of loaded rulesets: `{"items": [{id, version, status, sha256, languages, protocols}]}`.
[[nodiscard]] std::string RenderRulesetList(const std::vector<const core::identify::Ruleset*>& rulesets);

}  // namespace vigil::codec::json
