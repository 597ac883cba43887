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
  auto doc = ParseJsonObject(body, {"ruleset", "protocol", "person", "answers", "store"});
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
  auto profile = ParsePerson(*doc);
  if (!profile) return tl::unexpected(profile.error());
  document.request.profile = std::move(*profile);
  auto answers = ParseAnswers(*doc);
  if (!answers) return tl::unexpected(answers.error());
  document.request.answers = std::move(*answers);
  return document;
}

std::string RenderAssessment(const Assessment& assessment) {
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
  return doc.dump();
}

}  // namespace vigil::codec::json
