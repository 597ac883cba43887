// The screening rule sets as data: ILO 2009 dimensions and indicators with grades per set, the
// dimension and combination rules, the Palermo elements, safety questions, conflict-setting
// extensions and protocols. Loaded from data/rulesets by codec/yaml; evaluated by Evaluate().
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vigil::core::identify {

enum class Grade { kStrong, kMedium, kWeak };
enum class Phase { kRecruitment, kDestination };
enum class AgeGroup { kAdult, kChild };
enum class ExploitationType { kLabour, kSexual };

// How sure the reference material is about an item (identification.md confidence tags).
enum class Verification {
  kVerified,    // checked against a primary or official source
  kSecondary,   // secondary source only
  kRecall,      // recalled, not confirmed
  kRecallLow,   // recalled with the lowest confidence
};

struct SourcedRule {
  std::string id;  // e.g. "rule.dimension"
  Verification verification = Verification::kRecall;
  std::string source;
};

struct Indicator {
  std::string id;         // canonical, e.g. "DR-01"
  std::string dimension;  // "DR"
  Phase phase = Phase::kRecruitment;
  std::string label;
  // Grade per set id ("adult-labour"); an absent key means the indicator is not in that set.
  std::map<std::string, Grade> grades;
  std::map<std::string, Verification> verification;
};

struct Dimension {
  std::string id;  // "DR", "CR", "AV", "EX", "CD", "VD"
  std::string name;
  Phase phase = Phase::kRecruitment;
  std::vector<std::string> indicators;
};

struct IndicatorSet {
  std::string id;  // "adult-labour"
  AgeGroup age = AgeGroup::kAdult;
  ExploitationType exploitation = ExploitationType::kLabour;
  bool graded = true;  // false: no grades are known; the set cannot be evaluated
};

// One clause of the dimension rule: every minimum must hold.
struct RuleClause {
  int strong = 0;
  int medium = 0;
  int weak = 0;
  int medium_or_weak = 0;
};

struct DimensionRule : SourcedRule {
  std::vector<RuleClause> any_of;
};

// all_of[i] lists dimensions of which at least one must be positive.
struct CombinationRule : SourcedRule {
  AgeGroup age = AgeGroup::kAdult;
  std::vector<std::vector<std::string>> all_of;
};

enum class PalermoElement { kAct, kMeans, kPurpose };

struct PalermoElementSpec {
  PalermoElement element = PalermoElement::kAct;
  std::string question;                  // "palermo.act"
  std::vector<std::string> supplied_by;  // ILO dimensions
};

struct PalermoModel {
  std::vector<PalermoElementSpec> elements;
  SourcedRule child_rule;  // act + purpose
  SourcedRule adult_rule;  // act + means + purpose
  std::string source;
};

struct SafetyQuestion {
  std::string id;  // "safety.danger"
  std::string label;
  std::string source;
};

struct Extension {
  std::string id;  // "ext.forced_marriage"
  std::string label;
  std::optional<PalermoElement> supplies;
  bool for_adults = true;
  bool for_children = true;
  std::string source;
};

struct Protocol {
  std::string id;                  // "triage", "full"
  std::vector<std::string> items;  // empty: every item
  int max_questions = 0;           // 0: no limit
  std::string escalate_to;         // protocol to continue with when the level says so
};

// Prompts for one language: question id -> text.
struct Prompt {
  std::string prompt;
  std::string why;
  std::map<std::string, std::string> options;  // for person.* questions: value -> label
};

struct Ruleset {
  std::string id;
  std::string version;
  std::string status;  // "pending_verification" or "verified"
  std::string sha256;  // over the files it was loaded from
  std::vector<IndicatorSet> sets;
  std::vector<Dimension> dimensions;
  std::map<std::string, Indicator> indicators;
  DimensionRule dimension_rule;
  std::vector<CombinationRule> combination_rules;
  PalermoModel palermo;
  std::vector<SafetyQuestion> safety;
  std::vector<Extension> extensions;
  std::vector<Protocol> protocols;
  std::map<std::string, std::map<std::string, Prompt>> prompts;  // lang -> id -> prompt
  std::map<std::string, std::map<std::string, std::string>> ui;   // lang -> key -> text

  [[nodiscard]] const Indicator* FindIndicator(const std::string& id) const;
  [[nodiscard]] const Dimension* FindDimension(const std::string& id) const;
  [[nodiscard]] const IndicatorSet* FindSet(const std::string& id) const;
  [[nodiscard]] const Protocol* FindProtocol(const std::string& id) const;
  [[nodiscard]] const CombinationRule* CombinationFor(AgeGroup age) const;
  // Every question id an answers file may use: indicators, palermo.*, safety.*, ext.*.
  [[nodiscard]] std::vector<std::string> QuestionIds() const;
  [[nodiscard]] bool IsQuestion(const std::string& id) const;
};

[[nodiscard]] std::string_view GradeName(Grade grade);
[[nodiscard]] std::string_view PhaseName(Phase phase);
[[nodiscard]] std::string_view VerificationName(Verification verification);
[[nodiscard]] std::string_view PalermoElementName(PalermoElement element);

}  // namespace vigil::core::identify
