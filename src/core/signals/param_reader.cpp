#include "core/signals/param_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace vigil::core::signals {
namespace {

tl::unexpected<Error> BadValue(const std::string& name, const std::string& expected) {
  return MakeError(ErrorCode::kInvalidArgument, "parameter " + name + ": expected " + expected,
                   "invalid-parameter");
}

std::string Lower(std::string_view text) {
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lowered;
}

std::string Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) text.remove_suffix(1);
  return std::string(text);
}

std::optional<double> ParseNumber(std::string_view text) {
  const std::string trimmed = Trim(text);
  double value = 0;
  const char* end = trimmed.data() + trimmed.size();
  auto [ptr, ec] = std::from_chars(trimmed.data(), end, value);
  if (trimmed.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<int> ParseInteger(std::string_view text) {
  const auto value = ParseNumber(text);
  if (!value || *value != std::floor(*value) || std::abs(*value) > 1e9) return std::nullopt;
  return static_cast<int>(*value);
}

}  // namespace

ParamReader::ParamReader(Method method, const std::vector<Parameter>& params) : method_(method) {
  for (const Parameter& param : params) given_[param.name] = param.value;
}

Result<double> ParamReader::Number(const std::string& name, double fallback, double min, double max) {
  const auto text = Take(name);
  double value = fallback;
  if (text) {
    const auto parsed = ParseNumber(*text);
    if (!parsed || *parsed < min || *parsed > max) {
      return BadValue(name, "a number from " + Format(min) + " to " + Format(max));
    }
    value = *parsed;
  }
  resolved_.push_back({name, value});
  return value;
}

Result<int> ParamReader::Integer(const std::string& name, int fallback, int min) {
  const auto text = Take(name);
  int value = fallback;
  if (text) {
    const auto parsed = ParseInteger(*text);
    if (!parsed || *parsed < min) return BadValue(name, "a whole number of at least " + std::to_string(min));
    value = *parsed;
  }
  resolved_.push_back({name, static_cast<double>(value)});
  return value;
}

Result<std::optional<int>> ParamReader::OptionalInteger(const std::string& name, std::optional<int> fallback, int min) {
  const auto text = Take(name);
  std::optional<int> value = fallback;
  if (text && Lower(Trim(*text)) != "null") {
    const auto parsed = ParseInteger(*text);
    if (!parsed || *parsed < min) return BadValue(name, "a whole number of at least " + std::to_string(min) + " or NULL");
    value = *parsed;
  } else if (text) {
    value.reset();
  }
  resolved_.push_back({name, value ? ParamValue(static_cast<double>(*value)) : ParamValue(std::monostate{})});
  return value;
}

Result<bool> ParamReader::Boolean(const std::string& name, bool fallback) {
  const auto text = Take(name);
  bool value = fallback;
  if (text) {
    const std::string lowered = Lower(Trim(*text));
    if (lowered == "true") {
      value = true;
    } else if (lowered == "false") {
      value = false;
    } else {
      return BadValue(name, "true or false");
    }
  }
  resolved_.push_back({name, value});
  return value;
}

Result<std::string> ParamReader::Choice(const std::string& name, const std::string& fallback,
                                        const std::vector<std::string>& choices) {
  const auto text = Take(name);
  std::string value = fallback;
  if (text) {
    value = Trim(*text);
    if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
      std::string list;
      for (const std::string& choice : choices) list += (list.empty() ? "" : ", ") + choice;
      return BadValue(name, "one of " + list);
    }
  }
  resolved_.push_back({name, value});
  return value;
}

Result<Limit54> ParamReader::Limit(const std::string& name) {
  const auto text = Take(name);
  Limit54 limit;
  if (text) {
    const std::string value = Trim(*text);
    const auto comma = value.find(',');
    const auto cases = comma == std::string::npos ? std::nullopt : ParseNumber(value.substr(0, comma));
    const auto periods = comma == std::string::npos ? std::nullopt : ParseInteger(value.substr(comma + 1));
    if (!cases || !periods || *cases < 0 || *periods <= 0) {
      return BadValue(name, "cases,periods with cases >= 0 and periods > 0, e.g. 5,4");
    }
    limit = {.cases = *cases, .periods = *periods};
  }
  resolved_.push_back({name, std::vector<double>{limit.cases, static_cast<double>(limit.periods)}});
  return limit;
}

Result<std::optional<RangeOption>> ParamReader::Range() {
  const auto text = Take("range");
  std::optional<RangeOption> range;
  if (text && Lower(Trim(*text)) != "null") {
    const std::string value = Trim(*text);
    const auto colon = value.find(':');
    const auto from = colon == std::string::npos ? std::nullopt : ParseInteger(value.substr(0, colon));
    const auto to = colon == std::string::npos ? std::nullopt : ParseInteger(value.substr(colon + 1));
    if (!from || !to || *from < 1 || *to < *from) return BadValue("range", "FROM:TO with 1 <= FROM <= TO");
    range = RangeOption{.from = *from, .to = *to};
  }
  return range;
}

// Records the range actually used (after defaults).
void ParamReader::ResolveRange(int from, int to) {
  resolved_.insert(resolved_.begin(), {"range", std::vector<double>{static_cast<double>(from), static_cast<double>(to)}});
}

Status ParamReader::CheckNoneLeft() const {
  for (const auto& [name, value] : given_) {
    (void)value;
    return MakeError(ErrorCode::kInvalidArgument,
                     "method " + std::string(MethodName(method_)) + " has no parameter " + name,
                     "unknown-parameter");
  }
  return {};
}


std::string ParamReader::Format(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::optional<std::string> ParamReader::Take(const std::string& name) {
  const auto found = given_.find(name);
  if (found == given_.end()) return std::nullopt;
  std::string value = found->second;
  given_.erase(found);
  return value;
}

}  // namespace vigil::core::signals
