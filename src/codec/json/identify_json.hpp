// JSON wire format of screening: the answers file / request body and the assessment. The CLI
// (`vigil screen`) and the API share these shapes (docs/identify.md).
#pragma once

#include <string>
#include <string_view>

#include "core/common/error.hpp"
#include "core/identify/assessment.hpp"
#include "core/identify/evaluate.hpp"

namespace vigil::codec::json {

struct ScreeningDocument {
  std::string ruleset = "ilo-2009";
  core::identify::ScreeningRequest request;
  bool store = false;  // API only: keep the assessment
};

// Parses `{"ruleset"?, "protocol"?, "person": {"age", "exploitation"}, "answers": {...}, "store"?}`.
// Errors name the field (reason "validation", "malformed-json" or "invalid-utf8"). Question ids
// are checked by Evaluate against the ruleset.
[[nodiscard]] Result<ScreeningDocument> ParseScreeningDocument(std::string_view body);

[[nodiscard]] std::string RenderAssessment(const core::identify::Assessment& assessment);

}  // namespace vigil::codec::json
