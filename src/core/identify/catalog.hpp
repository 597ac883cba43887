// The screening rulesets a deployment has loaded, and the store port for assessments that a
// user chose to keep.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/identify/assessment.hpp"
#include "core/identify/evaluate.hpp"
#include "core/identify/ruleset.hpp"

namespace vigil::core::identify {

class RulesetCatalog {
 public:
  void Add(Ruleset ruleset) { rulesets_[ruleset.id] = std::move(ruleset); }
  // Null when no ruleset has this id.
  [[nodiscard]] const Ruleset* Find(const std::string& id) const;
  [[nodiscard]] std::vector<const Ruleset*> List() const;
  [[nodiscard]] bool Empty() const { return rulesets_.empty(); }

 private:
  std::map<std::string, Ruleset> rulesets_;
};

// A kept assessment. The assessment itself is not stored: the engine is deterministic and the
// ruleset's sha256 pins the rules, so it is recomputed from the request.
struct StoredAssessment {
  std::string id;  // assigned by the store
  std::int64_t created_ms = 0;
  std::string actor;
  std::string ruleset_id;
  std::string ruleset_sha256;
  ReferralLevel level = ReferralLevel::kInform;
  ScreeningRequest request;
  std::string notes;  // free text, only when the user adds it
};

class AssessmentStore {
 public:
  virtual ~AssessmentStore() = default;
  // Saves `record` (its id is ignored) and returns the new id. The request and notes are
  // sensitive: adapters keep them encrypted at rest.
  [[nodiscard]] virtual Result<std::string> SaveAssessment(const StoredAssessment& record) = 0;
  // kNotFound for an unknown id.
  [[nodiscard]] virtual Result<StoredAssessment> LoadAssessment(const std::string& id) = 0;
};

}  // namespace vigil::core::identify
