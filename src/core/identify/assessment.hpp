// The input and output of a screening: the person's profile and answers, and the assessment
// with its three separate parts (ILO outcomes per set, Palermo elements, referral advice) and
// the next questions to ask. Never a legal determination.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/identify/ruleset.hpp"

namespace vigil::core::identify {

enum class Answer { kYes, kNo, kUnknown, kDeclined };
enum class AgeStatus { kAdult, kChild, kUnknown };

struct Profile {
  AgeStatus age = AgeStatus::kUnknown;
  std::vector<ExploitationType> exploitation;  // empty: unknown, every type is evaluated
};

// Answers by question id. An absent id is unknown and still to be asked; an id present with
// kUnknown ("I don't know") or kDeclined counts as unknown but is never asked again.
struct Answers {
  std::map<std::string, Answer> values;
  [[nodiscard]] Answer Get(const std::string& id) const;
  [[nodiscard]] bool WasAsked(const std::string& id) const { return values.count(id) > 0; }
};

enum class DimensionStatus { kPositive, kNegative, kUndetermined };
enum class Outcome { kIndicated, kNotIndicated, kUndetermined };
enum class Tri { kYes, kNo, kUnknown };
enum class ReferralLevel { kUrgent, kRefer, kContinue, kInform };

struct DimensionResult {
  DimensionStatus status = DimensionStatus::kUndetermined;
  std::vector<std::string> by;    // yes answers that count in this set
  std::vector<std::string> open;  // for undetermined: unanswered indicators that could change it
};

struct SetResult {
  std::string set;
  std::map<std::string, DimensionResult> dimensions;  // all six
  Outcome outcome = Outcome::kUndetermined;
  std::vector<std::string> decided_by;  // dimensions
};

struct PalermoResult {
  Tri act = Tri::kUnknown;
  Tri means = Tri::kUnknown;
  Tri purpose = Tri::kUnknown;
  bool child_path = false;
  Outcome outcome = Outcome::kUndetermined;
  std::optional<Outcome> adult_outcome;  // set when the age is unknown
};

struct Referral {
  ReferralLevel level = ReferralLevel::kInform;
  std::vector<std::string> reasons;
};

struct Assessment {
  std::string ruleset_id;
  std::string ruleset_version;
  std::string ruleset_sha256;
  std::string ruleset_status;
  std::vector<std::string> unverified_items_used;
  std::string protocol;
  std::optional<std::string> escalate_to;
  std::vector<SetResult> sets;
  PalermoResult palermo;
  Referral referral;
  std::vector<std::string> next_questions;
};

[[nodiscard]] std::string_view AnswerName(Answer answer);
[[nodiscard]] std::string_view AgeStatusName(AgeStatus age);
[[nodiscard]] std::string_view DimensionStatusName(DimensionStatus status);
[[nodiscard]] std::string_view OutcomeName(Outcome outcome);
[[nodiscard]] std::string_view TriName(Tri value);
[[nodiscard]] std::string_view ReferralLevelName(ReferralLevel level);

}  // namespace vigil::core::identify
