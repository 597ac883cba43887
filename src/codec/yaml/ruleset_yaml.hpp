// Reading a screening ruleset from its YAML files (data/rulesets): the ILO rule data, the
// Palermo model, the interview (safety, extensions, protocols) and the prompts per language.
// Every problem is named with its file and line; a ruleset with errors is never returned.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "codec/yaml/yaml_reader.hpp"
#include "core/identify/ruleset.hpp"

namespace vigil::codec::yaml {

struct RulesetFile {
  std::string name;  // relative to the rulesets folder: "ilo-2009.yaml", "prompts/uk.yaml"
  std::string text;
};

using RuleProblem = FileProblem;

struct RulesetLoad {
  std::optional<core::identify::Ruleset> ruleset;  // set only when there are no errors
  std::vector<RuleProblem> problems;
  [[nodiscard]] bool HasErrors() const;
};

// The question ids that prompts exist for beyond the ruleset's own questions.
inline constexpr std::string_view kPersonQuestions[] = {"person.age", "person.exploitation"};

// Parses and validates the ruleset `id` from `files` (`<id>.yaml`, `palermo.yaml`,
// `interview.yaml`, `prompts/<lang>.yaml`).
[[nodiscard]] RulesetLoad ParseRuleset(const std::vector<RulesetFile>& files, const std::string& id);

}  // namespace vigil::codec::yaml
