// Turns a vignette of tests/identify/vignettes.yaml into a screening request; shared by the
// vignette suite and the question-count benchmark.
#pragma once

#include <yaml-cpp/yaml.h>

#include "core/identify/evaluate.hpp"

namespace vigil::core::identify {

inline ScreeningRequest VignetteRequest(const YAML::Node& node) {
  ScreeningRequest request;
  const std::string age = node["person"]["age"].as<std::string>();
  request.profile.age = age == "adult" ? AgeStatus::kAdult : age == "child" ? AgeStatus::kChild : AgeStatus::kUnknown;
  for (const auto& type : node["person"]["exploitation"]) {
    request.profile.exploitation.push_back(type.as<std::string>() == "labour" ? ExploitationType::kLabour
                                                                              : ExploitationType::kSexual);
  }
  if (node["protocol"]) request.protocol = node["protocol"].as<std::string>();
  for (const auto& item : node["answers"]) {
    const std::string value = item.second.as<std::string>();
    request.answers.values[item.first.as<std::string>()] =
        value == "yes" ? Answer::kYes : value == "no" ? Answer::kNo
                                      : value == "declined" ? Answer::kDeclined : Answer::kUnknown;
  }
  return request;
}

}  // namespace vigil::core::identify
