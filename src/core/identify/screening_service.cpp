#include "core/identify/screening_service.hpp"

namespace vigil::core::identify {

Result<ScreeningOutcome> ScreeningService::Screen(const access::Actor& actor,
                                                  const ScreeningInput& input) {
  auto record_audit = [&](const std::string& object_id, bool ok) {
    (void)audit_.Record({actor.name, actor.role, "identify.assess", "assessment", object_id,
                         ok ? "ok" : "error", actor.request_id});
  };
  // Every call is audited, refused ones included.
  auto refuse = [&](Error error) {
    record_audit("", false);
    return tl::unexpected(std::move(error));
  };
  const Ruleset* ruleset = catalog_.Find(input.ruleset_id);
  if (ruleset == nullptr) {
    return refuse({ErrorCode::kNotFound, "ruleset: \"" + input.ruleset_id + "\" is not loaded",
                   "validation"});
  }
  if (!input.notes.empty() && !input.store) {
    return refuse({ErrorCode::kInvalidArgument, "notes: notes are kept only with \"store\": true",
                   "validation"});
  }
  if (input.notes.size() > kMaxNotesBytes) {
    return refuse({ErrorCode::kInvalidArgument, "notes: longer than 4000 bytes", "validation"});
  }
  auto assessment = Evaluate(*ruleset, input.request);
  if (!assessment) return refuse(assessment.error());
  ScreeningOutcome outcome{std::move(*assessment), std::nullopt};
  if (input.store) {
    StoredAssessment record;
    record.created_ms = ToUnixMillis(clock_.Now());
    record.actor = actor.name;
    record.ruleset_id = ruleset->id;
    record.ruleset_sha256 = ruleset->sha256;
    record.level = outcome.assessment.referral.level;
    record.request = input.request;
    record.notes = input.notes;
    auto id = store_.SaveAssessment(record);
    if (!id) {
      record_audit("", false);
      return tl::unexpected(id.error());
    }
    outcome.stored_id = *id;
  }
  record_audit(outcome.stored_id.value_or(""), true);
  return outcome;
}

}  // namespace vigil::core::identify
