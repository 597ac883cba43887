#include "core/access/throttle.hpp"

#include <gtest/gtest.h>

namespace vigil::core::access {
namespace {

using std::chrono::minutes;

TEST(SignInThrottle, BlocksAnAccountAfterFiveFailuresUntilTheWindowPasses) {
  FakeClock clock;
  SignInThrottle throttle(clock, ThrottlePolicy{});
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_EQ(throttle.RetryAfter("alice", "10.0.0.1").count(), 0);
    throttle.RecordFailure("alice", "10.0.0.1");
    clock.Advance(minutes(1));
  }
  // The first failure was 5 minutes ago; it leaves the 15-minute window in 10 minutes.
  EXPECT_EQ(throttle.RetryAfter("alice", "10.0.0.2"), minutes(10));
  EXPECT_EQ(throttle.RetryAfter("bob", "10.0.0.2").count(), 0);
  clock.Advance(minutes(10));
  EXPECT_EQ(throttle.RetryAfter("alice", "10.0.0.2").count(), 0);
}

TEST(SignInThrottle, BlocksAnAddressAcrossAccounts) {
  FakeClock clock;
  SignInThrottle throttle(clock, ThrottlePolicy{});
  for (int attempt = 0; attempt < 20; ++attempt) {
    throttle.RecordFailure("user" + std::to_string(attempt), "10.0.0.9");
  }
  EXPECT_GT(throttle.RetryAfter("someone-new", "10.0.0.9").count(), 0);
  EXPECT_EQ(throttle.RetryAfter("someone-new", "10.0.0.8").count(), 0);
}

// Regression (second review): refused attempts with ever-new names grew memory without bound.
TEST(SignInThrottle, CheckingLeavesNoState) {
  FakeClock clock;
  SignInThrottle throttle(clock, ThrottlePolicy{});
  for (int attempt = 0; attempt < 20; ++attempt) throttle.RecordFailure("alice", "10.0.0.9");
  const std::size_t tracked = throttle.TrackedKeys();
  for (int attempt = 0; attempt < 1000; ++attempt) {
    EXPECT_GT(throttle.RetryAfter("name" + std::to_string(attempt), "10.0.0.9").count(), 0);
  }
  EXPECT_EQ(throttle.TrackedKeys(), tracked);
}

TEST(SignInThrottle, SuccessClearsTheAccount) {
  FakeClock clock;
  SignInThrottle throttle(clock, ThrottlePolicy{});
  for (int attempt = 0; attempt < 4; ++attempt) throttle.RecordFailure("alice", "a");
  throttle.RecordSuccess("alice");
  throttle.RecordFailure("alice", "a");
  EXPECT_EQ(throttle.RetryAfter("alice", "b").count(), 0);
}

}  // namespace
}  // namespace vigil::core::access
