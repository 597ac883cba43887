#include "core/identify/evaluate.hpp"

#include <algorithm>
#include <set>

#include "core/identify/dimension_rule.hpp"
#include "core/identify/logic.hpp"
#include "core/identify/next_questions.hpp"

namespace vigil::core::identify {
namespace {

using SetPair = std::pair<const IndicatorSet*, const SetResult*>;

std::map<std::string, DimensionStatus> Statuses(const SetResult& result) {
  std::map<std::string, DimensionStatus> statuses;
  for (const auto& [id, dimension] : result.dimensions) statuses[id] = dimension.status;
  return statuses;
}

bool Contains(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

// Records the items behind a determinate dimension that are not verified: the dimension rule
// and the grades of the answers that decided it.
class UnverifiedTracker {
 public:
  explicit UnverifiedTracker(const Ruleset& ruleset) : ruleset_(ruleset) {}

  void Rule(const SourcedRule& rule) {
    if (rule.verification != Verification::kVerified) items_.insert(rule.id);
  }

  void Dimension(const IndicatorSet& set, const std::string& dimension_id,
                 const SetResult& result, const Answers& answers) {
    const DimensionResult& dimension = result.dimensions.at(dimension_id);
    if (dimension.status == DimensionStatus::kUndetermined) return;
    Rule(ruleset_.dimension_rule);
    for (const std::string& id : ruleset_.FindDimension(dimension_id)->indicators) {
      const Indicator* indicator = ruleset_.FindIndicator(id);
      if (!indicator->grades.contains(set.id)) continue;
      const Answer answer = answers.Get(id);
      // Positive: the yes answers decided. Negative: every answer that was not "no".
      const bool decided = dimension.status == DimensionStatus::kPositive ? answer == Answer::kYes
                                                                          : answer != Answer::kNo;
      if (!decided) continue;
      auto verification = indicator->verification.find(set.id);
      if (verification == indicator->verification.end() ||
          verification->second != Verification::kVerified) {
        items_.insert("grade." + set.id + "." + id);
      }
    }
  }

  std::vector<std::string> Items() const { return {items_.begin(), items_.end()}; }

 private:
  const Ruleset& ruleset_;
  std::set<std::string> items_;
};

SetResult EvaluateSet(const Ruleset& ruleset, const IndicatorSet& set, const Answers& answers,
                      UnverifiedTracker& unverified) {
  SetResult result;
  result.set = set.id;
  for (const Dimension& dimension : ruleset.dimensions) {
    result.dimensions[dimension.id] = EvaluateDimension(ruleset, dimension, set.id, answers);
  }
  const CombinationRule* rule = ruleset.CombinationFor(set.age);
  const auto statuses = Statuses(result);
  const Tri value = EvaluateCombination(*rule, statuses);
  result.outcome = ToOutcome(value);
  std::set<std::string> decided;
  for (const auto& any_of : rule->all_of) {
    const bool clause_failed = std::all_of(any_of.begin(), any_of.end(), [&](const auto& id) {
      return statuses.at(id) == DimensionStatus::kNegative;
    });
    for (const std::string& id : any_of) {
      const DimensionStatus status = statuses.at(id);
      if ((value == Tri::kYes && status == DimensionStatus::kPositive) ||
          (value == Tri::kNo && clause_failed) ||
          (value == Tri::kUnknown && IsPivotalForCombination(*rule, statuses, id))) {
        decided.insert(id);
      }
    }
    // One failed clause is enough to explain "not indicated".
    if (value == Tri::kNo && clause_failed) break;
  }
  // Keep the ruleset's dimension order.
  for (const Dimension& dimension : ruleset.dimensions) {
    if (decided.contains(dimension.id)) result.decided_by.push_back(dimension.id);
  }
  if (value != Tri::kUnknown) {
    unverified.Rule(*rule);
    for (const std::string& id : result.decided_by) unverified.Dimension(set, id, result, answers);
  }
  return result;
}

Tri EvaluateElement(const Ruleset& ruleset, const PalermoElementSpec& spec, AgeGroup age,
                    const std::vector<SetPair>& sets, const Answers& answers,
                    const IndicatorSet** supplying_set, std::string* supplying_dimension) {
  const Answer question = answers.Get(spec.question);
  bool supplier_positive = false;
  bool all_negative = true;
  for (const auto& [set, result] : sets) {
    for (const std::string& dimension : spec.supplied_by) {
      const DimensionStatus status = result->dimensions.at(dimension).status;
      if (status == DimensionStatus::kPositive && !supplier_positive) {
        supplier_positive = true;
        *supplying_set = set;
        *supplying_dimension = dimension;
      }
      if (status != DimensionStatus::kNegative) all_negative = false;
    }
  }
  // Extensions that supply this element act as further questions about it: any yes
  // establishes it, and it is only "no" when each of them was answered no as well.
  bool extension_yes = false;
  for (const Extension& extension : ruleset.extensions) {
    const bool applies = age == AgeGroup::kChild ? extension.for_children : extension.for_adults;
    if (!applies || extension.supplies != spec.element) continue;
    const Answer answer = answers.Get(extension.id);
    if (answer == Answer::kYes) extension_yes = true;
    if (answer != Answer::kNo) all_negative = false;
  }
  if (question == Answer::kYes || supplier_positive || extension_yes) return Tri::kYes;
  if (question == Answer::kNo && all_negative) return Tri::kNo;
  return Tri::kUnknown;
}

PalermoPath EvaluatePath(const Ruleset& ruleset, AgeGroup age, const std::vector<SetPair>& sets,
                         const Answers& answers, UnverifiedTracker& unverified) {
  PalermoPath path;
  path.age = age;
  for (const auto& pair : sets) {
    if (pair.first->age == age) path.sets.push_back(pair);
  }
  const bool child = age == AgeGroup::kChild;
  for (const PalermoElementSpec& spec : ruleset.palermo.elements) {
    const IndicatorSet* supplying_set = nullptr;
    std::string supplying_dimension;
    const Tri value = EvaluateElement(ruleset, spec, age, path.sets, answers, &supplying_set,
                                      &supplying_dimension);
    switch (spec.element) {
      case PalermoElement::kAct: path.result.act = value; break;
      case PalermoElement::kMeans: path.result.means = value; break;
      case PalermoElement::kPurpose: path.result.purpose = value; break;
    }
    if (supplying_set != nullptr && answers.Get(spec.question) != Answer::kYes) {
      for (const auto& [set, result] : path.sets) {
        if (set == supplying_set) unverified.Dimension(*set, supplying_dimension, *result, answers);
      }
    }
  }
  path.result.child_path = child;
  const Tri outcome =
      EvaluatePalermo(path.result.act, path.result.means, path.result.purpose, child);
  path.result.outcome = ToOutcome(outcome);
  if (outcome != Tri::kUnknown) unverified.Rule(child ? ruleset.palermo.child_rule : ruleset.palermo.adult_rule);
  return path;
}

std::string SetNames(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

Referral DecideReferral(const Ruleset& ruleset, const ScreeningRequest& request,
                        const std::vector<SetPair>& sets, const std::vector<PalermoPath>& paths,
                        UnverifiedTracker& unverified) {
  Referral referral;
  const Answers& answers = request.answers;
  std::vector<std::string> urgent;
  for (const SafetyQuestion& question : ruleset.safety) {
    if (answers.Get(question.id) == Answer::kYes) {
      urgent.push_back("Safety: " + question.label + " (" + question.id + " answered yes).");
    }
  }
  const bool maybe_child = request.profile.age != AgeStatus::kAdult;
  if (maybe_child) {
    for (const auto& [set, result] : sets) {
      if (set->age != AgeGroup::kChild) continue;
      for (const auto& [id, dimension] : result->dimensions) {
        if (dimension.status != DimensionStatus::kPositive) continue;
        urgent.push_back("The person is or may be a child and " + id + " is positive in the " +
                         set->id + " set: refer to child protection now.");
        unverified.Dimension(*set, id, *result, answers);
      }
    }
    for (const PalermoPath& path : paths) {
      if (path.age != AgeGroup::kChild) continue;
      if (path.result.act == Tri::kYes) {
        urgent.push_back("The person is or may be a child and the act element is present.");
      }
      if (path.result.purpose == Tri::kYes) {
        urgent.push_back("The person is or may be a child and an exploitative purpose is present.");
      }
    }
  }
  std::vector<std::string> indicated;
  std::vector<std::string> undetermined;
  for (const auto& [set, result] : sets) {
    if (result->outcome == Outcome::kIndicated) indicated.push_back("ILO " + set->id);
    if (result->outcome == Outcome::kUndetermined) undetermined.push_back("ILO " + set->id);
  }
  for (const PalermoPath& path : paths) {
    const std::string name = path.age == AgeGroup::kChild ? "Palermo (child path)" : "Palermo";
    if (path.result.outcome == Outcome::kIndicated) indicated.push_back(name);
    if (path.result.outcome == Outcome::kUndetermined) undetermined.push_back(name);
  }
  if (!urgent.empty()) {
    referral.level = ReferralLevel::kUrgent;
    referral.reasons = urgent;
  } else if (!indicated.empty()) {
    referral.level = ReferralLevel::kRefer;
    referral.reasons.push_back("Indicators present: " + SetNames(indicated) +
                               ". Refer to the identification authority or a specialised service.");
  } else if (!undetermined.empty()) {
    referral.level = ReferralLevel::kContinue;
    referral.reasons.push_back("Not yet determined: " + SetNames(undetermined) +
                               ". Continue with the next questions.");
  } else {
    referral.level = ReferralLevel::kInform;
    referral.reasons.push_back(
        "No trafficking indicators in the answers given. Give information on rights and services.");
  }
  if (referral.level != ReferralLevel::kRefer && !indicated.empty()) {
    referral.reasons.push_back("Indicators present: " + SetNames(indicated) + ".");
  }
  return referral;
}

void AddNotes(const Ruleset& ruleset, const ScreeningRequest& request,
              const std::vector<const IndicatorSet*>& ungraded,
              const std::vector<PalermoPath>& paths, Referral& referral) {
  for (const IndicatorSet* set : ungraded) {
    referral.reasons.push_back("No ILO grades are known for the " + set->id +
                               " set, so it cannot be evaluated; the Palermo child path decides.");
  }
  for (const PalermoPath& path : paths) {
    if (path.age == AgeGroup::kAdult && path.result.means == Tri::kYes) {
      referral.reasons.push_back(
          "Means were used: any consent to the exploitation is irrelevant (Protocol art. 3(b)).");
    }
  }
  if (request.profile.age != AgeStatus::kAdult) {
    referral.reasons.push_back(
        "For a child, act and purpose suffice; no means are needed (Protocol art. 3(c)).");
  }
  if (request.answers.Get("ext.forced_criminality") == Answer::kYes) {
    referral.reasons.push_back(
        "Forced criminality: the non-punishment principle applies; do not treat the person as an "
        "offender for acts they were compelled to commit.");
  }
  if (ruleset.status != "verified") {
    referral.reasons.push_back("The " + ruleset.id +
                               " rules are pending verification: treat outcomes as screening "
                               "signals, never as a legal determination.");
  }
}

}  // namespace

std::vector<const IndicatorSet*> SelectSets(const Ruleset& ruleset, const Profile& profile) {
  std::vector<const IndicatorSet*> selected;
  for (const IndicatorSet& set : ruleset.sets) {
    const bool age_fits = profile.age == AgeStatus::kUnknown ||
                          (profile.age == AgeStatus::kAdult) == (set.age == AgeGroup::kAdult);
    const bool type_fits =
        profile.exploitation.empty() ||
        std::find(profile.exploitation.begin(), profile.exploitation.end(), set.exploitation) !=
            profile.exploitation.end();
    if (age_fits && type_fits) selected.push_back(&set);
  }
  return selected;
}

Result<Assessment> Evaluate(const Ruleset& ruleset, const ScreeningRequest& request) {
  const auto question_ids = ruleset.QuestionIds();
  const std::set<std::string> questions(question_ids.begin(), question_ids.end());
  for (const auto& [id, answer] : request.answers.values) {
    if (!questions.contains(id)) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "answers: \"" + id + "\" is not a question of the " + ruleset.id + " ruleset",
                       "validation");
    }
  }
  const Protocol* protocol = ruleset.FindProtocol(request.protocol);
  if (protocol == nullptr) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "protocol: \"" + request.protocol + "\" is not a protocol of " + ruleset.id,
                     "validation");
  }

  Assessment assessment;
  assessment.ruleset_id = ruleset.id;
  assessment.ruleset_version = ruleset.version;
  assessment.ruleset_sha256 = ruleset.sha256;
  assessment.ruleset_status = ruleset.status;
  assessment.protocol = protocol->id;
  UnverifiedTracker unverified(ruleset);

  std::vector<const IndicatorSet*> ungraded;
  const auto selected = SelectSets(ruleset, request.profile);
  assessment.sets.reserve(selected.size());
  std::vector<const IndicatorSet*> evaluated;
  for (const IndicatorSet* set : selected) {
    if (!set->graded) {
      ungraded.push_back(set);
      continue;
    }
    assessment.sets.push_back(EvaluateSet(ruleset, *set, request.answers, unverified));
    evaluated.push_back(set);
  }
  std::vector<SetPair> sets;
  for (std::size_t idx = 0; idx < evaluated.size(); ++idx) {
    sets.emplace_back(evaluated[idx], &assessment.sets[idx]);
  }

  std::vector<PalermoPath> paths;
  const AgeStatus age = request.profile.age;
  if (age != AgeStatus::kAdult) {
    paths.push_back(EvaluatePath(ruleset, AgeGroup::kChild, sets, request.answers, unverified));
  }
  if (age != AgeStatus::kChild) {
    paths.push_back(EvaluatePath(ruleset, AgeGroup::kAdult, sets, request.answers, unverified));
  }
  assessment.palermo = paths.front().result;
  if (age == AgeStatus::kUnknown) assessment.palermo.adult_outcome = paths.back().result.outcome;

  assessment.referral = DecideReferral(ruleset, request, sets, paths, unverified);
  AddNotes(ruleset, request, ungraded, paths, assessment.referral);

  const ReferralLevel level = assessment.referral.level;
  const bool escalates = !protocol->escalate_to.empty() &&
                         (level == ReferralLevel::kRefer || level == ReferralLevel::kContinue);
  RankingInput ranking{ruleset, request, sets, paths, level};
  std::vector<std::string> next = RankNextQuestions(ranking, *protocol);
  // A triage that has asked its questions (or has none left that matter) hands over to the
  // protocol it escalates to.
  const auto asked_in_protocol = std::count_if(
      protocol->items.begin(), protocol->items.end(),
      [&](const std::string& id) { return request.answers.WasAsked(id); });
  const bool protocol_done =
      std::none_of(next.begin(), next.end(),
                   [&](const std::string& id) { return Contains(protocol->items, id); }) ||
      (protocol->max_questions > 0 && asked_in_protocol >= protocol->max_questions);
  if (escalates) assessment.escalate_to = protocol->escalate_to;
  if (protocol_done) {
    const Protocol* next_protocol =
        escalates ? ruleset.FindProtocol(protocol->escalate_to) : nullptr;
    if (next_protocol != nullptr) {
      next = RankNextQuestions(ranking, *next_protocol);
    } else {
      // Nothing left in this protocol: only unanswered safety questions remain.
      std::erase_if(next, [&](const std::string& id) { return Contains(protocol->items, id); });
    }
  }
  assessment.next_questions = std::move(next);
  assessment.unverified_items_used = unverified.Items();
  return assessment;
}

}  // namespace vigil::core::identify
