// The Clock port: every reading of the time in the core goes through it, so that tests can
// control time (session expiry, throttling windows, audit timestamps).
#pragma once

#include <chrono>
#include <cstdint>

namespace vigil {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  // Returns the current wall-clock time. Thread-safe.
  [[nodiscard]] virtual TimePoint Now() const = 0;
};

// Milliseconds since the Unix epoch, the unit every store uses for times.
[[nodiscard]] inline std::int64_t ToUnixMillis(TimePoint time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

[[nodiscard]] inline TimePoint FromUnixMillis(std::int64_t millis) {
  return TimePoint(std::chrono::milliseconds(millis));
}

class SystemClock final : public Clock {
 public:
  [[nodiscard]] TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

// A clock that only moves when told to; for tests. Not thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(TimePoint start = FromUnixMillis(1'767'225'600'000)) : now_(start) {}
  [[nodiscard]] TimePoint Now() const override { return now_; }
  void Advance(std::chrono::milliseconds step) { now_ += step; }

 private:
  TimePoint now_;
};

}  // namespace vigil
