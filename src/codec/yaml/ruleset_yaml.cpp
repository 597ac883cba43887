#include "codec/yaml/ruleset_yaml.hpp"

#include <sodium.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <regex>
#include <set>

#include "core/common/encoding.hpp"

namespace vigil::codec::yaml {
namespace {

using namespace core::identify;

std::optional<Verification> ParseVerification(FileReader& reader, const YAML::Node& node,
                                              const std::string& text) {
  if (text == "verified") return Verification::kVerified;
  if (text == "secondary") return Verification::kSecondary;
  if (text == "recall") return Verification::kRecall;
  if (text == "recall_low") return Verification::kRecallLow;
  reader.Error(node, "verification \"" + text + "\" is not verified, secondary, recall or recall_low");
  return std::nullopt;
}

SourcedRule ReadRule(FileReader& reader, const YAML::Node& node) {
  SourcedRule rule;
  rule.id = reader.Text(node, "id");
  rule.source = reader.Text(node, "source");
  const std::string verification = reader.Text(node, "verification");
  if (auto parsed = ParseVerification(reader, node["verification"], verification)) {
    rule.verification = *parsed;
  }
  return rule;
}

std::optional<Grade> ParseGrade(const std::string& text) {
  if (text == "strong") return Grade::kStrong;
  if (text == "medium") return Grade::kMedium;
  if (text == "weak") return Grade::kWeak;
  return std::nullopt;
}

std::optional<PalermoElement> ParseElement(const std::string& text) {
  if (text == "act") return PalermoElement::kAct;
  if (text == "means") return PalermoElement::kMeans;
  if (text == "purpose") return PalermoElement::kPurpose;
  return std::nullopt;
}

void ParseIlo(const YAML::Node& root, FileReader& reader, Ruleset& ruleset) {
  ruleset.id = reader.Text(root, "id");
  ruleset.version = reader.Text(root, "version");
  ruleset.status = reader.Text(root, "status");
  if (ruleset.status != "pending_verification" && ruleset.status != "verified") {
    reader.Error(root["status"], "status must be pending_verification or verified");
  }
  for (const auto& node : root["sets"]) {
    IndicatorSet set;
    set.id = reader.Text(node, "id");
    const std::string age = reader.Text(node, "age");
    const std::string type = reader.Text(node, "exploitation");
    if (age != "adult" && age != "child") reader.Error(node, "set age must be adult or child");
    if (type != "labour" && type != "sexual") reader.Error(node, "set exploitation must be labour or sexual");
    set.age = age == "child" ? AgeGroup::kChild : AgeGroup::kAdult;
    set.exploitation = type == "sexual" ? ExploitationType::kSexual : ExploitationType::kLabour;
    set.graded = reader.Text(node, "graded") != "false";
    if (ruleset.FindSet(set.id) != nullptr) reader.Error(node, "set \"" + set.id + "\" appears twice");
    ruleset.sets.push_back(set);
  }
  const YAML::Node rule = root["dimension_rule"];
  static_cast<SourcedRule&>(ruleset.dimension_rule) = ReadRule(reader, rule);
  for (const auto& clause_node : rule["any_of"]) {
    RuleClause clause;
    for (const auto& item : clause_node) {
      const std::string key = item.first.as<std::string>();
      const int value = item.second.as<int>(-1);
      if (value < 0) reader.Error(item.second, "\"" + key + "\" must be a whole number");
      if (key == "strong") clause.strong = value;
      else if (key == "medium") clause.medium = value;
      else if (key == "weak") clause.weak = value;
      else if (key == "medium_or_weak") clause.medium_or_weak = value;
      else reader.Error(item.first, "unknown count \"" + key + "\" in the dimension rule");
    }
    ruleset.dimension_rule.any_of.push_back(clause);
  }
  if (ruleset.dimension_rule.any_of.empty()) reader.Error(rule, "the dimension rule has no clauses");

  static const std::regex kIndicatorId("([A-Z]{2})-[0-9]{2}");
  for (const auto& dimension_node : root["dimensions"]) {
    Dimension dimension;
    dimension.id = reader.Text(dimension_node, "id");
    dimension.name = reader.Text(dimension_node, "name");
    const std::string phase = reader.Text(dimension_node, "phase");
    if (phase != "recruitment" && phase != "destination") {
      reader.Error(dimension_node, "phase must be recruitment or destination");
    }
    dimension.phase = phase == "destination" ? Phase::kDestination : Phase::kRecruitment;
    if (ruleset.FindDimension(dimension.id) != nullptr) {
      reader.Error(dimension_node, "dimension \"" + dimension.id + "\" appears twice");
    }
    for (const auto& node : dimension_node["indicators"]) {
      Indicator indicator;
      indicator.id = reader.Text(node, "id");
      indicator.dimension = dimension.id;
      indicator.phase = dimension.phase;
      indicator.label = reader.Text(node, "label");
      std::smatch match;
      if (!std::regex_match(indicator.id, match, kIndicatorId) || match[1] != dimension.id) {
        reader.Error(node, "indicator id \"" + indicator.id + "\" must look like " + dimension.id + "-01");
      }
      if (ruleset.indicators.contains(indicator.id)) {
        reader.Error(node, "indicator \"" + indicator.id + "\" appears twice");
      }
      for (const auto& grade : node["grades"]) {
        const std::string set_id = grade.first.as<std::string>();
        const IndicatorSet* set = ruleset.FindSet(set_id);
        auto parsed = ParseGrade(grade.second.as<std::string>(""));
        if (set == nullptr) {
          reader.Error(grade.first, indicator.id + ": grade for unknown set \"" + set_id + "\"");
        } else if (!set->graded) {
          reader.Error(grade.first, indicator.id + ": the set \"" + set_id +
                                        "\" has no known grades; none may be added");
        } else if (!parsed) {
          reader.Error(grade.second, indicator.id + ": grade must be strong, medium or weak");
        } else {
          indicator.grades[set_id] = *parsed;
        }
      }
      for (const auto& item : node["verification"]) {
        const std::string set_id = item.first.as<std::string>();
        if (!indicator.grades.contains(set_id)) {
          reader.Error(item.first, indicator.id + ": verification for a set without a grade");
        }
        if (auto parsed = ParseVerification(reader, item.second, item.second.as<std::string>(""))) {
          indicator.verification[set_id] = *parsed;
        }
      }
      for (const auto& [set_id, grade] : indicator.grades) {
        if (!indicator.verification.contains(set_id)) {
          reader.Error(node, indicator.id + ": the grade for " + set_id + " has no verification");
        }
      }
      dimension.indicators.push_back(indicator.id);
      ruleset.indicators[indicator.id] = std::move(indicator);
    }
    ruleset.dimensions.push_back(std::move(dimension));
  }
  for (const auto& node : root["combination_rules"]) {
    CombinationRule combination;
    static_cast<SourcedRule&>(combination) = ReadRule(reader, node);
    const std::string age = reader.Text(node, "age");
    if (age != "adult" && age != "child") reader.Error(node, "rule age must be adult or child");
    combination.age = age == "child" ? AgeGroup::kChild : AgeGroup::kAdult;
    for (const auto& clause : node["all_of"]) {
      std::vector<std::string> any_of;
      for (const auto& dimension : clause) {
        const std::string id = dimension.as<std::string>("");
        if (ruleset.FindDimension(id) == nullptr) {
          reader.Error(dimension, combination.id + ": unknown dimension \"" + id + "\"");
        }
        any_of.push_back(id);
      }
      combination.all_of.push_back(std::move(any_of));
    }
    ruleset.combination_rules.push_back(std::move(combination));
  }
  for (AgeGroup age : {AgeGroup::kAdult, AgeGroup::kChild}) {
    if (ruleset.CombinationFor(age) == nullptr) {
      reader.Error(root, std::string("no combination rule for ") +
                             (age == AgeGroup::kAdult ? "adults" : "children"));
    }
  }
}

void ParsePalermo(const YAML::Node& root, FileReader& reader, Ruleset& ruleset) {
  PalermoModel& model = ruleset.palermo;
  model.source = reader.Text(root, "source");
  std::set<PalermoElement> seen;
  for (const auto& node : root["elements"]) {
    PalermoElementSpec spec;
    const std::string id = reader.Text(node, "id");
    auto element = ParseElement(id);
    if (!element) {
      reader.Error(node, "element \"" + id + "\" is not act, means or purpose");
      continue;
    }
    if (!seen.insert(*element).second) reader.Error(node, "element \"" + id + "\" appears twice");
    spec.element = *element;
    spec.question = reader.Text(node, "question");
    if (spec.question != "palermo." + id) {
      reader.Error(node["question"], "the question for " + id + " must be palermo." + id);
    }
    spec.supplied_by = reader.List(node, "supplied_by");
    for (const std::string& dimension : spec.supplied_by) {
      if (ruleset.FindDimension(dimension) == nullptr) {
        reader.Error(node["supplied_by"], id + ": unknown dimension \"" + dimension + "\"");
      }
    }
    model.elements.push_back(std::move(spec));
  }
  if (seen.size() != 3) reader.Error(root, "the model needs the elements act, means and purpose");
  model.child_rule = ReadRule(reader, root["child_rule"]);
  model.adult_rule = ReadRule(reader, root["adult_rule"]);
}

void ParseInterview(const YAML::Node& root, FileReader& reader, Ruleset& ruleset) {
  for (const auto& node : root["safety"]) {
    SafetyQuestion question{reader.Text(node, "id"), reader.Text(node, "label"),
                            reader.Text(node, "source")};
    if (!question.id.starts_with("safety.")) reader.Error(node, "safety ids start with \"safety.\"");
    ruleset.safety.push_back(std::move(question));
  }
  for (const auto& node : root["extensions"]) {
    Extension extension;
    extension.id = reader.Text(node, "id");
    extension.label = reader.Text(node, "label");
    extension.source = reader.Text(node, "source");
    if (!extension.id.starts_with("ext.")) reader.Error(node, "extension ids start with \"ext.\"");
    if (reader.Text(node, "not_ilo") != "true") {
      reader.Error(node, extension.id + ": extensions must be marked not_ilo: true");
    }
    const std::string supplies = reader.Text(node, "supplies", false);
    if (!supplies.empty()) {
      extension.supplies = ParseElement(supplies);
      if (!extension.supplies) reader.Error(node["supplies"], "supplies must be act, means or purpose");
    }
    const auto ages = reader.List(node, "ages");
    extension.for_adults = std::find(ages.begin(), ages.end(), "adult") != ages.end();
    extension.for_children = std::find(ages.begin(), ages.end(), "child") != ages.end();
    ruleset.extensions.push_back(std::move(extension));
  }
  for (const auto& node : root["protocols"]) {
    Protocol protocol;
    protocol.id = reader.Text(node, "id");
    protocol.escalate_to = reader.Text(node, "escalate_to", false);
    protocol.max_questions = node["max_questions"].as<int>(0);
    if (node["items"].IsScalar() && node["items"].Scalar() == "all") {
      // Every question.
    } else {
      protocol.items = reader.List(node, "items");
    }
    if (protocol.max_questions > 0 && static_cast<int>(protocol.items.size()) > protocol.max_questions) {
      reader.Error(node, protocol.id + ": more items than max_questions");
    }
    ruleset.protocols.push_back(std::move(protocol));
  }
  // References are checked once every question is known.
  int protocol_idx = 0;
  for (const auto& node : root["protocols"]) {
    const Protocol& protocol = ruleset.protocols[protocol_idx++];
    for (const std::string& item : protocol.items) {
      if (!ruleset.IsQuestion(item)) reader.Error(node["items"], protocol.id + ": unknown question \"" + item + "\"");
    }
    if (!protocol.escalate_to.empty() && ruleset.FindProtocol(protocol.escalate_to) == nullptr) {
      reader.Error(node["escalate_to"], protocol.id + ": unknown protocol \"" + protocol.escalate_to + "\"");
    }
  }
  if (ruleset.FindProtocol("full") == nullptr) reader.Error(root, "the protocol \"full\" is missing");
}

void ParsePrompts(const YAML::Node& root, FileReader& reader, Ruleset& ruleset) {
  const std::string lang = reader.Text(root, "lang");
  if (reader.file() != "prompts/" + lang + ".yaml") {
    reader.Error(root["lang"], "lang \"" + lang + "\" does not match the file name");
  }
  auto& prompts = ruleset.prompts[lang];
  std::vector<std::string> expected = ruleset.QuestionIds();
  expected.insert(expected.end(), std::begin(kPersonQuestions), std::end(kPersonQuestions));
  for (const auto& item : root["items"]) {
    const std::string id = item.first.as<std::string>("");
    if (std::find(expected.begin(), expected.end(), id) == expected.end()) {
      reader.Error(item.first, "prompt for unknown question \"" + id + "\"");
      continue;
    }
    Prompt& prompt = prompts[id];
    prompt.prompt = reader.Text(item.second, "prompt");
    prompt.why = reader.Text(item.second, "why");
    for (const auto& option : item.second["options"]) {
      prompt.options[option.first.as<std::string>("")] = option.second.as<std::string>("");
    }
  }
  for (const auto& item : root["ui"]) {
    if (!item.second.IsScalar()) {
      reader.Error(item.second, "ui strings must be single values");
      continue;
    }
    ruleset.ui[lang][item.first.as<std::string>("")] = item.second.Scalar();
  }
  const auto listed_missing = reader.List(root, "missing");
  for (const std::string& id : expected) {
    if (prompts.contains(id)) continue;
    const bool listed = std::find(listed_missing.begin(), listed_missing.end(), id) != listed_missing.end();
    if (listed && lang != "en") {
      reader.Note(root["missing"], "no " + lang + " prompt for \"" + id + "\" (listed as missing; English is shown)");
    } else {
      reader.Error(root["items"], "no " + lang + " prompt for \"" + id + "\"" +
                                      (lang == "en" ? "" : " (translate it or list it under missing:)"));
    }
  }
}

// Refuses "verified" while an item that decides outcomes is not.
void CheckStatus(const Ruleset& ruleset, std::vector<RuleProblem>& problems, const std::string& file) {
  if (ruleset.status != "verified") return;
  bool all_verified = ruleset.dimension_rule.verification == Verification::kVerified;
  for (const auto& rule : ruleset.combination_rules) all_verified &= rule.verification == Verification::kVerified;
  for (const auto& [id, indicator] : ruleset.indicators) {
    for (const auto& [set, verification] : indicator.verification) {
      all_verified &= verification == Verification::kVerified;
    }
  }
  if (!all_verified) {
    problems.push_back({file, 0, "status is verified but some rules or grades are not; use pending_verification", true});
  }
}

std::string Sha256(const std::vector<RulesetFile>& files) {
  std::vector<const RulesetFile*> sorted;
  for (const auto& file : files) sorted.push_back(&file);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->name < b->name; });
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  for (const RulesetFile* file : sorted) {
    const std::string header = file->name + '\0' + std::to_string(file->text.size()) + '\0';
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(header.data()), header.size());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(file->text.data()), file->text.size());
  }
  std::array<std::uint8_t, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  return EncodeHex(digest);
}

}  // namespace

bool RulesetLoad::HasErrors() const { return yaml::HasErrors(problems); }

RulesetLoad ParseRuleset(const std::vector<RulesetFile>& files, const std::string& id) {
  RulesetLoad load;
  Ruleset ruleset;
  auto find = [&](const std::string& name) -> const RulesetFile* {
    for (const auto& file : files) {
      if (file.name == name) return &file;
    }
    load.problems.push_back({name, 0, "the file is missing", true});
    return nullptr;
  };
  // Order matters: the interview and prompts refer to the ILO and Palermo questions.
  const std::vector<std::pair<std::string, void (*)(const YAML::Node&, FileReader&, Ruleset&)>> parts = {
      {id + ".yaml", &ParseIlo}, {"palermo.yaml", &ParsePalermo}, {"interview.yaml", &ParseInterview}};
  for (const auto& [name, parse] : parts) {
    const RulesetFile* file = find(name);
    if (file == nullptr) continue;
    auto root = LoadYamlMapping(file->name, file->text, load.problems);
    if (!root) continue;
    FileReader reader(name, load.problems);
    try {
      parse(*root, reader, ruleset);
    } catch (const YAML::Exception& error) {
      load.problems.push_back({name, error.mark.line + 1, "unexpected structure: " + error.msg, true});
    }
  }
  if (!ruleset.id.empty() && ruleset.id != id) {
    load.problems.push_back({id + ".yaml", 0, "the file's id \"" + ruleset.id + "\" differs from its name", true});
  }
  bool has_english = false;
  for (const auto& file : files) {
    if (!file.name.starts_with("prompts/")) continue;
    has_english |= file.name == "prompts/en.yaml";
    auto root = LoadYamlMapping(file.name, file.text, load.problems);
    if (!root) continue;
    FileReader reader(file.name, load.problems);
    try {
      ParsePrompts(*root, reader, ruleset);
    } catch (const YAML::Exception& error) {
      load.problems.push_back({file.name, error.mark.line + 1, "unexpected structure: " + error.msg, true});
    }
  }
  if (!has_english) load.problems.push_back({"prompts/en.yaml", 0, "the English prompts are missing", true});
  CheckStatus(ruleset, load.problems, id + ".yaml");
  ruleset.sha256 = Sha256(files);
  if (!load.HasErrors()) load.ruleset = std::move(ruleset);
  return load;
}

}  // namespace vigil::codec::yaml
