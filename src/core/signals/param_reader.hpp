// Parameters of a detector as `Detect` receives them (R names, values as text), read one by one
// with their defaults; whatever is left at the end is a parameter the method does not have.
// Internal to src/core/signals (detect.cpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/signals/detect.hpp"
#include "core/signals/farrington.hpp"

namespace vigil::core::signals {

class ParamReader {
 public:
  ParamReader(Method method, const std::vector<Parameter>& params);

  // Each reads `name` if given (else `fallback`), checks it, records the resolved value and
  // removes it from the given parameters. Errors (reason "invalid-parameter") name it.
  Result<double> Number(const std::string& name, double fallback, double min, double max);
  Result<int> Integer(const std::string& name, int fallback, int min);
  Result<std::optional<int>> OptionalInteger(const std::string& name, std::optional<int> fallback, int min);
  Result<bool> Boolean(const std::string& name, bool fallback);  // true/false in any case
  Result<std::string> Choice(const std::string& name, const std::string& fallback,
                             const std::vector<std::string>& choices);
  Result<Limit54> Limit(const std::string& name);  // "cases,periods"
  Result<std::optional<RangeOption>> Range();      // "FROM:TO", or NULL

  // Records the range actually used (after defaults), first among the resolved parameters.
  void ResolveRange(int from, int to);
  // Error (reason "unknown-parameter") when a given parameter was never read.
  Status CheckNoneLeft() const;
  std::vector<ResolvedParam>& resolved() { return resolved_; }

 private:
  static std::string Format(double value);
  std::optional<std::string> Take(const std::string& name);

  Method method_;
  std::map<std::string, std::string> given_;
  std::vector<ResolvedParam> resolved_;
};

}  // namespace vigil::core::signals
