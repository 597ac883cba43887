#include "codec/json/trends_json.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace vigil::codec::json {
namespace {

using nlohmann::json;

json Value(double value) {
  if (value == std::floor(value) && std::abs(value) < 1e15) return static_cast<long long>(value);
  return value;
}

json Optional(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? Value(*value) : json(nullptr);
}

json Param(const core::signals::ParamValue& value) {
  if (std::holds_alternative<bool>(value)) return std::get<bool>(value);
  if (std::holds_alternative<double>(value)) return Value(std::get<double>(value));
  if (std::holds_alternative<std::string>(value)) return std::get<std::string>(value);
  if (std::holds_alternative<std::vector<double>>(value)) {
    json array = json::array();
    for (const double item : std::get<std::vector<double>>(value)) array.push_back(Value(item));
    return array;
  }
  return nullptr;
}

}  // namespace

std::string RenderTrendReport(const core::monitor::TrendReport& report) {
  json params = json::object();
  for (const auto& param : report.params) {
    if (param.name != "range") params[param.name] = Param(param.value);  // ranges differ per term
  }
  json terms = json::array();
  for (const auto& term : report.terms) {
    json surges = json::array();
    for (const auto& surge : term.surges) {
      surges.push_back({{"date", surge.date},
                        {"observed", Value(surge.observed)},
                        {"expected", Optional(surge.expected)},
                        {"upper", Optional(surge.upper)},
                        {"score", Optional(surge.score)}});
    }
    json latest = nullptr;
    if (term.latest) {
      latest = {{"date", term.latest_date},
                {"observed", Value(term.latest->observed)},
                {"expected", Optional(term.latest->expected)},
                {"upper", Optional(term.latest->upper)},
                {"alarm", term.latest->alarm},
                {"score", Optional(term.latest->score)}};
    }
    terms.push_back({{"term", term.term},
                     {"days", term.days},
                     {"filled_days", term.filled_days},
                     {"problem", term.problem.empty() ? json(nullptr) : json(term.problem)},
                     {"latest", std::move(latest)},
                     {"surges", std::move(surges)}});
  }
  const json document = {{"method", std::string(core::signals::MethodName(report.method))},
                         {"params", std::move(params)},
                         {"terms", std::move(terms)}};
  return document.dump();
}

}  // namespace vigil::codec::json
