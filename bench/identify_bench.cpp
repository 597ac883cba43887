// Benchmarks (not tests) for the screening engine:
//  - time per Evaluate() call, next-question ranking included, at three interview stages;
//  - with --questions: how many questions the adaptive order asks before the referral is
//    decided, over the vignettes, against asking every applicable question.
// Usage: build/bench/identify_bench [--questions] [google-benchmark flags]
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <cstring>
#include <iomanip>
#include <iostream>

#include "codec/yaml/ruleset_yaml.hpp"
#include "core/identify/evaluate.hpp"
#include "identify/vignette_request.hpp"
#include "storage/file/ruleset_files.hpp"

namespace {

using namespace vigil::core::identify;

const Ruleset& LoadRuleset() {
  static const Ruleset ruleset = [] {
    auto files = vigil::storage::file::ReadRulesetFiles({std::string(VIGIL_SOURCE_DIR) + "/data/rulesets", "ilo-2009"});
    return *vigil::codec::yaml::ParseRuleset(*files, "ilo-2009").ruleset;
  }();
  return ruleset;
}

ScreeningRequest Stage(int answered) {
  ScreeningRequest request;
  request.profile = {AgeStatus::kUnknown, {}};
  const auto ids = LoadRuleset().QuestionIds();
  for (int idx = 0; idx < answered && idx < static_cast<int>(ids.size()); ++idx) {
    request.answers.values[ids[idx]] = idx % 3 == 0 ? Answer::kYes : Answer::kNo;
  }
  return request;
}

void BM_Evaluate(benchmark::State& state) {
  const Ruleset& ruleset = LoadRuleset();
  const ScreeningRequest request = Stage(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto assessment = Evaluate(ruleset, request);
    benchmark::DoNotOptimize(assessment);
  }
  state.SetLabel("age unknown, both exploitation types (all 3 graded sets), " +
                 std::to_string(state.range(0)) + " answers");
}
BENCHMARK(BM_Evaluate)->Arg(0)->Arg(20)->Arg(60)->Unit(benchmark::kMicrosecond);

// Simulates an interview: the vignette's answers are what the person would say (an item the
// vignette lacks is "I don't know"). Counts questions until the referral level is no longer
// "continue" and stays what the whole answer set gives.
int QuestionsToDecide(const Ruleset& ruleset, const ScreeningRequest& truth, bool adaptive) {
  const Assessment final_assessment = *Evaluate(ruleset, truth);
  ScreeningRequest interview;
  interview.profile = truth.profile;
  std::vector<std::string> fixed_order;
  for (const std::string& id : ruleset.QuestionIds()) fixed_order.push_back(id);
  std::size_t fixed_next = 0;
  for (int asked = 0;; ++asked) {
    const Assessment now = *Evaluate(ruleset, interview);
    if (now.referral.level != ReferralLevel::kContinue &&
        now.referral.level == final_assessment.referral.level) {
      return asked;
    }
    std::string next;
    if (adaptive) {
      if (now.next_questions.empty()) return asked;
      next = now.next_questions.front();
    } else {
      if (fixed_next >= fixed_order.size()) return asked;
      next = fixed_order[fixed_next++];
    }
    interview.answers.values[next] = truth.answers.Get(next) == Answer::kDeclined ? Answer::kDeclined
                                                                                : truth.answers.Get(next);
  }
}

int ApplicableQuestions(const Ruleset& ruleset, const Profile& profile) {
  const auto sets = SelectSets(ruleset, profile);
  int count = static_cast<int>(ruleset.safety.size() + ruleset.palermo.elements.size());
  for (const auto& [id, indicator] : ruleset.indicators) {
    for (const IndicatorSet* set : sets) {
      if (indicator.grades.contains(set->id)) {
        ++count;
        break;
      }
    }
  }
  for (const Extension& extension : ruleset.extensions) {
    if ((profile.age != AgeStatus::kChild && extension.for_adults) ||
        (profile.age != AgeStatus::kAdult && extension.for_children)) {
      ++count;
    }
  }
  return count;
}

int RunQuestionCounts() {
  const Ruleset& ruleset = LoadRuleset();
  const YAML::Node vignettes = YAML::LoadFile(std::string(VIGIL_SOURCE_DIR) + "/tests/identify/vignettes.yaml");
  double adaptive_sum = 0;
  double fixed_sum = 0;
  double all_sum = 0;
  int cases = 0;
  int decided_early = 0;
  for (const auto& vignette : vignettes) {
    const ScreeningRequest truth = VignetteRequest(vignette);
    const int adaptive = QuestionsToDecide(ruleset, truth, true);
    const int fixed = QuestionsToDecide(ruleset, truth, false);
    const int all = ApplicableQuestions(ruleset, truth.profile);
    adaptive_sum += adaptive;
    fixed_sum += fixed;
    all_sum += all;
    decided_early += adaptive < all;
    ++cases;
  }
  std::cout << std::fixed << std::setprecision(1);
  std::cout << "| order | mean questions to a decided referral |\n|---|---|\n";
  std::cout << "| adaptive (next_questions[0]) | " << adaptive_sum / cases << " |\n";
  std::cout << "| fixed ruleset order (safety, Palermo, DR..VD, extensions) | " << fixed_sum / cases << " |\n";
  std::cout << "| every applicable question | " << all_sum / cases << " |\n";
  std::cout << "\n" << cases << " vignettes; adaptive decided before the last applicable question in "
            << decided_early << ".\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  for (int idx = 1; idx < argc; ++idx) {
    if (std::strcmp(argv[idx], "--questions") == 0) return RunQuestionCounts();
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
