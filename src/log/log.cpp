#include "log/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <nlohmann/json.hpp>

namespace vigil::log {
namespace {

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kDebug: return "debug";
    case Level::kInfo: return "info";
    case Level::kWarn: return "warn";
    case Level::kError: return "error";
  }
  return "info";
}

std::string NowIso8601() {
  const auto now = std::chrono::system_clock::now();
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &utc);
  char out[40];
  std::snprintf(out, sizeof out, "%s.%03dZ", buffer, static_cast<int>(millis));
  return out;
}

}  // namespace

Logger::Logger(Level min_level)
    : sink_(std::make_shared<spdlog::logger>("vigil",
                                             std::make_shared<spdlog::sinks::stderr_sink_mt>())),
      min_level_(min_level) {
  sink_->set_pattern("%v");
  sink_->set_level(spdlog::level::trace);
  sink_->flush_on(spdlog::level::trace);
}

Logger::~Logger() = default;

void Logger::Write(Level level, std::string_view message, std::initializer_list<Field> fields) {
  if (level < min_level_) return;
  // spdlog does not escape JSON; build the line with a JSON library.
  nlohmann::json line = {{"ts", NowIso8601()}, {"level", LevelName(level)}, {"msg", message}};
  for (const auto& [key, value] : fields) {
    std::visit([&line, key = std::string(key)](const auto& item) { line[key] = item; }, value);
  }
  sink_->info(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

bool ParseLevel(std::string_view text, Level& level) {
  for (Level candidate : {Level::kDebug, Level::kInfo, Level::kWarn, Level::kError}) {
    if (LevelName(candidate) == text) {
      level = candidate;
      return true;
    }
  }
  return false;
}

}  // namespace vigil::log
