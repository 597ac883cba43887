#include "core/access/throttle.hpp"

#include <algorithm>

namespace vigil::core::access {

void SignInThrottle::Prune(Failures& failures, TimePoint now) const {
  while (!failures.empty() && now - failures.front() >= policy_.window) failures.pop_front();
}

std::chrono::milliseconds SignInThrottle::WaitFor(Failures& failures, std::size_t limit,
                                                  TimePoint now) const {
  Prune(failures, now);
  if (failures.size() < limit) return std::chrono::milliseconds(0);
  // The oldest failure that keeps the count at the limit must leave the window first.
  const TimePoint release = failures[failures.size() - limit] + policy_.window;
  return std::chrono::duration_cast<std::chrono::milliseconds>(release - now);
}

std::chrono::milliseconds SignInThrottle::RetryAfter(std::string_view account,
                                                     std::string_view address) {
  const std::lock_guard lock(mutex_);
  const TimePoint now = clock_.Now();
  // Look up without inserting: a refused request must not leave state behind.
  auto wait = [&](auto& map, std::string_view key, std::size_t limit) {
    auto found = map.find(std::string(key));
    return found == map.end() ? std::chrono::milliseconds(0) : WaitFor(found->second, limit, now);
  };
  return std::max(wait(by_account_, account, policy_.max_failures_per_account),
                  wait(by_address_, address, policy_.max_failures_per_address));
}

void SignInThrottle::RecordFailure(std::string_view account, std::string_view address) {
  const std::lock_guard lock(mutex_);
  const TimePoint now = clock_.Now();
  by_account_[std::string(account)].push_back(now);
  by_address_[std::string(address)].push_back(now);
  // Bound memory under a flood of distinct names or addresses.
  constexpr std::size_t kMaxTracked = 100'000;
  if (by_account_.size() > kMaxTracked) by_account_.clear();
  if (by_address_.size() > kMaxTracked) by_address_.clear();
}

std::size_t SignInThrottle::TrackedKeys() {
  const std::lock_guard lock(mutex_);
  return by_account_.size() + by_address_.size();
}

void SignInThrottle::RecordSuccess(std::string_view account) {
  const std::lock_guard lock(mutex_);
  by_account_.erase(std::string(account));
}

}  // namespace vigil::core::access
