// `vigil rules check [PATH]` and `vigil screen --answers FILE`.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "codec/json/identify_json.hpp"
#include "codec/xlsform/xlsform.hpp"
#include "codec/yaml/ruleset_yaml.hpp"
#include "core/identify/evaluate.hpp"
#include "storage/file/ruleset_files.hpp"

namespace vigil::cli {
namespace {

using namespace core::identify;

void PrintProblems(const codec::yaml::RulesetLoad& load, std::ostream& out) {
  for (const auto& problem : load.problems) {
    out << problem.file;
    if (problem.line > 0) out << ":" << problem.line;
    out << ": " << (problem.is_error ? "error" : "note") << ": " << problem.message << "\n";
  }
}

// Loads a ruleset, printing its problems; nullopt (after printing) when it has errors.
std::optional<Ruleset> LoadRuleset(const std::string& path, const std::string& id, int& exit_code) {
  auto location = storage::file::LocateRuleset(path, id);
  if (!location) {
    exit_code = ReportError(location.error());
    return std::nullopt;
  }
  auto files = storage::file::ReadRulesetFiles(*location);
  if (!files) {
    exit_code = ReportError(files.error());
    return std::nullopt;
  }
  auto load = codec::yaml::ParseRuleset(*files, location->id);
  if (load.HasErrors()) {
    PrintProblems(load, std::cerr);
    std::cerr << "vigil: the ruleset " << location->id << " has errors and was not loaded\n";
    exit_code = kExitFailure;
    return std::nullopt;
  }
  return std::move(load.ruleset);
}

std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out.empty() ? "-" : out;
}

void RenderText(const Ruleset& ruleset, const Assessment& assessment, std::ostream& out) {
  out << "Screening summary (" << assessment.ruleset_id << " " << assessment.ruleset_version
      << ", " << assessment.ruleset_status << "). Not a legal determination.\n\n";
  out << "Referral: " << ReferralLevelName(assessment.referral.level) << "\n";
  for (const auto& reason : assessment.referral.reasons) out << "  - " << reason << "\n";
  for (const SetResult& set : assessment.sets) {
    out << "\nILO set " << set.set << ": " << OutcomeName(set.outcome)
        << " (decided by " << JoinIds(set.decided_by) << ")\n";
    for (const Dimension& dimension : ruleset.dimensions) {
      const DimensionResult& result = set.dimensions.at(dimension.id);
      out << "  " << dimension.id << " " << dimension.name << ": "
          << DimensionStatusName(result.status);
      if (!result.by.empty()) out << "; yes: " << JoinIds(result.by);
      if (!result.open.empty()) out << "; could still change with: " << JoinIds(result.open);
      out << "\n";
    }
  }
  const PalermoResult& palermo = assessment.palermo;
  out << "\nPalermo elements" << (palermo.child_path ? " (child path: no means needed)" : "")
      << ": act " << TriName(palermo.act) << ", means " << TriName(palermo.means) << ", purpose "
      << TriName(palermo.purpose) << " -> " << OutcomeName(palermo.outcome) << "\n";
  if (palermo.adult_outcome) {
    out << "  If the person is an adult: " << OutcomeName(*palermo.adult_outcome) << "\n";
  }
  if (!assessment.next_questions.empty()) {
    out << "\nAsk next: " << JoinIds(assessment.next_questions) << "\n";
  }
  if (assessment.escalate_to) out << "Continue with the " << *assessment.escalate_to << " protocol.\n";
  if (!assessment.unverified_items_used.empty()) {
    out << "\nUnverified rule items that decided these results: "
        << JoinIds(assessment.unverified_items_used) << "\n";
  }
}

}  // namespace

int RunRulesCheck(const app::Settings& settings, log::Logger& /*logger*/, const std::string& path) {
  const std::string target = path.empty() ? settings.data + "/rulesets" : path;
  auto location = storage::file::LocateRuleset(target, "ilo-2009");
  if (!location) return ReportError(location.error());
  auto files = storage::file::ReadRulesetFiles(*location);
  if (!files) return ReportError(files.error());
  auto load = codec::yaml::ParseRuleset(*files, location->id);
  PrintProblems(load, std::cout);
  if (load.HasErrors()) {
    std::cout << "ruleset " << location->id << ": problems found\n";
    return kExitFailure;
  }
  const Ruleset& ruleset = *load.ruleset;
  std::cout << "ruleset " << ruleset.id << " " << ruleset.version << " OK: "
            << ruleset.indicators.size() << " indicators in " << ruleset.dimensions.size()
            << " dimensions, " << ruleset.prompts.size() << " languages, status "
            << ruleset.status << ", sha256 " << ruleset.sha256 << "\n";
  return kExitOk;
}

int RunRulesExport(const app::Settings& settings, log::Logger& /*logger*/, const std::string& path,
                   const std::string& protocol, const std::string& out) {
  int exit_code = kExitOk;
  auto ruleset = LoadRuleset(path.empty() ? settings.data + "/rulesets" : path, "ilo-2009", exit_code);
  if (!ruleset) return exit_code;
  const std::string target = out.empty() ? ruleset->id + "-" + protocol + ".xlsx" : out;
  if (auto written = codec::xlsform::WriteXlsForm(*ruleset, protocol, target); !written) {
    return ReportError(written.error());
  }
  std::cout << "wrote the XLSForm of " << ruleset->id << " " << protocol << " to " << target
            << " (" << ruleset->prompts.size() << " languages)\n";
  return kExitOk;
}

int RunScreen(const app::Settings& settings, log::Logger& /*logger*/,
              const std::string& answers_path, const std::string& ruleset_id,
              const std::string& format) {
  if (format != "json" && format != "text") {
    return ReportError({ErrorCode::kInvalidArgument, "--format must be json or text"});
  }
  std::string body;
  if (answers_path == "-") {
    std::ostringstream text;
    text << std::cin.rdbuf();
    body = text.str();
  } else {
    std::ifstream in(answers_path, std::ios::binary);
    if (!in) return ReportError({ErrorCode::kInvalidArgument, "cannot read " + answers_path});
    std::ostringstream text;
    text << in.rdbuf();
    body = text.str();
  }
  auto document = codec::json::ParseScreeningDocument(body);
  if (!document) return ReportError(document.error());
  const std::string id = ruleset_id.empty() ? document->ruleset : ruleset_id;
  int exit_code = kExitOk;
  auto ruleset = LoadRuleset(settings.data + "/rulesets", id, exit_code);
  if (!ruleset) return exit_code;
  auto assessment = Evaluate(*ruleset, document->request);
  if (!assessment) return ReportError(assessment.error());
  if (format == "json") {
    std::cout << codec::json::RenderAssessment(*assessment) << "\n";
  } else {
    RenderText(*ruleset, *assessment, std::cout);
  }
  return kExitOk;
}

}  // namespace vigil::cli
