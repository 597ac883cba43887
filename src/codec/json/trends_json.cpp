#include "codec/json/trends_json.hpp"

#include <cmath>

#include "codec/json/signal_values.hpp"

namespace vigil::codec::json {
namespace {

using nlohmann::json;

json Optional(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? NumberJson(*value) : json(nullptr);
}

}  // namespace

std::string RenderTrendReport(const core::monitor::TrendReport& report) {
  json params = json::object();
  for (const auto& param : report.params) {
    if (param.name != "range") params[param.name] = ParamValueJson(param.value);  // ranges differ per term
  }
  json terms = json::array();
  for (const auto& term : report.terms) {
    json surges = json::array();
    for (const auto& surge : term.surges) {
      surges.push_back({{"date", surge.date},
                        {"observed", NumberJson(surge.observed)},
                        {"expected", Optional(surge.expected)},
                        {"upper", Optional(surge.upper)},
                        {"score", Optional(surge.score)}});
    }
    json latest = nullptr;
    if (term.latest) {
      latest = {{"date", term.latest_date},
                {"observed", NumberJson(term.latest->observed)},
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
