#include "core/identify/evaluate.hpp"

#include <gtest/gtest.h>

#include <random>

#include "core/identify/test_ruleset.hpp"

namespace vigil::core::identify {
namespace {

ScreeningRequest Request(AgeStatus age, std::vector<ExploitationType> types,
                         std::map<std::string, Answer> answers = {}) {
  ScreeningRequest request;
  request.profile = {age, std::move(types)};
  request.answers.values = std::move(answers);
  return request;
}

Assessment Screen(const ScreeningRequest& request) {
  auto assessment = Evaluate(ShippedRuleset(), request);
  EXPECT_TRUE(assessment.has_value()) << (assessment ? "" : assessment.error().message);
  return *assessment;
}

int Rank(DimensionStatus status) {
  return status == DimensionStatus::kNegative ? 0 : status == DimensionStatus::kUndetermined ? 1 : 2;
}
int Rank(Outcome outcome) {
  return outcome == Outcome::kNotIndicated ? 0 : outcome == Outcome::kUndetermined ? 1 : 2;
}
int Rank(Tri value) { return value == Tri::kNo ? 0 : value == Tri::kUnknown ? 1 : 2; }
int Rank(ReferralLevel level) {
  switch (level) {
    case ReferralLevel::kInform: return 0;
    case ReferralLevel::kContinue: return 1;
    case ReferralLevel::kRefer: return 2;
    case ReferralLevel::kUrgent: return 3;
  }
  return 0;
}

// Everything an assessment says, as one string, for equality checks.
std::string Summary(const Assessment& assessment) {
  std::string out;
  for (const auto& set : assessment.sets) {
    out += set.set + ":" + std::string(OutcomeName(set.outcome)) + ";";
    for (const auto& [id, dimension] : set.dimensions) {
      out += id + "=" + std::string(DimensionStatusName(dimension.status));
      for (const auto& by : dimension.by) out += "+" + by;
      for (const auto& open : dimension.open) out += "?" + open;
      out += ";";
    }
    for (const auto& id : set.decided_by) out += "d:" + id;
  }
  const auto& palermo = assessment.palermo;
  out += std::string(TriName(palermo.act)) + std::string(TriName(palermo.means)) +
         std::string(TriName(palermo.purpose)) + std::string(OutcomeName(palermo.outcome));
  out += palermo.adult_outcome ? std::string(OutcomeName(*palermo.adult_outcome)) : "-";
  out += std::string(ReferralLevelName(assessment.referral.level));
  for (const auto& reason : assessment.referral.reasons) out += "|" + reason;
  for (const auto& id : assessment.next_questions) out += "," + id;
  for (const auto& id : assessment.unverified_items_used) out += "u" + id;
  return out;
}

const std::vector<AgeStatus> kAges = {AgeStatus::kAdult, AgeStatus::kChild, AgeStatus::kUnknown};
const std::vector<std::vector<ExploitationType>> kTypes = {
    {ExploitationType::kLabour}, {ExploitationType::kSexual}, {}};

std::map<std::string, Answer> RandomAnswers(std::mt19937& random, double answered_share) {
  const auto ids = ShippedRuleset().QuestionIds();
  std::uniform_real_distribution<double> share(0.0, 1.0);
  std::uniform_int_distribution<int> pick(0, 3);
  std::map<std::string, Answer> answers;
  for (const std::string& id : ids) {
    if (share(random) < answered_share) answers[id] = static_cast<Answer>(pick(random));
  }
  return answers;
}

TEST(Evaluate, RejectsUnknownQuestionsAndProtocols) {
  auto bad_id = Evaluate(ShippedRuleset(), Request(AgeStatus::kAdult, {}, {{"DR-99", Answer::kYes}}));
  ASSERT_FALSE(bad_id.has_value());
  EXPECT_NE(bad_id.error().message.find("DR-99"), std::string::npos);
  auto request = Request(AgeStatus::kAdult, {});
  request.protocol = "quick";
  EXPECT_FALSE(Evaluate(ShippedRuleset(), request).has_value());
}

TEST(Evaluate, ChildSexualExploitationIsDecidedByThePalermoChildPath) {
  auto assessment = Screen(Request(AgeStatus::kChild, {ExploitationType::kSexual},
                                {{"palermo.act", Answer::kYes}, {"palermo.purpose", Answer::kYes}}));
  EXPECT_TRUE(assessment.sets.empty());
  EXPECT_TRUE(assessment.palermo.child_path);
  EXPECT_EQ(assessment.palermo.outcome, Outcome::kIndicated);
  EXPECT_EQ(assessment.referral.level, ReferralLevel::kUrgent);
  bool explained = false;
  for (const auto& reason : assessment.referral.reasons) {
    explained |= reason.find("child-sexual") != std::string::npos;
  }
  EXPECT_TRUE(explained);
}

TEST(Evaluate, SafetyQuestionsComeFirstAndAnsweredItemsNeverReturn) {
  auto assessment = Screen(Request(AgeStatus::kAdult, {ExploitationType::kLabour},
                                {{"DR-01", Answer::kDeclined}, {"EX-01", Answer::kUnknown}}));
  ASSERT_GE(assessment.next_questions.size(), 2u);
  EXPECT_EQ(assessment.next_questions[0], "safety.danger");
  EXPECT_EQ(assessment.next_questions[1], "safety.controller_present");
  for (const auto& id : assessment.next_questions) {
    EXPECT_NE(id, "DR-01");
    EXPECT_NE(id, "EX-01");
  }
}

TEST(Evaluate, TriageAsksAtMostItsItemsThenEscalates) {
  ScreeningRequest request = Request(AgeStatus::kAdult, {ExploitationType::kLabour},
                                     {{"safety.danger", Answer::kNo},
                                      {"safety.controller_present", Answer::kNo}});
  request.protocol = "triage";
  const Protocol& triage = *ShippedRuleset().FindProtocol("triage");
  auto first = Screen(request);
  for (const auto& id : first.next_questions) {
    EXPECT_NE(std::find(triage.items.begin(), triage.items.end(), id), triage.items.end()) << id;
  }
  for (const auto& id : triage.items) request.answers.values[id] = Answer::kUnknown;
  auto done = Screen(request);
  EXPECT_EQ(done.referral.level, ReferralLevel::kContinue);
  EXPECT_EQ(done.escalate_to, "full");
  ASSERT_FALSE(done.next_questions.empty());
  EXPECT_EQ(std::find(triage.items.begin(), triage.items.end(), done.next_questions[0]),
            triage.items.end());
}

// Property: turning any answer into "yes" never lowers a dimension, an outcome, a Palermo
// element or the referral level.
TEST(EvaluateProperties, AddingAYesNeverLowersAnything) {
  std::mt19937 random(20261128);
  const auto ids = ShippedRuleset().QuestionIds();
  for (int trial = 0; trial < 300; ++trial) {
    auto request = Request(kAges[trial % 3], kTypes[(trial / 3) % 3], RandomAnswers(random, 0.6));
    const Assessment before = Screen(request);
    request.answers.values[ids[random() % ids.size()]] = Answer::kYes;
    const Assessment after = Screen(request);
    ASSERT_EQ(before.sets.size(), after.sets.size());
    for (std::size_t idx = 0; idx < before.sets.size(); ++idx) {
      EXPECT_LE(Rank(before.sets[idx].outcome), Rank(after.sets[idx].outcome));
      for (const auto& [id, dimension] : before.sets[idx].dimensions) {
        EXPECT_LE(Rank(dimension.status), Rank(after.sets[idx].dimensions.at(id).status));
      }
    }
    EXPECT_LE(Rank(before.palermo.act), Rank(after.palermo.act));
    EXPECT_LE(Rank(before.palermo.means), Rank(after.palermo.means));
    EXPECT_LE(Rank(before.palermo.purpose), Rank(after.palermo.purpose));
    EXPECT_LE(Rank(before.palermo.outcome), Rank(after.palermo.outcome));
    EXPECT_LE(Rank(before.referral.level), Rank(after.referral.level));
  }
}

// Property: a determinate result holds for every completion of the unknown answers. Every
// question is answered except a few unknowns, and all 2^k completions are evaluated.
TEST(EvaluateProperties, DeterminateResultsHoldForEveryCompletion) {
  std::mt19937 random(7);
  const auto ids = ShippedRuleset().QuestionIds();
  for (int trial = 0; trial < 40; ++trial) {
    std::map<std::string, Answer> answers;
    for (const auto& id : ids) answers[id] = random() % 4 == 0 ? Answer::kYes : Answer::kNo;
    std::vector<std::string> unknown;
    while (unknown.size() < 7) {
      const std::string& id = ids[random() % ids.size()];
      if (std::find(unknown.begin(), unknown.end(), id) != unknown.end()) continue;
      unknown.push_back(id);
      answers[id] = random() % 2 ? Answer::kUnknown : Answer::kDeclined;
    }
    auto request = Request(kAges[trial % 3], kTypes[(trial / 3) % 3], answers);
    const Assessment partial = Screen(request);
    for (unsigned mask = 0; mask < (1u << unknown.size()); ++mask) {
      for (std::size_t idx = 0; idx < unknown.size(); ++idx) {
        request.answers.values[unknown[idx]] = (mask >> idx) & 1u ? Answer::kYes : Answer::kNo;
      }
      const Assessment full = Screen(request);
      for (std::size_t set = 0; set < partial.sets.size(); ++set) {
        if (partial.sets[set].outcome != Outcome::kUndetermined) {
          ASSERT_EQ(partial.sets[set].outcome, full.sets[set].outcome);
        }
        for (const auto& [id, dimension] : partial.sets[set].dimensions) {
          if (dimension.status != DimensionStatus::kUndetermined) {
            ASSERT_EQ(dimension.status, full.sets[set].dimensions.at(id).status);
          }
        }
      }
      if (partial.palermo.outcome != Outcome::kUndetermined) {
        ASSERT_EQ(partial.palermo.outcome, full.palermo.outcome);
      }
      for (auto element : {&PalermoResult::act, &PalermoResult::means, &PalermoResult::purpose}) {
        if (partial.palermo.*element != Tri::kUnknown) {
          ASSERT_EQ(partial.palermo.*element, full.palermo.*element);
        }
      }
    }
  }
}

TEST(EvaluateProperties, TheChildPathNeverNeedsMeans) {
  std::mt19937 random(3);
  for (int trial = 0; trial < 100; ++trial) {
    auto request = Request(AgeStatus::kChild, kTypes[trial % 3], RandomAnswers(random, 0.5));
    request.answers.values["palermo.means"] = Answer::kNo;
    const Assessment without_means = Screen(request);
    request.answers.values["palermo.means"] = Answer::kYes;
    const Assessment with_means = Screen(request);
    EXPECT_EQ(without_means.palermo.outcome, with_means.palermo.outcome);
  }
}

TEST(EvaluateProperties, DeclinedBehavesAsUnknown) {
  std::mt19937 random(11);
  for (int trial = 0; trial < 100; ++trial) {
    auto request = Request(kAges[trial % 3], kTypes[(trial / 3) % 3], RandomAnswers(random, 0.5));
    for (auto& [id, answer] : request.answers.values) {
      if (answer == Answer::kDeclined) answer = Answer::kUnknown;
    }
    const std::string unknown = Summary(Screen(request));
    for (auto& [id, answer] : request.answers.values) {
      if (answer == Answer::kUnknown) answer = Answer::kDeclined;
    }
    EXPECT_EQ(unknown, Summary(Screen(request)));
  }
}

}  // namespace
}  // namespace vigil::core::identify
