// Sign-in throttling: counts failed attempts per account and per client address in a sliding
// window and refuses further attempts once a limit is reached, until the window has passed.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/common/clock.hpp"

namespace vigil::core::access {

struct ThrottlePolicy {
  std::size_t max_failures_per_account = 5;
  std::size_t max_failures_per_address = 20;
  std::chrono::milliseconds window = std::chrono::minutes(15);
};

// In-process state: each `vigil serve` throttles on its own. Thread-safe.
class SignInThrottle {
 public:
  SignInThrottle(const Clock& clock, ThrottlePolicy policy) : clock_(clock), policy_(policy) {}

  // Returns how long the caller must wait before another attempt for this account or address;
  // zero when an attempt is allowed now.
  [[nodiscard]] std::chrono::milliseconds RetryAfter(std::string_view account,
                                                     std::string_view address);
  void RecordFailure(std::string_view account, std::string_view address);
  // A successful sign-in clears the account's failures (not the address's).
  void RecordSuccess(std::string_view account);
  // How many accounts and addresses have recorded failures (memory in use); for tests.
  [[nodiscard]] std::size_t TrackedKeys();

 private:
  using Failures = std::deque<TimePoint>;
  void Prune(Failures& failures, TimePoint now) const;
  std::chrono::milliseconds WaitFor(Failures& failures, std::size_t limit, TimePoint now) const;

  const Clock& clock_;
  ThrottlePolicy policy_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> by_account_;
  std::unordered_map<std::string, Failures> by_address_;
};

}  // namespace vigil::core::access
