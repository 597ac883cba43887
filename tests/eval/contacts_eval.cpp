// The contact-detail suite (tests/eval/contacts.yaml): runs the monitor's identifier stage on
// every case and reports phone recall per kind and every false phone. With --check it fails
// (exit 1) when recall is below 0.98 or any phone comes out of a text's prices, dates or ids.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "codec/yaml/monitor_yaml.hpp"
#include "core/monitor/identifiers.hpp"

namespace {

using vigil::core::monitor::IdentifierType;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Tally {
  int expected = 0;
  int found = 0;
  int false_phones = 0;
};

}  // namespace

int main(int argc, char** argv) {
  const bool check = argc > 1 && std::string(argv[1]) == "--check";
  const std::string root = VIGIL_SOURCE_DIR;
  auto overrides = vigil::codec::yaml::ParsePhoneOverridesYaml(
      "phone-overrides.yaml", ReadFile(root + "/data/monitor/phone-overrides.yaml"));
  if (!overrides) {
    std::fprintf(stderr, "%s\n", overrides.error().message.c_str());
    return 2;
  }
  vigil::core::monitor::IdentifierOptions options;
  options.phone_overrides = *overrides;
  auto extractor = vigil::core::monitor::IdentifierExtractor::Create(options);
  if (!extractor) {
    std::fprintf(stderr, "%s\n", extractor.error().message.c_str());
    return 2;
  }
  YAML::Node suite;
  try {
    suite = YAML::LoadFile(root + "/tests/eval/contacts.yaml");
  } catch (const YAML::Exception& error) {
    std::fprintf(stderr, "contacts.yaml:%d: %s\n", error.mark.line + 1, error.msg.c_str());
    return 2;
  }
  std::map<std::string, Tally> by_kind;
  std::map<std::string, Tally> by_lang;
  Tally total;
  int distractor_false = 0;
  int cases = 0;
  for (const auto& node : suite["cases"]) {
    ++cases;
    const std::string id = node["id"].as<std::string>();
    const std::string kind = node["kind"].as<std::string>();
    const std::string lang = node["lang"].as<std::string>();
    const std::string text = node["text"].as<std::string>();
    const bool has_distractors = node["distractors"].IsDefined() && node["distractors"].size() > 0;
    std::vector<std::string> expected;
    for (const auto& phone : node["phones"]) expected.push_back(phone.as<std::string>());
    std::vector<std::string> found;
    for (const auto& identifier : extractor->Extract(text, node["region"].as<std::string>())) {
      if (identifier.type == IdentifierType::kPhone) found.push_back(identifier.value);
    }
    int hits = 0;
    for (const auto& phone : expected) {
      if (std::find(found.begin(), found.end(), phone) != found.end()) {
        ++hits;
      } else {
        std::printf("missed  %-16s %s in: %s\n", id.c_str(), phone.c_str(), text.c_str());
      }
    }
    int false_phones = 0;
    for (const auto& phone : found) {
      if (std::find(expected.begin(), expected.end(), phone) == expected.end()) {
        ++false_phones;
        std::printf("false   %-16s %s in: %s\n", id.c_str(), phone.c_str(), text.c_str());
      }
    }
    if (has_distractors) distractor_false += false_phones;
    for (Tally* tally : {&by_kind[kind], &by_lang[lang], &total}) {
      tally->expected += static_cast<int>(expected.size());
      tally->found += hits;
      tally->false_phones += false_phones;
    }
  }
  auto recall = [](const Tally& tally) { return tally.expected == 0 ? 1.0 : double(tally.found) / tally.expected; };
  std::printf("\n%-10s %8s %8s %8s %6s\n", "group", "expected", "found", "recall", "false");
  for (const auto* table : {&by_kind, &by_lang}) {
    for (const auto& [name, tally] : *table) {
      std::printf("%-10s %8d %8d %8.3f %6d\n", name.c_str(), tally.expected, tally.found, recall(tally), tally.false_phones);
    }
  }
  std::printf("%-10s %8d %8d %8.3f %6d\n", "all", total.expected, total.found, recall(total), total.false_phones);
  std::printf("cases %d; false phones in texts with prices, dates or ids: %d\n", cases, distractor_false);
  if (!check) return 0;
  if (cases < 200) {
    std::printf("FAIL: the suite must hold at least 200 cases\n");
    return 1;
  }
  if (recall(total) < 0.98) {
    std::printf("FAIL: phone recall %.3f < 0.98\n", recall(total));
    return 1;
  }
  if (distractor_false > 0) {
    std::printf("FAIL: %d phones came from prices, dates or ids\n", distractor_false);
    return 1;
  }
  return 0;
}
