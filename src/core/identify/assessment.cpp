#include "core/identify/assessment.hpp"

namespace vigil::core::identify {

Answer Answers::Get(const std::string& id) const {
  auto found = values.find(id);
  return found == values.end() ? Answer::kUnknown : found->second;
}

std::string_view AnswerName(Answer answer) {
  switch (answer) {
    case Answer::kYes: return "yes";
    case Answer::kNo: return "no";
    case Answer::kUnknown: return "unknown";
    case Answer::kDeclined: return "declined";
  }
  return "unknown";
}

std::string_view AgeStatusName(AgeStatus age) {
  switch (age) {
    case AgeStatus::kAdult: return "adult";
    case AgeStatus::kChild: return "child";
    case AgeStatus::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string_view DimensionStatusName(DimensionStatus status) {
  switch (status) {
    case DimensionStatus::kPositive: return "positive";
    case DimensionStatus::kNegative: return "negative";
    case DimensionStatus::kUndetermined: return "undetermined";
  }
  return "undetermined";
}

std::string_view OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kIndicated: return "indicated";
    case Outcome::kNotIndicated: return "not_indicated";
    case Outcome::kUndetermined: return "undetermined";
  }
  return "undetermined";
}

std::string_view TriName(Tri value) {
  switch (value) {
    case Tri::kYes: return "yes";
    case Tri::kNo: return "no";
    case Tri::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string_view ReferralLevelName(ReferralLevel level) {
  switch (level) {
    case ReferralLevel::kUrgent: return "urgent";
    case ReferralLevel::kRefer: return "refer";
    case ReferralLevel::kContinue: return "continue";
    case ReferralLevel::kInform: return "inform";
  }
  return "inform";
}

}  // namespace vigil::core::identify
