#include "codec/json/identify_json.hpp"

#include "codec/json/access_json.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace vigil::codec::json {
namespace {

using core::identify::Answer;
using core::identify::AgeStatus;

TEST(ParseScreeningDocument, ReadsTheDocumentedExample) {
  auto doc = ParseScreeningDocument(R"({ "ruleset": "ilo-2009", "protocol": "full",
    "person": { "age": "adult", "exploitation": ["labour"] },
    "answers": { "DR-01": "yes", "CD-01": "no", "EX-02": "unknown", "CR-03": "declined", "palermo.act": "yes" } })");
  ASSERT_TRUE(doc.has_value()) << doc.error().message;
  EXPECT_EQ(doc->ruleset, "ilo-2009");
  EXPECT_EQ(doc->request.protocol, "full");
  EXPECT_EQ(doc->request.profile.age, AgeStatus::kAdult);
  EXPECT_EQ(doc->request.profile.exploitation.size(), 1u);
  EXPECT_EQ(doc->request.answers.Get("CR-03"), Answer::kDeclined);
  EXPECT_EQ(doc->request.answers.Get("absent"), Answer::kUnknown);
  EXPECT_FALSE(doc->request.answers.WasAsked("absent"));
}

TEST(ParseScreeningDocument, DefaultsAndEmptyExploitation) {
  auto doc = ParseScreeningDocument(R"({"person":{"age":"unknown","exploitation":[]}})");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->ruleset, "ilo-2009");
  EXPECT_EQ(doc->request.protocol, "full");
  EXPECT_TRUE(doc->request.profile.exploitation.empty());
}

TEST(ParseScreeningDocument, ErrorsNameTheField) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"answers":{}})", "\"person\" is missing"},
      {R"({"person":{"age":"teen"}})", "person.age"},
      {R"({"person":{"age":"adult","exploitation":["fishing"]}})", "person.exploitation"},
      {R"({"person":{"age":"adult"},"answers":{"DR-01":"maybe"}})", "answers.DR-01"},
      {R"({"person":{"age":"adult"},"answers":[1]})", "\"answers\""},
      {R"({"person":{"age":"adult"},"remarks":"x"})", "unknown member \"remarks\""},
      {R"({"person":{"age":"adult"},"notes":5})", "\"notes\" must be a string"},
      {R"({"person":{"age":"adult"},"store":"yes"})", "\"store\""},
  };
  for (const auto& [body, part] : cases) {
    auto doc = ParseScreeningDocument(body);
    ASSERT_FALSE(doc.has_value()) << body;
    EXPECT_EQ(doc.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(doc.error().message.find(part), std::string::npos) << doc.error().message;
  }
  EXPECT_EQ(ParseScreeningDocument("{").error().reason, "malformed-json");
}

TEST(RenderAssessment, UsesTheStableNames) {
  core::identify::Assessment assessment;
  assessment.ruleset_id = "ilo-2009";
  assessment.ruleset_status = "pending_verification";
  assessment.sets.push_back({"adult-labour", {{"DR", {core::identify::DimensionStatus::kPositive, {"DR-01"}, {}}}},
                             core::identify::Outcome::kIndicated, {"DR"}});
  assessment.referral.level = core::identify::ReferralLevel::kRefer;
  const auto doc = nlohmann::json::parse(RenderAssessment(assessment));
  EXPECT_EQ(doc["ruleset"]["status"], "pending_verification");
  EXPECT_EQ(doc["sets"][0]["dimensions"]["DR"]["status"], "positive");
  EXPECT_EQ(doc["sets"][0]["outcome"], "indicated");
  EXPECT_EQ(doc["palermo"]["adult_outcome"], nullptr);
  EXPECT_EQ(doc["referral"]["level"], "refer");
  EXPECT_TRUE(doc["next_questions"].is_array());
}

}  // namespace
}  // namespace vigil::codec::json
