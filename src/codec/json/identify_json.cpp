#include "codec/json/identify_json.hpp"

#include <nlohmann/json.hpp>

#include "codec/json/access_json.hpp"
#include "codec/json/json_object.hpp"

namespace vigil::codec::json {
namespace {

using namespace core::identify;
using nlohmann::json;

tl::unexpected<Error> Invalid(const std::string& message) {
  return MakeError(ErrorCode::kInvalidArgument, message, std::string(kReasonValidation));
}

Result<Profile> ParsePerson(const json& doc) {
  auto person = doc.find("person");
  if (person == doc.end()) return Invalid("\"person\" is missing");
  if (!person->is_object()) return Invalid("\"person\" must be an object");
  for (const auto& [key, value] : person->items()) {
    if (key != "age" && key != "exploitation") return Invalid("person: unknown member \"" + key + "\"");
  }
  Profile profile;
  auto age = person->find("age");
  if (age == person->end() || !age->is_string()) {
    return Invalid("person.age must be \"adult\", \"child\" or \"unknown\"");
  }
  const std::string age_text = age->get<std::string>();
  if (age_text == "adult") profile.age = AgeStatus::kAdult;
  else if (age_text == "child") profile.age = AgeStatus::kChild;
  else if (age_text == "unknown") profile.age = AgeStatus::kUnknown;
  else return Invalid("person.age must be \"adult\", \"child\" or \"unknown\"");
  auto types = person->find("exploitation");
  if (types != person->end()) {
    if (!types->is_array()) return Invalid("person.exploitation must be a list");
    for (const auto& type : *types) {
      const std::string text = type.is_string() ? type.get<std::string>() : "";
      ExploitationType parsed;
      if (text == "labour") parsed = ExploitationType::kLabour;
      else if (text == "sexual") parsed = ExploitationType::kSexual;
      else return Invalid("person.exploitation may hold only \"labour\" and \"sexual\"");
      if (std::find(profile.exploitation.begin(), profile.exploitation.end(), parsed) ==
          profile.exploitation.end()) {
        profile.exploitation.push_back(parsed);
      }
    }
  }
  return profile;
}

Result<Answers> ParseAnswers(const json& doc) {
  Answers answers;
  auto found = doc.find("answers");
  if (found == doc.end()) return answers;
  if (!found->is_object()) return Invalid("\"answers\" must be an object of question id to answer");
  for (const auto& [id, value] : found->items()) {
    const bool safe_id = id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
                           return std::isalnum(static_cast<unsigned char>(c)) || c == '.' ||
                                  c == '-' || c == '_';
                         });
    const std::string shown = safe_id ? id : "(an id with unexpected characters)";
    if (!safe_id) return Invalid("answers: " + shown + " is not a question id");
    const std::string text = value.is_string() ? value.get<std::string>() : "";
    if (text == "yes") answers.values[id] = Answer::kYes;
    else if (text == "no") answers.values[id] = Answer::kNo;
    else if (text == "unknown") answers.values[id] = Answer::kUnknown;
    else if (text == "declined") answers.values[id] = Answer::kDeclined;
    else return Invalid("answers." + id + " must be \"yes\", \"no\", \"unknown\" or \"declined\"");
  }
  return answers;
}

json Strings(const std::vector<std::string>& items) { return json(items); }

}  // namespace

Result<ScreeningDocument> ParseScreeningDocument(std::string_view body) {
  auto doc = ParseJsonObject(body, {"ruleset", "protocol", "person", "answers", "store", "notes"});
  if (!doc) return tl::unexpected(doc.error());
  ScreeningDocument document;
  if (auto ruleset = doc->find("ruleset"); ruleset != doc->end()) {
    if (!ruleset->is_string()) return Invalid("\"ruleset\" must be a string");
    document.ruleset = ruleset->get<std::string>();
  }
  if (auto protocol = doc->find("protocol"); protocol != doc->end()) {
    if (!protocol->is_string()) return Invalid("\"protocol\" must be a string");
    document.request.protocol = protocol->get<std::string>();
  }
  if (auto store = doc->find("store"); store != doc->end()) {
    if (!store->is_boolean()) return Invalid("\"store\" must be true or false");
    document.store = store->get<bool>();
  }
  if (auto notes = doc->find("notes"); notes != doc->end()) {
    if (!notes->is_string()) return Invalid("\"notes\" must be a string");
    document.notes = notes->get<std::string>();
  }
  auto profile = ParsePerson(*doc);
  if (!profile) return tl::unexpected(profile.error());
  document.request.profile = std::move(*profile);
  auto answers = ParseAnswers(*doc);
  if (!answers) return tl::unexpected(answers.error());
  document.request.answers = std::move(*answers);
  return document;
}

std::string RenderScreeningRequest(const std::string& ruleset, const ScreeningRequest& request) {
  json exploitation = json::array();
  for (ExploitationType type : request.profile.exploitation) {
    exploitation.push_back(type == ExploitationType::kLabour ? "labour" : "sexual");
  }
  json answers = json::object();
  for (const auto& [id, answer] : request.answers.values) answers[id] = AnswerName(answer);
  return json{{"ruleset", ruleset},
              {"protocol", request.protocol},
              {"person", {{"age", AgeStatusName(request.profile.age)}, {"exploitation", exploitation}}},
              {"answers", answers}}
      .dump();
}

std::string RenderAssessment(const Assessment& assessment,
                             const std::optional<std::string>& stored_id) {
  json sets = json::array();
  for (const SetResult& set : assessment.sets) {
    json dimensions = json::object();
    for (const auto& [id, dimension] : set.dimensions) {
      dimensions[id] = {{"status", DimensionStatusName(dimension.status)},
                        {"by", Strings(dimension.by)},
                        {"open", Strings(dimension.open)}};
    }
    sets.push_back({{"set", set.set},
                    {"dimensions", dimensions},
                    {"outcome", OutcomeName(set.outcome)},
                    {"decided_by", Strings(set.decided_by)}});
  }
  const PalermoResult& palermo = assessment.palermo;
  json doc = {
      {"ruleset",
       {{"id", assessment.ruleset_id},
        {"version", assessment.ruleset_version},
        {"sha256", assessment.ruleset_sha256},
        {"status", assessment.ruleset_status},
        {"unverified_items_used", Strings(assessment.unverified_items_used)}}},
      {"protocol", assessment.protocol},
      {"escalate_to", assessment.escalate_to ? json(*assessment.escalate_to) : json(nullptr)},
      {"sets", sets},
      {"palermo",
       {{"act", TriName(palermo.act)},
        {"means", TriName(palermo.means)},
        {"purpose", TriName(palermo.purpose)},
        {"child_path", palermo.child_path},
        {"outcome", OutcomeName(palermo.outcome)},
        {"adult_outcome",
         palermo.adult_outcome ? json(OutcomeName(*palermo.adult_outcome)) : json(nullptr)}}},
      {"referral",
       {{"level", ReferralLevelName(assessment.referral.level)},
        {"reasons", Strings(assessment.referral.reasons)}}},
      {"next_questions", Strings(assessment.next_questions)},
  };
  if (stored_id) doc["id"] = *stored_id;
  return doc.dump();
}

}  // namespace vigil::codec::json

namespace vigil::codec::json {
namespace {

using namespace core::identify;
using nlohmann::json;

// The prompt for `id` in `lang`, or in English with fallback=true.
json PromptJson(const Ruleset& ruleset, const std::string& lang, const std::string& id) {
  auto find = [&](const std::string& language) -> const Prompt* {
    auto by_lang = ruleset.prompts.find(language);
    if (by_lang == ruleset.prompts.end()) return nullptr;
    auto found = by_lang->second.find(id);
    return found == by_lang->second.end() ? nullptr : &found->second;
  };
  const Prompt* prompt = find(lang);
  const bool fallback = prompt == nullptr;
  if (fallback) prompt = find("en");
  json out = {{"prompt", prompt ? prompt->prompt : ""}, {"why", prompt ? prompt->why : ""}, {"fallback", fallback}};
  if (prompt != nullptr && !prompt->options.empty()) out["options"] = prompt->options;
  return out;
}

}  // namespace

std::string RenderRulesetForInterview(const Ruleset& ruleset, const std::string& lang) {
  const bool known_lang = ruleset.prompts.contains(lang);
  json ui = json::object();
  if (auto english = ruleset.ui.find("en"); english != ruleset.ui.end()) ui = english->second;
  if (auto translated = ruleset.ui.find(lang); translated != ruleset.ui.end()) {
    for (const auto& [key, text] : translated->second) ui[key] = text;
  }
  json questions = json::array();
  auto add = [&](const std::string& id, const std::string& kind, const std::string& label, json extra) {
    json question = PromptJson(ruleset, lang, id);
    question["id"] = id;
    question["kind"] = kind;
    question["label"] = label;
    for (auto& [key, value] : extra.items()) question[key] = value;
    questions.push_back(std::move(question));
  };
  for (const auto& question : ruleset.safety) add(question.id, "safety", question.label, json::object());
  add("person.age", "person", "age", json::object());
  add("person.exploitation", "person", "kind of exploitation", json::object());
  for (const auto& element : ruleset.palermo.elements) {
    add(element.question, "palermo", std::string(PalermoElementName(element.element)),
        {{"phase", element.element == PalermoElement::kPurpose ? "destination" : "recruitment"}});
  }
  json dimensions = json::array();
  for (const Dimension& dimension : ruleset.dimensions) {
    dimensions.push_back({{"id", dimension.id}, {"name", dimension.name},
                          {"phase", PhaseName(dimension.phase)}, {"indicators", dimension.indicators}});
    for (const std::string& id : dimension.indicators) {
      const Indicator& indicator = *ruleset.FindIndicator(id);
      json grades = json::object();
      for (const auto& [set, grade] : indicator.grades) grades[set] = GradeName(grade);
      add(id, "indicator", indicator.label,
          {{"dimension", dimension.id}, {"phase", PhaseName(indicator.phase)}, {"grades", grades}});
    }
  }
  for (const Extension& extension : ruleset.extensions) {
    add(extension.id, "extension", extension.label, {{"not_ilo", true}, {"source", extension.source}});
  }
  json sets = json::array();
  for (const IndicatorSet& set : ruleset.sets) {
    sets.push_back({{"id", set.id},
                    {"age", set.age == AgeGroup::kAdult ? "adult" : "child"},
                    {"exploitation", set.exploitation == ExploitationType::kLabour ? "labour" : "sexual"},
                    {"graded", set.graded}});
  }
  json protocols = json::array();
  for (const Protocol& protocol : ruleset.protocols) {
    protocols.push_back({{"id", protocol.id},
                         {"items", protocol.items},
                         {"max_questions", protocol.max_questions},
                         {"escalate_to", protocol.escalate_to.empty() ? json(nullptr) : json(protocol.escalate_to)}});
  }
  json languages = json::array();
  for (const auto& [language, prompts] : ruleset.prompts) languages.push_back(language);
  return json{{"id", ruleset.id},
              {"version", ruleset.version},
              {"status", ruleset.status},
              {"sha256", ruleset.sha256},
              {"lang", known_lang ? lang : "en"},
              {"lang_fallback", !known_lang},
              {"languages", languages},
              {"ui", ui},
              {"sets", sets},
              {"dimensions", dimensions},
              {"protocols", protocols},
              {"questions", questions}}
      .dump();
}

std::string RenderRulesetList(const std::vector<const Ruleset*>& rulesets) {
  json items = json::array();
  for (const Ruleset* ruleset : rulesets) {
    json languages = json::array();
    for (const auto& [language, prompts] : ruleset->prompts) languages.push_back(language);
    json protocols = json::array();
    for (const Protocol& protocol : ruleset->protocols) protocols.push_back(protocol.id);
    items.push_back({{"id", ruleset->id},
                     {"version", ruleset->version},
                     {"status", ruleset->status},
                     {"sha256", ruleset->sha256},
                     {"languages", languages},
                     {"protocols", protocols}});
  }
  return json{{"items", items}, {"next_cursor", nullptr}}.dump();
}

}  // namespace vigil::codec::json
