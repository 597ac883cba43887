// Structured logs: one JSON object per line on stderr. Callers pass only fields that are safe
// to keep: never personal data, request bodies or query strings.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace spdlog {
class logger;
}

namespace vigil::log {

enum class Level { kDebug, kInfo, kWarn, kError };

using FieldValue = std::variant<std::string_view, std::int64_t, double, bool>;
using Field = std::pair<std::string_view, FieldValue>;

class Logger {
 public:
  // Logs to stderr at `min_level` and above. Thread-safe.
  explicit Logger(Level min_level = Level::kInfo);
  ~Logger();
  void Write(Level level, std::string_view message, std::initializer_list<Field> fields = {});
  void Info(std::string_view message, std::initializer_list<Field> fields = {}) {
    Write(Level::kInfo, message, fields);
  }
  void Warn(std::string_view message, std::initializer_list<Field> fields = {}) {
    Write(Level::kWarn, message, fields);
  }
  void Error(std::string_view message, std::initializer_list<Field> fields = {}) {
    Write(Level::kError, message, fields);
  }

 private:
  std::shared_ptr<spdlog::logger> sink_;
  Level min_level_;
};

// "debug", "info", "warn", "error"; nullopt-like false when unknown.
[[nodiscard]] bool ParseLevel(std::string_view text, Level& level);

}  // namespace vigil::log
