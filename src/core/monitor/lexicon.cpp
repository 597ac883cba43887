#include "core/monitor/lexicon.hpp"

#include <cctype>
#include <set>

namespace vigil::core::monitor {

const std::vector<LureIndicator>& LureIndicators() {
  static const std::vector<LureIndicator> kIndicators = {
      {"pay-unrealistic", "pay", "unrealistic pay for unskilled work abroad"},
      {"no-experience-or-language", "requirements", "no experience or language needed"},
      {"free-travel", "logistics", "travel or tickets paid or arranged by the recruiter"},
      {"free-housing", "logistics", "free housing arranged with the job"},
      {"visa-arranged", "documents", "visa or work permit arranged by the recruiter"},
      {"documents-by-recruiter", "documents", "passport or papers handled by the recruiter"},
      {"young-women-only", "profile", "only young women wanted"},
      {"photos-measurements", "profile", "photos or body measurements requested"},
      {"age-limit", "profile", "narrow age limits for the applicant"},
      {"urgent-departure", "pressure", "urgent departure"},
      {"fees-upfront", "fees", "fees or debts up front"},
      {"messenger-only", "contact", "contact only through messengers"},
      {"vague-employer", "employer", "vague or absent employer"},
      {"modelling-hostess-abroad", "job-type", "modelling, hostess, dancer or massage work abroad"},
      {"housing-women-children", "housing-offer", "private housing offered to women and children only"},
  };
  return kIndicators;
}

namespace {

bool IsIloId(const std::string& id) {
  static const std::set<std::string> kDimensions = {"DR", "CR", "AV", "EX", "CD", "VD"};
  return id.size() == 5 && kDimensions.count(id.substr(0, 2)) == 1 && id[2] == '-' &&
         std::isdigit(static_cast<unsigned char>(id[3])) &&
         std::isdigit(static_cast<unsigned char>(id[4]));
}

const LureIndicator* FindIndicator(const std::string& id) {
  for (const auto& indicator : LureIndicators()) {
    if (id == indicator.id) return &indicator;
  }
  return nullptr;
}

}  // namespace

Status ValidateLexicon(const std::vector<LexiconEntry>& entries) {
  std::string problems;
  auto problem = [&](const LexiconEntry& entry, const std::string& message) {
    if (!problems.empty()) problems += "\n";
    problems += entry.file + ":" + std::to_string(entry.line) + ": " +
                (entry.id.empty() ? std::string("(no id)") : entry.id) + ": " + message;
  };
  std::set<std::string> seen;
  for (const auto& entry : entries) {
    if (entry.id.empty()) problem(entry, "the id is missing");
    if (!entry.id.empty() && !seen.insert(entry.id).second) problem(entry, "the id is used twice");
    if (entry.language.empty()) problem(entry, "the language is missing");
    const LureIndicator* indicator = FindIndicator(entry.indicator);
    if (indicator == nullptr) {
      problem(entry, "unknown indicator \"" + entry.indicator + "\"");
    } else if (entry.category != indicator->category) {
      problem(entry, "indicator \"" + entry.indicator + "\" belongs to category \"" +
                         indicator->category + "\", not \"" + entry.category + "\"");
    }
    for (const auto& ilo : entry.ilo) {
      if (!IsIloId(ilo)) problem(entry, "\"" + ilo + "\" is not an ILO 2009 indicator id");
    }
    if (!(entry.weight > 0.0 && entry.weight <= 10.0)) {
      problem(entry, "the weight must be above 0 and at most 10");
    }
    if (entry.source.empty()) problem(entry, "the source is missing");
    if (entry.verification != "verified" && entry.verification != "unverified") {
      problem(entry, "verification must be \"verified\" or \"unverified\"");
    }
    if (entry.patterns.empty()) problem(entry, "at least one phrase or regex is needed");
    for (const auto& pattern : entry.patterns) {
      if (pattern.text.empty()) problem(entry, "an empty pattern");
    }
    if (entry.match.empty()) problem(entry, "at least one \"match\" sentence is needed");
    if (entry.no_match.empty()) problem(entry, "at least one \"no_match\" sentence is needed");
  }
  if (!problems.empty()) return MakeError(ErrorCode::kInvalidArgument, problems, "invalid-lexicon");
  return {};
}

}  // namespace vigil::core::monitor
