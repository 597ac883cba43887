// XLSForm export of a screening protocol, so that ODK and KoboToolbox teams can collect the same
// questions offline: survey (one select_one per question, labels and hints per language),
// choices and settings sheets.
#pragma once

#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/identify/ruleset.hpp"

namespace vigil::codec::xlsform {

// One row of the survey sheet, before it is written; exposed for tests.
struct SurveyRow {
  std::string type;  // "select_one answer", "note", ...
  std::string name;
  std::map<std::string, std::string> label;  // lang -> text
  std::map<std::string, std::string> hint;   // lang -> "why we ask"
  std::string relevant;
};

// The survey rows for `protocol`: a note with the disclaimer, the person questions, then the
// protocol's questions (safety first). kInvalidArgument for an unknown protocol.
[[nodiscard]] Result<std::vector<SurveyRow>> BuildSurvey(const core::identify::Ruleset& ruleset,
                                                         const std::string& protocol);

// Writes the XLSForm workbook to `path`. kUnavailable when the file cannot be written.
[[nodiscard]] Status WriteXlsForm(const core::identify::Ruleset& ruleset, const std::string& protocol,
                                  const std::string& path);

}  // namespace vigil::codec::xlsform
