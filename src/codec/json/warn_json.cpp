#include "codec/json/warn_json.hpp"

#include <cmath>
#include <sstream>

#include "codec/json/json_object.hpp"
#include "codec/json/signal_values.hpp"

namespace vigil::codec::json {

using nlohmann::json;

json NumberJson(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 1e15) {
    return static_cast<long long>(value);
  }
  return value;
}

json ParamValueJson(const core::signals::ParamValue& value) {
  if (std::holds_alternative<bool>(value)) return std::get<bool>(value);
  if (std::holds_alternative<double>(value)) return NumberJson(std::get<double>(value));
  if (std::holds_alternative<std::string>(value)) return std::get<std::string>(value);
  if (std::holds_alternative<std::vector<double>>(value)) {
    json array = json::array();
    for (const double item : std::get<std::vector<double>>(value)) array.push_back(NumberJson(item));
    return array;
  }
  return nullptr;
}

namespace {

json ToJson(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? json(*value) : json(nullptr);
}

tl::unexpected<Error> Invalid(const std::string& message) {
  return MakeError(ErrorCode::kInvalidArgument, message, "validation");
}

// A parameter value as the text the detectors parse.
Result<std::string> ParamText(const std::string& name, const json& value) {
  if (value.is_boolean()) return std::string(value.get<bool>() ? "true" : "false");
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number()) {
    std::ostringstream out;
    out.precision(17);
    out << value.get<double>();
    return out.str();
  }
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return std::string("NULL");
  if (value.is_array() && value.size() == 2 && value[0].is_number() && value[1].is_number()) {
    auto first = ParamText(name, value[0]);
    auto second = ParamText(name, value[1]);
    return *first + (name == "range" ? ":" : ",") + *second;
  }
  return Invalid("params." + name + " must be a number, boolean, string or a pair of numbers");
}

Result<std::vector<double>> Numbers(const json& object, const char* key) {
  std::vector<double> values;
  if (!object.contains(key)) return values;
  const json& array = object.at(key);
  if (!array.is_array()) return Invalid(std::string(key) + " must be an array of numbers");
  for (std::size_t i = 0; i < array.size(); ++i) {
    if (!array[i].is_number()) {
      return Invalid(std::string(key) + "[" + std::to_string(i) + "] is not a number");
    }
    values.push_back(array[i].get<double>());
  }
  return values;
}

}  // namespace

std::string RenderDetection(const core::signals::Detection& detection, const std::vector<std::string>& periods) {
  json params = json::object();
  for (const auto& param : detection.params) params[param.name] = ParamValueJson(param.value);
  json points = json::array();
  for (const auto& point : detection.points) {
    const auto index = static_cast<std::size_t>(point.index);
    json period = index >= 1 && index <= periods.size() ? json(periods[index - 1]) : json(point.index);
    points.push_back({{"index", point.index},
                      {"period", std::move(period)},
                      {"observed", NumberJson(point.observed)},
                      {"expected", ToJson(point.expected)},
                      {"upper", ToJson(point.upper)},
                      {"alarm", point.alarm},
                      {"score", ToJson(point.score)}});
  }
  json document = {{"method", std::string(core::signals::MethodName(detection.method))},
                   {"params", std::move(params)},
                   {"points", std::move(points)},
                   {"notes", detection.notes}};
  return document.dump();
}

Result<DetectRequest> ParseDetectRequest(std::string_view body) {
  auto object = ParseJsonObject(body, {"method", "params", "observed", "population", "frequency", "periods"});
  if (!object) return tl::unexpected(object.error());
  auto method_name = RequireString(*object, "method");
  if (!method_name) return tl::unexpected(method_name.error());
  DetectRequest request;
  const auto method = core::signals::ParseMethod(*method_name);
  if (!method) {
    std::string names;
    for (const auto name : core::signals::MethodNames()) names += (names.empty() ? "" : ", ") + std::string(name);
    return Invalid("method must be one of " + names);
  }
  request.method = *method;
  if (object->contains("params")) {
    const json& params = object->at("params");
    if (!params.is_object()) return Invalid("params must be an object");
    for (const auto& [name, value] : params.items()) {
      auto text = ParamText(name, value);
      if (!text) return tl::unexpected(text.error());
      request.params.push_back({name, *text});
    }
  }
  if (!object->contains("observed")) return Invalid("observed is required");
  auto observed = Numbers(*object, "observed");
  if (!observed) return tl::unexpected(observed.error());
  request.input.observed = std::move(*observed);
  auto population = Numbers(*object, "population");
  if (!population) return tl::unexpected(population.error());
  request.input.population = std::move(*population);
  if (object->contains("frequency")) {
    const json& frequency = object->at("frequency");
    if (!frequency.is_number_integer() || frequency.get<long long>() < 1 || frequency.get<long long>() > 366) {
      return Invalid("frequency must be a whole number from 1 to 366");
    }
    request.input.frequency = static_cast<int>(frequency.get<long long>());
  }
  if (object->contains("periods")) {
    const json& periods = object->at("periods");
    if (!periods.is_array() || periods.size() != request.input.observed.size()) {
      return Invalid("periods must be an array with one label per observed value");
    }
    for (const json& label : periods) {
      if (!label.is_string()) return Invalid("periods must hold strings");
      request.periods.push_back(label.get<std::string>());
    }
  }
  return request;
}

}  // namespace vigil::codec::json
